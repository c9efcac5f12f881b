"""Reads of ingested documents and their suggestions, and matching of names to records."""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Count, Prefetch, Q, QuerySet

from twinning.accounts.selectors import editable_organisation_ids
from twinning.core.text import fold
from twinning.ingestion.models import IngestionFile, IngestionJob, Suggestion, SuggestionStatus
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.people.models import Person, Post
from twinning.places.models import Place, PlaceName
from twinning.places.selectors import place_find
from twinning.sources.models import Source

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


def place_match(*, name: str, country: str = "") -> Place | None:
    """Return the one place this name (in any spelling or with generic words) names."""
    found = place_find(name=name, country=country)
    if found is not None:
        return found
    key = place_key(name)
    if not key:
        return None
    first_word = key.split()[0]
    candidates = Place.objects.filter(
        Q(search_key__contains=first_word) | Q(names__search_key__contains=first_word)
    )
    if country:
        candidates = candidates.filter(Q(country=country) | Q(country=""))
    matches = {
        place.pk: place
        for place in candidates.distinct()
        if place_key(place.name) == key
        or any(place_key(other) == key for other in _other_names(place.pk))
    }
    return next(iter(matches.values())) if len(matches) == 1 else None


def _other_names(place_id: int) -> list[str]:
    return list(PlaceName.objects.filter(place_id=place_id).values_list("name", flat=True))


def partnership_between(*, a: Place, b: Place) -> Partnership | None:
    """Return the partnership between two places, in either order, if there is one."""
    return (
        Partnership.objects.filter(Q(party_a=a, party_b=b) | Q(party_a=b, party_b=a))
        .order_by("pk")
        .first()
    )


def organisation_match(*, name: str) -> Organisation | None:
    """Return the one organisation whose folded name is this name's, if exactly one."""
    key = fold(name)
    if not key:
        return None
    first_word = key.split()[0][:4]
    found = [
        org
        for org in Organisation.objects.filter(name__icontains=first_word)
        if fold(org.name) == key
    ]
    if not found:
        # Folding changes letters ("ø" → "o"), so a substring filter may miss; scan names.
        found = [
            org for org in Organisation.objects.only("pk", "name", "kind") if fold(org.name) == key
        ]
    return found[0] if len(found) == 1 else None


def person_match(*, name: str) -> Person | None:
    """Return the one person whose folded name is this name's, if exactly one."""
    key = fold(name)
    if not key:
        return None
    found = [pk for pk, other in Person.objects.values_list("pk", "name") if fold(other) == key]
    return Person.objects.get(pk=found[0]) if len(found) == 1 else None


def post_match(*, person: Person, role: str, organisation=None, place=None) -> Post | None:
    """Return the person's post in this role at this organisation or place, if recorded."""
    key = fold(role)
    posts = person.posts.filter(organisation=organisation, place=place)
    return next((post for post in posts if fold(post.role) == key), None)


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
    records = [
        Partnership.objects.select_related("party_a__parent", "party_b__parent"),
        Post.objects.select_related("person"),
    ]
    if apps.is_installed("twinning.activities"):
        from twinning.activities.models import Activity

        records.append(Activity.objects.all())
    return records


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
