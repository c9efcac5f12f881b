"""Reviewing suggestions: a person accepts, corrects or rejects each suggested fact.

Accepting files the typed fact into the registry. Every name in it (a place, an
organisation, a person) is either the one record it matches, a record the reviewer
links, or a new record the reviewer explicitly confirms; a name that matches nothing
or several records stops the acceptance with a message naming it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.activities.models import Activity, ActivityArea, ActivityKind
from twinning.activities.services import activity_create
from twinning.core.partialdates import InvalidPartialDate, PartialDate, Precision
from twinning.core.text import fold
from twinning.extraction import facts as engine
from twinning.focusareas.models import FocusArea
from twinning.gazetteer import Entry
from twinning.ingestion import selectors
from twinning.ingestion.facts import NAME_FIELDS, NameRole, fact_fields, fact_from
from twinning.ingestion.models import Suggestion, SuggestionKind, SuggestionStatus
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.partnerships.models import (
    AgreementKind,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
)
from twinning.partnerships.services import (
    agreement_create,
    partnership_create,
    partnership_update,
)
from twinning.people.models import Person, Post
from twinning.people.services import person_create, post_create
from twinning.places.models import Place, PlaceKind, PlaceName
from twinning.places.services import place_create, place_name_add
from twinning.sources.models import Evidence
from twinning.sources.services import evidence_add
from twinning.visits.models import Visit, VisitDirection, VisitStatus
from twinning.visits.services import visit_create

# The reviewer's choice for a name: "new" to create a record, or a link token ("place:12").
NEW = "new"

_LEADING_GENERIC = re.compile(r"^(?:the\s+)?(?:city|municipality|county|district)\s+of\s+", re.I)
_TRAILING_GENERIC = re.compile(r"\s+(?:kommune|municipality|city|district)$", re.I)


class _Names:
    """Resolve the names of one suggestion to records, as the reviewer decided."""

    def __init__(self, suggestion: Suggestion, links: Mapping[str, str], user):
        self.suggestion = suggestion
        self.links = dict(links or {})
        self.user = user
        self.matches = {
            match.field: match
            for match in selectors.names_match([suggestion], user=user).get(suggestion.pk, [])
        }

    def record(self, field: str) -> models.Model | None:
        """Return the record the field names, creating it only when the reviewer said so."""
        match = self.matches.get(field)
        if match is None:
            return None
        choice = (self.links.get(field) or "").strip()
        if choice == NEW:
            return self._create(field, match.text)
        if choice:
            record = selectors.linked_record(choice, user=self.user)
            role = NAME_FIELDS[self.suggestion.kind][field][0]
            # An organisation's name may also be a place ("Sønderborg Kommune").
            fitting = {role, NameRole.PLACE} if role == NameRole.ORGANISATION else {role}
            if record is None or type(record)._meta.model_name not in fitting:
                raise ValidationError(
                    {field: _("“%(link)s” names no record you may link.") % {"link": choice}}
                )
            return record
        if match.record is not None:
            return match.record
        if match.ambiguous:
            message = _(
                "“%(name)s” fits several records; choose the one it means, or confirm a new one."
            )
        else:
            message = _("“%(name)s” matches no record; link one, or confirm creating it.")
        raise ValidationError({field: message % {"name": match.text}})

    def _create(self, field: str, name: str) -> models.Model:
        source = self.suggestion.source
        role, country_field, _hint = NAME_FIELDS[self.suggestion.kind][field]
        if role == NameRole.PERSON:
            return person_create(name=name, owner=source.owner, is_public=source.is_public)
        if role == NameRole.ORGANISATION:
            return organisation_create(
                name=name,
                kind=_organisation_kind(name),
                owner=source.owner,
                is_public=source.is_public,
            )
        country = (self.suggestion.fields.get(country_field) or "") if country_field else ""
        return _place_create(name, country.strip().upper(), self.matches[field].world)


def _place_kind(name: str) -> str:
    words = set(fold(name).split())
    if words & {"kommune", "municipality", "municipal"}:
        return PlaceKind.MUNICIPALITY
    if words & {"region", "regional"}:
        return PlaceKind.REGION
    if words & {"province", "provins"}:
        return PlaceKind.PROVINCE
    if "district" in words:
        return PlaceKind.DISTRICT
    return PlaceKind.CITY


# Kinds of the world gazetteer's places as the registry's kinds.
_WORLD_KINDS = {
    "city": PlaceKind.CITY,
    "admin1": PlaceKind.REGION,
    "admin2": PlaceKind.MUNICIPALITY,
}


_PARENTHESES = re.compile(r"\s*[(（][^)）]*[)）]\s*$")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _place_create(name: str, country: str, world: Entry | None = None) -> Place:
    """Create the place a name means, from the world gazetteer's record when it has one.

    The place is named as the document writes it, without the word for a municipality
    and without a name in another script in parentheses ("Yangzhou (扬州)"); a name in
    Chinese characters alone gives way to the gazetteer's. Other spellings are kept as
    other names, so that they find the place next time.
    """
    short = _TRAILING_GENERIC.sub("", _LEADING_GENERIC.sub("", name)).strip() or name
    short = _PARENTHESES.sub("", short).strip() or short
    if world is not None:
        gazetteer_name = _TRAILING_GENERIC.sub("", world.name).strip() or world.name
        place = place_create(
            name=gazetteer_name if _CJK.search(short) else short,
            kind=_WORLD_KINDS.get(world.kind, _place_kind(name)),
            country=world.country,
            latitude=world.latitude,
            longitude=world.longitude,
            population=world.population,
            geonames_id=world.geonames_id,
        )
        others = [name, gazetteer_name]
    else:
        place = place_create(name=short, kind=_place_kind(name), country=country)
        others = [name]
    for other in dict.fromkeys(others):
        if fold(other) != fold(place.name):
            language = (
                PlaceName.Language.CHINESE if _CJK.search(other) else PlaceName.Language.OTHER
            )
            place_name_add(place=place, name=other, language=language)
    return place


def _organisation_kind(name: str) -> str:
    words = fold(name)
    for needles, kind in (
        (("skole", "school", "gymnasium", "high school"), OrganisationKind.SCHOOL),
        (("universit", "college", "academy"), OrganisationKind.UNIVERSITY),
        (("kommune", "municipality", "region", "city council"), OrganisationKind.MUNICIPALITY),
        (("embassy", "ambassade", "consulate"), OrganisationKind.EMBASSY),
        ((" a s", " aps", "company", "ltd", "group", "corporation"), OrganisationKind.COMPANY),
    ):
        if any(needle in f" {words} " or needle in words for needle in needles):
            return kind
    return OrganisationKind.OTHER


def _partial(value: Any, label: str) -> PartialDate | None:
    try:
        return PartialDate.parse(value or None)
    except (InvalidPartialDate, TypeError) as exc:
        raise ValidationError(
            _("%(label)s: “%(value)s” is not a date.") % {"label": label, "value": value}
        ) from exc


def _focus_areas(topics: Iterable[str]) -> tuple[list[FocusArea], list[str]]:
    by_key: dict[str, FocusArea] = {}
    for area in FocusArea.objects.all():
        for name in (area.slug.replace("-", " ").replace("_", " "), area.name_en, area.name_da):
            by_key.setdefault(fold(name), area)
    found, unknown = [], []
    for topic in topics:
        area = by_key.get(fold(topic))
        if area is None:
            unknown.append(topic)
        elif area not in found:
            found.append(area)
    return found, unknown


def _paragraph_posts(suggestion: Suggestion) -> list[Post]:
    """Return the posts accepted from people named in the same paragraph as the fact."""
    text = suggestion.source.text
    start = text.rfind("\n\n", 0, suggestion.start) + 1
    end = text.find("\n\n", suggestion.end)
    end = len(text) if end < 0 else end
    post_type = ContentType.objects.get_for_model(Post)
    ids = Suggestion.objects.filter(
        source=suggestion.source,
        kind=SuggestionKind.PERSON,
        status__in=[SuggestionStatus.ACCEPTED, SuggestionStatus.EDITED],
        content_type=post_type,
        start__gte=start,
        end__lte=end,
    ).values_list("object_id", flat=True)
    return list(Post.objects.filter(pk__in=list(ids)))


def _agreement_along(
    suggestion: Suggestion, fact: engine.Partnership, partnership: Partnership
) -> None:
    """Record the agreement a partnership fact states: term, renewal, notice, signatories."""
    term = fact.term_years * 12 if fact.term_years else None
    signatories = _paragraph_posts(suggestion)
    if term is None and fact.notice_months is None and not fact.tacit_renewal and not signatories:
        return
    signed = _partial(fact.since, _("since"))
    if partnership.agreements.filter(signed=signed).exists():
        return
    agreement_create(
        partnership=partnership,
        kind=AgreementKind.FOUNDING,
        signed=signed,
        term_months=term,
        renews_tacitly=bool(fact.tacit_renewal),
        notice_months=fact.notice_months,
        signatories=signatories,
        document=suggestion.source,
    )


_ENDED = {PartnershipStatus.TERMINATED, PartnershipStatus.SUSPENDED, PartnershipStatus.DORMANT}


def _accept_partnership(suggestion: Suggestion, names: _Names) -> Partnership:
    fact: engine.Partnership = suggestion.fact
    a, b = names.record("a"), names.record("b")
    if a is None or b is None:
        raise ValidationError(_("A partnership needs both parties; edit the suggestion first."))
    if a.pk == b.pk:
        raise ValidationError(_("Both parties are the same place, %(place)s.") % {"place": a.name})
    focus, unknown = _focus_areas(fact.focus or [])
    status = fact.status if fact.status in PartnershipStatus.values else None
    ended = _partial(fact.ended, _("ended"))
    reason = ""
    if status == PartnershipStatus.TERMINATED:
        reason = _("Stated in “%(source)s”: %(quote)s") % {
            "source": suggestion.source.title,
            "quote": suggestion.quote,
        }
    partnership = selectors.partnership_between(a=a, b=b)
    if partnership is not None:
        changes: dict[str, Any] = {}
        if status in _ENDED and partnership.status != status:
            changes["status"] = status
        if status == PartnershipStatus.TERMINATED:
            if ended and partnership.until != ended:
                changes["until"] = ended
            if not partnership.termination_reason:
                changes["termination_reason"] = reason
        missing = [area for area in focus if area not in partnership.focus_areas.all()]
        if missing:
            changes["focus_areas"] = [*partnership.focus_areas.all(), *missing]
        if changes:
            partnership = partnership_update(partnership=partnership, **changes)
    else:
        notes = ""
        if unknown:
            notes = _("Other topics named in the source: %(topics)s.") % {
                "topics": ", ".join(unknown)
            }
        kind = fact.relation
        partnership = partnership_create(
            party_a=a,
            party_b=b,
            kind=kind if kind in PartnershipKind.values else PartnershipKind.OTHER,
            # The engine says "unknown" when the text does not tell; a standing tie is active.
            status=status or PartnershipStatus.ACTIVE,
            since=_partial(fact.since, _("since")),
            until=ended,
            focus_areas=focus,
            notes=notes,
            owner=suggestion.source.owner,
            is_public=suggestion.source.is_public,
        )
        if status == PartnershipStatus.TERMINATED:
            partnership = partnership_update(partnership=partnership, termination_reason=reason)
    _agreement_along(suggestion, fact, partnership)
    return partnership


def _accept_person(suggestion: Suggestion, names: _Names) -> Post:
    fact: engine.Person = suggestion.fact
    role = (fact.role or "").strip()
    if not (fact.name or "").strip() or not role:
        raise ValidationError(_("A person needs a name and a role; edit the suggestion first."))
    person = names.record("name")
    where = names.record("org")
    organisation = where if isinstance(where, Organisation) else None
    place = where if isinstance(where, Place) else None
    if not isinstance(person, Person):
        raise ValidationError({"name": _("Link the name to a person.")})
    post = selectors.post_match(person=person, role=role, organisation=organisation, place=place)
    return post or post_create(person=person, role=role, organisation=organisation, place=place)


def _visit_direction(suggestion: Suggestion, visiting: Place, host: Place) -> str:
    owner = suggestion.source.owner
    home = getattr(owner, "place", None)
    if home is not None:
        if home.pk == visiting.pk:
            return VisitDirection.OUTGOING
        if home.pk != host.pk and home.country and home.country == visiting.country:
            return VisitDirection.OUTGOING
    return VisitDirection.INCOMING


def _accept_visit(suggestion: Suggestion, fact: engine.Event, names: _Names) -> Visit:
    start = _partial(fact.date, _("date"))
    end = _partial(fact.end_date, _("end date")) or start
    visiting, host = names.record("origin"), names.record("destination")
    if visiting is None or host is None:
        raise ValidationError(
            _("A visit needs the place the delegation came from and the place it went to.")
        )
    first, last = start.first_day(), end.last_day()
    existing = Visit.objects.filter(visiting_party=visiting, host=host, start_date=first).first()
    if existing is not None:
        return existing
    return visit_create(
        direction=_visit_direction(suggestion, visiting, host),
        visiting_party=visiting,
        host=host,
        partnership=selectors.partnership_between(a=visiting, b=host),
        title=(fact.title or suggestion.quote).strip()[:300],
        start_date=first,
        end_date=last,
        dates_approximate=start.precision != Precision.DAY or end.precision != Precision.DAY,
        status=VisitStatus.DONE if last < timezone.localdate() else VisitStatus.PLANNED,
        owner=suggestion.source.owner,
        is_public=suggestion.source.is_public,
    )


def _accept_event(suggestion: Suggestion, names: _Names) -> models.Model:
    fact: engine.Event = suggestion.fact
    start = _partial(fact.date, _("date"))
    if start is None:
        raise ValidationError(_("An event needs a date before it can be accepted; edit it first."))
    if fact.event == ActivityKind.DELEGATION_VISIT:
        return _accept_visit(suggestion, fact, names)
    end = _partial(fact.end_date, _("end date"))
    kind = fact.event if fact.event in ActivityKind.values else ActivityKind.OTHER
    area = fact.area if fact.area in ActivityArea.values else ActivityArea.OVERALL
    title = (fact.title or suggestion.quote).strip()[:300]
    key = fold(title)
    for activity in Activity.objects.filter(start=start, kind=kind):
        if fold(activity.title) == key:
            return activity
    place = names.record("destination")
    origin = (fact.origin or "").strip()
    partnership_ids = Suggestion.objects.filter(
        source=suggestion.source,
        kind=SuggestionKind.PARTNERSHIP,
        status__in=[SuggestionStatus.ACCEPTED, SuggestionStatus.EDITED],
        content_type=ContentType.objects.get_for_model(Partnership),
    ).values_list("object_id", flat=True)
    return activity_create(
        title=title,
        start=start,
        end=end if end and end != start else None,
        kind=kind,
        area=area,
        description=_("From: %(place)s") % {"place": origin} if origin else "",
        place=place,
        partnerships=Partnership.objects.filter(pk__in=list(partnership_ids)),
        owner=suggestion.source.owner,
        is_public=suggestion.source.is_public,
    )


_ACCEPT: dict[str, Callable[[Suggestion, _Names], models.Model | None]] = {
    SuggestionKind.PARTNERSHIP: _accept_partnership,
    SuggestionKind.PERSON: _accept_person,
    SuggestionKind.EVENT: _accept_event,
    # Projects and institution pairs are filed by hand for now; the accepted suggestion
    # keeps the fact and its passage.
    SuggestionKind.AMOUNT: lambda suggestion, names: None,
    SuggestionKind.INSTITUTION_PAIR: lambda suggestion, names: None,
}


def _evidence_once(suggestion: Suggestion, record: models.Model) -> None:
    already = Evidence.objects.filter(
        source=suggestion.source,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        start=suggestion.start,
        end=suggestion.end,
    ).exists()
    if not already:
        evidence_add(
            source=suggestion.source,
            fact=record,
            quote=suggestion.quote,
            start=suggestion.start,
            end=suggestion.end,
        )


def _review_done(suggestion: Suggestion, *, status: str, user) -> Suggestion:
    suggestion.status = status
    suggestion.reviewer = user
    suggestion.reviewed_at = timezone.now()
    suggestion.full_clean(validate_constraints=False)
    suggestion.save(
        update_fields=["status", "reviewer", "reviewed_at", "content_type", "object_id"]
    )
    return suggestion


class ReviewStateError(ValidationError):
    """The suggestion is not in the state of review the change needs."""


def suggestion_check_pending(*, suggestion: Suggestion) -> None:
    """Raise ReviewStateError unless the suggestion still waits for review."""
    if not suggestion.is_pending:
        raise ReviewStateError(_("This suggestion has already been reviewed."))


@transaction.atomic
def suggestion_accept(
    *,
    suggestion: Suggestion,
    user,
    fields: dict[str, Any] | None = None,
    links: Mapping[str, str] | None = None,
) -> Suggestion:
    """Accept a suggestion, optionally with the reviewer's corrected fields and links.

    ``links`` says, per name field, which record the name means (a token such as
    "place:12") or ``"new"`` to create one. A name without a link must match exactly one
    record. The quoted passage becomes the evidence of the record filed. Raise
    ValidationError, with nothing written, when the fact cannot be filed.
    """
    suggestion_check_pending(suggestion=suggestion)
    if fields is not None:
        suggestion_correct(suggestion=suggestion, fields=fields)
    edited = suggestion.fields != suggestion.extracted
    record = _ACCEPT[suggestion.kind](suggestion, _Names(suggestion, links or {}, user))
    if record is not None:
        _evidence_once(suggestion, record)
        suggestion.record = record
    status = SuggestionStatus.EDITED if edited else SuggestionStatus.ACCEPTED
    return _review_done(suggestion, status=status, user=user)


@transaction.atomic
def suggestion_correct(*, suggestion: Suggestion, fields: dict[str, Any]) -> Suggestion:
    """Store the reviewer's corrected fields of a pending suggestion, typed as the engine's."""
    suggestion_check_pending(suggestion=suggestion)
    typed = fact_from(
        suggestion.kind, fields, start=suggestion.start, end=suggestion.end, quote=suggestion.quote
    )
    corrected = fact_fields(typed)
    if corrected != suggestion.fields:
        suggestion.fields = corrected
        suggestion.save(update_fields=["fields"])
    return suggestion


@transaction.atomic
def suggestion_reject(*, suggestion: Suggestion, user) -> Suggestion:
    """Mark a suggestion as wrong or not worth keeping; ``suggestion_reopen`` undoes it."""
    suggestion_check_pending(suggestion=suggestion)
    return _review_done(suggestion, status=SuggestionStatus.REJECTED, user=user)


@transaction.atomic
def suggestion_reopen(*, suggestion: Suggestion, user) -> Suggestion:
    """Undo a rejection: put the suggestion back in the queue, as the engine left it."""
    if suggestion.status != SuggestionStatus.REJECTED:
        raise ReviewStateError(_("Only a rejected suggestion can be put back for review."))
    suggestion.status = SuggestionStatus.PENDING
    suggestion.reviewer = None
    suggestion.reviewed_at = None
    suggestion.full_clean(validate_constraints=False)
    suggestion.save(update_fields=["status", "reviewer", "reviewed_at"])
    return suggestion
