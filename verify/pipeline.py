"""The pipeline: read -> extract -> resolve events -> align -> judge, as one call.

Each stage is its own module and only sees the records the previous stage returned.
"""
from __future__ import annotations

from typing import Callable

from . import __version__
from .align import align
from .embed import Embedder
from .events import resolve_events
from .extract import Resources, extract_article, load_nlp
from .extract.places import Gazetteer
from .judge import Judge, judge
from .read import read_articles
from .records import Report

Progress = Callable[[str, int, int], None]


def build_resources() -> Resources:
    return Resources(nlp=load_nlp(), gazetteer=Gazetteer())


def run(paths: list[str], model_path: str | None = None, progress: Progress | None = None,
        resources: Resources | None = None, embedder: Embedder | None = None) -> Report:
    """Run every stage on the articles under `paths` and return the full report."""
    tick = progress or (lambda stage, done, total: None)
    articles, warnings = read_articles(paths)
    resources = resources or build_resources()
    embedder = embedder or Embedder(model_path)
    claims, mentions = [], []
    for n, article in enumerate(articles, 1):
        article_claims, article_mentions = extract_article(article, resources)
        claims.extend(article_claims)
        mentions.extend(article_mentions)
        tick("extract", n, len(articles))
    events = resolve_events(articles, mentions, claims, embedder, resources.gazetteer)
    tick("events", 1, 1)
    groups = align(claims, embedder)
    tick("align", 1, 1)
    findings = judge(groups, events, Judge(embedder, resources.gazetteer, resources.country_code, events))
    tick("judge", 1, 1)
    return Report(articles=articles, mentions=mentions, events=events, claims=claims, findings=findings,
                  warnings=warnings, tool_version=__version__, model=embedder.name)
