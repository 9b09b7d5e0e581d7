"""Measure `tthc import` on a large workbook (default: about 50 MB), streamed read-only.

Generates (once, cached under benchmarks/.cache/) a workbook shaped like a
ministry's list: a merged title, the header on row 3, one procedure per row
with its whole dossier in one multi-line cell, over several sheets. Then runs
`python -m checker import` on it in a child process and prints wall time and
peak RSS against the target (2 GB). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPONENTS = ["Tờ khai theo mẫu", "Bản sao có chứng thực Giấy khai sinh", "Bản sao Thẻ căn cước công dân",
              "Giấy chứng nhận quyền sử dụng đất", "Văn bản ủy quyền (nếu có)", "Sổ hộ khẩu",
              "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "Giấy khám sức khỏe do cơ sở y tế có thẩm quyền cấp",
              "Phiếu lý lịch tư pháp số 1", "Báo cáo kết quả thực hiện dự án đầu tư trong năm",
              "Bản vẽ thiết kế kỹ thuật thi công công trình", "Giấy tờ khác có liên quan"]


def generate(path: Path, target_mb: int, seed: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    row_id = 0
    sheets = 0
    while True:
        sheet = book.create_sheet(f"Danh mục {sheets + 1}")
        sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC PHẠM VI QUẢN LÝ CỦA BỘ TƯ PHÁP"])
        sheet.append([])
        sheet.append(["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện", "Lĩnh vực", "Thành phần hồ sơ",
                      "Ghi chú"])
        for _ in range(min(40_000, max(1000, target_mb * 4500))):
            row_id += 1
            items = rng.sample(COMPONENTS, rng.randint(3, 8))
            dossier = "\n".join(f"{i}. {text} của người đề nghị số {rng.randint(1, 999999)}"
                                for i, text in enumerate(items, start=1))
            note = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(rng.randint(40, 400)))
            sheet.append([row_id, f"9.{row_id:06d}", f"Thủ tục thử nghiệm số {row_id}",
                          rng.choice(["Cấp xã", "Cấp tỉnh", "Cấp bộ"]), "Hộ tịch", dossier, note])
        sheets += 1
        if row_id * 235 >= target_mb * 1024 * 1024:  # bytes per row after compression, measured
            break
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=50, help="approximate workbook size in MB")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    cache = HERE / ".cache"
    cache.mkdir(exist_ok=True)
    book = cache / f"large-{args.mb}mb-seed{args.seed}.xlsx"
    if not book.exists():
        started = time.perf_counter()
        generate(book, args.mb, args.seed)
        print(f"generated    {book.name} in {time.perf_counter() - started:.1f} s")
    print(f"workbook     {book.stat().st_size / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "checker", "import", str(book), "--out", str(Path(tmp) / "c")],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        out, err = child.stdout.read(), child.stderr.read()
        peak_mb = usage.ru_maxrss / 1024
        code = os.waitstatus_to_exitcode(status)
    print(out.strip().splitlines()[0] if out.strip() else err.strip()[-500:])
    print(f"wall time    {wall:.1f} s")
    print(f"peak RSS     {peak_mb:.0f} MB (target ≤ 2048 MB)")
    ok = code == 0 and peak_mb <= 2048
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
