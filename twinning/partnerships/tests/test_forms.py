import pytest
from django.contrib.auth import get_user_model

from twinning.partnerships.forms import PartnershipForm
from twinning.partnerships.tests.factories import make_organisation, make_place, make_user

pytestmark = pytest.mark.django_db


def test_owner_choices_are_the_editors_own_organisations_and_required():
    own = make_organisation("Aarhus Kommune")
    make_organisation("Odense Kommune")
    form = PartnershipForm(user=make_user("editor", editor_of=own))

    assert list(form.fields["owner"].queryset) == [own]
    assert form.fields["owner"].required
    assert form.initial["owner"] == own.pk


def test_superuser_may_file_under_any_organisation_or_none():
    organisations = {make_organisation("Aarhus Kommune"), make_organisation("Odense Kommune")}
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    form = PartnershipForm(user=root)

    assert set(form.fields["owner"].queryset) == organisations
    assert not form.fields["owner"].required


def test_party_choices_are_ordered_by_name_and_show_the_country():
    make_place("Wuxi", "CN", "city")
    make_place("Aarhus", "DK")
    form = PartnershipForm(user=make_user("editor", editor_of=make_organisation()))

    labels = [label for _value, label in form.fields["party_a"].choices][1:]

    assert labels == ["Aarhus (DK)", "Wuxi (CN)"]


def test_partial_dates_are_cleaned_to_partial_dates():
    own = make_organisation()
    data = {
        "party_a": make_place("Aarhus", "DK").pk,
        "party_b": make_place("Bergen", "NO").pk,
        "kind": "sister_city",
        "status": "active",
        "since": "2013-06",
        "owner": own.pk,
    }
    form = PartnershipForm(data, user=make_user("editor", editor_of=own))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["since"].format("da") == "juni 2013"
