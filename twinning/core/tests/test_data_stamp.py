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

    # On PostgreSQL the stamp is the server's snapshot, which also moves when another
    # database on the same server commits (the other test workers do). So ask for three
    # equal readings in a row within a bounded number of tries: a stamp that changed on
    # every reading would never give them.
    for _ in range(50):
        first = data_stamp()
        if data_stamp() == first and data_stamp() == first:
            break
    else:
        pytest.fail("the stamp changed between readings while nothing was written")


def test_stamp_moves_with_every_committed_change():
    partnership = make_partnership(make_place("Aarhus"), make_place("Harbin", "CN"))
    before = data_stamp()

    partnership_update(partnership=partnership, notes="Aarhus and Harbin")

    assert data_stamp() != before


def test_stamp_sees_the_changes_of_its_own_open_transaction():
    place = make_place("Aarhus")
    before = data_stamp()

    with transaction.atomic():
        make_partnership(place, make_place("Harbin", "CN"))
        inside = data_stamp()

    assert inside != before
    assert data_stamp() != before
