"""Tables of articles: a CSV, JSON Lines, JSON or Parquet file (or a pandas DataFrame) in, `Article`s out.

One row is one article. Columns are found by their usual names (id, title, text/content/body,
date/published, source/outlet, url) or named by the caller. Each row's cells are written in the
seed format (date line, title, text, `Source: <outlet> <url>`); that text is what the row's
offsets point into, and reports keep a copy of it beside them (texts/<id>.txt). A row that
cannot be read is a warning naming the table and the row; the other rows are still read.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from .read import ArticleError, format_seed, parse_article, unique_articles
from .records import Article

# What each field of an article is called in the exports people have, most specific first.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "unit_id", "uid", "guid", "key"),
    "title": ("title", "headline", "article_title", "heading", "name"),
    "text": ("text", "content", "body", "article_content", "article_text", "article_body", "full_text", "maintext",
             "article", "story", "description"),
    "date": ("date", "published", "published_at", "publish_date", "publication_date", "pub_date", "date_published",
             "datetime", "timestamp", "created_at", "time"),
    "outlet": ("outlet", "source", "publisher", "sitename", "site_name", "site", "source_name", "media", "newspaper",
               "domain"),
    "url": ("url", "link", "article_url", "source_url", "href", "uri"),
}
FIELDS = tuple(COLUMN_NAMES)


class TableError(Exception):
    """A table that cannot be read at all (unreadable file, no text column); the message says how to fix it."""


def parse_column_options(options: list[str] | tuple[str, ...]) -> dict[str, str]:
    """`--column text=article_content` options as {field: column}; raises ValueError on a malformed one."""
    columns: dict[str, str] = {}
    for option in options:
        field, sep, column = option.partition("=")
        field = field.strip().lower()
        if field == "source":
            field = "outlet"  # the table's "source" is the outlet that published the article
        if not sep or not column.strip() or field not in FIELDS:
            raise ValueError(f"--column {option!r}: expected FIELD=COLUMN with FIELD one of {', '.join(FIELDS)} "
                             f"(for example --column text=article_content)")
        columns[field] = column.strip()
    return columns


def load_table(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """The rows of a .csv, .jsonl, .json or .parquet file, every cell as read (no type guessing on ids).

    A CSV that is not UTF-8 is read as Windows-1252, with a warning, like an article file.
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            try:
                return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig"), []
            except UnicodeDecodeError:
                return (pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="cp1252"),
                        [f"{path}: not UTF-8, read as Windows-1252"])
        if suffix == ".jsonl":
            return pd.read_json(path, lines=True, dtype=False, encoding="utf-8"), []
        if suffix == ".json":
            return _read_json(path), []
        if suffix == ".parquet":
            return pd.read_parquet(path), []
    except (OSError, ValueError, UnicodeDecodeError, ImportError) as exc:
        raise TableError(f"{path}: cannot read as a {suffix[1:]} table ({_first_line(exc)})") from exc
    except Exception as exc:  # noqa: BLE001 - parser-specific errors (pyarrow, the csv module) become a message
        raise TableError(f"{path}: cannot read as a {suffix[1:]} table ({type(exc).__name__}: "
                         f"{_first_line(exc)})") from exc
    raise TableError(f"{path}: not a table (.csv, .jsonl, .json, .parquet)")


def _read_json(path: Path) -> pd.DataFrame:
    """A JSON list of article objects, or an object holding one under a key such as "articles"."""
    import json

    data = json.loads(path.read_text(encoding="utf-8-sig"))
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if len(lists) != 1:
            raise ValueError("expected a list of article objects, or an object with one such list")
        data = lists[0]
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise ValueError("expected a list of article objects")
    return pd.DataFrame(data)


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def find_columns(frame: pd.DataFrame, given: dict[str, str] | None, name: str) -> dict[str, str]:
    """{field: column} for the frame: the columns given, else the first usual name present (any case)."""
    given = dict(given or {})
    by_lower = {str(c).strip().lower(): c for c in frame.columns}
    missing = [column for column in given.values() if column not in frame.columns]
    if missing:
        raise TableError(f"{name}: no column {', '.join(repr(c) for c in missing)}; its columns are "
                         f"{', '.join(repr(str(c)) for c in frame.columns)}")
    found = dict(given)
    for field, names in COLUMN_NAMES.items():
        if field in found:
            continue
        match = next((by_lower[n] for n in names if n in by_lower and by_lower[n] not in found.values()), None)
        if match is not None:
            found[field] = match
    if "text" not in found:
        raise TableError(f"{name}: no text column (looked for {', '.join(COLUMN_NAMES['text'])}); its columns are "
                         f"{', '.join(repr(str(c)) for c in frame.columns)}. Name it with --column text=COLUMN")
    return found


