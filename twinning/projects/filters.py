"""The one filter of projects, shared by the HTML list and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.projects.models import Project, ProjectStatus


class ProjectFilter(django_filters.FilterSet):
    """Filter projects by partnership, status, party and text."""

    partnership = django_filters.NumberFilter(
        label=_("Partnership"), field_name="partnerships__id", min_value=1
    )
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=ProjectStatus.choices)
    organisation = django_filters.NumberFilter(
        label=_("Organisation"), method="filter_organisation", min_value=1
    )
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")

    class Meta:
        model = Project
        fields = ["partnership", "status", "organisation", "q"]

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(parties__organisation_id=value).distinct()

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(description__icontains=value)
            | Q(outcome__icontains=value)
        )
