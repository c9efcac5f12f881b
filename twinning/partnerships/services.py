import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django_countries import countries

from twinning.core.bulk import create_with_history, insert_rows
from twinning.core.changes import ChangeAction, record_changed
from twinning.core.fields import partial_date_or_error
from twinning.core.partialdates import InvalidPartialDate, PartialDate
from twinning.core.search import search_entries_index, search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.core.text import fold
from twinning.core.validators import field_value_errors
from twinning.focusareas.models import FocusArea
from twinning.partnerships.models import (
    Agreement,
    Partnership,
    PartnershipClaim,
    PartnershipKind,
    PartnershipPerson,
    PartnershipStatus,
)
from twinning.partnerships.tabular import read_rows
from twinning.places.countries import UnknownCountry, country_code
from twinning.places.models import Place, PlaceKind, PlaceName


@transaction.atomic
def partnership_create(
    *,
    party_a,
    party_b,
    kind: str,
    status: str = PartnershipStatus.ACTIVE,
    since: PartialDate | str | None = None,
    until: PartialDate | str | None = None,
    termination_reason: str = "",
    focus_areas: Iterable = (),
    notes: str = "",
    owner=None,
    is_public: bool = True,
) -> Partnership:
    """Create a partnership between two parties after validating it."""
    partnership = Partnership(
        party_a=party_a,
        party_b=party_b,
        kind=kind,
        status=status,
        since=partial_date_or_error(since, "since"),
        until=partial_date_or_error(until, "until"),
        termination_reason=termination_reason,
        notes=notes,
        owner=owner,
        is_public=is_public,
    )
    partnership.full_clean()
    partnership.save()
    if focus_areas:
        partnership.focus_areas.set(focus_areas)
    search_entry_update(partnership)
    record_changed(instance=partnership, action=ChangeAction.CREATED)
    return partnership


@transaction.atomic
def partnership_update(
    *, partnership: Partnership, version: int | None = None, **fields
) -> Partnership:
    """Change the given fields of a partnership after validating them."""
    for field in {"since", "until"} & set(fields):
        fields[field] = partial_date_or_error(fields[field], field)
    model_update(instance=partnership, data=fields, version=version)
    search_entry_update(partnership)
    return partnership


@transaction.atomic
def partnership_terminate(
    *, partnership: Partnership, until: PartialDate | str, reason: str
) -> Partnership:
    """End a partnership on a date, for a reason."""
    return partnership_update(
        partnership=partnership,
        status=PartnershipStatus.TERMINATED,
        until=until,
        termination_reason=reason,
    )


@transaction.atomic
def partnership_delete(*, partnership: Partnership) -> None:
    """Delete a partnership with its agreements; the history keeps what it was."""
    search_entry_delete(partnership)
    record_changed(instance=partnership, action=ChangeAction.DELETED)
    partnership.delete()


@transaction.atomic
def agreement_delete(*, agreement: Agreement) -> None:
    """Delete an agreement; agreements that renewed it keep standing on their own."""
    search_entry_delete(agreement)
    record_changed(instance=agreement, action=ChangeAction.DELETED)
    agreement.delete()


@transaction.atomic
def partnership_person_add(*, partnership: Partnership, person, role: str = "") -> None:
    """Link a person to a partnership in a role."""
    PartnershipPerson.objects.get_or_create(partnership=partnership, person=person, role=role)


@transaction.atomic
def agreement_create(
    *,
    partnership: Partnership,
    kind: str,
    signed: PartialDate | str | None = None,
    title: str = "",
    place_of_signing: str = "",
    signatories: Iterable = (),
    term_months: int | None = None,
    expires: PartialDate | str | None = None,
    notice_months: int | None = None,
    renews_tacitly: bool = False,
    notice_given: dt.date | None = None,
    renews: Agreement | None = None,
    document=None,
    notes: str = "",
    **translations: str,
) -> Agreement:
    """Add an agreement to a partnership; signatories are posts held by people."""
    agreement = Agreement(
        partnership=partnership,
        kind=kind,
        signed=partial_date_or_error(signed, "signed"),
        title=title,
        place_of_signing=place_of_signing,
        term_months=term_months,
        expires=partial_date_or_error(expires, "expires"),
        notice_months=notice_months,
        renews_tacitly=renews_tacitly,
        notice_given=notice_given,
        renews=renews,
        document=document,
        notes=notes,
        **translations,
    )
    agreement.full_clean()
    agreement.save()
    if signatories:
        agreement.signatories.set(signatories)
    search_entry_update(agreement)
    record_changed(instance=agreement, action=ChangeAction.CREATED)
    return agreement


