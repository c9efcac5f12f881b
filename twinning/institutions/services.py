"""Writes of institution pairs, their exchanges, and networks."""

from django.db import transaction

from twinning.core.fields import partial_date_or_error
from twinning.core.partialdates import PartialDate
from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.institutions.models import (
    Exchange,
    InstitutionPair,
    InstitutionPairKind,
    InstitutionPairStatus,
    Network,
    NetworkMeeting,
    NetworkMembership,
    NetworkScope,
)

_DATES = {"since", "until", "start", "end", "date"}


def _apply(obj, fields: dict):
    version = fields.pop("version", None)
    for field in _DATES & set(fields):
        fields[field] = partial_date_or_error(fields[field], field)
    return model_update(instance=obj, data=fields, version=version)


@transaction.atomic
def institution_pair_create(
    *,
    partnership,
    institution_a,
    institution_b,
    kind: str = InstitutionPairKind.SCHOOL,
    since: PartialDate | str | None = None,
    status: str = InstitutionPairStatus.ACTIVE,
    notes: str = "",
) -> InstitutionPair:
    """Pair two institutions under a partnership after validating the pair."""
    pair = InstitutionPair(
        partnership=partnership,
        institution_a=institution_a,
        institution_b=institution_b,
        kind=kind,
        since=partial_date_or_error(since, "since"),
        status=status,
        notes=notes,
    )
    pair.full_clean()
    pair.save()
    search_entry_update(pair)
    return pair


@transaction.atomic
def institution_pair_update(*, pair: InstitutionPair, **fields) -> InstitutionPair:
    """Change the given fields of an institution pair after validating them."""
    pair = _apply(pair, fields)
    search_entry_update(pair)
    return pair


@transaction.atomic
def institution_pair_delete(*, pair: InstitutionPair) -> None:
    """Delete an institution pair with its exchanges."""
    search_entry_delete(pair)
    pair.delete()


@transaction.atomic
def exchange_create(
    *,
    pair: InstitutionPair,
    start: PartialDate | str,
    end: PartialDate | str | None = None,
    direction: str = "both",
    description: str = "",
    pupils: int | None = None,
    students: int | None = None,
    teachers: int | None = None,
) -> Exchange:
    """Record an exchange between the two institutions of a pair."""
    exchange = Exchange(
        pair=pair,
        start=partial_date_or_error(start, "start"),
        end=partial_date_or_error(end, "end"),
        direction=direction,
        description=description,
        pupils=pupils,
        students=students,
        teachers=teachers,
    )
    exchange.full_clean()
    exchange.save()
    search_entry_update(exchange)
    return exchange


@transaction.atomic
def exchange_update(*, exchange: Exchange, **fields) -> Exchange:
    """Change the given fields of an exchange after validating them."""
    exchange = _apply(exchange, fields)
    search_entry_update(exchange)
    return exchange


@transaction.atomic
def exchange_delete(*, exchange: Exchange) -> None:
    """Delete an exchange."""
    search_entry_delete(exchange)
    exchange.delete()


@transaction.atomic
def network_create(
    *,
    name: str,
    scope: str = NetworkScope.NATIONAL,
    organisation=None,
    country: str = "",
    description: str = "",
) -> Network:
    """Create a network after validating it."""
    network = Network(
        name=name,
        scope=scope,
        organisation=organisation,
        country=country,
        description=description,
    )
    network.full_clean()
    network.save()
    search_entry_update(network)
    return network


@transaction.atomic
def network_update(*, network: Network, **fields) -> Network:
    """Change the given fields of a network after validating them."""
    network = _apply(network, fields)
    search_entry_update(network)
    return network


@transaction.atomic
def network_delete(*, network: Network) -> None:
    """Delete a network with its memberships and meetings."""
    search_entry_delete(network)
    network.delete()


@transaction.atomic
def network_member_add(
    *,
    network: Network,
    organisation=None,
    place=None,
    since: PartialDate | str | None = None,
    until: PartialDate | str | None = None,
    role: str = "",
) -> NetworkMembership:
    """Add an organisation or a place to a network."""
    membership = NetworkMembership(
        network=network,
        organisation=organisation,
        place=place,
        since=partial_date_or_error(since, "since"),
        until=partial_date_or_error(until, "until"),
        role=role,
    )
    membership.full_clean()
    membership.save()
    search_entry_update(membership.network)
    return membership


@transaction.atomic
def network_membership_update(*, membership: NetworkMembership, **fields) -> NetworkMembership:
    """Change the given fields of a network membership after validating them."""
    membership = _apply(membership, fields)
    search_entry_update(membership.network)
    return membership


@transaction.atomic
def network_membership_delete(*, membership: NetworkMembership) -> None:
    """Take a member out of a network."""
    network = membership.network
    membership.delete()
    search_entry_update(network)


@transaction.atomic
def network_meeting_add(
    *, network: Network, date: PartialDate | str, title: str, place=None, notes: str = ""
) -> NetworkMeeting:
    """Record a meeting of a network."""
    meeting = NetworkMeeting(
        network=network,
        date=partial_date_or_error(date, "date"),
        title=title,
        place=place,
        notes=notes,
    )
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def network_meeting_update(*, meeting: NetworkMeeting, **fields) -> NetworkMeeting:
    """Change the given fields of a network meeting after validating them."""
    return _apply(meeting, fields)


@transaction.atomic
def network_meeting_delete(*, meeting: NetworkMeeting) -> None:
    """Delete a network meeting."""
    meeting.delete()
