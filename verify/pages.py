"""Web pages as articles: a saved page (.html, .htm) or a fetched URL in, an `Article` out.

trafilatura finds the main text and the metadata (title, date, site name, canonical URL) and
leaves out what surrounds it: navigation, cookie banners, related links, comments. htmldate
finds the publication date when the page's metadata has none. The text is then written in the
seed format (date line, title, paragraphs, `Source: <outlet> <url>`), and that text is what
every offset points into; reports keep a copy of it beside them (texts/<id>.txt).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .read import MAX_ARTICLE_BYTES, ArticleError, format_seed, parse_article, read_file_bytes, same_url_key
from .records import Article

FETCH_TIMEOUT = 30  # seconds per page
USER_AGENT = f"verify/{__version__} (cross-checks news articles)"


@dataclass
class Page:
    """What a web page says about its article."""

    paragraphs: list[str]
    title: str | None
    date: dt.date | None
    outlet: str | None
    url: str | None

    def seed_text(self) -> str:
        return format_seed(self.paragraphs, self.date, self.title, self.outlet, self.url)


def extract_page(html: bytes | str, name: str, url: str | None = None) -> Page:
    """The main text and metadata of a page; raises ArticleError when it holds no article text.

    `url` is where the page was fetched from; the page's own canonical URL wins when it has one.
    """
    import trafilatura
    from htmldate import find_date

    try:
        found = trafilatura.extract(html, url=url, output_format="json", with_metadata=True, include_comments=False,
                                    include_tables=False, include_images=False)
        data = json.loads(found) if found else None
    except Exception as exc:  # noqa: BLE001 - the parser's own failures on odd markup become a message
        raise ArticleError(f"{name}: cannot read the page's HTML ({type(exc).__name__}: {exc})") from exc
    if not data or not (data.get("text") or "").strip():
        raise ArticleError(f"{name}: no article text found in the page (only navigation, links or boilerplate)")
    date = _date(data.get("date"))
    if date is None:
        # htmldate looks further than the metadata: the text, the URL, time elements.
        try:
            date = _date(find_date(html, extensive_search=True, original_date=True, url=url))
        except Exception:  # noqa: BLE001 - a page without a findable date is read with the date unknown
            date = None
    page_url = data.get("source") or url
    outlet = data.get("source-hostname") or data.get("sitename") or data.get("hostname")
    if not outlet and page_url:
        outlet = (urlsplit(page_url).hostname or "").removeprefix("www.") or None
    paragraphs = [line for line in data["text"].splitlines() if line.strip()]
    title = " ".join((data.get("title") or "").split()) or None
    if title and outlet and title.casefold() == outlet.casefold():
        title = None  # a <title> that only names the site is no headline
    return Page(paragraphs=paragraphs, title=title, date=date, outlet=outlet, url=page_url)


def _date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def page_article(page: Page, article_id: str, path: str, name: str) -> Article:
    """The article a page holds; its text is the page in the seed format, which offsets point into."""
    text = page.seed_text()
    article = parse_article(text, article_id=article_id, path=path, name=name,
                            missing_date="no publication date in the page or its metadata: relative dates unresolved")
    article.input_format = "html"
    article.outlet = page.outlet or article.outlet
    article.url = page.url or article.url
    if page.title:
        article.title = " ".join(page.title.split())
    return article


def read_page(path: Path) -> Article:
    """Read a saved web page; raises ArticleError when it cannot be used."""
    data = read_file_bytes(path)
    if not data.strip():
        raise ArticleError(f"{path}: empty file")
    return page_article(extract_page(data, str(path)), path.stem, str(path), str(path))


class FetchError(Exception):
    """A URL that could not be fetched; the message names it and says why."""


def fetch(url: str, timeout: float = FETCH_TIMEOUT) -> tuple[bytes, str]:
    """The page at `url` and the URL it was finally served from (after redirects)."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"{url}: not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            content_type = response.headers.get("Content-Type", "")
            data = response.read(MAX_ARTICLE_BYTES + 1)
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: cannot connect ({exc.reason})") from exc
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url}: cannot fetch ({exc})") from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise FetchError(f"{url}: more than {MAX_ARTICLE_BYTES:,} bytes, not a news article page")
    if content_type and not re.search(r"html|xml|text/plain", content_type, re.I):
        raise FetchError(f"{url}: not a web page ({content_type})")
    return data, final_url


def seed_file_name(page: Page, url: str) -> str:
    """A stable file name for a fetched page: a slug of its title and a short hash of its URL.

    The same URL always gives the same name (so the article id never changes), and two pages
    with one title never collide.
    """
    words = re.sub(r"[^a-z0-9]+", "-", (page.title or urlsplit(url).path or "article").lower()).strip("-")
    slug = "-".join(words.split("-")[:10])[:60].strip("-") or "article"
    return f"{slug}-{hashlib.sha256(same_url_key(url).encode('utf-8')).hexdigest()[:8]}.txt"
