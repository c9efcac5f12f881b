"""Reads of ingested documents and their suggestions, and matching of names to records."""

from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Count, Model, Prefetch, Q, QuerySet

from twinning.accounts.selectors import editable_organisation_ids, visible_to
from twinning.activities.models import Activity
from twinning.core.text import fold
from twinning.gazetteer import Entry, GazetteerMissing, gazetteer
from twinning.ingestion.facts import NAME_FIELDS, NameRole
from twinning.ingestion.models import IngestionFile, IngestionJob, Suggestion, SuggestionStatus
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.people.models import Person, Post
from twinning.places.models import Place, PlaceName
from twinning.sources.models import Source
from twinning.visits.models import Visit

# Words that name the kind of body rather than the body: "Sønderborg Kommune", "City of
# Aarhus" and "Sonderborg" are one place.
GENERIC_PLACE_WORDS = frozenset(
    {
        "kommune",
        "kommunes",
        "kommunalbestyrelse",
        "municipality",
        "municipal",
        "city",
        "of",
        "the",
        "district",
        "county",
        "town",
    }
)


def place_key(name: str) -> str:
    """Return the folded name without generic words, for matching spellings of a place."""
    words = fold(name).split()
    kept = [word for word in words if word not in GENERIC_PLACE_WORDS]
    return " ".join(kept or words)


# How many other records a name offers the reviewer when it matches none or several.
CANDIDATES = 6


@dataclass
class NameMatch:
    """What a name in a suggested fact refers to in the registry.

    ``record`` is the one record it names; otherwise ``candidates`` lists records it may
    mean (several that fit equally, or near misses), and accepting it needs the reviewer
    to link one of them or confirm a new record.
    """

    field: str
    role: str
    text: str
    record: Model | None = None
    candidates: list[Model] = dataclass_field(default_factory=list)
    # For a place that matches no record: the gazetteer's place a new record is made from.
    world: Entry | None = None

    @property
    def status(self) -> str:
        if self.record is not None:
            return "matched"
        return "ambiguous" if self.ambiguous else "new"

    ambiguous: bool = False

    @property
    def role_label(self) -> str:
        return str(NameRole(self.role).label)

    @property
    def options(self) -> list[tuple[str, str, bool]]:
        """Return (link token, label, whether chosen) for each record the name may mean."""
        records = [self.record] if self.record is not None else self.candidates
        options = []
        for record in records:
            country = getattr(record, "country", "")
            label = f"{record} ({country})" if country else str(record)
            options.append((link_token(record), label, record == self.record))
        return options


def link_token(record: Model) -> str:
    """Return how a form or the API names a record to link a name to: "place:12"."""
    return f"{type(record)._meta.model_name}:{record.pk}"


def _words(key: str) -> list[str]:
    return [word for word in key.split() if len(word) > 1] or key.split()


def _places_near(keys: list[str]) -> list[Place]:
    words = {_words(key)[0] for key in keys if key}
    if not words:
        return []
    condition = Q()
    for word in words:
        condition |= Q(search_key__contains=word) | Q(names__search_key__contains=word)
    places = (
        Place.objects.filter(condition)
        .distinct()
        .select_related("parent")
        .prefetch_related(Prefetch("names", queryset=PlaceName.objects.only("place_id", "name")))
        .order_by("name", "pk")
    )
    return list(places[:2000])


def world_place(name: str, country: str = "") -> Entry | None:
    """Return the one place of the world gazetteer this name means, if it is clear.

    Generic words are dropped first ("Sønderborg Municipality" is Sønderborg). Without
    the gazetteer's file (not built on this machine) nothing is found.
    """
    words = [word for word in name.split() if fold(word) not in GENERIC_PLACE_WORDS]
    # The name as written first: "Sønderborg Kommune" is the municipality, not the town.
    for text in dict.fromkeys((name, " ".join(words) or name)):
        try:
            found = gazetteer().lookup(text, country=country or None)
        except (GazetteerMissing, OSError):
            return None
        if found.best is not None:
            return found.best.entry
    return None


def _place_query(fields: dict, name: str, country: str, hint: str) -> tuple[str, str, str]:
    """Return (name, country code, the engine's gazetteer id) of a name field."""
    return (
        (fields.get(name) or "").strip(),
        (fields.get(country) or "").upper() if country else "",
        str(fields.get(hint) or "") if hint else "",
    )


def _world_from_hint(hint: str) -> Entry | None:
    """Return the world gazetteer's place the engine read a name as ("gn-<GeoNames id>")."""
    prefix, _sep, number = hint.partition("-")
    if prefix != "gn" or not number.isdigit():
        return None
    try:
        return gazetteer().get(int(number))
    except (GazetteerMissing, OSError):
        return None


