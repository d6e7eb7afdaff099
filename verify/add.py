"""`verify add URL...`: fetch news pages and write them into a folder of articles in the seed format.

Each page's main text and metadata come from verify/pages.py. The file is named by a slug of
the title and a hash of the URL, so the article id stays the same however often the page is
added. A page already in the folder (the same URL, or a syndicated copy of an article there)
is refused, so the folder never counts one story twice.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .pages import FetchError, extract_page, fetch, page_article, seed_file_name
from .read import ArticleError, original_of, read_articles


@dataclass
class Added:
    """What happened to one URL: the file written, or why nothing was."""

    url: str
    path: Path | None = None
    problem: str | None = None  # why the URL was not added
    warnings: list[str] = field(default_factory=list)  # added, but something is missing (the date)
    date: str | None = None
    outlet: str | None = None


def add_urls(urls: list[str], folder: str | Path, fetcher: Callable[[str], tuple[bytes, str]] = fetch) -> list[Added]:
    """Fetch each URL and write it into `folder`; one `Added` per URL, in order, never raising for one bad URL."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    present, _ = read_articles([str(folder)]) if any(folder.iterdir()) else ([], [])
    results = []
    for url in urls:
        result = Added(url=url)
        results.append(result)
        try:
            data, final_url = fetcher(url)
            page = extract_page(data, url, url=final_url)
        except (FetchError, ArticleError) as exc:
            result.problem = str(exc)
            continue
        name = seed_file_name(page, page.url or url)
        path = folder / name
        article = page_article(page, path.stem, str(path), url)
        copy = original_of(article, present)
        if copy is None and page.url != url:
            # The address asked for can differ from the page's canonical one: either may be in the folder.
            article.url, asked = url, article.url
            copy = original_of(article, present)
            article.url = asked
        if copy is not None:
            original, similarity, why = copy
            result.problem = (f"{url}: not added, {why} {original.path} ({similarity:.0f}% alike), already in "
                              f"{folder}/")
            continue
        try:
            with open(path, "x", encoding="utf-8", newline="\n") as fh:  # "x": never overwrite an article
                fh.write(article.text)
        except FileExistsError:
            result.problem = f"{url}: not added, {path} already exists"
            continue
        except OSError as exc:
            result.problem = f"{url}: cannot write {path} ({exc.strerror or exc})"
            continue
        result.path, result.date, result.outlet = path, article.date.isoformat() if article.date else None, page.outlet
        if article.date is None:
            result.warnings.append(f"{path}: no publication date in the page; written without a date line "
                                   f"(add ' date YYYY-MM-DD ' at the start of the file)")
        present.append(article)
    return results


def read_url_list(path: str | os.PathLike) -> list[str]:
    """URLs from a file, one a line; blank lines and lines starting with # are skipped."""
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
