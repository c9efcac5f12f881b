"""Forms for activities; saving goes through services.py."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import editable_organisation_ids
from twinning.activities.models import Activity
from twinning.core.forms import TranslatedFormMixin, VersionedFormMixin
from twinning.core.lookups import MultiPicker, Picker, use_pickers
from twinning.organisations.models import Organisation
from twinning.places.forms import PlaceChoiceField

_HEADCOUNT = re.compile(r"^\s*(\d+)\s+(.+?)\s*$")


class ActivityForm(VersionedFormMixin, TranslatedFormMixin, forms.ModelForm):
    """Create or change an activity; head counts are written one group a line."""

    headcounts = forms.CharField(
        label=_("Head counts"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One group a line, number first: “11 Chinese young players”."),
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "start",
            "end",
            "area",
            "kind",
            "description",
            "place",
            "partnerships",
            "people",
            "organisations",
            "owner",
            "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "place": Picker("places", creatable=True),
            "partnerships": MultiPicker("partnerships"),
            "people": MultiPicker("people", creatable=True),
            "organisations": MultiPicker("organisations", creatable=True),
        }
        field_classes = {"place": PlaceChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
        owners = Organisation.objects.order_by("name")
        allowed = editable_organisation_ids(user)
        if allowed is not None:
            owners = owners.filter(pk__in=allowed)
            # Without an owner the record could no longer be changed by its editors.
            self.fields["owner"].required = True
            self.fields["owner"].empty_label = None
        self.fields["owner"].queryset = owners
        if not self.instance.pk and allowed and len(allowed) == 1:
            self.initial.setdefault("owner", next(iter(allowed)))
        if self.instance.pk:
            self.initial.setdefault(
                "headcounts",
                "\n".join(f"{h.count} {h.group}" for h in self.instance.headcounts.all()),
            )

    def clean_headcounts(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["headcounts"].splitlines(), start=1):
            if not line.strip():
                continue
            match = _HEADCOUNT.match(line)
            if not match or int(match[1]) < 1:
                raise ValidationError(
                    _("Line %(n)d: write a number of at least 1, then the group.") % {"n": number}
                )
            rows.append((int(match[1]), match[2]))
        return rows

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        data = dict(self.cleaned_data)
        for name in ("partnerships", "people", "organisations"):
            data[name] = list(data.get(name) or [])
        return data
