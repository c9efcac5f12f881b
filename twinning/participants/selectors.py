"""Reads of participant registers; names and contacts only for the owner's members."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from twinning.accounts.selectors import user_organisation_ids, visible_to
from twinning.participants.models import Participant, Register
from twinning.partnerships.models import Partnership
from twinning.places.models import Place


def towns_around(place_ids: set[int]) -> QuerySet[Place]:
    """Return the given places and their twin towns: the towns an event or grant may involve.

    Offering these rather than every place keeps the choice short at world scale.
    """
    ids = {pk for pk in place_ids if pk}
    pairs = Partnership.objects.filter(Q(party_a__in=ids) | Q(party_b__in=ids)).values_list(
        "party_a", "party_b"
    )
    ids |= {pk for pair in pairs for pk in pair}
    return Place.objects.filter(pk__in=ids).order_by("name")


def register_town_choices(register: Register) -> QuerySet[Place]:
    """Return the towns a register may list: the event's places, their twins and those chosen."""
    event = register.event
    ids = {event.host_id, event.visiting_party_id} if register.visit_id else {event.place_id}
    ids |= set(register.towns.values_list("pk", flat=True)) if register.pk else set()
    return towns_around(ids)


def may_see_names(user, register: Register) -> bool:
    """Tell whether the user may see who is on a register: its owner's members only.

    A public register shows its counts to everyone; names and contacts never leave the
    organisation that keeps them.
    """
    if getattr(user, "is_superuser", False):
        return True
    return register.owner_id is not None and register.owner_id in user_organisation_ids(user)


def register_list(*, user) -> QuerySet[Register]:
    """Return the registers the user may see, with their event, towns and head count."""
    return (
        visible_to(Register.objects.all(), user)
        .select_related("visit__host", "activity__place", "owner")
        .prefetch_related("towns")
        .annotate(listed=Count("participants"))
    )


def register_detail(*, user, pk: int) -> Register:
    """Return one visible register; ``shown`` lists its participants if names may be seen."""
    return _with_names(register_list(user=user).get(pk=pk), user)


def _with_names(register: Register, user) -> Register:
    register.shown = (
        list(register.participants.select_related("town")) if may_see_names(user, register) else []
    )
    return register


def register_of_event(*, user, visit=None, activity=None) -> Register | None:
    """Return the visible register of a visit or an activity, if it has one."""
    rows = register_list(user=user)
    rows = rows.filter(visit=visit) if visit is not None else rows.filter(activity=activity)
    register = rows.first()
    return _with_names(register, user) if register is not None else None


def register_for_signup(*, key: str) -> Register:
    """Return the register behind a public sign-up address, with what the form shows."""
    return (
        Register.objects.select_related("visit__host", "activity__place")
        .prefetch_related("towns")
        .annotate(listed=Count("participants"))
        .get(signup_key=key)
    )


@dataclass
class Headcount:
    """How many took part, from the names on the register or from the total entered."""

    total: int | None
    from_names: bool
    by_town: list[tuple[str, int]] = field(default_factory=list)
    by_country: list[tuple[str, int]] = field(default_factory=list)
    by_role: list[tuple[str, int]] = field(default_factory=list)
    by_age_group: list[tuple[str, int]] = field(default_factory=list)
    minors: int = 0


def headcount(register: Register, participants: list[Participant] | None = None) -> Headcount:
    """Return the register's counts; the participants may be given when already loaded."""
    if participants is None:
        participants = list(register.participants.select_related("town"))
    if not participants:
        return Headcount(total=register.total, from_names=False)
    towns = Counter(p.town_label for p in participants if p.town_id)
    countries = Counter(p.country.name for p in participants if p.country)
    roles = Counter(p.get_role_display() for p in participants)
    ages = Counter(p.get_age_group_display() for p in participants)
    return Headcount(
        total=len(participants),
        from_names=True,
        by_town=sorted(towns.items()),
        by_country=sorted(countries.items()),
        by_role=sorted(roles.items()),
        by_age_group=sorted(ages.items()),
        minors=sum(p.is_minor for p in participants),
    )


def participant_data(participant: Participant) -> dict:
    """Return everything kept about one participant, as the person may ask to receive it."""
    return {
        "name": participant.name,
        "event": str(participant.register.event),
        "town": participant.town_label,
        "country": participant.country.code or "",
        "age_group": participant.age_group,
        "role": participant.role,
        "email": participant.email,
        "phone": participant.phone,
        "consent_on": participant.consent_on.isoformat() if participant.consent_on else None,
        "consent_purpose": participant.consent_purpose,
        "guardian_name": participant.guardian_name,
        "guardian_consent_on": (
            participant.guardian_consent_on.isoformat() if participant.guardian_consent_on else None
        ),
        "entered_through": participant.channel,
        "entered_at": participant.created_at.isoformat(),
        "personal_data_removed_on": (
            participant.erased_on.isoformat() if participant.erased_on else None
        ),
    }


def register_table(register: Register) -> tuple[list[str], list[list]]:
    """Return the register as columns and rows, for the organiser's spreadsheet."""
    columns = [
        _("Name"),
        _("Town"),
        _("Country"),
        _("Age group"),
        _("Role"),
        _("E-mail"),
        _("Telephone"),
        _("Consent"),
        _("Guardian"),
        _("Guardian's consent"),
        _("Entered through"),
        _("Personal data removed on"),
    ]
    rows = [
        [
            p.name,
            p.town_label,
            p.country.name if p.country else "",
            p.get_age_group_display(),
            p.get_role_display(),
            p.email,
            p.phone,
            p.consent_on,
            p.guardian_name,
            p.guardian_consent_on,
            p.get_channel_display(),
            p.erased_on,
        ]
        for p in register.participants.select_related("town")
    ]
    return columns, rows
