from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import VersionedFormMixin
from twinning.core.lookups import MultiPicker, Picker, use_pickers
from twinning.places.models import Place


def place_label(place) -> str:
    """Return how a place is named in pickers: the country code tells apart namesakes."""
    return f"{place} ({place.country_code})" if place.country_code else str(place)


class PlaceChoiceField(forms.ModelChoiceField):
    """Pick a place; the country code tells apart places of one name."""

    def label_from_instance(self, obj):
        return place_label(obj)


class PlaceForm(VersionedFormMixin, forms.ModelForm):
    """Enter or change a place; the view saves it through the services."""

    class Meta:
        model = Place
        fields = [
            "name",
            "kind",
            "country",
            "parent",
            "members",
            "latitude",
            "longitude",
            "population",
            "geonames_id",
            "wikidata_id",
        ]
        help_texts = {"wikidata_id": _("For example Q25319.")}
        field_classes = {"parent": PlaceChoiceField}
        widgets = {"parent": Picker("places"), "members": MultiPicker("places")}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
        if self.instance.pk:
            for name in ("parent", "members"):
                self.fields[name].queryset = self.fields[name].queryset.exclude(pk=self.instance.pk)
