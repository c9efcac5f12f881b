from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.core.changes import ChangeAction
from twinning.notifications.models import WebhookEndpoint, WebhookKind
from twinning.organisations.models import Organisation


class WebhookForm(forms.ModelForm):
    """Register an address to be told of changes of an organisation's records."""

    kinds = forms.MultipleChoiceField(
        label=_("Kinds of record"), choices=WebhookKind.choices, widget=forms.CheckboxSelectMultiple
    )
    actions = forms.MultipleChoiceField(
        label=_("Changes"),
        choices=ChangeAction.choices,
        initial=ChangeAction.values,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["owner", "url", "kinds", "actions"]
        help_texts = {"url": _("The address that receives a signed POST for each change.")}

    def __init__(self, *args, organisation_ids: set[int] | None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.order_by("name")
        if organisation_ids is not None:
            organisations = organisations.filter(pk__in=organisation_ids)
        self.fields["owner"].queryset = organisations
        self.fields["owner"].empty_label = None

    def _post_clean(self):
        # The service builds and checks the endpoint.
        pass
