"""Partnerships and their agreements in the search index, titled by their parties."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from twinning.core.search import (
    Document,
    Indexer,
    Span,
    codes,
    country_words,
    focus_area_names,
    join,
    register,
    year_of,
)
from twinning.focusareas.models import FocusArea
from twinning.partnerships.models import (
    Agreement,
    AgreementKind,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
)
from twinning.places.search import place_facts


@dataclass(frozen=True)
class PartnershipFacts:
    """What the entries of records within a partnership show of it and inherit from it."""

    pk: int
    title: str
    other_names: tuple[str, ...]
    countries: tuple[str, ...]
    focus_areas: tuple[FocusArea, ...]
    is_public: bool
    owner_id: int | None

    def visibility(self) -> dict:
        """Return who may see the partnership's records, as Document arguments."""
        return {"is_public": self.is_public, "owner_id": self.owner_id}

    def facets(self) -> dict:
        """Return its partnership, countries and focus areas, as Document arguments."""
        return {
            "partnerships": [self.pk],
            "countries": list(self.countries),
            "focus_areas": [area.pk for area in self.focus_areas],
        }


def partnership_facts(ids: Iterable[int]) -> dict[int, PartnershipFacts]:
    """Return the facts of the partnerships with these ids, in a fixed number of queries."""
    rows = list(
        Partnership.objects.filter(pk__in=set(ids)).values_list(
            "pk", "party_a_id", "party_b_id", "is_public", "owner_id"
        )
    )
    places = place_facts({row[1] for row in rows} | {row[2] for row in rows})
    areas: dict[int, list[FocusArea]] = defaultdict(list)
    links = Partnership.focus_areas.through.objects.filter(
        partnership_id__in=[row[0] for row in rows]
    ).select_related("focusarea")
    for link in links.order_by("focusarea__name_en"):
        areas[link.partnership_id].append(link.focusarea)
    facts = {}
    for pk, a_id, b_id, public, owner in rows:
        a, b = places[a_id], places[b_id]
        facts[pk] = PartnershipFacts(
            pk=pk,
            title=f"{a.label} – {b.label}",
            other_names=(*a.others, *b.others),
            countries=tuple(codes(a.country, b.country)),
            focus_areas=tuple(areas[pk]),
            is_public=public,
            owner_id=owner,
        )
    return facts


def _partnership_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    rows = Partnership.objects.filter(pk__in=ids).values_list(
        "pk", "kind", "status", "since", "until", "notes", "termination_reason"
    )
    facts = partnership_facts(ids)
    for pk, kind, status, since, until, notes, reason in rows:
        partnership = facts[pk]
        yield (
            pk,
            Document(
                title=partnership.title,
                other_names=list(partnership.other_names),
                body=join(notes, reason),
                meta=[
                    PartnershipKind(kind),
                    PartnershipStatus(status),
                    Span(since, until),
                    focus_area_names(partnership.focus_areas),
                ],
                keywords=[country_words(code)[1] for code in partnership.countries],
                year=year_of(since),
                **partnership.facets(),
                **partnership.visibility(),
            ),
        )


def _of_place(place) -> Iterable[int]:
    return Partnership.objects.filter(Q(party_a=place) | Q(party_b=place)).values_list(
        "pk", flat=True
    )


def _agreement_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    agreements = list(Agreement.objects.filter(pk__in=ids).prefetch_related("signatories__person"))
    facts = partnership_facts(agreement.partnership_id for agreement in agreements)
    for agreement in agreements:
        partnership = facts[agreement.partnership_id]
        kind = AgreementKind(agreement.kind)
        # One entry serves every reader, so it names only the signatories anyone may see.
        signatories = ", ".join(
            f"{post.person.name} ({post.role})" if post.role else post.person.name
            for post in agreement.signatories.all()
            if post.person.is_public
        )
        yield (
            agreement.pk,
            Document(
                title=agreement.title or f"{kind.label} {partnership.title}",
                other_names=list(partnership.other_names),
                body=join(
                    partnership.title, agreement.place_of_signing, signatories, agreement.notes
                ),
                # Signed on a date; a period only when it runs until a known date.
                meta=[
                    kind,
                    Span(agreement.signed, agreement.expires)
                    if agreement.expires
                    else agreement.signed,
                ],
                year=year_of(agreement.signed),
                **partnership.facets(),
                **partnership.visibility(),
            ),
        )


def _agreement_links(ids: list[int]) -> dict[int, str]:
    rows = Agreement.objects.filter(pk__in=ids).values_list("pk", "partnership_id")
    return {
        pk: reverse("partnerships:detail", args=[partnership]) + f"#agreement-{pk}"
        for pk, partnership in rows
    }


def _agreements_of(partnership) -> Iterable[int]:
    return partnership.agreements.values_list("pk", flat=True)


register(
    Indexer(
        kind="partnership",
        slot=2,
        model="partnerships.Partnership",
        url_name="partnerships:detail",
        documents=_partnership_documents,
        # An entry is titled by its parties' names.
        follows={"places.Place": _of_place},
    ),
    Indexer(
        kind="agreement",
        slot=8,
        model="partnerships.Agreement",
        links=_agreement_links,
        documents=_agreement_documents,
        # An agreement is seen by whoever sees its partnership.
        follows={"partnerships.Partnership": _agreements_of},
    ),
)
