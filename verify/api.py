"""The Python API: what the command line does, for notebooks and other tools.

    import verify
    report = verify.run("articles.csv", columns={"text": "article_content"})
    report.findings_frame()

`run` takes a file, a folder, a list of them, or a pandas DataFrame with one article per row,
and returns the `Report` every command works from: `report.claims_frame()` and
`report.findings_frame()` are the tables of claims.csv and findings.csv, `report.write(folder)`
writes all the report files. `run_groups` runs one story per group of table rows.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .read import read_articles, unique_articles
from .records import Article, Report
from .tables import TableError, frame_articles, grouped_articles, load_table

FRAME_NAME = "frame"  # how messages name the rows of a DataFrame: "frame row 3"


def read(source, columns: dict[str, str] | None = None) -> tuple[list[Article], list[str]]:
    """The articles of `source` (paths or a DataFrame) and a warning for each file or row that cannot be read."""
    if isinstance(source, pd.DataFrame):
        articles, warnings = frame_articles(source, columns, FRAME_NAME)
        kept, more = unique_articles(articles)
        return kept, warnings + more
    return read_articles(_paths(source), columns)


def _paths(source) -> list[str]:
    if isinstance(source, (str, os.PathLike)):
        return [os.fspath(source)]
    return [os.fspath(p) for p in source]


def run(source, *, columns: dict[str, str] | None = None, model: str | None = None, cache: str | None = None,
        workers: int | str = 1, dask=None, progress: Callable[[str, int, int], None] | None = None,
        resources=None, embedder=None) -> Report:
    """Read, extract, resolve events, align and judge: the whole pipeline on `source`.

    `source` is a path, a list of paths (files and folders of .txt/.md/.html articles, tables
    .csv/.jsonl/.json/.parquet) or a DataFrame with one article per row. `columns` maps fields
    (id, title, text, date, outlet, url) to table columns when their names are not the usual
    ones. `cache` is a folder for cached extractions (None: no cache). Unreadable files and rows
    are listed in `report.warnings`; nothing readable at all gives a report without articles.
    """
    from .pipeline import run_articles

    articles, warnings = read(source, columns)
    return run_articles(articles, warnings, model_path=model, progress=progress, resources=resources,
                        embedder=embedder, cache_dir=cache, workers=workers, dask=dask)


def run_groups(source, group_by: str | list[str], *, columns: dict[str, str] | None = None, model: str | None = None,
               cache: str | None = None, workers: int | str = 1, dask=None,
               progress: Callable[[str, int, int], None] | None = None) -> dict[str, Report]:
    """One report per story: the rows of the tables in `source` grouped by the values of `group_by`.

    Keys are the group values ("story-12", or "2016-02 / Idlib" for two columns). Each report's
    warnings name the rows of its group that could not be read. The models load once for all.
    Raises TableError when a table cannot be read or lacks a column.
    """
    from .cache import EmbeddingCache
    from .embed import Embedder, default_model_path
    from .pipeline import build_resources, models_folder, run_articles

    group_by = [c.strip() for c in group_by.split(",")] if isinstance(group_by, str) else list(group_by)
    if isinstance(source, pd.DataFrame):
        tables = [(FRAME_NAME, source, [])]
    else:
        tables = []
        for path in _paths(source):
            if not os.path.isfile(path) or not path.lower().endswith((".csv", ".jsonl", ".json", ".parquet")):
                raise TableError(f"{path}: grouping needs tables (.csv, .jsonl, .json, .parquet), not a folder or "
                                 f"an article file")
            tables.append((path, *load_table(Path(path))))
    groups = grouped_articles(tables, group_by, columns)
    resources = build_resources()
    model_path = model or default_model_path()
    embedder = Embedder(model_path, EmbeddingCache(cache, model_path) if cache else None,
                        models_folder(cache) if cache else None)
    return {label: run_articles(articles, warnings, model_path=model, progress=progress, resources=resources,
                                embedder=embedder, cache_dir=cache, workers=workers, dask=dask)
            for label, (articles, warnings) in groups.items()}
