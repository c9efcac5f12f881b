"""Load the demo registry: what the project's example documents state, as records.

The data lives in ``data/registry.json``. Loading is idempotent: records are matched by
their natural keys, so loading twice changes nothing, and ``reset`` clears the registry
first for a clean reload.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from twinning.core.partialdates import PartialDate
from twinning.demo.operations import operations_load
from twinning.demo.steering import steering_load
from twinning.demo.visits import visits_load
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Agreement, Partnership, PartnershipClaim
from twinning.partnerships.world import WorldReport, world_files, world_import
from twinning.people.models import Person, Post
from twinning.places.models import Place, PlaceName
from twinning.search.services import search_entries_rebuild
from twinning.sources.models import Evidence, Source

DATA = Path(__file__).parent / "data" / "registry.json"


@dataclass
class DemoReport:
    places: int
    partnerships: int
    agreements: int
    people: int
    organisations: int
    sources: int

    def summary(self) -> str:
        return (
            f"{self.places} places, {self.partnerships} partnerships, {self.agreements} "
            f"agreements, {self.people} people, {self.organisations} organisations, "
            f"{self.sources} sources"
        )


@dataclass
class WorldLoad:
    """What loading the world layer under the demo did, file by file."""

    imported: list[WorldReport]
    already: list[str]
    aside: list[str]


def demo_world_load(*, paths: list[Path], progress=None, skip_imported: bool = True) -> WorldLoad:
    """Import the world files found in paths beneath the demo registry.

    The demo's places and partnerships are already there, so the world's rows settle on
    them: Horsens–Chengdu stays one partnership with the lists' statements added to it.
    A file whose statements are already held is skipped when skip_imported is true
    (importing it again would change nothing, only take time).
    """
    files, aside = world_files(paths)
    load = WorldLoad(imported=[], already=[], aside=[p.name for p in aside])
    for path, names in files:
        if skip_imported and PartnershipClaim.objects.filter(source_name=path.name).exists():
            load.already.append(path.name)
            continue
        load.imported.append(world_import(path=path, names=names, progress=progress))
    return load


def demo_is_loaded() -> bool:
    """Return whether the registry already holds partnerships."""
    return Partnership.objects.exists()


@transaction.atomic
def registry_clear() -> None:
    """Delete every record of the registry (places, partnerships, people, sources)."""
    Evidence.objects.all().delete()
    Agreement.objects.all().delete()
    Partnership.objects.all().delete()
    Post.objects.all().delete()
    Person.objects.all().delete()
    Source.objects.all().delete()
    Organisation.objects.update(parent=None)
    Organisation.objects.all().delete()
    Place.members.through.objects.all().delete()
    Place.objects.update(parent=None)
    Place.objects.all().delete()
    FocusArea.objects.update(parent=None)
    FocusArea.objects.filter(partnerships__isnull=True).delete()


def _date(value) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def _evidence(source: Source, fact, quote: str) -> None:
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


@transaction.atomic
def demo_load(*, reset: bool = False, path: Path = DATA) -> DemoReport:
    """Load the demo registry, clearing the registry first when reset is true."""
    if reset:
        registry_clear()
    data = json.loads(path.read_text(encoding="utf-8"))

    areas: dict[str, FocusArea] = {}
    for item in data["focus_areas"]:
        areas[item["slug"]], _created = FocusArea.objects.update_or_create(
            slug=item["slug"], defaults={"name_en": item["en"], "name_da": item["da"]}
        )
    for item in data["focus_areas"]:
        if item.get("parent"):
            areas[item["slug"]].parent = areas[item["parent"]]
            areas[item["slug"]].save(update_fields=["parent"])

    places: dict[str, Place] = {}
    for item in data["places"]:
        place, _created = Place.objects.update_or_create(
            name=item["name"],
            country=item.get("country") or "",
            kind=item["kind"],
            defaults={
                "latitude": item.get("lat"),
                "longitude": item.get("lon"),
                "population": item.get("population"),
                "wikidata_id": item.get("wikidata") or "",
                "geonames_id": item.get("geonames"),
            },
        )
        places[item["key"]] = place
        for language, names in (item.get("names") or {}).items():
            for name in names:
                PlaceName.objects.get_or_create(place=place, language=language, name=name)
    for item in data["places"]:
        place = places[item["key"]]
        if item.get("parent"):
            place.parent = places[item["parent"]]
            place.save(update_fields=["parent"])
        if item.get("members"):
            place.members.set(places[key] for key in item["members"])

    organisations: dict[str, Organisation] = {}
    for item in data["organisations"]:
        organisations[item["key"]], _created = Organisation.objects.update_or_create(
            name=item["name"],
            defaults={
                "kind": item["kind"],
                "place": places.get(item.get("place")),
                "website": item.get("website") or "",
                "is_public": True,
            },
        )
    for item in data["organisations"]:
        if item.get("parent"):
            organisations[item["key"]].parent = organisations[item["parent"]]
            organisations[item["key"]].save(update_fields=["parent"])

    sources: dict[str, Source] = {}
    for item in data["sources"]:
        sources[item["key"]], _created = Source.objects.update_or_create(
            title=item["title"],
            defaults={
                "kind": item["kind"],
                "url": item.get("url") or "",
                "language": item.get("language") or "",
                "published": _date(item.get("published")),
                "publisher": organisations.get(item.get("publisher")),
                "file_name": item.get("file_name") or "",
            },
        )

    people: dict[str, Person] = {}
    posts: dict[tuple[str, str], Post] = {}
    for item in data["people"]:
        person, _created = Person.objects.get_or_create(name=item["name"])
        people[item["key"]] = person
        for post_item in item.get("posts", []):
            post, _created = Post.objects.get_or_create(
                person=person,
                role=post_item["role"],
                organisation=organisations.get(post_item.get("organisation")),
                place=places.get(post_item.get("place")),
                defaults={
                    "start": _date(post_item.get("start")),
                    "end": _date(post_item.get("end")),
                },
            )
            posts[(item["key"], post_item["role"])] = post
            if post_item.get("source"):
                _evidence(sources[post_item["source"]], post, "")

    agreement_count = 0
    for item in data["partnerships"]:
        partnership, _created = Partnership.objects.update_or_create(
            party_a=places[item["a"]],
            party_b=places[item["b"]],
            kind=item["kind"],
            defaults={
                "status": item["status"],
                "since": _date(item.get("since")),
                "until": _date(item.get("until")),
                "termination_reason": item.get("termination_reason") or "",
                "notes": item.get("notes") or "",
                "is_public": True,
            },
        )
        partnership.full_clean()
        partnership.focus_areas.set(areas[slug] for slug in item.get("focus", []))
        for link in item.get("people", []):
            partnership.person_links.get_or_create(
                person=people[link["person"]], role=link.get("role") or ""
            )
        for ref in item.get("sources", []):
            _evidence(sources[ref["source"]], partnership, ref.get("quote") or "")
        agreements: dict[str, Agreement] = {}
        for spec in item.get("agreements", []):
            agreement, _created = Agreement.objects.update_or_create(
                partnership=partnership,
                kind=spec["kind"],
                signed=_date(spec.get("signed")),
                defaults={
                    "title": spec.get("title") or "",
                    "place_of_signing": spec.get("place_of_signing") or "",
                    "term_months": spec.get("term_months"),
                    "expires": _date(spec.get("expires")),
                    "notice_months": spec.get("notice_months"),
                    "renews": agreements.get(spec.get("renews")),
                    "document": sources.get(spec.get("document")),
                },
            )
            agreement.full_clean()
            agreements[spec["key"]] = agreement
            agreement_count += 1
            signatories = []
            for signatory in spec.get("signatories", []):
                post = posts.get((signatory["person"], signatory["role"]))
                if post is None:
                    post, _created = Post.objects.get_or_create(
                        person=people[signatory["person"]], role=signatory["role"]
                    )
                signatories.append(post)
            agreement.signatories.set(signatories)
            for ref in spec.get("sources", []):
                _evidence(sources[ref["source"]], agreement, ref.get("quote") or "")

    operations_load()
    steering_load()
    visits_load()
    search_entries_rebuild()
    return DemoReport(
        places=len(places),
        partnerships=len(data["partnerships"]),
        agreements=agreement_count,
        people=len(people),
        organisations=len(organisations),
        sources=len(sources),
    )
