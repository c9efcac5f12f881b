from twinning.core.text import fold
from twinning.search.analysis import (
    MAX_QUERY_TERMS,
    fold_fast,
    parse_query,
    snippet,
    terms,
)


def test_danish_letters_and_accents_fold_to_the_same_terms():
    assert terms("Sønderborg") == terms("Sonderborg") == terms("SØNDERBORG")
    assert terms("Wúxī") == terms("Wuxi")


def test_danish_inflections_share_a_stem():
    assert set(terms("samarbejdsaftaler")) & set(terms("samarbejdsaftale"))


def test_english_plurals_share_a_stem():
    assert set(terms("partnerships")) & set(terms("partnership"))


def test_chinese_is_indexed_by_characters_and_pairs():
    held = terms("无锡市")
    assert {"无", "锡", "市", "无锡", "锡市"} <= set(held)


def test_chinese_query_asks_for_the_pairs_it_contains():
    query = parse_query("无锡")
    assert [term.alternatives for term in query.terms] == [("无锡",)]
    assert not query.terms[0].prefix


def test_last_word_is_a_prefix_and_earlier_words_are_not():
    query = parse_query("harbour citi")
    assert [term.prefix for term in query.terms] == [False, True]
    assert query.terms[1].matches(set(terms("city")))
    assert not query.terms[0].matches(set(terms("harbourside")))


def test_operators_and_quotes_of_search_engines_are_dropped():
    query = parse_query('"NEAR(a b)" * -x AND OR: {title} ^')
    for term in query.terms:
        for alternative in term.alternatives:
            assert alternative.isalnum(), alternative


def test_punctuation_only_gives_an_empty_query():
    assert not parse_query('"*-()":^')
    assert not parse_query("")


def test_a_very_long_query_is_cut_to_a_bounded_number_of_terms():
    query = parse_query(" ".join(f"word{n}" for n in range(5000)))
    assert 0 < len(query.terms) <= MAX_QUERY_TERMS


def test_stop_words_are_dropped_unless_nothing_else_is_left():
    assert len(parse_query("the partnership of aarhus").terms) == 2
    assert len(parse_query("the").terms) == 1


def test_snippet_escapes_text_and_marks_matches():
    text = "Intro <script>alert(1)</script> then the Sønderborg delegation came."
    html = snippet(text, parse_query("sonderborg"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>Sønderborg</mark>" in html


def test_snippet_shows_the_passage_around_a_late_match():
    text = " ".join(["filler"] * 300) + " Wuxi signed " + " ".join(["more"] * 300)
    html = snippet(text, parse_query("wuxi"))
    assert "<mark>Wuxi</mark>" in html
    assert html.startswith("… ")


def test_the_ascii_shortcut_folds_exactly_like_the_names_do():
    for text in ["Aarhus", "AA-Bygning_3 (Old)", "  St. Petersburg  ", "Sønderborg", "x__y"]:
        assert fold_fast(text) == fold(text)
