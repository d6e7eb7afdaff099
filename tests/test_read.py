"""Reading articles: date line, clutter, offsets, encodings, bad files."""
from __future__ import annotations

import datetime as dt

from verify.read import read_article, read_articles


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_date_line_title_and_offsets(tmp_path):
    path = write(tmp_path, "a.txt", b" date 2025-04-10 Ministers met in Brussels today.\n\nSource: a wire\n\nDetails: "
                                    b"They agreed a plan. It has four points.\n")
    article = read_article(path)
    assert article.id == "a" and article.date == dt.date(2025, 4, 10)
    assert article.title == "Ministers met in Brussels today."
    assert article.attribution == "Source: a wire"
    body = [s for s in article.segments if s.role == "body"]
    assert [s.text for s in body] == ["Ministers met in Brussels today.", "They agreed a plan.", "It has four points."]
    for seg in article.segments:
        assert article.text[seg.start:seg.end] == seg.text
    assert body[1].line == 5


def test_news_clutter_is_not_mined(tmp_path):
    text = (" date 2025-03-27 All Sections\nMeeting of leaders starts in Paris\n\n"
            "Jane Doe, Thursday, 27 March 2025, 13:15\n"
            "A photo. Photo: Office of the President\n\nA meeting has begun in Paris.\n\nAdvertisement:\n\n"
            "Support Example News on Patreon!\nParisFranceEurope\n19:58\n")
    article = read_article(write(tmp_path, "b.txt", text.encode()))
    roles = {s.text: s.role for s in article.segments}
    assert roles["Meeting of leaders starts in Paris"] == "title"
    assert roles["Jane Doe, Thursday, 27 March 2025, 13:15"] == "clutter"
    assert roles["Advertisement:"] == "clutter"
    assert roles["Support Example News on Patreon!"] == "clutter"
    assert roles["19:58"] == "clutter"
    assert roles["A meeting has begun in Paris."] == "body"


def test_an_outlet_and_byline_line_is_not_mined(tmp_path):
    text = (" date 2019-06-15 Desert Ledger | Sports | By Tomas Iriarte | June 15, 2019, 11:42 a.m.\n\n"
            "Vale arrested in Scottsdale\n\nBy Greg Halloran, Packaging World\n\n"
            "Linebacker Kendrick Vale was arrested early Saturday in Scottsdale.\n")
    article = read_article(write(tmp_path, "c.txt", text.encode()))
    roles = {s.text: s.role for s in article.segments}
    assert roles["Desert Ledger | Sports | By Tomas Iriarte | June 15, 2019, 11:42 a.m."] == "clutter"
    assert roles["By Greg Halloran, Packaging World"] == "clutter"
    assert roles["Linebacker Kendrick Vale was arrested early Saturday in Scottsdale."] == "body"


def test_background_section_and_list_items(tmp_path):
    text = (" date 2025-04-10 He set out three goals:\n\nSafe skies\n\nSafe seas\n\nBackground:\n\n"
            "On 4 April, officials visited Kyiv.\n")
    article = read_article(write(tmp_path, "c.txt", text.encode()))
    by_text = {s.text: s for s in article.segments}
    assert by_text["Safe skies"].role == "list_item" and by_text["Safe seas"].role == "list_item"
    assert by_text["On 4 April, officials visited Kyiv."].section == "background"


def test_missing_date_line_is_read_with_a_warning(tmp_path):
    write(tmp_path, "nodate.txt", b"Ministers met in Brussels on 10 April 2025.\n")
    articles, warnings = read_articles([str(tmp_path)])
    assert articles[0].date is None
    assert any("nodate.txt" in w and "publication date unknown" in w for w in warnings)


def test_an_article_without_a_date_line_takes_the_date_its_head_prints(tmp_path):
    heads = {
        "wire.txt": "MANILA, March 3, 2019 (Reuters) - A strong earthquake struck on Sunday.",
        "label.txt": "Quake shakes the coast\n\nPublished 12 May 2021\n\nA strong earthquake struck on Tuesday.",
        "iso.txt": "Posted on: 2021-05-12\n\nA strong earthquake struck on Tuesday.",
        "byline.txt": "Harbour Times | World | By Ana Ruiz | 4 March 2019, 08:15\n\nA strong earthquake struck.",
    }
    for name, text in heads.items():
        write(tmp_path, name, text.encode())
    articles, warnings = read_articles([str(tmp_path)])
    got = {a.id: (a.date, a.date_from) for a in articles}
    assert got == {"wire": (dt.date(2019, 3, 3), "text"), "label": (dt.date(2021, 5, 12), "text"),
                   "iso": (dt.date(2021, 5, 12), "text"), "byline": (dt.date(2019, 3, 4), "text")}
    assert any("label.txt" in w and "2021-05-12 taken from 'Published 12 May 2021'" in w for w in warnings)


def test_a_date_in_the_story_is_not_taken_for_the_publication_date(tmp_path):
    # "3 March 2019" dates the quake, which may be years before the article was written.
    write(tmp_path, "story.txt", b"Survivors remember\n\nThe quake of 3 March 2019 destroyed the old market.\n")
    articles, warnings = read_articles([str(tmp_path)])
    assert (articles[0].date, articles[0].date_from) == (None, None)
    assert any("story.txt" in w and "publication date unknown" in w for w in warnings)


def test_impossible_date_line_is_a_warning_naming_the_file(tmp_path):
    write(tmp_path, "bad.txt", b" date 2025-13-45 Ministers met in Brussels.\n")
    articles, warnings = read_articles([str(tmp_path)])
    assert articles[0].date is None
    assert any("bad.txt" in w and "2025-13-45" in w for w in warnings)


