"""Forms for registers and participants; saving goes through services.py."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import VersionedFormMixin
from twinning.participants.models import MINOR_AGE_GROUPS, AgeGroup, Participant, Register
from twinning.participants.selectors import register_town_choices
from twinning.places.models import Place


class RegisterForm(VersionedFormMixin, forms.ModelForm):
    """Change how a register is kept and whether the public may sign up."""

    class Meta:
        model = Register
        fields = [
            "towns",
            "total",
            "purpose",
            "signup_open",
            "signup_closes",
            "capacity",
            "is_public",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "signup_closes": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["towns"].queryset = register_town_choices(self.instance)
        self.fields["is_public"].help_text = _(
            "Shows the counts to visitors; names and contacts are never shown to them."
        )

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["towns"] = list(data.get("towns") or [])
        return data


class ParticipantForm(VersionedFormMixin, forms.ModelForm):
    """Enter or change one participant by hand."""

    class Meta:
        model = Participant
        fields = [
            "name",
            "town",
            "country",
            "age_group",
            "role",
            "email",
            "phone",
            "consent_on",
            "consent_purpose",
            "guardian_name",
            "guardian_consent_on",
        ]
        widgets = {
            "consent_on": forms.DateInput(attrs={"type": "date"}),
            "guardian_consent_on": forms.DateInput(attrs={"type": "date"}),
            "consent_purpose": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, register: Register, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.register = register
        self.fields["name"].required = True
        towns = register.towns.all()
        self.fields["town"].queryset = towns if towns else register_town_choices(register)

    def service_arguments(self) -> dict:
        return dict(self.cleaned_data)


class SignUpForm(forms.Form):
    """The public sign-up form of one register."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    town = forms.ModelChoiceField(label=_("Town"), queryset=Place.objects.none(), required=False)
    # No age group is chosen beforehand: a guess would decide whether a guardian is asked.
    age_group = forms.ChoiceField(
        label=_("Age group"), choices=[("", "---------"), *AgeGroup.choices]
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    guardian_name = forms.CharField(
        label=_("Parent or guardian (for participants under 18)"), max_length=200, required=False
    )
    guardian_consents = forms.BooleanField(
        label=_("As parent or guardian I consent to the participation and to this use of data."),
        required=False,
    )
    consents = forms.BooleanField(
        label=_("I consent to my data being used for the purpose stated above."), required=True
    )

    def __init__(self, *args, register: Register, **kwargs):
        super().__init__(*args, **kwargs)
        towns = register.towns.all()
        self.fields["town"].queryset = towns
        if towns:
            self.fields["town"].required = True
        else:
            del self.fields["town"]

    def clean(self):
        data = super().clean()
        if data.get("age_group") in MINOR_AGE_GROUPS:
            if not data.get("guardian_name"):
                self.add_error(
                    "guardian_name", _("Name the parent or guardian of a participant under 18.")
                )
            if not data.get("guardian_consents"):
                self.add_error(
                    "guardian_consents",
                    _("A participant under 18 needs the consent of a parent or guardian."),
                )
        if not data.get("email") and not data.get("phone"):
            self.add_error("email", _("Give an e-mail address or a telephone number."))
        return data

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("consents", None)
        return data
