"""Import of Wikidata's "twinned administrative body" (P190) links between places.

Wikidata dumps of P190 come as two headerless tab-separated files: the links as pairs of
item ids (QIDs), one direction per line, and the labels of the items. Places keep their
QID, so that a later import recognises them without relying on names.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from twinning.core.search import search_entries_index
from twinning.core.text import fold
from twinning.partnerships.models import Partnership, PartnershipKind, PartnershipStatus
from twinning.partnerships.services import ImportReport, ImportRowError
from twinning.places.models import Place, PlaceKind, PlaceName

_QID = re.compile(r"Q[1-9][0-9]*")
_NAME_LENGTH = Place._meta.get_field("name").max_length
_BATCH = 2000
_SHOWN = 20


class WikidataLineError(ImportRowError):
    """A malformed line of a Wikidata file; the whole import is then abandoned."""

    def __init__(self, path: Path, line: int, reason: str):
        super().__init__(line, reason)
        self.path = path
        self.args = (
            _("%(file)s, line %(line)d: %(reason)s")
            % {"file": path.name, "line": line, "reason": reason},
        )


@dataclass
class WikidataImportReport(ImportReport):
    """What a Wikidata import did; ``rows`` counts the lines of the relations file."""

    places_linked: int = 0
    unlabelled: list[str] = dataclasses.field(default_factory=list)
    ambiguous: list[str] = dataclasses.field(default_factory=list)

    def summary(self) -> str:
        lines = [super().summary()]
        if self.places_linked:
            lines.append(
                _("%(n)d of the matched places were found by name and were given their QID")
                % {"n": self.places_linked}
            )
        if self.unlabelled:
            lines.append(
                _("%(n)d places have no label in the names file and are named by QID (%(qids)s)")
                % {"n": len(self.unlabelled), "qids": _shortlist(self.unlabelled)}
            )
        if self.ambiguous:
            lines.append(
                _(
                    "%(n)d labels match several places, so new places were created "
                    "for them (%(qids)s)"
                )
                % {"n": len(self.ambiguous), "qids": _shortlist(self.ambiguous)}
            )
        return "\n".join(lines)


def _shortlist(items: list) -> str:
    shown = ", ".join(str(item) for item in items[:_SHOWN])
    return shown + (", …" if len(items) > _SHOWN else "")


def _lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield the number and the tab-separated columns of every non-blank line."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise WikidataLineError(path, number, _("the line is not UTF-8 text.")) from None
            if number == 1:
                text = text.removeprefix("\ufeff")
            text = text.rstrip("\r\n")
            if text.strip():
                yield number, text.split("\t")


def _qid(path: Path, number: int, value: str) -> str:
    value = value.strip()
    if not _QID.fullmatch(value):
        raise WikidataLineError(
            path, number, _("“%(value)s” is not a Wikidata id like Q123.") % {"value": value}
        )
    return value


def _read_names(path: Path) -> dict[str, str]:
    labels: dict[str, str] = {}
    for number, columns in _lines(path):
        if len(columns) != 2:
            raise WikidataLineError(
                path,
                number,
                _("expected a QID and a label separated by a tab, found %(n)d columns.")
                % {"n": len(columns)},
            )
        qid, label = _qid(path, number, columns[0]), columns[1].strip()
        if not label:
            raise WikidataLineError(path, number, _("the label is empty."))
        if len(label) > _NAME_LENGTH:
            raise WikidataLineError(
                path,
                number,
                _("the label is longer than %(n)d characters.") % {"n": _NAME_LENGTH},
            )
        if labels.setdefault(qid, label) != label:
            raise WikidataLineError(
                path,
                number,
                _("%(qid)s already has the label “%(label)s”.")
                % {"qid": qid, "label": labels[qid]},
            )
    return labels


def _read_relations(path: Path, report: WikidataImportReport) -> dict[tuple[str, str], int]:
    """Return each undirected pair once, with the line it was first listed on."""
    pairs: dict[tuple[str, str], int] = {}
    for number, columns in _lines(path):
        if len(columns) != 2:
            raise WikidataLineError(
                path,
                number,
                _("expected two QIDs separated by a tab, found %(n)d columns.")
                % {"n": len(columns)},
            )
        a, b = (_qid(path, number, column) for column in columns)
        report.rows += 1
        if a == b:
            report.same_place.append(number)
            continue
        pair = (a, b) if int(a[1:]) < int(b[1:]) else (b, a)
        if pair in pairs:
            report.duplicates.append(number)
        else:
            pairs[pair] = number
    return pairs


class _Places:
    """The registry's places by QID and by folded name (including other names)."""

    def __init__(self):
        self.by_qid: dict[str, int] = {}
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.qid_of: dict[int, str] = {}
        for pk, key, qid in Place.objects.values_list("pk", "search_key", "wikidata_id"):
            self.by_key[key].add(pk)
            if qid:
                self.by_qid[qid.upper()] = pk
                self.qid_of[pk] = qid
        for pk, key in PlaceName.objects.values_list("place_id", "search_key"):
            self.by_key[key].add(pk)


