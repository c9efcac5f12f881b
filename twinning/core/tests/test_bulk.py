import pytest
from django.db import IntegrityError, transaction

from twinning.core.bulk import create_with_history, write_rows
from twinning.places.models import Place
from twinning.search.models import SearchTerm

pytestmark = pytest.mark.django_db


def test_rows_are_written_and_counted():
    count = write_rows(SearchTerm._meta.db_table, ["term"], iter([("aarhus",), ("harbin",)]))

    assert count == 2
    assert sorted(SearchTerm.objects.values_list("term", flat=True)) == ["aarhus", "harbin"]


def test_a_row_breaking_a_constraint_raises_integrity_error_and_nothing_stays():
    with pytest.raises(IntegrityError), transaction.atomic():
        write_rows(SearchTerm._meta.db_table, ["term"], [("aarhus",), ("aarhus",)])

    assert not SearchTerm.objects.exists()


def test_created_records_get_their_history_and_converted_values():
    ids = create_with_history(
        Place,
        [
            {"kind": "municipality", "name": "Aarhus", "country": "DK", "search_key": "aarhus"},
            {"kind": "city", "name": "Harbin", "country": "CN", "search_key": "harbin"},
        ],
    )

    places = Place.objects.filter(pk__in=ids).order_by("pk")
    assert [(p.name, p.country.code) for p in places] == [("Aarhus", "DK"), ("Harbin", "CN")]
    assert Place.history.filter(id__in=ids, history_type="+").count() == 2
