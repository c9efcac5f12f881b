"""People as the forms' pickers offer them; a new one can be made from a picker."""

from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import is_editor, visible_to
from twinning.core.lookups import Lookup, register
from twinning.people import services
from twinning.people.forms import PersonForm
from twinning.people.models import Person

register(
    Lookup(
        name="people",
        queryset=lambda user: visible_to(Person.objects.order_by("name", "pk"), user),
        title=_("New person"),
        form=PersonForm,
        form_fields=("name", "email", "owner", "is_public"),
        create=services.person_create,
        may_create=is_editor,
    )
)
