"""Scale: findings per article, report sizes, --workers 1 against --workers 2, peak memory, the one-new-article
`verify check`, and report.html's load time in Chromium, on synthetic corpora (issue #13's targets).

Run from the repository root:  .venv/bin/python benchmarks/scale.py [--sizes 1000 5000] [--write]
Each run is a fresh process (model loading and peak memory as a user sees them). --write appends the
section to benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PYTHON, ROOT, append_results, child, machine, wall  # noqa: E402

# One measured `verify report` run in a child process: timings, memory, sizes, findings.
CHILD = r"""
import json, os, resource, sys, time
started = time.perf_counter()
from verify.pipeline import run
from verify.report import write_reports
args = json.loads(sys.argv[1])
report = run([args["articles"]], cache_dir=args["cache"], workers=args["workers"])
t = time.perf_counter()
write_reports(report, args["out"])
seconds = dict(report.stats["seconds"])
seconds["write"] = time.perf_counter() - t
seconds["total"] = time.perf_counter() - started
sizes = {name: os.path.getsize(os.path.join(args["out"], name))
         for name in ("report.html", "report-data.js", "report.json", "report.md")}
result = {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
          "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
          "articles": len(report.articles), "findings": len(report.findings), "sizes": sizes,
          "by_status": {s: sum(1 for f in report.findings if f.status == s) for s in
                        ("conflict", "different_scope", "update", "different_event", "compatible", "agree")}}
print("RESULT " + json.dumps(result))
"""

TARGETS = {"html_mb": 5.0, "html_load_s": 2.0, "speedup": 1.6, "check_s": 5.0, "peak_mb": 1500}
NEW_ARTICLE = ("Trade ministers meet in Lisbon\n\nPublished 1 June 2024\n\nTrade ministers from 12 countries met in "
               "Lisbon on Saturday, 1 June, and agreed a common tariff list, the Portuguese economy ministry said.\n")


def html_load(report_dir: Path) -> dict:
    """benchmarks/html_load.py's figures, parsed (median of 3 runs in Chromium)."""
    done = subprocess.run([PYTHON, str(ROOT / "benchmarks" / "html_load.py"), str(report_dir), "--runs", "3"],
                          capture_output=True, text=True, cwd=ROOT)
    figures = {}
    for line in done.stdout.splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            figures[key.strip()] = value.strip()
    return figures


def check_after_one_new_article(articles: Path, cache: Path, work: Path) -> float:
    """`verify check` wall time with one article added to a corpus the cache already holds."""
    new = articles / "zz_new_article.txt"
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    try:
        return wall([str(ROOT / ".venv" / "bin" / "verify"), "check", str(articles), "--cache", str(cache),
                     "--reviews", str(work / "none.json"), "--out", str(work / "check-out")], ROOT)
    finally:
        new.unlink()


def _seconds(figure: str) -> float:
    """Seconds from an html_load.py figure ("580 ms (median of 3: ...)"); infinity when there is none."""
    try:
        return float(figure.split()[0].replace(",", "")) / 1000
    except (IndexError, ValueError):
        return float("inf")


def mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--write", action="store_true", help="append the results to benchmarks/RESULTS.md")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="verify-scale-"))
    lines = [f"## Scale, {time.strftime('%Y-%m-%d %H:%M')} (`benchmarks/scale.py`)", "",
             f"Machine: {machine()}.", ""]
    rows = []
    try:
        # The first run exports the sentence model to ONNX (once per cache folder): not part of any timing,
        # so every fresh cache below starts with the export in its models/ folder.
        exported = subprocess.run([PYTHON, "-c", "from verify.embed import Embedder; e = Embedder(); "
                                   "e.encode(['warm up']); print(e.models_folder)"],
                                  cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
        for size in options.sizes:
            corpus = work / f"corpus{size}"
            subprocess.run([PYTHON, str(ROOT / "benchmarks" / "make_corpus.py"), str(size), str(corpus)],
                           check=True, capture_output=True)
            articles = corpus / "articles"
            runs = {}
            for workers in (1, 2):
                shutil.copytree(exported, work / f"cache{size}-{workers}" / "models")
                runs[workers] = child(CHILD, {"articles": str(articles), "out": str(work / f"out{size}-{workers}"),
                                              "cache": str(work / f"cache{size}-{workers}"), "workers": workers})
                print(f"{size} articles, --workers {workers}: {runs[workers]['seconds']['total']:.1f} s", flush=True)
            check = check_after_one_new_article(articles, work / f"cache{size}-2", work)
            page = html_load(work / f"out{size}-2")
            rows.append((size, runs, check, page))
            print(f"{size} articles: check {check:.1f} s, html {page}", flush=True)
        lines += [
            "| articles | findings (per article) | by status | report.html | report-data.js | report.json "
            "| HTML load (to `load` event / first discrepancy) | --workers 1 s | --workers 2 s | speed-up "
            "| peak MB (main / largest worker) | check after 1 new article |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for size, runs, check, page in rows:
            one, two = runs[1], runs[2]
            sizes = two["sizes"]
            speedup = one["seconds"]["total"] / two["seconds"]["total"]
            status = ", ".join(f"{k} {v:,}" for k, v in two["by_status"].items() if v)
            lines.append(
                f"| {size:,} | {two['findings']:,} ({two['findings'] / size:.1f}) | {status} "
                f"| {sizes['report.html'] / 2**20:.1f} MB | {sizes['report-data.js'] / 2**20:.1f} MB "
                f"| {sizes['report.json'] / 2**20:.1f} MB "
                f"| {page.get('to the load event', '?')} / {page.get('to the first discrepancy', '?')} "
                f"| {one['seconds']['total']:.1f} | {two['seconds']['total']:.1f} | {speedup:.2f}x "
                f"| {one['peak_mb']:.0f} (w1); {two['peak_mb']:.0f} / {two['worker_peak_mb']:.0f} (w2) "
                f"| {check:.1f} s |")
        lines.append("")
        lines.append("Stage seconds (read, extract, events, align, judge, write; `embed` is time inside the model):")
        lines.append("")
        for size, runs, _, _ in rows:
            for workers, result in runs.items():
                s = result["seconds"]
                lines.append(f"- {size:,} articles, --workers {workers}: " + ", ".join(
                    f"{k} {s[k]:.1f}" for k in ("read", "extract", "embed_in_model", "events", "align", "judge",
                                                 "write", "total") if k in s))
        lines.append("")
        lines.append("Against the targets:")
        lines.append("")
        for size, runs, check, page in rows:
            two = runs[2]
            html_mb = two["sizes"]["report.html"] / 2**20
            speedup = runs[1]["seconds"]["total"] / two["seconds"]["total"]
            peak = max(runs[1]["peak_mb"], two["peak_mb"])
            load = _seconds(page.get("to the load event", ""))
            lines.append(f"- {size:,}: report.html {html_mb:.1f} MB < {TARGETS['html_mb']:.0f} MB {mark(html_mb < 5)}, "
                         f"opens in {load:.2f} s < {TARGETS['html_load_s']:.0f} s {mark(load < 2)}; "
                         f"--workers 2 speed-up {speedup:.2f}x >= {TARGETS['speedup']} {mark(speedup >= 1.6)}; "
                         f"peak of the main process {peak:.0f} MB < {TARGETS['peak_mb']} MB {mark(peak < 1500)}; "
                         f"one new article {check:.1f} s < {TARGETS['check_s']:.0f} s {mark(check < 5)}.")
        lines.append("")
        text = "\n".join(lines)
        print(text)
        if options.write:
            append_results(text)
        # The raw figures, for a closer look after the temporary folder is gone.
        (work.parent / "verify-scale-last.json").write_text(json.dumps(
            {str(size): {"runs": runs, "check": check, "html": page} for size, runs, check, page in rows}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