@transaction.atomic
def partnerships_import_wikidata(
    *, relations: Path, names: Path, owner=None, is_public: bool = True, user=None
) -> WikidataImportReport:
    """Import Wikidata P190 pairs as sister-city partnerships, all or nothing.

    ``relations`` holds two QIDs a line, ``names`` a QID and its label a line; neither has
    a header. A place is found by its QID first; failing that, by a label that names
    exactly one place of the registry which has no QID yet, and that place is then given
    the QID; otherwise a new city is created, named by its label, or by its QID when the
    names file has no label for it. Each pair becomes one partnership however often and in
    whichever direction it is listed; a pair already in the registry in any kind of
    partnership is skipped, as P190 does not tell sister cities from other ties. A
    malformed line raises WikidataLineError naming the file and line, and nothing is
    written.
    """
    report = WikidataImportReport()
    labels = _read_names(names)
    pairs = _read_relations(relations, report)

    places = _Places()
    qids = list(dict.fromkeys(qid for pair in pairs for qid in pair))
    place_of: dict[str, int | Place] = {}
    by_label: dict[str, list[str]] = defaultdict(list)
    for qid in qids:
        if qid in places.by_qid:
            place_of[qid] = places.by_qid[qid]
            report.places_matched += 1
        elif qid in labels:
            by_label[fold(labels[qid])].append(qid)

    linked: dict[int, str] = {}
    for key, wanted in by_label.items():
        found = places.by_key.get(key, set())
        free = [pk for pk in found if pk not in places.qid_of]
        if not free:
            # Nothing of that name, or only places that are other Wikidata items.
            continue
        if len(found) == 1 and len(wanted) == 1:
            linked[free[0]] = wanted[0]
            place_of[wanted[0]] = free[0]
            report.places_matched += 1
        else:
            report.ambiguous.extend(wanted)
    report.places_linked = len(linked)

    new_places = []
    for qid in qids:
        if qid in place_of:
            continue
        name = labels.get(qid)
        if name is None:
            name = qid
            report.unlabelled.append(qid)
        place = Place(kind=PlaceKind.CITY, name=name, country="", wikidata_id=qid)
        place.search_key = fold(name)
        place_of[qid] = place
        new_places.append(place)
    report.places_created = len(new_places)

    if linked:
        # Only the QID changes; everything else those places hold is left as it was.
        found = Place.objects.in_bulk(list(linked))
        for pk, qid in linked.items():
            found[pk].wikidata_id = qid
        bulk_update_with_history(
            list(found.values()), Place, ["wikidata_id"], batch_size=_BATCH, default_user=user
        )
    bulk_create_with_history(new_places, Place, batch_size=_BATCH, default_user=user)

    existing = {
        (min(a, b), max(a, b))
        for a, b in Partnership.objects.values_list("party_a_id", "party_b_id")
    }
    new_partnerships = []
    owner_id = getattr(owner, "pk", None)
    for (qid_a, qid_b), number in pairs.items():
        a, b = (
            end if isinstance(end, int) else end.pk for end in (place_of[qid_a], place_of[qid_b])
        )
        pair = (min(a, b), max(a, b))
        if pair in existing:
            report.duplicates.append(number)
            continue
        existing.add(pair)
        new_partnerships.append(
            Partnership(
                party_a_id=a,
                party_b_id=b,
                kind=PartnershipKind.SISTER_CITY,
                status=PartnershipStatus.ACTIVE,
                owner_id=owner_id,
                is_public=is_public,
            )
        )
    bulk_create_with_history(new_partnerships, Partnership, batch_size=_BATCH, default_user=user)
    report.duplicates.sort()
    report.partnerships_created = len(new_partnerships)

    search_entries_index(kind="place", ids=[p.pk for p in new_places] + list(linked))
    search_entries_index(kind="partnership", ids=[p.pk for p in new_partnerships])
    return report
