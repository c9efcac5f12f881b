"""What the search box knows of each kind of record: one indexer per model.

An indexer names the model, the queryset that loads everything its documents show (so
indexing many records takes a fixed number of queries), and the function that turns one
record into a Document. A new kind of record gets a ``SearchKind`` value in models.py and
an ``Indexer`` in ``INDEXERS`` below; its services then call
``search.services.search_entry_update(obj)`` after saving.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Model, Prefetch, Q, QuerySet
from django.utils import translation
from django_countries import countries as country_names

from twinning.search.models import SearchKind

# A report can be hundreds of pages; its opening pages say what it is about.
MAX_BODY_CHARS = 200_000


@dataclass
class Document:
    """The searchable text and facts of one record."""

    title: str
    other_names: list[str] = field(default_factory=list)
    body: str = ""
    keywords: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    year: int | None = None
    is_public: bool = True
    owner_id: int | None = None


@dataclass(frozen=True)
class Indexer:
    """How one model is indexed.

    Either ``queryset`` and ``document`` (load model instances with what their documents
    need, then turn each into a Document), or ``documents``, which reads plain values for
    a batch of ids: several times faster for the kinds that imports create by thousands.
    """

    kind: str
    model: str
    # The page of one record, reversed with its id.
    url_name: str
    queryset: Callable[[QuerySet], QuerySet] | None = None
    document: Callable[[Any], Document] | None = None
    documents: Callable[[list[int]], Iterable[tuple[int, Document]]] | None = None
    # Entries of other kinds that show this record's text, by kind: {kind: [ids]}.
    dependents: Callable[[Any], dict[str, list[int]]] | None = None

    def model_class(self) -> type[Model]:
        return apps.get_model(self.model)

    def documents_of(self, ids: list[int]) -> Iterable[tuple[int, Document]]:
        """Yield (id, document) for the records with these ids that exist."""
        if self.documents is not None:
            yield from self.documents(ids)
            return
        records = self.queryset(self.model_class()._default_manager.filter(pk__in=ids))
        for obj in records:
            yield obj.pk, self.document(obj)


# Labels and names ------------------------------------------------------------------------


def _in(language: str, value) -> str:
    with translation.override(language):
        return str(value() if callable(value) else value)


@lru_cache(maxsize=2048)
def _choice(choices: type, value: str) -> tuple[str, str]:
    """Return a choice's label in the site's language and the label in every language."""
    try:
        label = choices(value).label
    except ValueError:
        return value, value
    every = dict.fromkeys(_in(code, label) for code, _name in settings.LANGUAGES)
    return _in(settings.LANGUAGE_CODE, label), " ".join(every)


@lru_cache(maxsize=512)
def _country(code: str) -> tuple[str, str]:
    """Return a country's name in the site's language and its names in every language."""
    if not code:
        return "", ""

    def name():
        return country_names.name(code)

    every = dict.fromkeys(_in(language, name) for language, _name in settings.LANGUAGES)
    return _in(settings.LANGUAGE_CODE, name), " ".join(every)


def _join(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _year(date) -> int | None:
    return date.year if date else None


def _codes(*codes) -> list[str]:
    return list(dict.fromkeys(str(code) for code in codes if code))


def _owned(obj) -> dict:
    return {"is_public": obj.is_public, "owner_id": obj.owner_id}


# Indexers of the registry ---------------------------------------------------------------


@dataclass(frozen=True)
class _PlaceFacts:
    name: str
    kind: str
    country: str
    parent: str
    others: tuple[str, ...]

    @property
    def label(self) -> str:
        # As Place.__str__ names a district: with the city it lies in.
        if self.kind == "district" and self.parent:
            return f"{self.name}, {self.parent}"
        return self.name


def _place_facts(ids: Iterable[int]) -> dict[int, _PlaceFacts]:
    from twinning.places.models import Place, PlaceName

    ids = list(ids)
    others: dict[int, list[str]] = defaultdict(list)
    names = PlaceName.objects.filter(place_id__in=ids).order_by("language", "name")
    for place_id, name in names.values_list("place_id", "name"):
        if name not in others[place_id]:
            others[place_id].append(name)
    rows = Place.objects.filter(pk__in=ids).values_list(
        "pk", "name", "kind", "country", "parent__name"
    )
    return {
        pk: _PlaceFacts(name, kind, country or "", parent or "", tuple(others[pk]))
        for pk, name, kind, country, parent in rows
    }


def _place_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    from twinning.places.models import PlaceKind

    for pk, place in _place_facts(ids).items():
        kind, kind_words = _choice(PlaceKind, place.kind)
        country, country_words = _country(place.country)
        yield (
            pk,
            Document(
                title=place.label,
                other_names=list(place.others),
                body=_join(kind, place.parent, country, ", ".join(place.others)),
                keywords=[kind_words, country_words],
                countries=_codes(place.country),
            ),
        )


def _place_dependents(place) -> dict[str, list[int]]:
    from twinning.partnerships.models import Partnership

    partnerships = Partnership.objects.filter(Q(party_a=place) | Q(party_b=place))
    return {SearchKind.PARTNERSHIP: list(partnerships.values_list("pk", flat=True))}


def _partnership_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    from twinning.partnerships.models import Partnership, PartnershipKind, PartnershipStatus

    rows = list(
        Partnership.objects.filter(pk__in=ids).values_list(
            "pk",
            "party_a_id",
            "party_b_id",
            "kind",
            "status",
            "since",
            "until",
            "notes",
            "termination_reason",
            "is_public",
            "owner_id",
        )
    )
    places = _place_facts({row[1] for row in rows} | {row[2] for row in rows})
    areas: dict[int, list[tuple[str, str]]] = defaultdict(list)
    links = Partnership.focus_areas.through.objects.filter(partnership_id__in=ids)
    for pk, name_en, name_da in links.values_list(
        "partnership_id", "focusarea__name_en", "focusarea__name_da"
    ):
        areas[pk].append((name_en, name_da))
    for pk, a_id, b_id, kind, status, since, until, notes, reason, public, owner in rows:
        a, b = places[a_id], places[b_id]
        kind_label, kind_words = _choice(PartnershipKind, kind)
        status_label, status_words = _choice(PartnershipStatus, status)
        period = f"{since or ''}–{until or ''}" if since or until else ""
        yield (
            pk,
            Document(
                title=f"{a.label} – {b.label}",
                other_names=[*a.others, *b.others],
                body=_join(
                    kind_label,
                    status_label,
                    period,
                    ", ".join(english for english, _danish in areas[pk]),
                    notes,
                    reason,
                ),
                keywords=[
                    kind_words,
                    status_words,
                    *(danish for _english, danish in areas[pk]),
                    _country(a.country)[1],
                    _country(b.country)[1],
                ],
                countries=_codes(a.country, b.country),
                year=_year(since),
                is_public=public,
                owner_id=owner,
            ),
        )


def _organisation_document(organisation) -> Document:
    from twinning.organisations.models import OrganisationKind

    kind, kind_words = _choice(OrganisationKind, organisation.kind)
    place = organisation.place
    return Document(
        title=organisation.name,
        body=_join(
            kind,
            organisation.parent.name if organisation.parent else "",
            place.name if place else "",
            organisation.website,
            organisation.notes,
        ),
        keywords=[kind_words],
        countries=_codes(place.country_code if place else ""),
        **_owned(organisation),
    )


def _person_document(person) -> Document:
    posts, codes = [], []
    for post in person.posts.all():
        where = post.organisation or post.place
        posts.append(f"{post.role}, {where}" if where else post.role)
        place = post.place or (post.organisation.place if post.organisation else None)
        codes.append(place.country_code if place else "")
    return Document(
        title=person.name,
        body=_join("; ".join(posts), person.notes),
        countries=_codes(*codes),
        **_owned(person),
    )


def _person_records(queryset: QuerySet) -> QuerySet:
    from twinning.people.models import Post

    posts = Post.objects.select_related("organisation__place", "place")
    return queryset.prefetch_related(Prefetch("posts", queryset=posts))


def _source_document(source) -> Document:
    from twinning.sources.models import SourceKind

    kind, kind_words = _choice(SourceKind, source.kind)
    publisher = source.publisher
    place = publisher.place if publisher else None
    return Document(
        title=source.title,
        body=_join(kind, publisher.name if publisher else "", source.url)
        + ("\n" + source.text[:MAX_BODY_CHARS] if source.text else ""),
        keywords=[kind_words],
        countries=_codes(place.country_code if place else ""),
        year=_year(source.published),
        **_owned(source),
    )


def _activity_document(activity) -> Document:
    from twinning.activities.models import ActivityArea, ActivityKind

    area, area_words = _choice(ActivityArea, activity.area)
    kind, kind_words = _choice(ActivityKind, activity.kind)
    partnerships = list(activity.partnerships.all())
    place = activity.place
    return Document(
        title=activity.title,
        body=_join(
            activity.when(settings.LANGUAGE_CODE),
            area,
            kind,
            place.name if place else "",
            "; ".join(f"{p.party_a.name} – {p.party_b.name}" for p in partnerships),
            activity.description,
        ),
        keywords=[area_words, kind_words],
        countries=_codes(
            place.country_code if place else "",
            *(party.country_code for p in partnerships for party in (p.party_a, p.party_b)),
        ),
        year=_year(activity.start),
        **_owned(activity),
    )


def _activity_records(queryset: QuerySet) -> QuerySet:
    from twinning.partnerships.models import Partnership

    partnerships = Partnership.objects.select_related("party_a", "party_b")
    return queryset.select_related("place").prefetch_related(
        Prefetch("partnerships", queryset=partnerships)
    )


def _visit_document(visit) -> Document:
    from twinning.visits.models import VisitDirection, VisitStatus

    direction, direction_words = _choice(VisitDirection, visit.direction)
    status, status_words = _choice(VisitStatus, visit.status)
    visiting, host = visit.visiting_party, visit.host
    interests = list(visit.interests.all())
    return Document(
        title=visit.title,
        body=_join(
            f"{visiting.name} → {host.name}",
            visit.start_date.isoformat(),
            direction,
            status,
            visit.host_organisation.name if visit.host_organisation else "",
            ", ".join(area.name_en for area in interests),
            visit.purpose,
            visit.notes,
            visit.report,
        ),
        keywords=[direction_words, status_words, *(area.name_da for area in interests)],
        countries=_codes(visiting.country_code, host.country_code),
        year=visit.start_date.year,
        **_owned(visit),
    )


INDEXERS: list[Indexer] = [
    Indexer(
        kind=SearchKind.PLACE,
        model="places.Place",
        url_name="places:detail",
        documents=_place_documents,
        dependents=_place_dependents,
    ),
    Indexer(
        kind=SearchKind.PARTNERSHIP,
        model="partnerships.Partnership",
        url_name="partnerships:detail",
        documents=_partnership_documents,
    ),
    Indexer(
        kind=SearchKind.ORGANISATION,
        model="organisations.Organisation",
        url_name="organisations:detail",
        queryset=lambda qs: qs.select_related("place", "parent"),
        document=_organisation_document,
    ),
    Indexer(
        kind=SearchKind.PERSON,
        model="people.Person",
        url_name="people:detail",
        queryset=_person_records,
        document=_person_document,
    ),
    Indexer(
        kind=SearchKind.ACTIVITY,
        model="activities.Activity",
        url_name="activities:detail",
        queryset=_activity_records,
        document=_activity_document,
    ),
    Indexer(
        kind=SearchKind.VISIT,
        model="visits.Visit",
        url_name="visits:detail",
        queryset=lambda qs: qs.select_related(
            "visiting_party", "host", "host_organisation"
        ).prefetch_related("interests"),
        document=_visit_document,
    ),
    Indexer(
        kind=SearchKind.SOURCE,
        model="sources.Source",
        url_name="sources:detail",
        queryset=lambda qs: qs.select_related("publisher__place"),
        document=_source_document,
    ),
]


def installed_indexers(kinds: Iterable[str] | None = None) -> list[Indexer]:
    """Return the indexers whose apps are installed, optionally only of some kinds."""
    wanted = set(kinds) if kinds is not None else None
    found = []
    for indexer in INDEXERS:
        app_label = indexer.model.split(".")[0]
        if wanted is not None and indexer.kind not in wanted:
            continue
        if apps.is_installed(f"twinning.{app_label}"):
            found.append(indexer)
    return found


def indexer_for(obj: Model) -> Indexer:
    """Return the indexer of a record's model; LookupError if the model is not indexed."""
    label = obj._meta.concrete_model._meta.label
    for indexer in INDEXERS:
        if indexer.model == label:
            return indexer
    raise LookupError(f"{label} is not indexed for search")


def indexer_of(kind: str) -> Indexer:
    """Return the indexer of a kind."""
    for indexer in INDEXERS:
        if indexer.kind == kind:
            return indexer
    raise LookupError(f"no indexer for {kind}")
