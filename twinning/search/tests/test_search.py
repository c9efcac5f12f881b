import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection

from twinning.organisations.tests.factories import make_user
from twinning.partnerships.services import partnership_delete, partnership_update
from twinning.places.models import PlaceKind
from twinning.places.services import place_create, place_update
from twinning.search import selectors
from twinning.search.models import SearchEntry
from twinning.search.selectors import search
from twinning.search.services import (
    search_entries_index,
    search_entries_rebuild,
    search_entry_update,
)

pytestmark = pytest.mark.django_db

anonymous = AnonymousUser()


def titles(result, kind=None):
    groups = [group for group in result.groups if kind in (None, group.kind)]
    return [hit.title for group in groups for hit in group.items]


def test_sonderborg_without_the_o_slash_finds_sonderborg(registry):
    assert titles(search(q="Sonderborg", user=anonymous), "place") == ["Sønderborg"]


def test_chinese_characters_find_wuxi_and_its_partnership(registry):
    result = search(q="无锡", user=anonymous)
    assert titles(result, "place") == ["Wuxi"]
    assert titles(result, "partnership") == ["Bycirklen – Wuxi"]


def test_pinyin_with_tone_marks_finds_wuxi(registry):
    assert "Wuxi" in titles(search(q="Wúxī", user=anonymous), "place")


def test_danish_plural_finds_the_singular(registry):
    result = search(q="samarbejdsaftaler", user=anonymous)
    assert titles(result, "partnership") == ["Bycirklen – Wuxi"]


def test_english_plural_finds_the_singular(registry, member):
    # The private partnership's notes say "partnership"; the report says "partnerships".
    result = search(q="partnership", user=member)
    assert titles(result, "partnership") == ["Sønderborg – Baoding"]
    assert titles(result, "source") == ["Evaluation of the China cooperation"]
    plural = search(q="partnerships heating", user=member)
    assert titles(plural, "partnership") == ["Sønderborg – Baoding"]


def test_the_last_word_matches_as_a_prefix(registry):
    assert titles(search(q="bycirk", user=anonymous), "place") == ["Bycirklen"]
    # Only the last word: an unfinished first word finds nothing as typed, and is
    # corrected to the nearest whole word instead.
    unfinished = search(q="bycirk wuxi", user=anonymous)
    assert unfinished.suggestion.startswith("bycirkl")
    assert titles(unfinished, "partnership") == ["Bycirklen – Wuxi"]


def test_every_word_must_match(registry):
    result = search(q="wuxi sonderborg", user=anonymous)
    assert result.count == 0


def test_exact_name_comes_before_longer_titles(registry):
    place_create(name="Wuxi New District", kind=PlaceKind.DISTRICT, country="CN")
    assert titles(search(q="wuxi", user=anonymous), "place")[0] == "Wuxi"


def test_hits_are_grouped_by_kind_in_a_fixed_order(registry):
    result = search(q="wuxi", user=anonymous)
    assert [group.kind for group in result.groups] == [
        "place",
        "partnership",
        "source",
    ]
    assert result.count == sum(group.count for group in result.groups) == 3


def test_facets_count_matches_by_kind_country_and_year(registry):
    result = search(q="wuxi", user=anonymous)
    assert result.facets["type"] == {"place": 1, "partnership": 1, "source": 1}
    assert result.facets["country"] == {"CN": 2, "DK": 1}
    assert result.facets["year"] == {2016: 1, 2007: 1}
    assert result.complete


def test_facet_filters_narrow_the_hits_but_kind_counts_stay(registry):
    by_country = search(q="wuxi", user=anonymous, country="dk")
    assert titles(by_country) == ["Bycirklen – Wuxi"]
    by_year = search(q="wuxi", user=anonymous, year=2016)
    assert titles(by_year) == ["Evaluation of the China cooperation"]
    by_kind = search(q="wuxi", user=anonymous, kind="place")
    assert titles(by_kind) == ["Wuxi"]
    assert by_kind.facets["type"] == {"place": 1, "partnership": 1, "source": 1}


def test_anonymous_visitors_find_public_records_only(registry):
    assert titles(search(q="baoding", user=anonymous), "partnership") == []
    assert titles(search(q="baoding", user=anonymous), "place") == ["Baoding"]


def test_members_also_find_their_organisations_records(registry, member):
    found = titles(search(q="baoding", user=member), "partnership")
    assert found == ["Sønderborg – Baoding"]
    outsider = make_user("outsider")
    assert titles(search(q="baoding", user=outsider), "partnership") == []


def test_superusers_find_everything(registry):
    admin = make_user("admin")
    admin.is_superuser = True
    admin.save()
    assert titles(search(q="baoding", user=admin), "partnership") == ["Sønderborg – Baoding"]


def test_a_renamed_place_is_found_by_its_new_name_in_its_partnerships_too(registry):
    place_update(place=registry["bycirklen"], name="Byringen")
    assert titles(search(q="bycirklen", user=anonymous)) == []
    result = search(q="byringen", user=anonymous)
    assert titles(result, "partnership") == ["Byringen – Wuxi"]


def test_an_updated_partnership_is_indexed_again(registry):
    partnership_update(partnership=registry["public"], notes="Jordrensning i Wuxi.")
    assert titles(search(q="jordrensning", user=anonymous)) == ["Bycirklen – Wuxi"]
    assert search(q="skoler", user=anonymous).count == 0


