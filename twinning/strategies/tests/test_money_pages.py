"""The pages where a partnership's costs, staff time and a group's shares are entered."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from twinning.attachments.models import Attachment
from twinning.attachments.tests.conftest import pdf_bytes
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.tests.factories import make_partnership, make_place
from twinning.places.models import PlaceKind
from twinning.strategies.models import BudgetContribution, CostEntry, StaffTime
from twinning.strategies.services import budget_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    office = make_organisation("Office")
    ballerup, egedal = make_place("Ballerup"), make_place("Egedal")
    bycirklen = make_place("Bycirklen", kind=PlaceKind.GROUP)
    bycirklen.members.set([ballerup, egedal])
    partnership = make_partnership(bycirklen, make_place("Wuxi", "CN"), owner=office)
    budget = budget_create(party=bycirklen, year=2015, total=Decimal(1000), owner=office)
    editor = Client()
    editor.force_login(make_user("editor", editor_of=office))
    stranger = Client()
    stranger.force_login(make_user("stranger", editor_of=make_organisation("Elsewhere")))
    return locals()


def test_a_cost_is_entered_with_its_receipt_kept_on_it(world):
    url = reverse("strategies:partnership_money", args=[world["partnership"].pk])
    assert (
        "Money and time"
        in world["editor"].get(world["partnership"].get_absolute_url()).content.decode()
    )
    response = world["editor"].post(
        url,
        {
            "cost-party": world["ballerup"].pk,
            "cost-date": "2015-03-02",
            "cost-amount": "12000",
            "cost-currency": "DKK",
            "cost-category": "travel",
            "cost-description": "Flights to Shanghai",
            "cost-receipt_file": SimpleUploadedFile("ticket.pdf", pdf_bytes()),
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    cost = CostEntry.objects.get()
    receipt = Attachment.objects.get()
    assert (receipt.record_kind, receipt.record_id) == ("cost", cost.pk)
    assert receipt.title == "Receipt: Flights to Shanghai" and not receipt.is_public
    page = world["editor"].get(url).content.decode()
    assert (
        "Flights to Shanghai" in page and reverse("attachments:download", args=[receipt.pk]) in page
    )
    assert world["stranger"].get(url).status_code == 404


def test_a_refused_receipt_leaves_no_cost_behind(world):
    url = reverse("strategies:partnership_money", args=[world["partnership"].pk])
    response = world["editor"].post(
        url,
        {
            "cost-party": world["ballerup"].pk,
            "cost-date": "2015-03-02",
            "cost-amount": "10",
            "cost-currency": "DKK",
            "cost-category": "other",
            "cost-description": "Taxi",
            "cost-receipt_file": SimpleUploadedFile("taxi.pdf", b"MZ" + b"\0" * 100),
        },
    )
    assert response.status_code == 422 and "taxi.pdf is not a file" in response.content.decode()
    assert not CostEntry.objects.exists()


def test_staff_time_and_a_members_share_are_entered_on_their_pages(world):
    url = reverse("strategies:partnership_money", args=[world["partnership"].pk])
    response = world["editor"].post(
        url,
        {
            "time-party": world["bycirklen"].pk,
            "time-year": "2015",
            "time-role": "Coordinator",
            "time-fte": "0.5",
        },
    )
    assert response.status_code == 302
    assert StaffTime.objects.get().fte == Decimal("0.5")
    refused = world["editor"].post(
        url, {"time-party": world["bycirklen"].pk, "time-year": "2015", "time-role": "Coordinator"}
    )
    assert refused.status_code == 422
    budget_url = reverse("strategies:budget_detail", args=[world["budget"].pk])
    assert 'name="member"' in world["editor"].get(budget_url).content.decode()
    add = reverse("strategies:budget_contribution_add", args=[world["budget"].pk])
    assert (
        world["editor"].post(add, {"member": world["ballerup"].pk, "share": "0.6"}).status_code
        == 302
    )
    too_much = world["editor"].post(add, {"member": world["egedal"].pk, "share": "0.5"})
    assert too_much.status_code == 422 and "more than the whole" in too_much.content.decode()
    assert world["stranger"].post(
        add, {"member": world["egedal"].pk, "share": "0.1"}
    ).status_code in (403, 404)
    assert BudgetContribution.objects.count() == 1
