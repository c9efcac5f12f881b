import re

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.core.search import kind_choices
from twinning.search.analysis import MAX_QUERY_CHARS
from twinning.search.selectors import MAX_LIMIT

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


class SearchForm(forms.Form):
    """The search box and its narrowing choices, shared by the page and the API."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        strip=True,
        widget=forms.SearchInput(
            attrs={
                "placeholder": _("Places, partnerships, people, documents…"),
                "autocomplete": "off",
            }
        ),
    )
    type = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=lambda: [("", _("every kind")), *kind_choices()],
    )
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1, max_value=9999)
    focus_area = forms.IntegerField(label=_("Focus area"), required=False, min_value=1)
    partnership = forms.IntegerField(label=_("Partnership"), required=False, min_value=1)
    limit = forms.IntegerField(
        label=_("Hits per kind"), required=False, min_value=1, max_value=MAX_LIMIT
    )

    def clean_q(self):
        # A pasted page of text is searched by its beginning rather than refused.
        return self.cleaned_data["q"][:MAX_QUERY_CHARS]

    def clean_country(self):
        code = self.cleaned_data["country"]
        if code and not _COUNTRY.match(code):
            raise forms.ValidationError(_("Give a two-letter country code such as DK."))
        return code.upper()
