"""Partnerships as the forms' pickers offer them, found by either party's name."""

from django.db.models import Q

from twinning.core.lookups import Lookup, register
from twinning.partnerships.models import Partnership
from twinning.partnerships.selectors import partnership_list


def _matches(queryset, text: str, limit: int) -> list[Partnership]:
    named = Q(party_a__name__icontains=text) | Q(party_b__name__icontains=text)
    return list(queryset.filter(named)[:limit])


register(
    Lookup(
        name="partnerships",
        queryset=lambda user: (
            partnership_list(user=user)
            .prefetch_related(None)
            .order_by("party_a__name", "party_b__name", "pk")
        ),
        matches=_matches,
    )
)
