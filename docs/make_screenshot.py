"""Render reports/report.json (with the seed texts) as the HTML report and screenshot it into docs/report.png.

    .venv/bin/python docs/make_screenshot.py [--report reports/report.json] [--out docs/report.png]

Needs the `playwright` pip package and a Chromium at /usr/bin/chromium (`apt-get install -y chromium`);
no browser is downloaded (`playwright install` is never needed). The HTML page itself is written next
to the PNG as a temporary file and removed afterwards unless --keep-html is given.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.html_report import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]


def article_texts(report: dict, root: Path) -> dict[str, str]:
    """Each article's decoded text: its recorded path, else seeds/<id>.txt (utf-8-sig, like verify reads it)."""
    texts = {}
    for article in report.get("articles", []):
        candidates = [root / article["path"]] if article.get("path") else []
        candidates.append(root / "seeds" / f"{article['id']}.txt")
        for path in candidates:
            if path.is_file():
                raw = path.read_bytes()
                try:
                    texts[article["id"]] = raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    texts[article["id"]] = raw.decode("cp1252", errors="replace")
                break
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", default=str(ROOT / "reports" / "report.json"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "report.png"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--max-height", type=int, default=2500, help="clip the full-page screenshot to this height")
    parser.add_argument("--keep-html", action="store_true", help="also write the HTML next to the PNG")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright  # imported late: only this script needs it

    report = json.loads(Path(args.report).read_text(encoding="utf-8"))
    page_html = render_html(report, article_texts(report, ROOT))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "report.html"
        html_path.write_text(page_html, encoding="utf-8")
        if args.keep_html:
            out.with_suffix(".html").write_text(page_html, encoding="utf-8")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": args.width, "height": 900}, device_scale_factor=1)
                page.goto(html_path.as_uri())
                page.wait_for_load_state("load")
                full_height = page.evaluate("document.documentElement.scrollHeight")
                height = min(full_height, args.max_height)
                page.screenshot(path=str(out), full_page=True,
                                clip={"x": 0, "y": 0, "width": args.width, "height": height})
            finally:
                browser.close()
    print(f"wrote {out} ({out.stat().st_size // 1024} KB, {args.width}x{height} of {full_height} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
