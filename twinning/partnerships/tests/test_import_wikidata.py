from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from twinning.partnerships.models import Partnership, PartnershipKind
from twinning.partnerships.services import ImportRowError, partnership_create
from twinning.partnerships.wikidata import WikidataLineError, partnerships_import_wikidata
from twinning.places.models import Place, PlaceKind
from twinning.places.services import place_create
from twinning.search.models import SearchEntry

pytestmark = pytest.mark.django_db

NAMES = {
    "Q1748": "København",
    "Q1794": "Frankfurt am Main",
    "Q90": "Paris",
    "Q64": "Berlin",
    "Q220": "Rome",
}


def write_tsv(path: Path, rows) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def names(tmp_path):
    return write_tsv(tmp_path / "names.tsv", NAMES.items())


def relations(tmp_path, *pairs: str) -> Path:
    return write_tsv(tmp_path / "relations.tsv", (pair.split() for pair in pairs))


def pairs_by_qid() -> set[frozenset[str]]:
    return {
        frozenset(pair)
        for pair in Partnership.objects.values_list("party_a__wikidata_id", "party_b__wikidata_id")
    }


def test_places_keep_their_qids_and_are_named_by_label(tmp_path, names):
    path = relations(tmp_path, "Q90 Q220", "Q64 Q1748")

    report = partnerships_import_wikidata(relations=path, names=names)

    assert report.places_created == 4
    assert report.partnerships_created == 2
    assert pairs_by_qid() == {frozenset({"Q90", "Q220"}), frozenset({"Q64", "Q1748"})}
    copenhagen = Place.objects.get(wikidata_id="Q1748")
    assert copenhagen.name == "København"
    assert copenhagen.kind == PlaceKind.CITY
    assert copenhagen.country.code == ""
    assert copenhagen.search_key == "kobenhavn"
    assert set(Partnership.objects.values_list("kind", flat=True)) == {PartnershipKind.SISTER_CITY}
    assert Place.history.filter(history_type="+").count() == 4
    assert Partnership.history.count() == 2


def test_both_directions_of_a_pair_make_one_partnership(tmp_path, names):
    path = relations(tmp_path, "Q90 Q220", "Q64 Q1748", "Q220 Q90", "Q90 Q220")

    report = partnerships_import_wikidata(relations=path, names=names)

    assert report.rows == 4
    assert report.partnerships_created == 2
    assert report.duplicates == [3, 4]
    assert Partnership.objects.count() == 2


def test_existing_place_with_the_qid_is_reused_whatever_its_name(tmp_path, names):
    paris = place_create(name="Paris, France", kind=PlaceKind.CITY, country="FR", wikidata_id="Q90")

    report = partnerships_import_wikidata(relations=relations(tmp_path, "Q90 Q220"), names=names)

    assert report.places_matched == 1
    assert report.places_created == 1
    assert Place.objects.filter(search_key="paris").count() == 0
    paris.refresh_from_db()
    assert paris.name == "Paris, France"
    assert paris.partnerships_as_a.count() + paris.partnerships_as_b.count() == 1


def test_unambiguous_name_match_is_linked_and_given_the_qid(tmp_path, names):
    copenhagen = place_create(
        name="Copenhagen",
        kind=PlaceKind.MUNICIPALITY,
        country="DK",
        other_names=[("da", "København")],
    )

    report = partnerships_import_wikidata(relations=relations(tmp_path, "Q1748 Q64"), names=names)

    copenhagen.refresh_from_db()
    assert copenhagen.wikidata_id == "Q1748"
    assert copenhagen.kind == PlaceKind.MUNICIPALITY
    assert copenhagen.country.code == "DK"
    assert report.places_linked == 1
    assert report.places_matched == 1
    assert Place.objects.count() == 2
    assert copenhagen.history.first().wikidata_id == "Q1748"


def test_ambiguous_name_or_other_item_is_not_linked(tmp_path, names):
    first = place_create(name="Rome", kind=PlaceKind.CITY, country="IT")
    second = place_create(name="Rome", kind=PlaceKind.CITY, country="US")
    place_create(name="Berlin", kind=PlaceKind.CITY, country="US", wikidata_id="Q821244")

    report = partnerships_import_wikidata(relations=relations(tmp_path, "Q220 Q64"), names=names)

    assert report.places_linked == 0
    assert report.places_created == 2
    assert report.ambiguous == ["Q220"]
    assert "1 labels match several places" in report.summary()
    assert {first.wikidata_id, second.wikidata_id} == {""}
    first.refresh_from_db()
    assert first.wikidata_id == ""
    assert Place.objects.get(wikidata_id="Q64").name == "Berlin"


def test_two_items_with_one_label_do_not_take_the_same_place(tmp_path):
    springfield = place_create(name="Springfield", kind=PlaceKind.CITY, country="US")
    names = write_tsv(tmp_path / "names.tsv", [("Q5", "Springfield"), ("Q6", "Springfield")])

    report = partnerships_import_wikidata(relations=relations(tmp_path, "Q5 Q6"), names=names)

    springfield.refresh_from_db()
    assert springfield.wikidata_id == ""
    assert report.places_created == 2
    assert report.partnerships_created == 1