@transaction.atomic
def agreement_update(*, agreement: Agreement, version: int | None = None, **fields) -> Agreement:
    """Change the given fields of an agreement after validating them."""
    for field in {"signed", "expires"} & set(fields):
        fields[field] = partial_date_or_error(fields[field], field)
    agreement = model_update(instance=agreement, data=fields, version=version)
    search_entry_update(agreement)
    return agreement


# Import ---------------------------------------------------------------------------------


class ImportRowError(ValueError):
    """A row that cannot be imported; the whole import is then abandoned."""

    def __init__(self, row: int, reason: str):
        super().__init__(f"row {row}: {reason}")
        self.row = row
        self.reason = reason


@dataclass
class PartySpec:
    name: str
    country: str
    kind: str


@dataclass
class ImportReport:
    """What an import did, for the person who ran it."""

    rows: int = 0
    places_created: int = 0
    places_matched: int = 0
    partnerships_created: int = 0
    duplicates: list[int] = dataclasses.field(default_factory=list)
    same_place: list[int] = dataclasses.field(default_factory=list)

    def summary(self) -> str:
        lines = [
            _("%(rows)d rows read") % {"rows": self.rows},
            _("%(n)d partnerships created") % {"n": self.partnerships_created},
            _("%(n)d places created, %(m)d existing places matched")
            % {"n": self.places_created, "m": self.places_matched},
            _("%(n)d rows skipped: the pair is already present or listed twice")
            % {"n": len(self.duplicates)},
        ]
        if self.same_place:
            rows = ", ".join(str(row) for row in self.same_place[:20])
            lines.append(
                _("%(n)d rows skipped because both sides are the same place (rows %(rows)s)")
                % {"n": len(self.same_place), "rows": rows}
            )
        return "\n".join(lines)


_PLACE_KINDS = frozenset(PlaceKind.values)


def _party(number: int, row: dict[str, str], side: str) -> PartySpec:
    if "party_a" in row:
        name, country, kind = (row.get(f"party_{side}{s}", "") for s in ("", "_country", "_kind"))
        column = f"party_{side}"
    else:
        index = "1" if side == "a" else "2"
        name, country, kind = row.get(f"city{index}", ""), row.get(f"country{index}", ""), ""
        column = f"city{index}"
    name, country = name.strip(), country.strip()
    if not name:
        raise ImportRowError(number, _("column %(column)s is empty.") % {"column": column})
    _check_value(number, column, Place, "name", name)
    kind = kind.strip() or PlaceKind.CITY
    if kind not in _PLACE_KINDS:
        raise ImportRowError(number, _("unknown place kind “%(kind)s”.") % {"kind": kind})
    if not country:
        # Some lists leave the country empty and write it into the name ("Varna, Bulgaria"),
        # or name a territory in the city column ("Falkland Islands").
        head, _sep, tail = name.rpartition(",")
        try:
            if head:
                return PartySpec(head.strip(), country_code(tail), kind)
            code = country_code(name)
            return PartySpec(str(countries.name(code)) or name, code, PlaceKind.COUNTRY)
        except UnknownCountry:
            raise ImportRowError(
                number, _("no country given for “%(name)s”.") % {"name": name}
            ) from None
    try:
        return PartySpec(name, country_code(country), kind)
    except UnknownCountry:
        raise ImportRowError(
            number, _("unknown country “%(country)s”.") % {"country": country}
        ) from None


_VALUES = {choices: frozenset(choices.values) for choices in (PartnershipKind, PartnershipStatus)}


def _choice(number: int, row: dict[str, str], column: str, choices, default: str) -> str:
    value = (row.get(column) or "").strip() or default
    if value not in _VALUES[choices]:
        raise ImportRowError(
            number, _("unknown %(column)s “%(value)s”.") % {"column": column, "value": value}
        )
    return value


def _check_value(number: int, column: str, model, field: str, value) -> None:
    """Refuse a cell that the model's field would refuse, naming the row and the column."""
    problems = field_value_errors(model, field, value)
    if problems:
        raise ImportRowError(
            number,
            _("column %(column)s: %(problem)s") % {"column": column, "problem": problems[0]},
        )


def _text(number: int, row: dict[str, str], column: str) -> str:
    value = (row.get(column) or "").strip()
    _check_value(number, column, Partnership, column, value)
    return value


