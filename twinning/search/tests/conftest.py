import pytest

from twinning.organisations.models import OrganisationKind
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import PartnershipKind
from twinning.partnerships.services import partnership_create
from twinning.people.services import person_create, post_create
from twinning.places.models import PlaceKind
from twinning.places.services import place_create
from twinning.sources.models import SourceKind
from twinning.sources.services import source_create


@pytest.fixture
def registry(db):
    """A small registry written through the apps' services, which index as they save."""
    owner = make_organisation("Ballerup Kommune", kind=OrganisationKind.MUNICIPALITY)
    sonderborg = place_create(name="Sønderborg", kind=PlaceKind.MUNICIPALITY, country="DK")
    wuxi = place_create(
        name="Wuxi",
        kind=PlaceKind.CITY,
        country="CN",
        other_names=[("zh", "无锡市"), ("zh-Latn", "Wúxī")],
    )
    bycirklen = place_create(name="Bycirklen", kind=PlaceKind.GROUP, country="DK")
    baoding = place_create(name="Baoding", kind=PlaceKind.CITY, country="CN")
    public = partnership_create(
        party_a=bycirklen,
        party_b=wuxi,
        kind=PartnershipKind.COOPERATION_AGREEMENT,
        since="2007-05",
        notes="En samarbejdsaftale om erhverv, uddannelse og skoler.",
    )
    private = partnership_create(
        party_a=sonderborg,
        party_b=baoding,
        kind=PartnershipKind.SISTER_CITY,
        since="2011",
        notes="Strategic partnership on district heating.",
        owner=owner,
        is_public=False,
    )
    person = person_create(name="Lars Wilms")
    post_create(person=person, role="Coordinator", organisation=owner)
    report = source_create(
        title="Evaluation of the China cooperation",
        kind=SourceKind.REPORT,
        published="2016-04",
        text="The partnerships with Wuxi opened doors for companies from Ballerup.",
    )
    return {
        "owner": owner,
        "sonderborg": sonderborg,
        "wuxi": wuxi,
        "bycirklen": bycirklen,
        "baoding": baoding,
        "public": public,
        "private": private,
        "person": person,
        "report": report,
    }


@pytest.fixture
def member(registry):
    return make_user("member", viewer_of=registry["owner"])
