"""The one filter of participant registers, for the API's list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from twinning.participants.models import Register


class RegisterFilter(django_filters.FilterSet):
    """Filter registers by their visit or activity and by whether sign-up is open."""

    visit = django_filters.NumberFilter(label=_("Visit"), field_name="visit_id", min_value=1)
    activity = django_filters.NumberFilter(
        label=_("Activity"), field_name="activity_id", min_value=1
    )
    signup_open = django_filters.BooleanFilter(label=_("Sign-up open"))

    class Meta:
        model = Register
        fields = ["visit", "activity", "signup_open"]
