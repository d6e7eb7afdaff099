"""The README's "Adding a claim kind" example is a working kind: saved where the README says, the
registry finds it, `verify rules` lists and explains its rules, and they decide as the README says.

The module is written to a temporary folder that is added to the `verify.kinds` package path, which
is what saving it in verify/kinds/ amounts to for `Registry.default()`; nothing in verify/ changes.
Fast: no spaCy parse and no embedding model (the extract test stubs the parse-dependent helper).
"""
from __future__ import annotations

import datetime as dt
import importlib
import re
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT

import verify.kinds
from verify.align import ClaimGroup
from verify.cli import cli
from verify.judge import Context, judge
from verify.kinds import Registry
from verify.kinds.base import Sentence, decide
from verify.records import Article, Claim, Segment

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no '## {heading}' section"
    return match.group(1)


SECTION = _section("Adding a claim kind")
_CODE = re.search(r"^```python\n(.*?)^```", SECTION, re.M | re.S)
_SAVED_AS = re.search(r"saved as `verify/kinds/(\w+)\.py`", SECTION)
assert _CODE and _SAVED_AS, "the section needs 'saved as `verify/kinds/NAME.py`' and a ```python block"
EXAMPLE = _CODE.group(1)
MODULE = _SAVED_AS.group(1)  # "score"


@pytest.fixture
def registry(tmp_path, monkeypatch):
    """The default registry with the README's module in the package, as if saved in verify/kinds/."""
    assert not (ROOT / "verify" / "kinds" / f"{MODULE}.py").exists(), \
        f"verify/kinds/{MODULE}.py exists: the README example needs another name"
    (tmp_path / f"{MODULE}.py").write_text(EXAMPLE, encoding="utf-8")
    monkeypatch.setattr(verify.kinds, "__path__", [*verify.kinds.__path__, str(tmp_path)])
    importlib.invalidate_caches()
    name = f"verify.kinds.{MODULE}"
    try:
        yield Registry.default()
    finally:
        sys.modules.pop(name, None)
        if hasattr(verify.kinds, MODULE):
            delattr(verify.kinds, MODULE)


@pytest.fixture
def kind(registry):
    return registry.get("score")


def _claim(kind, article: str, text: str, more: int, fewer: int, n: int = 0) -> Claim:
    """A claim as extraction and alignment would leave it: one match (event e1), its score `more`-`fewer`."""
    sentence = f"The hosts sealed a {text} on Saturday."
    start = sentence.index(text)
    return Claim(id=f"{article}:c{n:03d}", article=article, kind=kind.name, attribute="score:match", subject="match",
                 value=kind.value_type(more, fewer), text=text, start=start, end=start + len(text), line=1,
                 sentence=sentence, sentence_start=0, event="e1", article_date=dt.date(2025, 5, 10))


def _context() -> Context:
    return Context(tools=None, gazetteer=None, country_code=lambda word: None)  # type: ignore[arg-type]


def test_saving_the_module_registers_the_kind_with_its_rules_in_order(registry, kind):
    assert "score" in registry.names()
    assert {"count", "date", "ordinal"} <= set(registry.names())  # the other kinds are still there
    names = [r.name for r in kind.all_rules]
    assert names.index("same-score") < names.index("same-article-parts") < names.index("scores-differ")
    assert names[:3] == ["superseded-by-correction", "corrected-by-note", "provisional-vs-final"]
    users, found = registry.find_rule("scores-differ")
    assert [k.name for k in users] == ["score"] and found.status == "conflict"
    for shared in ("same-score", "scores-differ"):
        assert [k.name for k, r in registry.rules() if r.name == shared] == ["score"], f"{shared} is taken"


def test_verify_rules_lists_the_kind_and_explains_its_rule(registry):
    listing = CliRunner().invoke(cli, ["rules"])
    assert listing.exit_code == 0, listing.output
    start = listing.output.index("score: The final score of a match")
    table = listing.output[start:listing.output.index("\n\n", start)]  # one table per kind, a blank line after
    rows = re.findall(r"^ ([\w-]+)\s+│ ([\w ]+?)\s+│", table, re.M)
    assert rows[-3:] == [("same-score", "agree"), ("same-article-parts", "no finding"),
                         ("scores-differ", "conflict")]

    one = CliRunner().invoke(cli, ["rules", "scores-differ"])
    assert one.exit_code == 0, one.output
    assert "scores-differ  (decides: conflict)" in one.output
    assert "kinds: score" in one.output
    assert "One match has one final score: two different ones cannot both be right." in one.output
    assert "'Ashby's 3-1 win' / 'Ashby's 2-1 victory' about one match." in one.output


def test_rules_decide_hand_built_claims_as_the_readme_says(kind):
    ctx = _context()
    win = _claim(kind, "a1", "3-1 win", 3, 1)
    defeat = _claim(kind, "a2", "1-3 defeat", 3, 1)
    victory = _claim(kind, "a3", "2-1 victory", 2, 1)
    other_match = _claim(kind, "a1", "2-0 win", 2, 0, n=1)
    assert decide(kind.rules, win, defeat, ctx).rule.name == "same-score"
    assert decide(kind.rules, win, victory, ctx).rule.name == "scores-differ"
    assert decide(kind.rules, defeat, victory, ctx).rule.name == "scores-differ"
    assert decide(kind.rules, win, other_match, ctx).rule.name == "same-article-parts"


def test_the_judge_applies_the_kind_through_the_registry(registry, kind):
    claims = [_claim(kind, "a1", "3-1 win", 3, 1), _claim(kind, "a2", "1-3 defeat", 3, 1),
              _claim(kind, "a3", "2-1 victory", 2, 1)]
    findings = judge([ClaimGroup("e1", "score:match", "score", claims)], [], registry, _context())
    assert sorted((f.rule, f.status, tuple(f.articles)) for f in findings) == [
        ("same-score", "agree", ("a1", "a2")),
        ("scores-differ", "conflict", ("a1", "a3")),
        ("scores-differ", "conflict", ("a2", "a3")),
    ]


def test_extract_gives_drafts_at_exact_offsets_and_values_survive_the_cache(kind):
    text = "Cup final\n\nCorwen slumped to a 1-3 defeat at Ashby, after a 2-2 draw in March.\n"
    start = text.index("Corwen")
    segment = Segment(start=start, end=len(text) - 1, text=text[start:-1], line=3, paragraph=1, role="body",
                      section="main")
    article = Article(id="a1", path="a1.txt", text=text, date=dt.date(2025, 5, 10), title="Cup final", sha256="",
                      segments=[segment])
    sentence = Sentence(article=article, segment=segment, doc=None, reference=article.date, dates=[], mentions=[],
                        speaker=None, gazetteer=None)  # type: ignore[arg-type]
    sentence.mention_for = lambda start, end: None  # type: ignore[method-assign]  # needs a spaCy parse
    drafts = kind.extract(sentence)
    assert [text[d.start:d.end] for d in drafts] == ["1-3 defeat", "2-2 draw"]
    assert [str(d.value) for d in drafts] == ["3-1", "2-2"]
    assert {d.kind for d in drafts} == {"score"}
    for draft in drafts:
        assert kind.decode(draft.value.to_json()) == draft.value
        assert draft.value.report_fields() == {}
