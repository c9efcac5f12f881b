"""Writes of participant registers: entries, public sign-up, erasure and the retention purge."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.services import model_update
from twinning.participants.models import (
    EntryChannel,
    Participant,
    ParticipantRole,
    Register,
)

PERSONAL_FIELDS = ("name", "email", "phone", "guardian_name")


@transaction.atomic
def register_create(
    *,
    visit=None,
    activity=None,
    towns: Iterable = (),
    total: int | None = None,
    purpose: str = "",
    signup_open: bool = False,
    signup_closes: dt.date | None = None,
    capacity: int | None = None,
    owner=None,
    is_public: bool = False,
) -> Register:
    """Open the register of a visit or an activity; it belongs to the event's owner."""
    event = visit or activity
    register = Register(
        visit=visit,
        activity=activity,
        total=total,
        purpose=purpose,
        signup_open=signup_open,
        signup_closes=signup_closes,
        capacity=capacity,
        owner=owner if owner is not None else getattr(event, "owner", None),
        is_public=is_public,
    )
    register.full_clean()
    register.save()
    register.towns.set(towns)
    return register


@transaction.atomic
def register_update(*, register: Register, version: int | None = None, **fields) -> Register:
    """Change the given fields of a register after validating them."""
    fields.pop("visit", None), fields.pop("activity", None)  # a register stays with its event
    return model_update(instance=register, data=fields, version=version)


@transaction.atomic
def register_delete(*, register: Register) -> None:
    """Delete a register with everyone on it."""
    register.delete()


def _consented(fields: dict, register: Register) -> dict:
    # The purpose consented to is the register's unless the entry names another.
    if fields.get("name") and not fields.get("consent_purpose"):
        fields["consent_purpose"] = register.purpose
    return fields


@transaction.atomic
def participant_create(*, register: Register, **fields) -> Participant:
    """Add a participant to a register after validating the entry."""
    if register.names_removed_on:
        raise ValidationError(_("The names of this register were removed; it takes no more."))
    participant = Participant(register=register, **_consented(fields, register))
    participant.full_clean()
    participant.save()
    return participant


@transaction.atomic
def participant_update(
    *, participant: Participant, version: int | None = None, **fields
) -> Participant:
    """Change the given fields of a participant after validating them."""
    fields.pop("register", None)
    return model_update(instance=participant, data=fields, version=version)


@transaction.atomic
def participant_delete(*, participant: Participant) -> None:
    """Take a participant off the register altogether, counts included."""
    participant.delete()


@transaction.atomic
def participant_sign_up(
    *,
    register: Register,
    name: str,
    age_group: str,
    role: str = ParticipantRole.CITIZEN,
    town=None,
    country: str = "",
    email: str = "",
    phone: str = "",
    guardian_name: str = "",
    guardian_consents: bool = False,
    today: dt.date | None = None,
) -> Participant:
    """Add someone who signed up on the public form, if the register still takes sign-ups.

    The register's row is locked while the places are counted, so two people signing up
    for the last place at once cannot both get it.
    """
    today = today or timezone.localdate()
    register = Register.objects.select_for_update().get(pk=register.pk)
    taken = register.participants.count()
    if not register.is_signup_open(today=today, taken=taken):
        raise ValidationError(_("Sign-up for this event is closed."), code="closed")
    allowed = set(register.towns.values_list("pk", flat=True))
    if town is not None and allowed and town.pk not in allowed:
        raise ValidationError({"town": _("Choose one of the towns taking part.")})
    return participant_create(
        register=register,
        name=name,
        age_group=age_group,
        role=role,
        town=town,
        country=country or (town.country if town is not None else ""),
        email=email,
        phone=phone,
        consent_on=today,
        guardian_name=guardian_name,
        guardian_consent_on=today if guardian_consents else None,
        channel=EntryChannel.SIGNUP,
    )


def _blank(participant: Participant, today: dt.date) -> None:
    for name in PERSONAL_FIELDS:
        setattr(participant, name, "")
    participant.erased_on = today


@transaction.atomic
def participant_erase(*, participant: Participant, today: dt.date | None = None) -> Participant:
    """Remove a participant's name and contacts, keeping the row for the counts.

    History rows never hold these fields, so nothing of them is left behind.
    """
    _blank(participant, today or timezone.localdate())
    participant.full_clean()
    participant.save()
    return participant


def retention_days() -> int:
    """Return how many days after an event participants' names are kept."""
    return settings.TWINNING_PARTICIPANT_RETENTION_DAYS


@transaction.atomic
def registers_purge(*, today: dt.date | None = None) -> dict[str, int]:
    """Remove names and contacts from registers whose event ended longer ago than retention.

    Return how many registers and participants were purged.
    """
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=retention_days())
    registers = Register.objects.filter(names_removed_on__isnull=True).select_related(
        "visit", "activity"
    )
    purged = {"registers": 0, "participants": 0}
    for register in registers:
        end = register.event_end()
        if end is None or end >= cutoff:
            continue
        named = register.participants.filter(erased_on__isnull=True)
        purged["participants"] += named.update(
            **dict.fromkeys(PERSONAL_FIELDS, ""), erased_on=today
        )
        model_update(instance=register, data={"names_removed_on": today, "signup_open": False})
        purged["registers"] += 1
    return purged