def parse_date_cell(value) -> tuple[dt.date | None, str | None]:
    """A date cell as a date, or None and why not. ISO dates, timestamps and what pandas reads (month first)."""
    if _empty(value):
        return None, "no date"
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)):
        return None, f"date {value!r} is a number, not a date"
    raw = str(value).strip()
    iso = re.match(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])", raw)
    try:
        if iso:
            return dt.date.fromisoformat(iso.group(1)), None
        return pd.to_datetime(raw).date(), None
    except (ValueError, OverflowError, TypeError):
        return None, f"date {raw!r} is not a date"


def _empty(value) -> bool:
    if value is None:
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        pass  # lists and arrays: not a missing value
    return isinstance(value, str) and not value.strip()


def _cell_text(value) -> str | None:
    return None if _empty(value) else str(value).strip()


def frame_articles(frame: pd.DataFrame, columns: dict[str, str] | None = None, name: str = "table",
                   path: str | None = None, row_numbers: list[int] | None = None) -> tuple[list[Article], list[str]]:
    """The articles of a table, one per row, and a warning for each row that cannot be read.

    `name` is how messages refer to the table; ids are the id column, else `<name stem>-<row>`.
    `row_numbers` are the rows' numbers in the whole table when `frame` holds only some of them.
    """
    found = find_columns(frame, columns, name)
    stem = Path(name).stem
    articles: list[Article] = []
    warnings: list[str] = []
    numbers = row_numbers or range(1, len(frame) + 1)
    if "date" not in found:
        warnings.append(f"{name}: no date column (looked for {', '.join(COLUMN_NAMES['date'])}): publication dates "
                        f"unknown, relative dates unresolved. Name it with --column date=COLUMN")
    for row_number, (_, row) in zip(numbers, frame.iterrows()):
        where = f"{name} row {row_number}"
        cells = {field: row[column] for field, column in found.items()}
        article_id = _cell_text(cells.get("id")) or f"{stem}-{row_number}"
        where_id = f"{where} (id '{article_id}')" if "id" in found else where
        text = _cell_text(cells.get("text"))
        if text is None:
            warnings.append(f"{where_id}: no text in column '{found['text']}', skipped")
            continue
        date, date_problem = parse_date_cell(cells.get("date")) if "date" in found else (None, None)
        outlet, url = _cell_text(cells.get("outlet")), _cell_text(cells.get("url"))
        seed = format_seed(text.splitlines(), date, _cell_text(cells.get("title")), outlet, url)
        try:
            article = parse_article(seed, article_id=article_id, path=path or name, name=where_id,
                                    missing_date=f"{date_problem}: publication date unknown, relative dates unresolved"
                                    if date_problem else "")
        except ArticleError as exc:
            warnings.append(f"{exc}, skipped")
            continue
        article.input_format, article.row = "table", row_number
        article.outlet = outlet or article.outlet
        article.url = url or article.url
        if _cell_text(cells.get("title")):
            article.title = " ".join(str(cells["title"]).split())
        articles.append(article)
    return articles, warnings


def read_table_articles(path: Path, columns: dict[str, str] | None = None) -> tuple[list[Article], list[str]]:
    """The articles of a table file; raises ArticleError (naming the file) when the table cannot be read at all."""
    try:
        frame, warnings = load_table(path)
        articles, row_warnings = frame_articles(frame, columns, str(path), str(path))
        return articles, warnings + row_warnings
    except TableError as exc:
        raise ArticleError(str(exc)) from exc


def group_rows(frame: pd.DataFrame, group_by: list[str], name: str) -> list[tuple[str, list[int]]]:
    """The table split into stories by the values of the `group_by` columns: (label, row numbers), first seen first."""
    missing = [c for c in group_by if c not in frame.columns]
    if missing:
        raise TableError(f"{name}: no column {', '.join(repr(c) for c in missing)} to group by; its columns are "
                         f"{', '.join(repr(str(c)) for c in frame.columns)}")
    groups: dict[str, list[int]] = {}
    for row_number, values in enumerate(frame[group_by].itertuples(index=False), start=1):
        label = " / ".join(_cell_text(v) or "(none)" for v in values)
        groups.setdefault(label, []).append(row_number)
    return list(groups.items())


def grouped_articles(tables: list[tuple[str, pd.DataFrame, list[str]]], group_by: list[str],
                     columns: dict[str, str] | None = None) -> dict[str, tuple[list[Article], list[str]]]:
    """Articles per story across tables (name, rows, warnings about the whole table), keyed by the group's label.

    Each group comes with the warnings of its rows and of its tables.
    """
    groups: dict[str, tuple[list[Article], list[str]]] = {}
    for name, frame, table_warnings in tables:
        for label, row_numbers in group_rows(frame, group_by, name):
            rows = frame.iloc[[n - 1 for n in row_numbers]]
            articles, warnings = frame_articles(rows, columns, name, name, row_numbers)
            group = groups.setdefault(label, ([], []))
            group[0].extend(articles)
            group[1].extend(table_warnings + warnings)
    result = {}
    for label, (articles, warnings) in groups.items():
        kept, more = unique_articles(articles)
        result[label] = (kept, warnings + more)
    return result
