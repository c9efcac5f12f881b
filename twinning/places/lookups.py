"""Places as the forms' pickers offer them; a new one can be made from a picker."""

from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import is_editor
from twinning.core.lookups import Lookup, register
from twinning.places import selectors, services
from twinning.places.forms import PlaceForm, place_label
from twinning.places.models import Place

register(
    Lookup(
        name="places",
        queryset=lambda user: Place.objects.select_related("parent").order_by(
            "name", "country", "pk"
        ),
        matches=lambda queryset, text, limit: selectors.place_matches(text=text, limit=limit),
        label=place_label,
        title=_("New place"),
        form=PlaceForm,
        form_fields=("name", "kind", "country"),
        create=services.place_create,
        may_create=is_editor,
    )
)
