"""The data stamp that keys the fragment cache, with commits as real as production's."""

import pytest
from django.db import transaction

from twinning.core.selectors import data_stamp
from twinning.partnerships.services import partnership_update
from twinning.partnerships.tests.factories import make_partnership, make_place

# Committed transactions, not the test's one enclosing transaction: the stamp must follow
# what other connections would see.
pytestmark = pytest.mark.django_db(transaction=True)


def test_stamp_stays_the_same_while_nothing_is_written():
    make_place("Aarhus")

    first = data_stamp()

    assert data_stamp() == first
    assert data_stamp() == first


def test_stamp_moves_with_every_committed_change():
    partnership = make_partnership(make_place("Aarhus"), make_place("Harbin", "CN"))
    before = data_stamp()

    partnership_update(partnership=partnership, notes="Aarhus and Harbin")

    after = data_stamp()
    assert after != before
    assert data_stamp() == after


def test_stamp_sees_the_changes_of_its_own_open_transaction():
    place = make_place("Aarhus")
    before = data_stamp()

    with transaction.atomic():
        make_partnership(place, make_place("Harbin", "CN"))
        inside = data_stamp()

    assert inside != before
    assert data_stamp() != before
