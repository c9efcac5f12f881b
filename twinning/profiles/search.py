"""Partner profiles in the search index."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from twinning.core.search import Document, Indexer, join, owned, register
from twinning.profiles.models import PartnerProfile, SizeBand


def _profile_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    profiles = PartnerProfile.objects.filter(pk__in=ids).select_related("place")
    for profile in profiles.prefetch_related("focus_sought", "focus_offered"):
        areas = [*profile.focus_offered.all(), *profile.focus_sought.all()]
        band = profile.size_band
        yield (
            profile.pk,
            Document(
                title=profile.place.name,
                body=join(profile.summary, profile.economy, profile.strengths),
                keywords=[area.name_en for area in areas] + [area.name_da for area in areas],
                meta=[
                    _("seeking a partner now") if profile.seeking else _("partner profile"),
                    *([SizeBand(band)] if band else []),
                ],
                countries=[profile.place.country_code] if profile.place.country_code else [],
                focus_areas=list(dict.fromkeys(area.pk for area in areas)),
                **owned(profile),
            ),
        )


register(
    Indexer(
        kind="profile",
        slot=19,
        model="profiles.PartnerProfile",
        url_name="profiles:detail",
        documents=_profile_documents,
        follows={
            "places.Place": lambda place: PartnerProfile.objects.filter(place=place).values_list(
                "pk", flat=True
            )
        },
    ),
)