@pytest.mark.parametrize(
    ("which", "rows", "line", "reason"),
    [
        ("relations", [["Q90", "Q220"], ["Q64", "Berlin"]], 2, "“Berlin” is not a Wikidata id"),
        ("relations", [["Q90", "Q220"], ["Q64"]], 2, "found 1 columns"),
        ("relations", [["Q90", "Q220", "Q64"]], 1, "found 3 columns"),
        ("names", [["Q90", "Paris"], ["Q90", ""]], 2, "the label is empty"),
        ("names", [["Q90", "Paris"], ["Q90", "Lutetia"]], 2, "Q90 already has the label"),
        ("names", [["90", "Paris"]], 1, "“90” is not a Wikidata id"),
    ],
)
def test_malformed_line_stops_with_file_and_line_and_nothing_is_written(
    tmp_path, which, rows, line, reason
):
    files = {
        "relations": write_tsv(tmp_path / "rel.tsv", [["Q64", "Q1748"], ["Q90", "Q220"]]),
        "names": write_tsv(tmp_path / "lab.tsv", NAMES.items()),
    }
    files[which] = write_tsv(tmp_path / f"bad-{which}.tsv", rows)

    with pytest.raises(WikidataLineError) as caught:
        partnerships_import_wikidata(**files)

    assert str(caught.value).startswith(f"bad-{which}.tsv, line {line}: ")
    assert reason in str(caught.value)
    assert isinstance(caught.value, ImportRowError)
    assert caught.value.row == line
    assert Place.objects.count() == 0
    assert Partnership.objects.count() == 0


def test_failure_after_good_lines_leaves_the_registry_unchanged(tmp_path, names):
    place_create(name="Paris", kind=PlaceKind.CITY, country="FR")
    path = relations(tmp_path, "Q90 Q220", "Q64 Q1748")
    path.write_text(path.read_text() + "Q64\tQ1748\tQ90\n")

    with pytest.raises(WikidataLineError, match="line 3"):
        partnerships_import_wikidata(relations=path, names=names)

    assert Place.objects.get().wikidata_id == ""
    assert Partnership.objects.count() == 0


def test_missing_label_creates_place_named_by_qid_and_is_reported(tmp_path, names):
    path = relations(tmp_path, "Q90 Q999999", "Q999998 Q64")

    report = partnerships_import_wikidata(relations=path, names=names)

    assert report.unlabelled == ["Q999999", "Q999998"]
    assert Place.objects.get(wikidata_id="Q999999").name == "Q999999"
    assert report.partnerships_created == 2
    assert "2 places have no label in the names file" in report.summary()


def test_self_link_is_skipped_and_blank_lines_and_crlf_are_accepted(tmp_path, names):
    path = tmp_path / "relations.tsv"
    path.write_bytes(b"Q90\tQ90\r\n\r\nQ64\tQ220\r\n")

    report = partnerships_import_wikidata(relations=path, names=names)

    assert report.same_place == [1]
    assert report.rows == 2
    assert pairs_by_qid() == {frozenset({"Q64", "Q220"})}


def test_reimport_adds_nothing(tmp_path, names):
    path = relations(tmp_path, "Q90 Q220", "Q64 Q1748", "Q1748 Q64")
    partnerships_import_wikidata(relations=path, names=names)

    again = partnerships_import_wikidata(relations=path, names=names)

    assert again.places_created == 0
    assert again.places_matched == 4
    assert again.partnerships_created == 0
    assert again.duplicates == [1, 2, 3]
    assert Place.objects.count() == 4
    assert Partnership.objects.count() == 2


def test_pair_already_in_registry_in_reverse_order_is_skipped(tmp_path, names):
    rome = place_create(name="Rome", kind=PlaceKind.CITY, country="IT", wikidata_id="Q220")
    paris = place_create(name="Paris", kind=PlaceKind.CITY, country="FR", wikidata_id="Q90")
    partnership_create(party_a=rome, party_b=paris, kind=PartnershipKind.FRIENDSHIP_CITY)

    report = partnerships_import_wikidata(relations=relations(tmp_path, "Q90 Q220"), names=names)

    assert report.partnerships_created == 0
    assert report.duplicates == [1]
    assert Partnership.objects.count() == 1


def test_new_places_and_partnerships_are_searchable_and_private_when_asked(tmp_path, names):
    partnerships_import_wikidata(
        relations=relations(tmp_path, "Q90 Q220"), names=names, is_public=False
    )

    partnership = Partnership.objects.get()
    assert not partnership.is_public
    assert SearchEntry.objects.filter(kind="partnership", object_id=partnership.pk).exists()
    assert SearchEntry.objects.filter(kind="place").count() == 2


def test_command_imports_and_reports_counts(tmp_path, names, capsys):
    path = relations(tmp_path, "Q90 Q220", "Q220 Q90", "Q64 Q404")

    call_command("import_records", "wikidata", str(path), str(names))

    out = capsys.readouterr().out
    assert "3 rows read" in out
    assert "2 partnerships created" in out
    assert "4 places created, 0 existing places matched" in out
    assert "1 rows skipped" in out
    assert "1 places have no label in the names file and are named by QID (Q404)" in out


def test_command_stops_on_malformed_line(tmp_path, names):
    path = relations(tmp_path, "Q90 Q220", "Q64 x")

    with pytest.raises(CommandError, match=r"relations.tsv, line 2: .*Nothing was imported"):
        call_command("import_records", "wikidata", str(path), str(names))
    assert Place.objects.count() == 0


def test_command_needs_both_files(tmp_path, names):
    path = relations(tmp_path, "Q90 Q220")

    with pytest.raises(CommandError, match="needs two files"):
        call_command("import_records", "wikidata", str(path))
    with pytest.raises(CommandError, match="missing.tsv: no such file"):
        call_command("import_records", "wikidata", str(path), str(tmp_path / "missing.tsv"))
    with pytest.raises(CommandError, match="takes one file"):
        call_command("import_records", "partnerships", str(path), str(names))
