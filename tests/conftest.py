"""Shared fixtures: the heavy models are loaded once per test session."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from verify.embed import Embedder
from verify.pipeline import build_resources, run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV = ROOT / "tests" / "data" / "dev"


@pytest.fixture(scope="session")
def resources():
    return build_resources()


@pytest.fixture(scope="session")
def embedder():
    return Embedder()


@pytest.fixture(scope="session")
def seeds_report(resources, embedder):
    return run([str(SEEDS)], resources=resources, embedder=embedder)


CONTRADICTION = (" date 2025-04-11 Defence ministers from 35 countries met in Brussels on Friday, 11 April, to plan "
                 "support for a lasting peace in Ukraine, UK Defence Secretary John Healey said.\n")


@pytest.fixture(scope="session")
def contradiction_report(tmp_path_factory, resources, embedder):
    """The seeds plus an article that contradicts them (35 countries, 11 April): a report with open conflicts."""
    import shutil

    folder = tmp_path_factory.mktemp("contradiction") / "seeds"
    shutil.copytree(SEEDS, folder)
    (folder / "005_contradiction.txt").write_text(CONTRADICTION, encoding="utf-8")
    return run([str(folder)], resources=resources, embedder=embedder)


@pytest.fixture
def corpus(tmp_path, resources, embedder):
    """Write articles {name: text} to a folder and run the pipeline on it."""

    def make(articles: dict[str, str]):
        folder = tmp_path / "articles"
        folder.mkdir(exist_ok=True)
        for name, text in articles.items():
            (folder / f"{name}.txt").write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return run([str(folder)], resources=resources, embedder=embedder)

    return make


def findings_between(report, article_a: str, article_b: str, attribute_prefix: str = ""):
    """Findings that compare a claim of article_a with a claim of article_b (in one of their pairs, when grouped)."""
    claims = {c.id: c for c in report.claims}
    result = []
    for finding in report.findings:
        if not finding.attribute.startswith(attribute_prefix):
            continue
        sides = finding.sides or [finding.claims]
        compared = [[sides[i] for i in pair["sides"]] for pair in finding.pairs] or [sides]
        for pair in compared:
            articles = [{claims[c].article for c in side} for side in pair]
            if len(articles) == 2 and (
                (article_a in articles[0] and article_b in articles[1])
                or (article_b in articles[0] and article_a in articles[1])
            ):
                result.append(finding)
                break
    return result


def claim_texts(report, article: str, kind: str | None = None) -> list[str]:
    return [c.text for c in report.claims if c.article == article and (kind is None or c.kind == kind)]
