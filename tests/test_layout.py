"""Sentences, not line breaks, decide what is text: the seeds read the same with their layout gone."""
from __future__ import annotations

import re

import pytest
from conftest import SEEDS

from verify.pipeline import run


def claim_keys(report) -> list[tuple]:
    """What a claim says, without where it sits: offsets and line numbers move with the layout."""
    return sorted((c.article, c.kind, c.attribute, str(c.value), " ".join(c.text.split())) for c in report.claims)


def finding_keys(report) -> list[tuple]:
    return sorted((f.status, f.event or "", f.attribute, tuple(f.articles), tuple(f.values)) for f in report.findings)


LAYOUTS = {
    # Every line break replaced by a space: the whole article, title and labels included, on one line.
    "one line": lambda text: " ".join(text.split("\n")),
    # Paragraphs one per line with no blank line between them, as many exports write them.
    "no blank lines": lambda text: re.sub(r"\n\s*\n", "\n", text),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_seeds_without_their_line_breaks_give_the_same_claims(layout, tmp_path, seeds_report, resources, embedder):
    for path in sorted(SEEDS.glob("*.txt")):
        reshaped = LAYOUTS[layout](path.read_text(encoding="utf-8"))
        (tmp_path / path.name).write_text(reshaped, encoding="utf-8")
    if layout == "one line":
        assert all(len(p.read_text(encoding="utf-8").splitlines()) == 1 for p in tmp_path.iterdir())
    report = run([str(tmp_path)], resources=resources, embedder=embedder)
    assert report.warnings == []
    assert len(report.claims) == len(seeds_report.claims)
    assert claim_keys(report) == claim_keys(seeds_report)
    assert finding_keys(report) == finding_keys(seeds_report)
    texts = {a.id: a.text for a in report.articles}
    for claim in report.claims:
        assert texts[claim.article][claim.start:claim.end] == claim.text
