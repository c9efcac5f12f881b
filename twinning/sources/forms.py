from django import forms

from twinning.accounts.selectors import visible_to
from twinning.core.forms import VersionedFormMixin
from twinning.organisations.forms import limit_owner_choices
from twinning.organisations.models import Organisation
from twinning.sources.models import Source


class SourceForm(VersionedFormMixin, forms.ModelForm):
    """Enter or change a source; the view saves it through the services."""

    class Meta:
        model = Source
        fields = [
            "title",
            "kind",
            "url",
            "language",
            "published",
            "publisher",
            "text",
            "owner",
            "is_public",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publisher"].queryset = visible_to(Organisation.objects.order_by("name"), user)
        limit_owner_choices(self, user)
