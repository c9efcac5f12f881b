"""Writes of visits and of what hangs on them: members, programme, gifts, commitments."""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from twinning.core.changes import ChangeAction, record_changed
from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.visits.models import Commitment, Gift, ProgrammeItem, Visit, VisitMember


def _apply(instance, fields: dict):
    version = fields.pop("version", None)
    return model_update(instance=instance, data=fields, version=version)


@transaction.atomic
def visit_create(
    *,
    direction: str,
    visiting_party,
    host,
    title: str,
    start_date: dt.date,
    end_date: dt.date,
    host_organisation=None,
    partnership=None,
    dates_approximate: bool = False,
    purpose: str = "",
    interests: Iterable = (),
    status: str = "planned",
    notes: str = "",
    report: str = "",
    owner=None,
    is_public: bool = True,
    **translations: str,
) -> Visit:
    """Create a delegation visit after validating it."""
    visit = Visit(
        direction=direction,
        visiting_party=visiting_party,
        host=host,
        host_organisation=host_organisation,
        partnership=partnership,
        title=title,
        start_date=start_date,
        end_date=end_date,
        dates_approximate=dates_approximate,
        purpose=purpose,
        status=status,
        notes=notes,
        report=report,
        owner=owner,
        is_public=is_public,
        **translations,
    )
    visit.full_clean()
    visit.save()
    if interests:
        visit.interests.set(interests)
    search_entry_update(visit)
    record_changed(instance=visit, action=ChangeAction.CREATED)
    return visit


@transaction.atomic
def visit_update(*, visit: Visit, **fields) -> Visit:
    """Change the given fields of a visit after validating them."""
    _apply(visit, fields)
    search_entry_update(visit)
    return visit


@transaction.atomic
def visit_delete(*, visit: Visit) -> None:
    """Delete a visit with its members, programme, gifts and commitments."""
    search_entry_delete(visit)
    record_changed(instance=visit, action=ChangeAction.DELETED)
    visit.delete()


@transaction.atomic
def visit_member_create(
    *,
    visit: Visit,
    name: str,
    native_name: str = "",
    title: str = "",
    organisation=None,
    organisation_name: str = "",
    person=None,
    is_leader: bool = False,
    **translations: str,
) -> VisitMember:
    """Add a member to a visit's delegation; a second leader is refused."""
    member = VisitMember(
        visit=visit,
        name=name,
        native_name=native_name,
        title=title,
        organisation=organisation,
        organisation_name=organisation_name,
        person=person,
        is_leader=is_leader,
        **translations,
    )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def visit_member_update(*, member: VisitMember, **fields) -> VisitMember:
    """Change the given fields of a delegation member after validating them."""
    return _apply(member, fields)


@transaction.atomic
def visit_member_delete(*, member: VisitMember) -> None:
    """Remove a member from a visit's delegation."""
    member.delete()


@transaction.atomic
def programme_item_create(
    *,
    visit: Visit,
    day: dt.date,
    topic: str = "",
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    site=None,
    host_organisation=None,
    location: str = "",
    interpreter: str = "",
    notes: str = "",
    **translations: str,
) -> ProgrammeItem:
    """Add an item to a visit's programme on one of its days.

    With a showcase site, the topic, location and host organisation default to the
    site's name, address and organisation, so a suggested site is added in one step.
    """
    if site is not None:
        topic = topic or site.name
        location = location or site.address
        host_organisation = host_organisation or site.organisation
    item = ProgrammeItem(
        visit=visit,
        day=day,
        start_time=start_time,
        end_time=end_time,
        site=site,
        host_organisation=host_organisation,
        location=location,
        topic=topic,
        interpreter=interpreter,
        notes=notes,
        **translations,
    )
    item.full_clean()
    item.save()
    _place_by_time(item)
    return item


def _renumber(items: list[ProgrammeItem]) -> None:
    """Store the order of one day's items as their positions, 1 to n."""
    for position, item in enumerate(items, start=1):
        if item.position != position:
            ProgrammeItem.objects.filter(pk=item.pk).update(position=position)
            item.position = position


def _day_items(item: ProgrammeItem) -> list[ProgrammeItem]:
    """Return the items of the item's day, in their order, locked until the change ends."""
    return list(
        ProgrammeItem.objects.select_for_update().filter(visit_id=item.visit_id, day=item.day)
    )


def _place_by_time(item: ProgrammeItem) -> None:
    """Put an item into its day before the first item that starts later (or last)."""
    others = [other for other in _day_items(item) if other.pk != item.pk]
    index = len(others)
    if item.start_time is not None:
        later = (
            n
            for n, other in enumerate(others)
            if other.start_time and other.start_time > item.start_time
        )
        index = next(later, index)
    others.insert(index, item)
    _renumber(others)


@transaction.atomic
def programme_item_update(*, item: ProgrammeItem, **fields) -> ProgrammeItem:
    """Change the given fields of a programme item after validating them.

    An item moved to another day or time takes its place there by its time.
    """
    before = (item.day, item.start_time)
    item = _apply(item, fields)
    if (item.day, item.start_time) != before:
        _place_by_time(item)
    return item


@transaction.atomic
def programme_item_move(*, item: ProgrammeItem, offset: int) -> ProgrammeItem:
    """Move an item up (offset -1) or down (+1) within its day; at either end, stay."""
    items = _day_items(item)
    index = next(n for n, other in enumerate(items) if other.pk == item.pk)
    target = index + offset
    if 0 <= target < len(items):
        items.insert(target, items.pop(index))
        _renumber(items)
        item.position = next(other.position for other in items if other.pk == item.pk)
    return item


@transaction.atomic
def programme_item_delete(*, item: ProgrammeItem) -> None:
    """Remove an item from a visit's programme."""
    item.delete()


@transaction.atomic
def gift_create(
    *, visit: Visit, direction: str, description: str, giver: str = "", recipient: str = ""
) -> Gift:
    """Record a gift given or received during a visit."""
    gift = Gift(
        visit=visit, direction=direction, description=description, giver=giver, recipient=recipient
    )
    gift.full_clean()
    gift.save()
    return gift


@transaction.atomic
def gift_update(*, gift: Gift, **fields) -> Gift:
    """Change the given fields of a gift after validating them."""
    return _apply(gift, fields)


@transaction.atomic
def gift_delete(*, gift: Gift) -> None:
    """Remove a gift from a visit's record."""
    gift.delete()


@transaction.atomic
def commitment_create(
    *,
    visit: Visit,
    description: str,
    responsible=None,
    due_date: dt.date | None = None,
    done_on: dt.date | None = None,
) -> Commitment:
    """Record a follow-up promised during a visit."""
    commitment = Commitment(
        visit=visit,
        description=description,
        responsible=responsible,
        due_date=due_date,
        done_on=done_on,
    )
    commitment.full_clean()
    commitment.save()
    return commitment


@transaction.atomic
def commitment_update(*, commitment: Commitment, **fields) -> Commitment:
    """Change the given fields of a commitment after validating them."""
    return _apply(commitment, fields)


@transaction.atomic
def commitment_delete(*, commitment: Commitment) -> None:
    """Remove a commitment from a visit."""
    commitment.delete()


@transaction.atomic
def commitment_complete(*, commitment: Commitment, done_on: dt.date | None = None) -> Commitment:
    """Mark a commitment as kept, today unless another day is given."""
    return _apply(commitment, {"done_on": done_on or timezone.localdate()})
