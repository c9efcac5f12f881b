from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import VersionedFormMixin
from twinning.places.models import Place


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Places are many; a select of all of them loads once, ordered, without N+1.
        places = Place.objects.select_related("parent").order_by("name")
        if self.instance.pk:
            places = places.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = places
        self.fields["members"].queryset = places