def test_encodings_bom_and_line_endings_keep_exact_offsets(tmp_path):
    cp1252 = " date 2025-04-10 The minister said \u201cwe agree\u201d.\r\n\r\nIt was S\u00e9bastien.\r".encode("cp1252")
    write(tmp_path, "win.txt", cp1252)
    write(tmp_path, "bom.txt", "\ufeff date 2025-04-10 First line.\r\nSecond line here.\n".encode("utf-8"))
    articles, warnings = read_articles([str(tmp_path)])
    by_id = {a.id: a for a in articles}
    assert any("win.txt" in w and "Windows-1252" in w for w in warnings)
    assert by_id["bom"].date == dt.date(2025, 4, 10)
    for article in articles:
        for seg in article.segments:
            assert article.text[seg.start:seg.end] == seg.text
    assert [s.line for s in by_id["win"].segments] == [1, 3]


def test_bad_files_are_skipped_with_a_warning_and_the_rest_is_read(tmp_path):
    write(tmp_path, "good.txt", b" date 2025-04-10 Ministers met in Brussels.\n")
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    write(tmp_path, "notes.csv", b"a,b\n")
    articles, warnings = read_articles([str(tmp_path), str(tmp_path / "missing")])
    assert [a.id for a in articles] == ["good"]
    assert any("empty.txt" in w and "empty" in w for w in warnings)
    assert any("binary.txt" in w and "binary" in w for w in warnings)
    assert any("missing" in w and "no such file" in w for w in warnings)


def test_an_article_on_one_line_is_read_as_sentences_not_as_a_title(tmp_path):
    # Exports often drop every line break; the last sentence may lack its full stop too.
    text = (" date 2016-02-23 Syrian army units killed 20 militants near Idlib on Monday, a military source said. "
            "The source added that 12 vehicles were destroyed and that the army now controls the road to the town")
    article = read_article(write(tmp_path, "export.txt", text.encode()))
    assert [(s.role, s.text) for s in article.segments] == [
        ("body", "Syrian army units killed 20 militants near Idlib on Monday, a military source said."),
        ("body", "The source added that 12 vehicles were destroyed and that the army now controls the road "
                 "to the town"),
    ]


def test_a_short_first_line_is_a_title_and_a_long_one_is_prose(tmp_path):
    title = read_article(write(tmp_path, "t.txt", b" date 2025-04-10 Ministers agree a plan in Brussels\n"
                                                 b"They met for six hours.\n"))
    assert [(s.role, s.text) for s in title.segments] == [("title", "Ministers agree a plan in Brussels"),
                                                        ("body", "They met for six hours.")]
    long_line = ("Ministers from thirty countries met in Brussels on Thursday to agree a plan for a reassurance force "
                 "that would deploy once a ceasefire holds")
    prose = read_article(write(tmp_path, "p.txt", f" date 2025-04-10 {long_line}\n".encode()))
    assert [(s.role, s.text) for s in prose.segments] == [("body", long_line)]
    # A headline with nothing after it is all the article says: it is mined, not dropped.
    only = read_article(write(tmp_path, "o.txt", b" date 2025-04-10 Ministers agree a plan in Brussels\n"))
    assert [(s.role, s.text) for s in only.segments] == [("body", "Ministers agree a plan in Brussels")]


def test_structure_run_into_one_line_is_recognised(tmp_path):
    multi_line = (" date 2025-03-27 All Sections\nMeeting of leaders starts in Paris\n\n"
                  "Jane Doe, John Roe, Thursday, 27 March 2025, 13:15\nAnna Berg. Photo: Office of the President\n\n"
                  "A meeting has begun in Paris with 31 countries.\n\n"
                  "Source: Example News with reference to officials\n\n"
                  "Details: They set out three goals:\n\nSafe skies\n\nSafe seas\n\nA strong army\n\n"
                  "He said the talks would last a day.\n\nAdvertisement:\n\nBackground:\n\n"
                  "\u2022 On 4 April, officials visited Kyiv.\n\u2022 They met the president.\n\n"
                  "Support Example News on Patreon!\n")
    one_line = " ".join(multi_line.split())
    roles = {}
    for name, text in (("multi", multi_line), ("one", one_line)):
        article = read_article(write(tmp_path, f"{name}.txt", text.encode()))
        for seg in article.segments:
            assert article.text[seg.start:seg.end] == seg.text
        roles[name] = [(s.role, s.section, " ".join(s.text.split())) for s in article.segments
                       if s.role in ("body", "list_item", "attribution")]
    assert roles["one"] == roles["multi"]
    assert roles["one"] == [
        ("body", "main", "A meeting has begun in Paris with 31 countries."),
        ("attribution", "main", "Source: Example News with reference to officials"),
        ("body", "main", "They set out three goals:"),
        ("list_item", "main", "Safe skies"), ("list_item", "main", "Safe seas"), ("list_item", "main", "A strong army"),
        ("body", "main", "He said the talks would last a day."),
        ("body", "background", "On 4 April, officials visited Kyiv."),
        ("body", "background", "They met the president."),
    ]


def test_a_short_article_whose_sentences_lack_a_full_stop_is_mined_not_dropped(tmp_path):
    # Real short items often end without a full stop; taking every line for a title would leave no body.
    write(tmp_path, "short.txt", b"Vale arrested again in Miami\n\nPolice said linebacker Kendrick Vale was "
                                 b"arrested early Sunday in Miami on a battery charge\n")
    articles, _ = read_articles([str(tmp_path)])
    roles = [s.role for s in articles[0].segments]
    assert roles == ["body", "body"]