def _partial(number: int, row: dict[str, str], column: str) -> PartialDate | None:
    try:
        return PartialDate.parse(row.get(column) or None)
    except InvalidPartialDate as exc:
        raise ImportRowError(number, f"{column}: {exc}") from None


class _PlaceIndex:
    """Find places by country and folded name, creating the missing ones in bulk."""

    def __init__(self):
        self.by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.parent_keys: dict[int, set[str]] = defaultdict(set)
        self.pending: dict[tuple[str, str], Place] = {}
        rows = Place.objects.values_list("pk", "country", "search_key", "parent__search_key")
        for pk, country, key, parent_key in rows:
            self.by_key[(country, key)].append(pk)
            if parent_key:
                self.parent_keys[pk].add(parent_key)
        for pk, country, key in PlaceName.objects.values_list(
            "place_id", "place__country", "search_key"
        ):
            if pk not in self.by_key[(country, key)]:
                self.by_key[(country, key)].append(pk)

    def find(self, spec: PartySpec) -> int | Place | None:
        key = fold(spec.name)
        found = self.by_key.get((spec.country, key))
        if found and len(found) == 1:
            return found[0]
        if (spec.country, key) in self.pending:
            return self.pending[(spec.country, key)]
        base, _sep, qualifier = spec.name.partition(",")
        if qualifier:
            candidates = self.by_key.get((spec.country, fold(base)), [])
            qualified = [pk for pk in candidates if fold(qualifier) in self.parent_keys[pk]]
            if len(qualified) == 1:
                return qualified[0]
        return None

    def add(self, spec: PartySpec) -> Place:
        place = Place(name=spec.name, kind=spec.kind, country=spec.country)
        place.search_key = fold(spec.name)
        self.pending[(spec.country, place.search_key)] = place
        return place


def partnerships_import(
    *, path: Path, owner=None, is_public: bool = True, user=None
) -> ImportReport:
    """Import partnerships from a CSV, XLSX or JSON file, all or nothing.

    The file may hold the four columns of public twin-town lists (city1, country1, city2,
    country2) or the columns of an export. Existing places are matched by name and country
    instead of duplicated; pairs already in the registry are skipped. A malformed row raises
    ImportRowError naming the row, and nothing is written.
    """
    report = ImportReport()
    index = _PlaceIndex()
    focus_by_slug = {area.slug: area.pk for area in FocusArea.objects.all()}
    planned = []
    for number, row in read_rows(path):
        report.rows += 1
        ends = []
        for side in ("a", "b"):
            spec = _party(number, row, side)
            place = index.find(spec)
            if place is None:
                place = index.add(spec)
                report.places_created += 1
            elif isinstance(place, int):
                report.places_matched += 1
            ends.append(place)
        focus = []
        for slug in filter(None, (s.strip() for s in row.get("focus_areas", "").split(";"))):
            if slug not in focus_by_slug:
                raise ImportRowError(number, _("unknown focus area “%(slug)s”.") % {"slug": slug})
            focus.append(focus_by_slug[slug])
        since, until = _partial(number, row, "since"), _partial(number, row, "until")
        if since and until and until.last_day() < since.first_day():
            raise ImportRowError(number, _("until is before since."))
        planned.append(
            (
                number,
                ends,
                {
                    "kind": _choice(
                        number, row, "kind", PartnershipKind, PartnershipKind.SISTER_CITY
                    ),
                    "status": _choice(
                        number, row, "status", PartnershipStatus, PartnershipStatus.ACTIVE
                    ),
                    "since": since,
                    "until": until,
                    "termination_reason": _text(number, row, "termination_reason"),
                    "notes": _text(number, row, "notes"),
                },
                focus,
            )
        )

    # The file is read and checked before the transaction begins: on SQLite a writing
    # transaction holds the one write lock, which the site's own writes wait for.
    with transaction.atomic():
        _import_write(report, index, planned, owner=owner, is_public=is_public, user=user)
    return report