def test_a_partnership_made_private_disappears_for_visitors(registry):
    assert titles(search(q="skoler", user=anonymous)) == ["Bycirklen – Wuxi"]
    partnership_update(partnership=registry["public"], is_public=False)
    assert titles(search(q="skoler", user=anonymous)) == []


def test_a_deleted_partnership_leaves_the_index(registry):
    partnership_delete(partnership=registry["public"])
    gone = SearchEntry.objects.filter(kind="partnership", object_id=registry["public"].pk)
    assert not gone.exists()
    assert titles(search(q="skoler", user=anonymous)) == []


def test_rebuild_restores_a_lost_index(registry):
    SearchEntry.objects.all().delete()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_entry_fts(search_entry_fts) VALUES ('delete-all')")
    assert search(q="wuxi", user=anonymous).count == 0
    counts = search_entries_rebuild()
    assert counts["place"] == 4
    assert counts["partnership"] == 2
    assert search(q="wuxi", user=anonymous).count == 3


def test_rebuild_of_one_kind_leaves_the_others(registry):
    counts = search_entries_rebuild(kinds=["place"])
    assert counts == {"place": 4}
    assert search(q="wuxi", user=anonymous).count == 3


def test_reindex_command_rebuilds_and_reports(registry, capsys):
    SearchEntry.objects.filter(kind="place").delete()
    call_command("reindex", "--kind", "place")
    out = capsys.readouterr().out
    assert "places: 4" in out
    assert titles(search(q="sonderborg", user=anonymous), "place") == ["Sønderborg"]


def test_reindex_command_refuses_an_unknown_kind(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown kind planet"):
        call_command("reindex", "--kind", "planet")


def test_indexing_many_records_takes_few_queries(registry, django_assert_max_num_queries):
    for n in range(30):
        place_create(
            name=f"Town {n}", kind=PlaceKind.CITY, country="SE", other_names=[("da", f"By {n}")]
        )
    ids = list(registry["wuxi"].__class__.objects.values_list("pk", flat=True))
    # Load places and names, forget and delete old entries, insert entries, index, terms.
    with django_assert_max_num_queries(9):
        indexed = search_entries_index(kind="place", ids=ids)
    assert indexed == 34


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"wuxi',
        "wuxi*",
        "*",
        "-wuxi",
        "NEAR(wuxi sonderborg, 2)",
        "wuxi OR sonderborg",
        "wuxi AND NOT baoding",
        "{title_terms}: wuxi",
        "tags : zpub",
        "title_terms:wuxi",
        "'; DROP TABLE search_searchentry; --",
        "wu:*",
        "!(&|)",
        "\x00wuxi",
        "x" * 10_000,
        "wuxi " * 2000,
    ],
)
def test_hostile_input_gives_hits_or_nothing_but_never_fails(registry, text):
    result = search(q=text, user=anonymous)
    assert result.count >= 0
    assert SearchEntry.objects.exists()


def test_index_operators_typed_in_the_box_cannot_lift_visibility(registry):
    # "tags" and "zo<id>" are how SQLite's index stores visibility; typed, they are words.
    owner = registry["owner"].pk
    assert search(q=f"baoding zo{owner}", user=anonymous).count == 0
    assert search(q="tags zpub", user=anonymous).count == 0


def test_search_reads_a_fixed_number_of_queries(registry, member, django_assert_max_num_queries):
    for n in range(20):
        place_create(name=f"Wuxi district {n}", kind=PlaceKind.DISTRICT, country="CN")
    # Memberships, data stamp, completions of the last word, the places it names, the
    # index, the names of the focus areas and partnerships in the facets, the snippets.
    with django_assert_max_num_queries(8):
        result = search(q="wuxi", user=member, limit=50)
    assert result.count == 23
    # Asked again while nothing changed: the stamp only.
    with django_assert_max_num_queries(1):
        again = search(q="wuxi", user=member, limit=50)
    assert again.count == 23


def test_search_finds_a_new_record_at_once_despite_the_cache(registry):
    before = search(q="wuxi", user=anonymous).count
    place_create(name="Wuxi new district", kind=PlaceKind.DISTRICT, country="CN")
    assert search(q="wuxi", user=anonymous).count == before + 1


def test_counts_above_the_window_are_marked_incomplete(registry, monkeypatch):
    monkeypatch.setattr(selectors, "WINDOW", 2)
    for n in range(4):
        place_create(name=f"Wuxi area {n}", kind=PlaceKind.DISTRICT, country="CN")
    result = search(q="wuxi", user=anonymous)
    places = next(group for group in result.groups if group.kind == "place")
    assert not places.complete
    assert not result.complete
    assert places.count >= 2


def test_update_of_an_unindexed_model_is_refused(db):
    from twinning.focusareas.models import FocusArea

    with pytest.raises(LookupError):
        search_entry_update(FocusArea(slug="x", name_en="x", name_da="x"))


def test_a_long_unfinished_word_is_completed_from_the_indexed_terms(registry):
    assert titles(search(q="evaluat", user=anonymous)) == ["Evaluation of the China cooperation"]
    assert titles(search(q="sonderbo", user=anonymous), "place") == ["Sønderborg"]
