"""Write the bad-input corpus into a folder (some cases cannot be committed as files: binary, 20 MB).

Run: python tests/data/bad/make_bad.py OUT_DIR. Returns {file name: what the warning must say}.
Each file is one problem; tests/test_bad_input.py runs verify over all of them next to the seeds.
"""
from __future__ import annotations

import sys
from pathlib import Path

GOOD_BODY = "Ministers from 12 countries met in Tallinn on Tuesday, 14 May, to discuss energy."

# name -> (content bytes, the words the warning must contain; None when the file is read without one)
CASES: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "empty file"),
    "whitespace.txt": (b"   \n\t\n  \n", "empty file"),
    "only_date_line.txt": (b" date 2024-05-14 \n", "no article text"),
    "png_renamed.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "binary"),
    "nul_bytes.txt": (b" date 2024-05-14 Some text\x00with a NUL byte.\n", "binary"),
    "huge_20mb.txt": (b" date 2024-05-14 " + (b"All work and no play. " * 954_000), "larger than an article"),
    "one_long_line.txt": (b" date 2024-05-14 " + b"x" * 1_048_576 + b"\n", "without a sentence break"),
    "cp1252_quotes.txt": (f" date 2024-05-14 The minister said \u201cwe agree\u201d as {GOOD_BODY}\n".encode("cp1252"),
                          "Windows-1252"),
    "latin1.txt": (" date 2024-05-14 Le ministre S\u00e9bastien a dit: 12 pays.\n".encode("latin-1"), "Windows-1252"),
    "utf8_bom.txt": (("\ufeff date 2024-05-14 " + GOOD_BODY + "\n").encode("utf-8"), None),
    "crlf.txt": ((" date 2024-05-14 " + GOOD_BODY + "\r\n\r\nWindows line endings here.\r\n").encode(), None),
    "lone_cr.txt": ((" date 2024-05-14 " + GOOD_BODY + "\r\rOld Mac line endings here.\r").encode(), None),
    "nfd_name.txt": (" date 2024-05-14 Defence Minister Se\u0301bastien Lecornu met 12 envoys in Tallinn.\n".encode(),
                     None),
    "spaces_in_numbers.txt": (" date 2024-05-14 Some 31\u00a0000 people and 1\u200b200 volunteers attended the "
                              "rally in Tallinn on 14 May.\n".encode(), None),
    "bad_month.txt": (b" date 2025-13-45 Ministers met in Riga.\n", "not a real calendar date"),
    "date_yesterday.txt": (b" date yesterday Ministers met in Vilnius.\n", "not YYYY-MM-DD"),
    "future_date.txt": (b" date 2999-01-01 Ministers will meet in Kaunas.\n", "in the future"),
    "no_date_line.txt": ((b"Ministers met in Tallinn on 14 May 2024.\n"), "publication date unknown"),
    "odd_numbers.txt": (b" date 2024-05-14 In 2023, the 31st session at No. 10 Downing Street logged 1e6 calls, "
                        b"half (\xc2\xbd) of them to +44 20 7946 0958 about Resolution 2231.\n", None),
    "markup.txt": (b" date 2024-05-14 <script>alert(1)</script> [click](javascript:alert(1)) <img src=x "
                   b"onerror=alert(1)> Ministers met in Tallinn.\n", None),
}
# Copies of a seed: one exact, one syndicated with a changed first line. Filled in by write_corpus.
COPIES = {"copy_of_seed_000.txt": "the same text as", "syndicated_seed_000.txt": "a near copy of"}


def write_corpus(out: Path, seed_000: Path | None = None) -> dict[str, str | None]:
    out.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (data, warning) in CASES.items():
        (out / name).write_bytes(data)
        expected[name] = warning
    if seed_000 is not None:
        text = seed_000.read_text(encoding="utf-8")
        (out / "copy_of_seed_000.txt").write_text(text, encoding="utf-8")
        syndicated = text.replace("European Pravda correspondent", "wire service correspondent", 1)
        (out / "syndicated_seed_000.txt").write_text(syndicated + "\nDistributed by Example Wire.\n", encoding="utf-8")
        expected.update(COPIES)
    return expected


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[3]
    for name, warning in write_corpus(Path(sys.argv[1]), root / "seeds" / "000_3a415d418c45cda3.txt").items():
        print(f"{name}: {warning or '(read without a warning)'}")
