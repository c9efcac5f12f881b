"""Load the demo's delegation visits and the showcase sites they saw.

The data lives in ``data/sites.json`` and ``data/visits.json`` and refers to registry
records (places, organisations, people, focus areas, partnerships) by name, so it is
loaded after the registry. Organisations the registry lacks are listed in sites.json.
Loading is idempotent: records are matched by their natural keys.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from twinning.core.translated import other_languages
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.people.models import Person
from twinning.places.models import Place
from twinning.sites.models import ShowcaseSite
from twinning.visits.models import Commitment, ProgrammeItem, Visit, VisitMember

DATA = Path(__file__).parent / "data"


class VisitDataError(ValueError):
    """A name in the visits or sites data that the registry does not hold."""


@dataclass
class VisitsReport:
    sites: int
    visits: int


class _Lookup:
    """Find registry records by name, failing with the file and the missing name."""

    def __init__(self):
        self.file = ""
        self.places = {}
        for place in Place.objects.order_by("pk"):
            self.places.setdefault(place.name, place)
        self.organisations = {o.name: o for o in Organisation.objects.all()}
        self.people = {p.name: p for p in Person.objects.all()}
        self.areas = {a.slug: a for a in FocusArea.objects.all()}
        self.sites: dict[str, ShowcaseSite] = {}

    def _get(self, table: dict, what: str, name: str | None):
        if not name:
            return None
        try:
            return table[name]
        except KeyError:
            raise VisitDataError(f"{self.file}: no {what} named “{name}”") from None

    def place(self, name):
        return self._get(self.places, "place", name)

    def organisation(self, name):
        return self._get(self.organisations, "organisation", name)

    def person(self, name):
        return self._get(self.people, "person", name)

    def site(self, name):
        return self._get(self.sites, "showcase site", name)

    def areas_for(self, slugs) -> list[FocusArea]:
        return [self._get(self.areas, "focus area", slug) for slug in slugs or []]

    def partnership(self, pair) -> Partnership | None:
        if not pair:
            return None
        a, b = (self.place(name) for name in pair)
        found = Partnership.objects.filter(party_a=a, party_b=b).order_by("pk").first()
        if found is None:
            raise VisitDataError(f"{self.file}: no partnership of “{pair[0]}” and “{pair[1]}”")
        return found


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _sites_load(lookup: _Lookup, path: Path) -> int:
    lookup.file = path.name
    data = json.loads(path.read_text(encoding="utf-8"))
    for item in data.get("organisations", []):
        organisation, _created = Organisation.objects.update_or_create(
            name=item["name"],
            defaults={"kind": item["kind"], "place": lookup.place(item.get("place"))},
        )
        lookup.organisations[organisation.name] = organisation
    for item in data["sites"]:
        organisation = lookup.organisation(item["organisation"])
        site, _created = ShowcaseSite.objects.update_or_create(
            name=item["name"],
            defaults={
                "organisation": organisation,
                "place": lookup.place(item.get("place")) or organisation.place,
                "address": item.get("address") or "",
                "latitude": item.get("lat"),
                "longitude": item.get("lon"),
                "what_visitors_see": item.get("sees") or "",
                "languages": item.get("languages") or "",
                "capacity": item.get("capacity"),
                "owner": organisation,
                "is_public": True,
            },
        )
        site.full_clean()
        site.focus_areas.set(lookup.areas_for(item.get("focus")))
        lookup.sites[site.name] = site
    return len(data["sites"])


def _visits_load(lookup: _Lookup, path: Path) -> int:
    lookup.file = path.name
    data = json.loads(path.read_text(encoding="utf-8"))
    for item in data["visits"]:
        visit, _created = Visit.objects.update_or_create(
            title=item["title"],
            start_date=_date(item["start"]),
            defaults={
                "direction": item["direction"],
                "visiting_party": lookup.place(item["visiting_party"]),
                "host": lookup.place(item["host"]),
                "host_organisation": lookup.organisation(item.get("host_organisation")),
                "partnership": lookup.partnership(item.get("partnership")),
                "end_date": _date(item["end"]),
                "dates_approximate": bool(item.get("approximate")),
                "purpose": item.get("purpose") or "",
                "status": item["status"],
                "notes": item.get("notes") or "",
                "report": item.get("report") or "",
                "owner": lookup.organisation(item.get("owner")),
                "is_public": True,
                **other_languages(Visit, item),
            },
        )
        visit.full_clean()
        visit.interests.set(lookup.areas_for(item.get("interests")))
        for spec in item.get("members", []):
            member, _created = VisitMember.objects.update_or_create(
                visit=visit,
                name=spec["name"],
                defaults={
                    "native_name": spec.get("native_name") or "",
                    "title": spec.get("title") or "",
                    "organisation": lookup.organisation(spec.get("organisation")),
                    "person": lookup.person(spec.get("person")),
                    "is_leader": bool(spec.get("leader")),
                },
            )
            member.full_clean()
        for spec in item.get("programme", []):
            site = lookup.site(spec.get("site"))
            topic = spec.get("topic") or site.name
            programme_item, _created = ProgrammeItem.objects.update_or_create(
                visit=visit,
                day=_date(spec["day"]),
                topic=topic,
                defaults={
                    "site": site,
                    "host_organisation": site.organisation if site else None,
                    "location": spec.get("location") or (site.address if site else ""),
                    "notes": spec.get("notes") or "",
                    **other_languages(ProgrammeItem, spec),
                },
            )
            programme_item.full_clean()
        for spec in item.get("commitments", []):
            commitment, _created = Commitment.objects.update_or_create(
                visit=visit,
                description=spec["description"],
                defaults={
                    "responsible": lookup.person(spec.get("responsible")),
                    "due_date": _date(spec.get("due")),
                    "done_on": _date(spec.get("done")),
                },
            )
            commitment.full_clean()
    return len(data["visits"])


@transaction.atomic
def visits_load(*, data: Path = DATA) -> VisitsReport:
    """Load the demo's showcase sites and delegation visits into a loaded registry."""
    lookup = _Lookup()
    sites = _sites_load(lookup, data / "sites.json")
    visits = _visits_load(lookup, data / "visits.json")
    return VisitsReport(sites=sites, visits=visits)
