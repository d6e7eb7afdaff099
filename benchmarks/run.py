"""Benchmark verify: time per stage, peak memory, quality against a naive baseline, incremental runs.

Run from the repository root:  .venv/bin/python benchmarks/run.py [--sizes 100 1000 5000] [--repeat 3]
It generates the synthetic corpora (benchmarks/make_corpus.py), runs verify on each in a fresh
process (so model loading and peak memory are measured as a user sees them), runs the naive
baseline on the same corpus, and prints a table; --write appends it to benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# One measured run in a child process: prints a JSON line with timings, memory and scores.
CHILD = r"""
import json, resource, sys, time
started = time.perf_counter()
from verify.evaluate import load_gold, score
from verify.pipeline import run
from verify.report import write_reports
args = json.loads(sys.argv[1])
report = run([args["articles"]], cache_dir=args.get("cache"), workers=args.get("workers", 1))
t = time.perf_counter()
write_reports(report, args["out"])
seconds = dict(report.stats["seconds"])
seconds["write"] = time.perf_counter() - t
seconds["total"] = time.perf_counter() - started
result = {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
          "children_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
          "articles": len(report.articles), "claims": len(report.claims), "findings": len(report.findings),
          "events": len(report.events), "from_cache": report.stats["from_cache"]}
if args.get("gold"):
    result["scores"] = score(report, load_gold(args["gold"])).as_dict()
print("RESULT " + json.dumps(result))
"""

BASELINE = r"""
import json, resource, sys, time
started = time.perf_counter()
from verify.baseline import naive_report
from verify.evaluate import load_gold, score
args = json.loads(sys.argv[1])
report = naive_report([args["articles"]])
result = {"seconds": {"total": time.perf_counter() - started},
          "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
          "findings": len(report.findings), "scores": score(report, load_gold(args["gold"])).as_dict()}
print("RESULT " + json.dumps(result))
"""

MODEL_ONLY = r"""
import json, sys, time
from verify.embed import default_model_path
from verify.events import _chain_vectors  # noqa: F401 - same import cost as the pipeline
from verify.pipeline import run
from sentence_transformers import SentenceTransformer
args = json.loads(sys.argv[1])
report = run([args["articles"]])
sentences = sorted({m.sentence for m in report.mentions})
model = SentenceTransformer(default_model_path(), device="cpu")
model.encode(sentences[:64])
t = time.perf_counter()
model.encode(sentences, batch_size=64, normalize_embeddings=True)
alone = time.perf_counter() - t
print("RESULT " + json.dumps({"sentences": len(sentences), "model_alone": alone,
                              "in_pipeline": report.stats["seconds"]["embed_in_model"],
                              "encoded": report.stats["texts_encoded"]}))
