"""The form of an evaluation report: the period and what people write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import editable_organisation_ids, visible_to
from twinning.activities.models import Activity
from twinning.core.forms import VersionedFormMixin
from twinning.organisations.models import Organisation
from twinning.partnerships.selectors import partnership_list
from twinning.places.models import Place
from twinning.reports.models import EvaluationReport


class EvaluationReportForm(VersionedFormMixin, forms.ModelForm):
    """Create or change a report; the sections themselves are generated."""

    class Meta:
        model = EvaluationReport
        fields = [
            "partnership",
            "party",
            "from_year",
            "to_year",
            "language",
            "title",
            "summary",
            "recommendation",
            "highlights",
            "owner",
            "is_public",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 8}),
            "recommendation": forms.Textarea(attrs={"rows": 8}),
            "highlights": forms.CheckboxSelectMultiple,
        }
        help_texts = {"party": _("The party that reports: one of the partnership's two.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        ids = editable_organisation_ids(user)
        owners = (
            Organisation.objects.all() if ids is None else Organisation.objects.filter(pk__in=ids)
        )
        self.fields["owner"].queryset = owners
        self.fields["owner"].required = True
        self.fields["partnership"].queryset = partnership_list(user=user)
        self.fields["party"].queryset = Place.objects.filter(
            pk__in=partnership_list(user=user).values("party_a")
        ) | Place.objects.filter(pk__in=partnership_list(user=user).values("party_b"))

        # Highlights are picked among the partnership's activities of the period.
        report = self.instance
        if report.pk:
            self.fields["highlights"].queryset = visible_to(
                Activity.objects.filter(
                    partnerships=report.partnership_id,
                    start__gte=f"{report.from_year:04d}",
                    start__lt=f"{report.to_year + 1:04d}",
                ),
                user,
            ).order_by("area", "start", "pk")
        else:
            del self.fields["highlights"]

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}
