import datetime as dt
import json

import pytest
from django.core.management import call_command

from twinning.partnerships.models import PartnershipPerson
from twinning.partnerships.services import partnership_person_add
from twinning.partnerships.tests.factories import (
    make_agreement,
    make_organisation,
    make_partnership,
    make_place,
)
from twinning.people.models import Person
from twinning.people.services import person_create, person_update, post_create
from twinning.visits.models import VisitMember
from twinning.visits.services import visit_create, visit_member_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def mayor():
    org = make_organisation("Aarhus Kommune")
    aarhus, harbin = make_place("Aarhus", "DK"), make_place("Harbin", "CN", "city")
    partnership = make_partnership(aarhus, harbin, owner=org)
    person = person_create(
        name="Jens Hansen", email="jens@aarhus.example", phone="+45 1234", notes="Prefers tea"
    )
    person_update(person=person, phone="+45 5678")
    post = post_create(person=person, role="Mayor", organisation=org)
    agreement = make_agreement(partnership, signed="2005-06-01")
    agreement.signatories.set([post])
    partnership_person_add(partnership=partnership, person=person, role="coordinator")
    visit = visit_create(
        direction="outgoing",
        visiting_party=aarhus,
        host=harbin,
        title="Trade mission",
        start_date=dt.date(2013, 6, 7),
        end_date=dt.date(2013, 6, 12),
        partnership=partnership,
    )
    visit_member_create(visit=visit, name="Jens Hansen", title="Mayor", person=person)
    return person


def test_a_persons_data_holds_everything_the_registry_keeps(mayor, tmp_path):
    path = tmp_path / "jens.json"
    call_command("person_data", str(mayor.pk), output=path)
    data = json.loads(path.read_text(encoding="utf-8"))

    assert data["person"]["email"] == "jens@aarhus.example"
    assert data["posts"][0]["role"] == "Mayor"
    assert data["posts"][0]["agreements_signed"]
    assert data["partnerships"] == [{"partnership": "Aarhus – Harbin", "role": "coordinator"}]
    assert data["delegations"][0]["name"] == "Jens Hansen"
    assert [entry["phone"] for entry in data["history"]] == ["+45 1234", "+45 5678"]


def test_erasing_a_person_keeps_the_partnership_facts_but_no_personal_data(mayor):
    call_command("person_data", str(mayor.pk), erase=True)

    person = Person.objects.get(pk=mayor.pk)
    label = f"Person {mayor.pk} (erased)"
    assert (person.name, person.email, person.phone, person.notes) == (label, "", "", "")
    stored = list(Person.history.filter(id=mayor.pk).values_list("name", "email", "phone"))
    assert set(stored) == {(label, "", "")}
    assert VisitMember.objects.get().name == label
    assert not VisitMember.history.filter(name="Jens Hansen").exists()
    # The facts stay: the post, its signature and the role in the partnership.
    post = person.posts.get()
    assert post.role == "Mayor"
    assert post.agreements_signed.count() == 1
    assert PartnershipPerson.objects.get().person == person