def _match_places(items: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], NameMatch]:
    keys = [place_key(name) for name, _country, _hint in items]
    places = _places_near(keys)
    spellings = {
        place.pk: {fold(place.name), *(fold(other.name) for other in place.names.all())}
        for place in places
    }
    found = {}
    for (name, country, hint), key in zip(items, keys, strict=True):
        match = NameMatch(field="", role="place", text=name)
        folded = fold(name)
        in_country = [p for p in places if not country or p.country in (country, "")]
        exact = [p for p in in_country if folded in spellings[p.pk]]
        same = ([p for p in exact if p.country == country] or exact) if country else exact
        by_key = [
            p for p in in_country if any(place_key(other) == key for other in spellings[p.pk])
        ]
        fitting = same or by_key
        if len(fitting) == 1:
            match.record = fitting[0]
        elif fitting:
            match.ambiguous, match.candidates = True, fitting[:CANDIDATES]
        else:
            first = _words(key)[0] if key else ""
            match.candidates = [p for p in in_country if first and first in p.search_key][
                :CANDIDATES
            ]
            match.world = _world_from_hint(hint) or world_place(name, country)
        found[(name, country, hint)] = match
    # A name written otherwise than the registry has it ("Åbo", "扬州") may still be the
    # gazetteer's place a registry record stands for.
    unmatched = {match.world.geonames_id: match for match in found.values() if match.world}
    if unmatched:
        for place in Place.objects.filter(geonames_id__in=list(unmatched)).order_by("pk"):
            match = unmatched.pop(place.geonames_id, None)
            if match is not None:
                match.record, match.candidates, match.world = place, [], None
    return found


def _match_by_name(model, names: list[str], user) -> dict[str, NameMatch]:
    role = model._meta.model_name
    records = list(visible_to(model.objects.only("pk", "name"), user).order_by("name", "pk"))
    folded = [(fold(record.name), record) for record in records]
    found = {}
    for name in names:
        key = fold(name)
        match = NameMatch(field="", role=role, text=name)
        same = [record for other, record in folded if key and other == key]
        if len(same) == 1:
            match.record = same[0]
        elif same:
            match.ambiguous, match.candidates = True, same[:CANDIDATES]
        else:
            words = set(_words(key))
            match.candidates = [record for other, record in folded if words & set(other.split())][
                :CANDIDATES
            ]
        found[name] = match
    return found


def names_match(suggestions: list[Suggestion], *, user) -> dict[int, list[NameMatch]]:
    """Return, per pending suggestion, what each name in it refers to in the registry.

    Every suggestion is matched in a few queries together, so a review page costs the
    same whatever the number of suggestions.
    """
    wanted: dict[int, list[tuple[str, str, tuple[str, str, str]]]] = {}
    for suggestion in suggestions:
        if not suggestion.is_pending:
            continue
        fields = suggestion.fields or {}
        wanted[suggestion.pk] = [
            (name, role, _place_query(fields, name, country, hint))
            for name, (role, country, hint) in NAME_FIELDS.get(suggestion.kind, {}).items()
            if (fields.get(name) or "").strip()
        ]
    items = [item for names in wanted.values() for item in names]
    places = _match_places(
        list(
            dict.fromkeys(
                query
                for _n, role, query in items
                if role in (NameRole.PLACE, NameRole.ORGANISATION)
            )
        )
    )
    organisations = _match_by_name(
        Organisation,
        list(dict.fromkeys(q[0] for _n, r, q in items if r == NameRole.ORGANISATION)),
        user,
    )
    people = _match_by_name(
        Person, list(dict.fromkeys(q[0] for _n, r, q in items if r == NameRole.PERSON)), user
    )
    result = {}
    for pk, names in wanted.items():
        matches = []
        for name, role, query in names:
            if role == NameRole.PLACE:
                match = places[query]
            elif role == NameRole.PERSON:
                match = people[query[0]]
            else:
                # "Sønderborg Kommune" as an organisation is the place when one matches.
                place = places[query]
                match = place if place.record is not None else organisations[query[0]]
            matches.append(replace(match, field=name))
        result[pk] = matches
    return result


def name_match(suggestion: Suggestion, field: str, *, user) -> NameMatch | None:
    """Return what one name of a pending suggestion refers to, or None if it is empty."""
    for match in names_match([suggestion], user=user).get(suggestion.pk, []):
        if match.field == field:
            return match
    return None


