"""Score the document-type matcher against the hand-labelled sample in tests/data/.

precision = rows matched to the labelled type / rows the matcher assigned a type
            (rows labelled DATA_LOOKUP are scored separately: the checker gives them
            ALREADY_DATA whatever the type);
coverage  = rows naming a state-issued document (label = an id or OTHER:…, kind
            state_issued) matched to that type / all such rows.
Samples, in tests/data/ (all hand-labelled, the same label set):
  held-out  labelled_components.csv          409 rows spread over ministries and document types
                                             (state-issued papers over-represented), other half;
  dev       dev_labelled_components.csv      360 rows from the half used to write aliases;
  random-a  random_a_labelled_components.csv 480 rows drawn at random, labelled blind by people who
                                             never saw the matcher; measured once, then used to fix
                                             the errors it showed, so now development data;
  random-b  random_b_labelled_components.csv 600 more random rows, labelled blind, from procedures in
                                             no other sample; measured once, then used like A;
  random-c  random_c_labelled_components.csv 549 random rows (2026-11-23), labelled blind, from the
                                             procedures left in no other sample; measured once
                                             before any change it could inspire (the figures in
                                             README), then used like A and B;
  random-d  random_d_labelled_components.csv 480 rows (2026-11-23): every row of 131 procedures of ../shared/realdata drawn
                                             at random from those in no other sample (texts already labelled dropped;
                                             Tài chính, NN&MT, NHNN, Xây dựng, Tư pháp, Công an, Quốc phòng); labelled
                                             blind against a frozen catalog and measured once (the figures in README),
                                             then used like A–C.
  source-d  source_d_labelled_components.csv 486 rows (2026-11-23) from a NEW source, in no other sample and not in
                                             ../shared/realdata: the portal's own JSON of 106 procedures (Gia Lai
                                             province and a national crawl, mostly Bộ Công Thương, KH&CN, GD&ĐT,
                                             Dân tộc và Tôn giáo), every row of each; labelled blind against a
                                             frozen catalog and measured once (the figures in README).
  source-e  source_e_labelled_components.csv 435 rows (2026-11-23) from the same public crawl, 135 procedures in no other
                                             sample (Bộ Văn hóa, Thể thao và Du lịch 44, Nội vụ 27, KH&CN 23, Công
                                             Thương 12, GD&ĐT 12, Ngoại giao 8, Dân tộc và Tôn giáo 7, Quốc phòng 2),
                                             every row of each; labelled blind against a frozen catalog and measured
                                             once (the figures in README), then used like A–D.
  source-f  source_f_labelled_components.csv 476 rows (2026-11-23) from ANOTHER new source (ChippedTopaz/am-sieu-toc-data,
                                             the new portal's JSON), 115 procedures of 31 ministries and provinces in no
                                             other sample (Nội vụ, GD&ĐT, Công Thương, Quốc phòng, KH&CN, Ngoại giao,
                                             VHTTDL, Y tế and 20 provinces), every row of each; labelled blind against a
                                             frozen catalog and measured once (the figures in README), then used like A–E.
  source-g  source_g_labelled_components.csv 449 rows (2026-11-23) from the same source as F, 124 procedures in no other
                                             sample (VHTTDL 14, Nội vụ 13, GD&ĐT 9, Công Thương 9, Ngoại giao 7, KH&CN 7 and
                                             21 provinces and cities), every row of each; labelled blind against a frozen
                                             catalog and measured once (the figures in README), then used like A–F.
  source-h  source_h_labelled_components.csv 537 rows (2026-11-23) from the same source as F and G, 152 procedures in no
                                             other sample (Nội vụ 34, VHTTDL 21, Công Thương 15, Công an 10, GD&ĐT 7 and 13
                                             provinces and cities), every row of each; labelled blind against a frozen
                                             catalog and measured once (the figures in README), then used like A–G.
  source-i  source_i_labelled_components.csv 454 rows (2026-11-23) from the same source, 121 procedures in no other
                                             sample (GD&ĐT 18, Nội vụ 18, KH&CN 15, Công Thương 11, VHTTDL 10, Ngoại giao 9
                                             and 16 provinces and cities), every row of each; labelled blind against a
                                             frozen catalog and measured once (the figures in README), then used like A–H.
Each sample's `procedure` column holds the row's procedure name (and field, where the source gives it): the
score reads a row in it as `tthc check` does (`Matcher.match_in`).
Run `python -m tests.matcher_quality [--sample held-out|dev|random-a|…|random-d|source-d|…|source-i]` for the figures and
every miss (`--dev` is short for `--sample dev`).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import pandas as pd

from checker.catalog import load_reference
from checker.matching import CONFIDENT, Matcher
from checker.text import head_text, says_data_lookup

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "data" / "labelled_components.csv"           # held out: never used to write aliases
DEV_SAMPLE = HERE / "data" / "dev_labelled_components.csv"   # development half: tune against this one
SAMPLES = {
    "held-out": SAMPLE,
    "dev": DEV_SAMPLE,
    "random-a": HERE / "data" / "random_a_labelled_components.csv",
    "random-b": HERE / "data" / "random_b_labelled_components.csv",
    "random-c": HERE / "data" / "random_c_labelled_components.csv",
    "random-d": HERE / "data" / "random_d_labelled_components.csv",
    "source-d": HERE / "data" / "source_d_labelled_components.csv",
    "source-e": HERE / "data" / "source_e_labelled_components.csv",
    "source-f": HERE / "data" / "source_f_labelled_components.csv",
    "source-g": HERE / "data" / "source_g_labelled_components.csv",
    "source-h": HERE / "data" / "source_h_labelled_components.csv",
    "source-i": HERE / "data" / "source_i_labelled_components.csv",
}
CATALOG = HERE.parent / "catalogs"


def score(sample: Path = SAMPLE, catalog: Path = CATALOG) -> dict:
    doc_types, _, _ = load_reference(catalog)
    matcher = Matcher(doc_types)
    rows = pd.read_csv(sample, dtype=str, keep_default_na=False)
    predicted, wrong, missed = 0, [], []
    correct = 0
    state_rows, state_hit = 0, 0
    lookup_rows, lookup_hit = 0, 0
    # The procedure's name and field, as `tthc check` reads a short name ("Giấy chứng nhận (bản gốc)") in them.
    contexts = rows["procedure"] if "procedure" in rows else [""] * len(rows)
    for name, label, kind, context in zip(rows["name"], rows["label"], rows["kind"], contexts):
        match = matcher.match_in(name, context)
        guess = match.document_type if match.confidence >= CONFIDENT else ""
        if label == "DATA_LOOKUP":
            lookup_rows += 1
            lookup_hit += says_data_lookup(name)
            continue
        if guess:
            predicted += 1
            if guess == label:
                correct += 1
            else:
                wrong.append((name, label, guess))
        if kind == "state_issued" and (label in doc_types or label.startswith("OTHER:")):
            state_rows += 1
            if guess == label:
                state_hit += 1
            else:
                missed.append((name, label, guess))
    return {"rows": len(rows), "predicted": predicted, "correct": correct,
            "precision": correct / predicted if predicted else 0.0,
            "state_issued_rows": state_rows, "state_issued_matched": state_hit,
            "coverage": state_hit / state_rows if state_rows else 0.0,
            "data_lookup_rows": lookup_rows, "data_lookup_recognised": lookup_hit,
            "wrong": wrong, "missed": missed}


def main() -> None:
    parser = argparse.ArgumentParser(description="Score the matcher on a hand-labelled sample.")
    parser.add_argument("--sample", choices=SAMPLES, default="held-out")
    parser.add_argument("--dev", action="store_const", const="dev", dest="sample", help="short for --sample dev")
    sample = SAMPLES[parser.parse_args().sample]
    print(f"sample: {sample.name}")
    result = score(sample)
    print(f"rows {result['rows']}; matched {result['predicted']}, correct {result['correct']}: "
          f"precision {result['precision']:.1%}")
    print(f"state-issued rows {result['state_issued_rows']}, matched correctly {result['state_issued_matched']}: "
          f"coverage {result['coverage']:.1%}")
    print(f"data-lookup rows {result['data_lookup_rows']}, recognised {result['data_lookup_recognised']}")
    print("\nwrong matches:")
    for name, label, guess in result["wrong"]:
        print(f"  [{label} ≠ {guess}] {name[:140]}")
    print("\nmost common missed heads:")
    heads = Counter(" ".join(head_text(name).split()[:5]) for name, _, _ in result["missed"])
    for head, count in heads.most_common(25):
        print(f"  {count:>3}  {head}")


if __name__ == "__main__":
    main()
