"""How big report.html (and the report-data.js beside it) is, and how fast Chromium opens it.

    .venv/bin/python benchmarks/html_load.py REPORT_DIR [--runs 3]

Opens REPORT_DIR/report.html from file:// in Debian's Chromium (/usr/bin/chromium, through Playwright,
with the launch arguments of tests/test_html_report.py), in a fresh context each run, and prints the
sizes and the median over the runs of: navigation start to the `load` event, navigation start to the
first discrepancy on screen (an open conflict or an explained-away line in the summary, or a
discrepancy's card, inside the 1280x900 viewport), and, when the page has a "Show all" button, the
time from pressing it to the first card from report-data.js on screen.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
DATA_FILE = "report-data.js"

# Runs before the page's own script (Playwright injects it through the DevTools protocol, so the page's
# Content-Security-Policy does not apply): on every frame, note when a discrepancy first is on screen.
WATCH = """
(() => {
  const SELECTOR = '#summary li.open-conflict, #summary li.explained-away, .finding[data-discrepancy="1"]';
  function look() {
    const el = document.querySelector(SELECTOR);
    if (el) {
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.top < window.innerHeight) { window.__firstDiscrepancy = performance.now(); return; }
    }
    requestAnimationFrame(look);
  }
  requestAnimationFrame(look);
})();
"""


def _size(path: Path) -> str:
    return f"{path.stat().st_size:,} bytes ({path.stat().st_size / 1e6:.1f} MB)" if path.exists() else "(none)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report_dir", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    page_path = args.report_dir / "report.html"
    if not page_path.is_file():
        print(f"{page_path}: no such file", file=sys.stderr)
        return 2

    from playwright.sync_api import sync_playwright  # imported late: only this script needs it

    loads, firsts, shows = [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.add_init_script(WATCH)
                page.goto(page_path.as_uri(), wait_until="load", timeout=300_000)
                loads.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart"))
                page.wait_for_function("() => window.__firstDiscrepancy !== undefined", timeout=60_000)
                firsts.append(page.evaluate("window.__firstDiscrepancy"))
                button = page.locator("#show-all")
                if button.count():
                    start = time.perf_counter()
                    button.click()
                    page.locator("#more-findings .finding").first.wait_for(state="visible", timeout=60_000)
                    shows.append((time.perf_counter() - start) * 1000)
                context.close()
        finally:
            browser.close()

    def line(values: list[float]) -> str:
        runs = ", ".join(f"{v:,.0f}" for v in values)
        return f"{statistics.median(values):,.0f} ms (median of {len(values)}: {runs})"

    print(f"report.html:                {_size(page_path)}")
    print(f"{DATA_FILE}:             {_size(args.report_dir / DATA_FILE)}")
    print(f"to the load event:          {line(loads)}")
    print(f"to the first discrepancy:   {line(firsts)}")
    if shows:
        print(f"show all (loads the data):  {line(shows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