def linked_record(token: str, *, user) -> Model | None:
    """Return the record a link token ("place:12") names, if the user may see it."""
    role, _sep, pk = (token or "").partition(":")
    model = {"place": Place, "organisation": Organisation, "person": Person}.get(role)
    if model is None or not pk.isdigit():
        return None
    records = model.objects.all() if model is Place else visible_to(model.objects.all(), user)
    return records.filter(pk=int(pk)).first()


def partnership_between(*, a: Place, b: Place) -> Partnership | None:
    """Return the partnership between two places, in either order, if there is one."""
    return (
        Partnership.objects.filter(Q(party_a=a, party_b=b) | Q(party_a=b, party_b=a))
        .order_by("pk")
        .first()
    )


def post_match(*, person: Person, role: str, organisation=None, place=None) -> Post | None:
    """Return the person's post in this role at this organisation or place, if recorded."""
    key = fold(role)
    posts = person.posts.filter(organisation=organisation, place=place)
    return next((post for post in posts if fold(post.role) == key), None)


def source_with_content(*, content_hash: str) -> Source | None:
    """Return the source stored with this content (SHA-256 of the file), if any.

    The one duplicate check of ingestion: a file is stored once, whatever its name.
    """
    if not content_hash:
        return None
    return Source.objects.filter(content_hash=content_hash).defer("text").order_by("pk").first()


def _reviewable_sources(user) -> QuerySet[Source]:
    sources = Source.objects.all()
    org_ids = editable_organisation_ids(user)
    if org_ids is None:
        return sources
    return sources.filter(owner_id__in=org_ids)


def document_list(*, user) -> QuerySet[Source]:
    """Return the ingested sources the user may review, with counts of their suggestions."""
    ingested = Q(suggestions__isnull=False) | ~Q(content_hash="")
    return (
        _reviewable_sources(user)
        .filter(ingested)
        .distinct()
        .defer("text")
        .annotate(
            pending=Count("suggestions", filter=Q(suggestions__status=SuggestionStatus.PENDING)),
            accepted=Count(
                "suggestions",
                filter=Q(
                    suggestions__status__in=[SuggestionStatus.ACCEPTED, SuggestionStatus.EDITED]
                ),
            ),
            rejected=Count("suggestions", filter=Q(suggestions__status=SuggestionStatus.REJECTED)),
        )
        .order_by("-created_at", "-pk")
    )


def document_for_review(*, user, pk: int) -> Source:
    """Return one source the user may review; raise Source.DoesNotExist otherwise."""
    return _reviewable_sources(user).select_related("owner").get(pk=pk)


def _records() -> list[QuerySet]:
    return [
        Partnership.objects.select_related("party_a__parent", "party_b__parent"),
        Post.objects.select_related("person"),
        Activity.objects.all(),
        Visit.objects.select_related("visiting_party", "host"),
    ]


def suggestion_list(*, source: Source) -> list[Suggestion]:
    """Return the source's suggestions in text order with the records they became."""
    return list(
        Suggestion.objects.filter(source=source)
        .select_related("reviewer", "content_type")
        .prefetch_related(GenericPrefetch("record", _records()))
        .order_by("start", "pk")
    )


def suggestion_for_review(*, user, pk: int) -> Suggestion:
    """Return one suggestion of a source the user may review."""
    return (
        Suggestion.objects.select_related("source", "reviewer", "content_type")
        .filter(source__in=_reviewable_sources(user))
        .get(pk=pk)
    )


def suggestion_queue(
    *, user, source: int | None = None, kind: str | None = None, status: str | None = None
) -> QuerySet[Suggestion]:
    """Return the suggestions of sources the user may review: newest source first, in text order."""
    suggestions = (
        Suggestion.objects.filter(source__in=_reviewable_sources(user))
        .select_related("source", "reviewer", "content_type")
        .defer("source__text")
        .prefetch_related(GenericPrefetch("record", _records()))
        .order_by("-source__created_at", "-source_id", "start", "pk")
    )
    if source is not None:
        suggestions = suggestions.filter(source_id=source)
    if kind:
        suggestions = suggestions.filter(kind=kind)
    if status:
        suggestions = suggestions.filter(status=status)
    return suggestions


def job_list(*, user) -> QuerySet[IngestionJob]:
    """Return the user's own ingestion jobs, newest first (all of them for superusers)."""
    jobs = IngestionJob.objects.select_related("user", "owner")
    if getattr(user, "is_superuser", False):
        return jobs
    return jobs.filter(user=user)


def job_detail(*, user, pk: int) -> IngestionJob:
    """Return one of the user's jobs with its files' names and results."""
    files = IngestionFile.objects.defer("data").select_related("source").order_by("pk")
    return job_list(user=user).prefetch_related(Prefetch("files", queryset=files)).get(pk=pk)
