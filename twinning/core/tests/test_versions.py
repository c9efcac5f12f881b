import re

import pytest
from django.urls import reverse

from twinning.core.services import StaleRecord, model_update
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import partnership_update
from twinning.partnerships.tests.factories import (
    make_area,
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return make_organisation("Aarhus Kommune")


@pytest.fixture
def partnership(org):
    return make_partnership(make_place("Aarhus", "DK"), make_place("Bergen", "NO"), owner=org)


def test_a_change_raises_the_version_by_one_and_no_change_leaves_it(partnership):
    assert partnership.version == 1
    partnership_update(partnership=partnership, notes="Harbour exchange")
    assert Partnership.objects.get().version == 2
    partnership_update(partnership=partnership, notes="Harbour exchange")
    assert Partnership.objects.get().version == 2
    assert partnership.history.count() == 2


def test_two_editors_changing_different_fields_both_keep_their_change(partnership):
    first = Partnership.objects.get(pk=partnership.pk)
    second = Partnership.objects.get(pk=partnership.pk)

    partnership_update(partnership=first, notes="Harbour exchange")
    partnership_update(partnership=second, status="suspended")

    stored = Partnership.objects.get()
    assert (stored.notes, stored.status, stored.version) == ("Harbour exchange", "suspended", 3)
    # The history row of the second change holds the first change too.
    assert partnership.history.first().notes == "Harbour exchange"


def test_a_change_based_on_an_old_version_is_refused_and_writes_nothing(partnership):
    first = Partnership.objects.get(pk=partnership.pk)
    second = Partnership.objects.get(pk=partnership.pk)
    partnership_update(partnership=first, notes="Harbour exchange", version=1)

    with pytest.raises(StaleRecord) as caught:
        partnership_update(partnership=second, notes="Schools", status="suspended", version=1)

    assert caught.value.current.notes == "Harbour exchange"
    stored = Partnership.objects.get()
    assert (stored.notes, stored.status, stored.version) == ("Harbour exchange", "active", 2)


def test_many_to_many_changes_raise_the_version(partnership):
    water = make_area("water")
    model_update(instance=partnership, data={"focus_areas": [water]})
    stored = Partnership.objects.get()
    assert list(stored.focus_areas.all()) == [water]
    assert stored.version == 2
    model_update(instance=stored, data={"focus_areas": [water.pk]})
    assert Partnership.objects.get().version == 2


def _form(partnership, org, **changes):
    data = {
        "party_a": partnership.party_a_id,
        "party_b": partnership.party_b_id,
        "kind": "sister_city",
        "status": "active",
        "since": "",
        "until": "",
        "termination_reason": "",
        "notes": "",
        "owner": org.pk,
        "is_public": "on",
    }
    data.update(changes)
    return data


def test_a_stale_edit_form_is_shown_again_with_the_other_change_and_never_saved(
    client, org, partnership
):
    client.force_login(make_user("editor", editor_of=org))
    url = reverse("partnerships:update", args=[partnership.pk])
    page = client.get(url).content.decode()
    loaded = re.search(r'name="version" value="(\d+)"', page).group(1)
    assert loaded == "1"
    # Someone else saves while this editor is still typing.
    partnership_update(partnership=partnership, notes="Agreed at the harbour meeting", version=1)

    response = client.post(url, _form(partnership, org, status="suspended", version=loaded))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Someone else changed this record" in body
    assert "Saved meanwhile by someone else: Agreed at the harbour meeting" in body
    assert 'name="version" value="2"' in body
    stored = Partnership.objects.get()
    assert (stored.notes, stored.status) == ("Agreed at the harbour meeting", "active")

    # Saving again, now knowing the other change, goes through.
    again = client.post(
        url,
        _form(partnership, org, status="suspended", notes=stored.notes, version="2"),
    )
    assert again.status_code == 302
    stored = Partnership.objects.get()
    assert (stored.notes, stored.status, stored.version) == (
        "Agreed at the harbour meeting",
        "suspended",
        3,
    )
