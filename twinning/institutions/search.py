"""Institution pairs, their exchanges and networks in the search index."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.urls import reverse

from twinning.core.search import Document, Indexer, Span, codes, join, register, year_of
from twinning.institutions.models import (
    Exchange,
    ExchangeDirection,
    InstitutionPair,
    InstitutionPairKind,
    InstitutionPairStatus,
    Network,
    NetworkScope,
)
from twinning.partnerships.search import partnership_facts


def _pair_title(pair) -> str:
    return f"{pair.institution_a.name} – {pair.institution_b.name}"


def _pair_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    pairs = list(
        InstitutionPair.objects.filter(pk__in=ids).select_related("institution_a", "institution_b")
    )
    facts = partnership_facts(pair.partnership_id for pair in pairs)
    for pair in pairs:
        partnership = facts[pair.partnership_id]
        yield (
            pair.pk,
            Document(
                title=_pair_title(pair),
                body=join(partnership.title, pair.notes),
                meta=[
                    InstitutionPairKind(pair.kind),
                    InstitutionPairStatus(pair.status),
                    Span(pair.since, None),
                ],
                year=year_of(pair.since),
                # A pair is seen by whoever sees its partnership.
                **partnership.facets(),
                **partnership.visibility(),
            ),
        )


def _exchange_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    exchanges = list(
        Exchange.objects.filter(pk__in=ids).select_related(
            "pair__institution_a", "pair__institution_b"
        )
    )
    facts = partnership_facts(exchange.pair.partnership_id for exchange in exchanges)
    for exchange in exchanges:
        pair = exchange.pair
        partnership = facts[pair.partnership_id]
        yield (
            exchange.pk,
            Document(
                title=_pair_title(pair),
                body=join(partnership.title, exchange.description),
                meta=[
                    ExchangeDirection(exchange.direction),
                    Span(exchange.start, exchange.end),
                ],
                year=year_of(exchange.start),
                **partnership.facets(),
                **partnership.visibility(),
            ),
        )


def _exchange_links(ids: list[int]) -> dict[int, str]:
    rows = Exchange.objects.filter(pk__in=ids).values_list("pk", "pair_id")
    return {
        pk: reverse("institutions:pair_detail", args=[pair]) + "#exchanges-heading"
        for pk, pair in rows
    }


def _network_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    networks = Network.objects.filter(pk__in=ids).select_related("organisation")
    for network in networks.prefetch_related("memberships__place", "memberships__organisation"):
        # One entry serves every reader: private member organisations are not named.
        members = [
            str(m.member)
            for m in network.memberships.all()
            if m.place_id or (m.organisation and m.organisation.is_public)
        ]
        organisation = network.organisation
        yield (
            network.pk,
            Document(
                title=network.name,
                body=join(
                    organisation.name if organisation and organisation.is_public else "",
                    network.description,
                    ", ".join(members),
                ),
                meta=[NetworkScope(network.scope)],
                countries=codes(network.country),
            ),
        )


def _pairs_of_organisation(organisation) -> Iterable[int]:
    pairs = InstitutionPair.objects.filter(
        Q(institution_a=organisation) | Q(institution_b=organisation)
    )
    return pairs.values_list("pk", flat=True)


register(
    Indexer(
        kind="institution_pair",
        slot=11,
        model="institutions.InstitutionPair",
        url_name="institutions:pair_detail",
        documents=_pair_documents,
        # An entry is titled by its institutions and seen by whoever sees its partnership.
        follows={
            "partnerships.Partnership": lambda p: p.institution_pairs.values_list("pk", flat=True),
            "organisations.Organisation": _pairs_of_organisation,
        },
    ),
    Indexer(
        kind="exchange",
        slot=12,
        model="institutions.Exchange",
        links=_exchange_links,
        documents=_exchange_documents,
        follows={
            "partnerships.Partnership": lambda p: Exchange.objects.filter(
                pair__partnership=p
            ).values_list("pk", flat=True),
            "institutions.InstitutionPair": lambda pair: pair.exchanges.values_list(
                "pk", flat=True
            ),
        },
    ),
    Indexer(
        kind="network",
        slot=13,
        model="institutions.Network",
        url_name="institutions:network_detail",
        documents=_network_documents,
    ),
)
