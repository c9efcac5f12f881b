"""Reads of institution pairs and networks.

A pair is shown to whoever may see its partnership; networks are public reference data.
"""

from django.db.models import Prefetch, Q, QuerySet

from twinning.accounts.selectors import visible_link, visible_to
from twinning.institutions.models import (
    Exchange,
    InstitutionPair,
    Network,
    NetworkMeeting,
    NetworkMembership,
)
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership


def institution_pair_list(*, user) -> QuerySet[InstitutionPair]:
    """Return the pairs of the partnerships the user may see, with names loaded.

    A pair is named by its two institutions, so a pair with an institution the user may
    not see is left out altogether.
    """
    partnerships = visible_to(Partnership.objects.all(), user)
    organisations = visible_to(Organisation.objects.all(), user)
    return InstitutionPair.objects.filter(
        visible_link("partnership_id", partnerships),
        visible_link("institution_a_id", organisations),
        visible_link("institution_b_id", organisations),
    ).select_related(
        "institution_a__place",
        "institution_b__place",
        "partnership__party_a",
        "partnership__party_b",
    )


def institution_pair_detail(*, user, pk: int) -> InstitutionPair:
    """Return one visible pair with its exchanges."""
    return (
        institution_pair_list(user=user)
        .prefetch_related(Prefetch("exchanges", queryset=Exchange.objects.order_by("start")))
        .get(pk=pk)
    )


def partnership_institution_pairs(*, user, partnership: Partnership) -> list[InstitutionPair]:
    """Return the pairs of one partnership, universities and upper secondary first."""
    pairs = institution_pair_list(user=user).filter(partnership=partnership)
    return list(pairs.order_by("kind", "institution_a__name", "institution_b__name"))


def network_list(*, user) -> QuerySet[Network]:
    """Return the networks with their members; private member organisations stay hidden."""
    organisations = visible_to(Organisation.objects.all(), user)
    members = NetworkMembership.objects.filter(
        Q(organisation__isnull=True) | Q(organisation__in=organisations)
    ).select_related("organisation", "place")
    return Network.objects.select_related("organisation").prefetch_related(
        Prefetch("memberships", queryset=members)
    )


def network_detail(*, user, pk: int) -> Network:
    """Return one network with its members and meetings."""
    return (
        network_list(user=user)
        .prefetch_related(
            Prefetch("meetings", queryset=NetworkMeeting.objects.select_related("place"))
        )
        .get(pk=pk)
    )
