import pytest

from twinning.search.analysis import parse_query
from twinning.search.backends import Scope, Window, backend, tsvector_text

pytestmark = pytest.mark.django_db

EVERYTHING = Scope(owner_ids=None)


def parts_matching(text: str) -> list[int]:
    windows = [
        Window(kind="partnership", title_only=title_only, size=10) for title_only in (True, False)
    ]
    return sorted(row[0] for row in backend().match(parse_query(text), windows, EVERYTHING))


def test_a_word_of_the_notes_is_found_anywhere_but_not_in_titles(registry):
    # "heating" is in the notes of Sønderborg–Baoding, not in its title.
    assert parts_matching("heating") == [1]


def test_a_word_of_the_title_is_found_in_both_windows(registry):
    assert parts_matching("Baoding") == [0, 1]


def test_vector_text_lists_each_term_once_and_escapes_quotes():
    text = tsvector_text(["wuxi", "o'neil", "wuxi", "back\\slash"])

    assert text == "'wuxi' 'o''neil' 'back\\\\slash'"