def _import_write(report, index, planned, *, owner, is_public: bool, user) -> None:
    """Write the places and partnerships an import planned; the caller holds a transaction."""
    created_places = list(index.pending.values())
    place_ids = create_with_history(
        Place,
        [
            {"kind": p.kind, "name": p.name, "country": p.country, "search_key": p.search_key}
            for p in created_places
        ],
        history_user=user,
    )
    for place, pk in zip(created_places, place_ids, strict=True):
        place.pk = pk

    existing = set()
    for a, b, kind in Partnership.objects.values_list("party_a_id", "party_b_id", "kind"):
        existing.add((min(a, b), max(a, b), kind))
    records, focus_links = [], []
    owner_id = getattr(owner, "pk", None)
    for number, ends, fields, focus in planned:
        a, b = (end if isinstance(end, int) else end.pk for end in ends)
        if a == b:
            report.same_place.append(number)
            continue
        pair = (min(a, b), max(a, b), fields["kind"])
        if pair in existing:
            report.duplicates.append(number)
            continue
        existing.add(pair)
        records.append(
            {"party_a_id": a, "party_b_id": b, "owner_id": owner_id, "is_public": is_public}
            | fields
        )
        focus_links.append(focus)
    partnership_ids = create_with_history(Partnership, records, history_user=user)
    insert_rows(
        Partnership.focus_areas.through,
        ["partnership_id", "focusarea_id"],
        [
            (pk, area)
            for pk, areas in zip(partnership_ids, focus_links, strict=True)
            for area in areas
        ],
    )
    search_entries_index(kind="place", ids=place_ids)
    search_entries_index(kind="partnership", ids=partnership_ids)
    report.partnerships_created = len(partnership_ids)


@transaction.atomic
def place_merge(*, keep: Place, duplicate: Place, user=None) -> Place:
    """Merge a place a person marked as the same as ``keep`` into it, and delete it.

    Everything that refers to the duplicate is moved to ``keep``; its name becomes one of
    keep's other names and its identifiers and point fill keep's where keep has none. Two
    partnerships that become the same pair are joined when the younger one holds only
    sourced statements (its statements move to the older one); a partnership between
    the two places themselves is refused, as is merging a place into itself.
    """
    if keep.pk == duplicate.pk:
        raise ValidationError(_("A place cannot be merged into itself."))
    if Partnership.objects.filter(
        Q(party_a=keep, party_b=duplicate) | Q(party_a=duplicate, party_b=keep)
    ).exists():
        raise ValidationError(_("These two places are partners of each other; merge refused."))
    pairs = {}
    for partnership in Partnership.objects.filter(Q(party_a=keep) | Q(party_b=keep)):
        other = (
            partnership.party_b_id if partnership.party_a_id == keep.pk else partnership.party_a_id
        )
        pairs[other] = partnership
    for partnership in Partnership.objects.filter(Q(party_a=duplicate) | Q(party_b=duplicate)):
        side = "party_a" if partnership.party_a_id == duplicate.pk else "party_b"
        other = partnership.party_b_id if side == "party_a" else partnership.party_a_id
        existing = pairs.get(other)
        if existing is not None and _only_claims(partnership):
            PartnershipClaim.objects.filter(partnership=partnership).update(partnership=existing)
            search_entry_delete(partnership)
            partnership.delete()
            continue
        setattr(partnership, side, keep)
        partnership.save(update_fields=[side, "updated_at"])
    for relation in Place._meta.related_objects:
        if relation.related_model is Partnership or relation.many_to_many:
            continue
        if relation.one_to_many and relation.field.model is not PlaceName:
            relation.related_model.objects.filter(**{relation.field.name: duplicate}).update(
                **{relation.field.name: keep}
            )
    for name in PlaceName.objects.filter(place=duplicate):
        PlaceName.objects.get_or_create(place=keep, language=name.language, name=name.name)
    if fold(duplicate.name) != fold(keep.name):
        PlaceName.objects.get_or_create(
            place=keep, language=PlaceName.Language.OTHER, name=duplicate.name
        )
    keep.members.add(*duplicate.members.all())
    for group in duplicate.groups.all():
        group.members.add(keep)
    changed = []
    for field in ("geonames_id", "latitude", "longitude", "population", "admin_area"):
        if getattr(keep, field) in (None, "") and getattr(duplicate, field) not in (None, ""):
            setattr(keep, field, getattr(duplicate, field))
            changed.append(field)
    qid = duplicate.wikidata_id
    search_entry_delete(duplicate)
    duplicate.delete()
    if qid and not keep.wikidata_id:
        keep.wikidata_id = qid
        changed.append("wikidata_id")
    if changed:
        keep.save(update_fields=[*changed, "updated_at"])
    search_entry_update(keep)
    return keep


def _only_claims(partnership: Partnership) -> bool:
    """Tell whether nothing but sourced statements refers to the partnership."""
    for relation in Partnership._meta.related_objects:
        if relation.name in {"claims"} or relation.related_model.__name__.startswith("Historical"):
            continue
        accessor = relation.get_accessor_name()
        if relation.one_to_many and getattr(partnership, accessor).exists():
            return False
    return not (partnership.since or partnership.notes or partnership.focus_areas.exists())
