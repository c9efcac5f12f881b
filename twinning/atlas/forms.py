"""Forms of the atlas pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries


class CountryCodeField(forms.CharField):
    """An ISO 3166 country code, accepted in either case and picked from a list."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Select(choices=[("", "—"), *countries]))
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(value).strip().upper()

    def validate(self, value):
        super().validate(value)
        if value and value not in countries:
            raise ValidationError(
                _("%(code)s is not an ISO 3166 country code."), params={"code": value}
            )


class NationalForm(forms.Form):
    """Choose the two countries of a national overview."""

    country = CountryCodeField(
        label=_("Country"), help_text=_("The places whose partnerships are listed.")
    )
    partner = CountryCodeField(
        label=_("Partner country"), help_text=_("The country of their partners.")
    )
