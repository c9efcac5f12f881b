"""Load the demo's operations: activities, institution pairs, networks and projects.

The data lives in ``data/activities.json``, ``data/institutions.json`` and
``data/projects.json`` and refers to registry records by name, so it is loaded after the
registry. Loading is idempotent: records are matched by their natural keys.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from twinning.activities.models import Activity, ActivityHeadcount
from twinning.core.partialdates import PartialDate
from twinning.core.translated import other_languages
from twinning.institutions.models import (
    Exchange,
    InstitutionPair,
    Network,
    NetworkMeeting,
    NetworkMembership,
)
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.partnerships.models import Partnership
from twinning.people.models import Person
from twinning.places.models import Place
from twinning.projects.models import Project, ProjectParty, ProjectPhase
from twinning.sources.models import Evidence, Source

DATA = Path(__file__).parent / "data"


class DemoDataError(ValueError):
    """A name in the operations data that the registry does not hold."""


@dataclass
class OperationsReport:
    activities: int
    institution_pairs: int
    networks: int
    projects: int


class _Registry:
    """Look registry records up by name, failing with the name and the file."""

    def __init__(self, file: str):
        self.file = file
        self.places = {p.name: p for p in Place.objects.all()}
        self.organisations = {o.name: o for o in Organisation.objects.all()}

    def _fail(self, what: str, name: str):
        raise DemoDataError(f"{self.file}: no {what} named “{name}” in the registry")

    def place(self, name: str | None) -> Place | None:
        if not name:
            return None
        return self.places.get(name) or self._fail("place", name)

    def organisation(self, name: str, *, kind: str | None = None) -> Organisation:
        if name in self.organisations:
            return self.organisations[name]
        if kind is None:
            self._fail("organisation", name)
        created = Organisation.objects.create(name=name, kind=kind, is_public=True)
        self.organisations[name] = created
        return created

    def person(self, name: str) -> Person:
        person = Person.objects.filter(name=name).first()
        return person or self._fail("person", name)

    def partnership(self, spec: dict) -> Partnership:
        found = Partnership.objects.filter(
            party_a=self.place(spec["a"]), party_b=self.place(spec["b"])
        ).first()
        return found or self._fail("partnership", f"{spec['a']} – {spec['b']}")


def _date(value) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def _evidence(source: Source | None, fact, quote: str) -> None:
    if source is None:
        return
    start = source.text.find(quote) if source.text and quote else -1
    Evidence.objects.get_or_create(
        source=source,
        content_type=ContentType.objects.get_for_model(fact),
        object_id=fact.pk,
        quote=quote,
        defaults={
            "start": start if start >= 0 else None,
            "end": start + len(quote) if start >= 0 else None,
        },
    )


def _load_activities(path: Path) -> int:
    data = json.loads(path.read_text(encoding="utf-8"))
    registry = _Registry(path.name)
    partnership = registry.partnership(data["partnership"])
    owner = registry.organisation(data["owner"]) if data.get("owner") else None
    source = Source.objects.filter(title=data.get("source", "")).first()
    for item in data["activities"]:
        activity, _created = Activity.objects.update_or_create(
            start=_date(item["start"]),
            area=item["area"],
            title=item["title"],
            defaults={
                "end": _date(item.get("end")),
                "kind": item["kind"],
                "description": item.get("description", ""),
                "place": registry.place(item.get("place")),
                "owner": owner,
                "is_public": True,
                **other_languages(Activity, item),
            },
        )
        activity.full_clean()
        activity.partnerships.add(partnership)
        activity.organisations.set(registry.organisation(n) for n in item.get("organisations", []))
        activity.people.set(registry.person(n) for n in item.get("people", []))
        activity.headcounts.all().delete()
        ActivityHeadcount.objects.bulk_create(
            ActivityHeadcount(activity=activity, count=count, group=group)
            for count, group in item.get("headcounts", [])
        )
        _evidence(source, activity, "")
    return len(data["activities"])


def _load_institutions(path: Path) -> tuple[int, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    registry = _Registry(path.name)
    partnership = registry.partnership(data["partnership"])
    for item in data["pairs"]:
        kind = OrganisationKind.UNIVERSITY if item["kind"] == "university" else "school"
        pair, _created = InstitutionPair.objects.update_or_create(
            partnership=partnership,
            institution_a=registry.organisation(item["a"], kind=kind),
            institution_b=registry.organisation(item["b"], kind=kind),
            defaults={
                "kind": item["kind"],
                "since": _date(item.get("since")),
                "status": item.get("status", "active"),
                "notes": item.get("notes", ""),
            },
        )
        pair.full_clean()
        for spec in item.get("exchanges", []):
            exchange, _created = Exchange.objects.update_or_create(
                pair=pair,
                start=_date(spec["start"]),
                direction=spec["direction"],
                defaults={
                    "end": _date(spec.get("end")),
                    "description": spec.get("description", ""),
                    "pupils": spec.get("pupils"),
                    "students": spec.get("students"),
                    "teachers": spec.get("teachers"),
                },
            )
            exchange.full_clean()
    for item in data["networks"]:
        network, _created = Network.objects.update_or_create(
            name=item["name"],
            defaults={
                "organisation": registry.organisation(item["organisation"])
                if item.get("organisation")
                else None,
                "scope": item["scope"],
                "country": item.get("country", ""),
                "description": item.get("description", ""),
            },
        )
        network.full_clean()
        network.memberships.all().delete()
        for spec in item.get("members", []):
            membership = NetworkMembership(
                network=network,
                organisation=registry.organisation(spec["organisation"])
                if spec.get("organisation")
                else None,
                place=registry.place(spec.get("place")),
                since=_date(spec.get("since")),
                until=_date(spec.get("until")),
                role=spec.get("role", ""),
            )
            membership.full_clean()
            membership.save()
        network.meetings.all().delete()
        for spec in item.get("meetings", []):
            meeting = NetworkMeeting(
                network=network,
                date=_date(spec["date"]),
                title=spec["title"],
                place=registry.place(spec.get("place")),
                notes=spec.get("notes", ""),
            )
            meeting.full_clean()
            meeting.save()
    return len(data["pairs"]), len(data["networks"])


def _load_projects(path: Path) -> int:
    data = json.loads(path.read_text(encoding="utf-8"))
    registry = _Registry(path.name)
    owner = registry.organisation(data["owner"]) if data.get("owner") else None
    source = Source.objects.filter(title=data.get("source", "")).first()
    for item in data["projects"]:
        project, _created = Project.objects.update_or_create(
            title=item["title"],
            defaults={
                "description": item.get("description", ""),
                "status": item["status"],
                "value_min": Decimal(item["value_min"]) if item.get("value_min") else None,
                "value_max": Decimal(item["value_max"]) if item.get("value_max") else None,
                "currency": item.get("currency", "DKK"),
                "outcome": item.get("outcome", ""),
                "owner": owner,
                "is_public": True,
            },
        )
        project.full_clean()
        project.partnerships.set(registry.partnership(s) for s in item.get("partnerships", []))
        project.parties.all().delete()
        for spec in item.get("parties", []):
            party = ProjectParty(
                project=project,
                organisation=registry.organisation(spec["organisation"])
                if spec.get("organisation")
                else None,
                place=registry.place(spec.get("place")),
                role=spec["role"],
            )
            party.full_clean()
            party.save()
        for spec in item.get("phases", []):
            phase, _created = ProjectPhase.objects.update_or_create(
                project=project,
                number=spec["number"],
                defaults={
                    "title": spec.get("title", ""),
                    "start": _date(spec.get("start")),
                    "end": _date(spec.get("end")),
                    "status": spec["status"],
                    "notes": spec.get("notes", ""),
                },
            )
            phase.full_clean()
        _evidence(source, project, item.get("quote", ""))
    return len(data["projects"])


@transaction.atomic
def operations_load(*, data_dir: Path = DATA) -> OperationsReport:
    """Load the demo activities, institution pairs, networks and projects, all or nothing.

    Registry records are looked up by name; a name the registry lacks raises DemoDataError
    naming the file and the name, except schools of a pair, which are added.
    """
    activities = _load_activities(data_dir / "activities.json")
    pairs, networks = _load_institutions(data_dir / "institutions.json")
    projects = _load_projects(data_dir / "projects.json")
    return OperationsReport(
        activities=activities, institution_pairs=pairs, networks=networks, projects=projects
    )
