import pytest

from twinning.activities.services import activity_create
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.places.models import Place


@pytest.fixture
def org():
    return make_organisation("Bycirklen")


@pytest.fixture
def partnership(org):
    a = Place.objects.create(name="Bycirklen", kind="group", country="DK")
    b = Place.objects.create(name="Wuxi", kind="city", country="CN")
    return Partnership.objects.create(party_a=a, party_b=b, kind="cooperation_agreement", owner=org)


@pytest.fixture
def editor(org):
    return make_user("editor", editor_of=org)


@pytest.fixture
def make_activity(partnership, org):
    def make(title="Meeting", start="2013-01-14", **fields):
        fields.setdefault("partnerships", [partnership])
        fields.setdefault("owner", org)
        return activity_create(title=title, start=start, **fields)

    return make
