"""Property-based tests: any text or bytes is read and mined without an exception, offsets hold, numbers
round-trip, and runs are deterministic."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify.extract import extract_article
from verify.extract.quantities import find_quantities
from verify.read import ArticleError, read_article

NEWS_WORDS = st.sampled_from([
    "Ministers", "met", "in", "Brussels", "on", "Tuesday,", "10", "April", "around", "30", "countries", "said",
    "today", "tomorrow's", "meeting", "$1.2", "billion", "forty-seven", "people", "died", "the", "death", "toll",
    "rose", "to", "19.", "Source:", "Background:", "\n\n", "President", "Anna", "Berg", ",", ".", "four", "goals:",
    "clean", "water", "and", "safe", "streets", "31\u00a0000", "1\u200b200", "No.", "2024", "\u00bd", "\r\n",
])


def write(tmp_path, data: bytes):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    return path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_a_clear_error(tmp_path, data):
    try:
        article = read_article(write(tmp_path, data))
    except ArticleError as exc:
        assert "fuzz.txt" in str(exc)
        return
    for seg in article.segments:
        assert article.text[seg.start:seg.end] == seg.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=600), st.lists(NEWS_WORDS, max_size=80).map(" ".join)))
def test_any_text_is_mined_with_exact_offsets(tmp_path, resources, text):
    try:
        article = read_article(write(tmp_path, (" date 2025-04-10 " + text).encode("utf-8", "surrogatepass")))
    except (ArticleError, UnicodeEncodeError):
        return
    claims, mentions = extract_article(article, resources)
    for claim in claims:
        assert article.text[claim.start:claim.end] == claim.text
    for mention in mentions:
        # A lead mention (the lead sentence's own date and place) has no trigger word: it spans its sentence.
        assert article.text[mention.start:mention.end] == (mention.trigger or mention.sentence)


@settings(max_examples=200, deadline=None)
@given(value=st.integers(min_value=2, max_value=999_999_999),
       style=st.sampled_from(["plain", "comma", "space", "nbsp", "dot"]))
def test_numbers_round_trip_through_their_normalised_value(value, style):
    digits = f"{value:,}"
    written = {"plain": str(value), "comma": digits, "space": digits.replace(",", " "),
               "nbsp": digits.replace(",", "\u00a0"), "dot": digits.replace(",", ".")}[style]
    if style == "dot" and "." not in written:
        written = str(value)
    if style == "plain" and 1900 <= value <= 2100:
        return  # a bare year-like number before a noun is still a count; checked elsewhere
    found = find_quantities(f"Officials counted {written} visitors at the fair.")
    assert [q.value for q in found] == [value]


def test_reports_are_deterministic(seeds_report, resources, embedder):
    from conftest import SEEDS

    from verify.pipeline import run
    from verify.report import to_json

    again = run([str(SEEDS)], resources=resources, embedder=embedder)
    assert to_json(again) == to_json(seeds_report)
    assert "generated_at" not in to_json(again)  # the writer adds the only time, under its own name
