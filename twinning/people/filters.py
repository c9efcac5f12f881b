"""The one filter of people, shared by the HTML list and the API."""

import django_filters
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import visible_to
from twinning.organisations.models import Organisation
from twinning.people.models import Person


def _organisations(request):
    user = getattr(request, "user", None) or AnonymousUser()
    return visible_to(Organisation.objects.filter(posts__isnull=False), user).distinct()


class PersonFilter(django_filters.FilterSet):
    """Filter people by name, the organisation they hold a post at, and the post's role."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", widget=forms.SearchInput()
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        field_name="posts__organisation",
        queryset=_organisations,
        distinct=True,
    )
    role = django_filters.CharFilter(
        label=_("Role"), field_name="posts__role", lookup_expr="icontains", distinct=True
    )

    class Meta:
        model = Person
        fields = ["q", "organisation", "role"]

    def filter_text(self, queryset, name, value):
        matches = Q(name__icontains=value)
        # E-mail addresses are not shown to visitors who are not signed in, nor found by them.
        if getattr(getattr(self.request, "user", None), "is_authenticated", False):
            matches |= Q(email__icontains=value)
        return queryset.filter(matches)
