"""YAML loading that leaves dates and numbers-looking codes to pydantic.

PyYAML turns "2025-13-45" into an exception with no key path and "1.000010"
into the float 1.00001; a loader without the timestamp resolver keeps dates as
text so validation can name the exact key that is wrong.
"""

from __future__ import annotations

import yaml


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(stream):
    return yaml.load(stream, Loader=_Loader)  # noqa: S506 - SafeLoader subclass, no object construction
