"""The one filter of grants, shared by the API's list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from twinning.grants.models import Grant, GrantStatus


class GrantFilter(django_filters.FilterSet):
    """Filter grants by call, status and partnership."""

    call = django_filters.CharFilter(label=_("Call"))
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=GrantStatus.choices)
    partnership = django_filters.NumberFilter(
        label=_("Partnership"), field_name="partnership_id", min_value=1
    )

    class Meta:
        model = Grant
        fields = ["call", "status", "partnership"]
