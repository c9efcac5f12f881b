"""Partnerships in the search index, titled by their parties."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from twinning.core.search import (
    Document,
    Indexer,
    choice_words,
    codes,
    country_words,
    join,
    register,
    year_of,
)
from twinning.partnerships.models import Partnership, PartnershipKind, PartnershipStatus
from twinning.places.search import place_facts


def _partnership_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
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
    places = place_facts({row[1] for row in rows} | {row[2] for row in rows})
    areas: dict[int, list[tuple[str, str]]] = defaultdict(list)
    links = Partnership.focus_areas.through.objects.filter(partnership_id__in=ids)
    for pk, name_en, name_da in links.values_list(
        "partnership_id", "focusarea__name_en", "focusarea__name_da"
    ):
        areas[pk].append((name_en, name_da))
    for pk, a_id, b_id, kind, status, since, until, notes, reason, public, owner in rows:
        a, b = places[a_id], places[b_id]
        kind_label, kind_words = choice_words(PartnershipKind, kind)
        status_label, status_words = choice_words(PartnershipStatus, status)
        period = f"{since or ''}–{until or ''}" if since or until else ""
        yield (
            pk,
            Document(
                title=f"{a.label} – {b.label}",
                other_names=[*a.others, *b.others],
                body=join(
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
                    country_words(a.country)[1],
                    country_words(b.country)[1],
                ],
                countries=codes(a.country, b.country),
                year=year_of(since),
                is_public=public,
                owner_id=owner,
            ),
        )


def _of_place(place) -> Iterable[int]:
    return Partnership.objects.filter(Q(party_a=place) | Q(party_b=place)).values_list(
        "pk", flat=True
    )


register(
    Indexer(
        kind="partnership",
        model="partnerships.Partnership",
        url_name="partnerships:detail",
        documents=_partnership_documents,
        # An entry is titled by its parties' names.
        follows={"places.Place": _of_place},
    )
)