"""


def child(code: str, args: dict) -> dict:
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([PYTHON, "-c", code, json.dumps(args)], capture_output=True, text=True, env=env,
                          cwd=ROOT)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"benchmark child failed:\n{done.stderr[-3000:]}")


def median_of(runs: list[dict], *path) -> float:
    values = []
    for r in runs:
        value = r
        for key in path:
            value = value[key]
        values.append(value)
    return statistics.median(values)


def wall(command: list[str], cwd: Path) -> float:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True, env=env, check=False)
    return time.perf_counter() - started


def append_results(text: str) -> None:
    """Add a section at the end of benchmarks/RESULTS.md (the newest last)."""
    results = ROOT / "benchmarks" / "RESULTS.md"
    previous = results.read_text() if results.exists() else "# Benchmark results\n\n"
    results.write_text(previous.rstrip() + "\n\n" + text + "\n")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next(line.split(":", 1)[1].strip() for line in fh if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size up to 1,000 articles (median quoted)")
    parser.add_argument("--baseline-max", type=int, default=1000, help="largest corpus the naive baseline runs on")
    parser.add_argument("--write", action="store_true", help="append the results to benchmarks/RESULTS.md")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="verify-bench-"))
    lines = [f"## Benchmark, {time.strftime('%Y-%m-%d %H:%M')}", "", f"Machine: {machine()}.", ""]
    try:
        seeds = [wall([str(ROOT / ".venv" / "bin" / "verify"), "report", "seeds", "--out", str(work / "seeds-out"),
                       "--no-cache", "--quiet"], ROOT) for _ in range(options.repeat)]
        lines.append(f"Seeds end to end (`verify report seeds/`, cold, model loading included): median "
                     f"{statistics.median(seeds):.1f} s of {len(seeds)} runs (target: under 10 s).")
        lines.append("")
        header = ("| articles | runs | total s | read | extract | embed (in model) | events | align | judge | write "
                  "| peak MB | findings | conflict P / R | baseline s | baseline P / R |")
        lines += [header, "|" + "---|" * (header.count("|") - 1)]
        totals = {}
        for size in options.sizes:
            corpus = work / f"corpus{size}"
            subprocess.run([PYTHON, str(ROOT / "benchmarks" / "make_corpus.py"), str(size), str(corpus)],
                           check=True, capture_output=True)
            repeat = options.repeat if size <= 1000 else 1
            runs = [child(CHILD, {"articles": str(corpus / "articles"), "out": str(work / f"out{size}"),
                                  "gold": str(corpus / "gold.json")}) for _ in range(repeat)]
            totals[size] = median_of(runs, "seconds", "total")
            s = {k: median_of(runs, "seconds", k) for k in runs[0]["seconds"]}
            scores = runs[0]["scores"]
            if size <= options.baseline_max:
                base = child(BASELINE, {"articles": str(corpus / "articles"), "gold": str(corpus / "gold.json")})
                base_cells = (f"{base['seconds']['total']:.1f} | {base['scores']['conflict_precision']:.2f} / "
                              f"{base['scores']['conflict_recall']:.2f}")
            else:
                base_cells = "not run | -"
            lines.append(
                f"| {size:,} | {repeat} | {s['total']:.1f} | {s['read']:.1f} | {s['extract']:.1f} | "
                f"{s['embed_in_model']:.1f} | {s['events']:.1f} | {s['align']:.1f} | {s['judge']:.1f} | "
                f"{s['write']:.1f} | {median_of(runs, 'peak_mb'):.0f} | {runs[0]['findings']:,} | "
                f"{scores['conflict_precision']:.2f} / {scores['conflict_recall']:.2f} | {base_cells} |")
            print(lines[-1], flush=True)
        lines.append("")
        if 1000 in totals and 5000 in totals:
            lines.append(f"Growth: 5,000 articles took {totals[5000] / totals[1000]:.2f} times the 1,000-article time "
                         f"(target: at most 5.5).")
        if 1000 in options.sizes:
            corpus = work / "corpus1000"
            cache = work / "cache1000"
            child(CHILD, {"articles": str(corpus / "articles"), "out": str(work / "warm"), "cache": str(cache)})
            new = corpus / "articles" / "zz_new_article.txt"
            new.write_text(" date 2024-06-01 Trade ministers from 12 countries met in Lisbon on Saturday, 1 June, "
                           "and agreed a common tariff list.\n", encoding="utf-8")
            incremental = [wall([str(ROOT / ".venv" / "bin" / "verify"), "check", str(corpus / "articles"),
                                 "--cache", str(cache), "--reviews", str(work / "none.json")], ROOT)]
            lines.append(f"One new article added to the cached 1,000-article corpus, `verify check` wall time: "
                         f"{incremental[0]:.1f} s (target: under 5 s).")
            throughput = child(MODEL_ONLY, {"articles": str(corpus / "articles")})
            ratio = throughput["model_alone"] / max(throughput["in_pipeline"], 1e-9)
            lines.append(f"Embedding: {throughput['sentences']:,} unique sentences; the model alone encodes them in "
                         f"{throughput['model_alone']:.1f} s, the pipeline spends {throughput['in_pipeline']:.1f} s in "
                         f"the model for {throughput['encoded']:,} texts (sentences, units, list items): "
                         f"{ratio:.0%} of the model's own throughput (target: at least 80%).")
        lines.append("")
        text = "\n".join(lines)
        print(text)
        if options.write:
            append_results(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
