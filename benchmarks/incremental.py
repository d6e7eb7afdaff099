"""Time `verify check` on the seeds with a cold cache, then again after adding one article.

Prints the wall times of a cold run, a run after adding one article (only that article is
extracted) and a run with nothing changed (nothing is extracted or encoded).
Run: .venv/bin/python benchmarks/incremental.py
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEW_ARTICLE = (" date 2025-04-12 Officials said on Saturday that the defence ministers who met in Brussels on "
               "10 April would meet again in May.\n")


def timed(args, cwd) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "verify", *args], cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "seeds", work / "seeds")
        cold, cold_out = timed(["check", "seeds"], work)
        (work / "seeds" / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        warm, warm_out = timed(["check", "seeds"], work)
        unchanged, unchanged_out = timed(["check", "seeds"], work)
        print(f"cold cache, {len(list((work / 'seeds').glob('*.txt'))) - 1} articles: {cold:.2f} s  ({cold_out})")
        print(f"one article added, warm cache: {warm:.2f} s  ({warm_out})")
        print(f"nothing changed, warm cache: {unchanged:.2f} s  ({unchanged_out})")
        print(f"ratio one-added/cold: {warm / cold:.2f}; unchanged/cold: {unchanged / cold:.2f}")
        print("(a new article still costs loading spaCy and the embedding model, about 3-4 s on 2 cores)")


if __name__ == "__main__":
    main()
