from django import forms

from twinning.core.forms import VersionedFormMixin
from twinning.core.lookups import Picker, use_pickers
from twinning.organisations.forms import limit_owner_choices
from twinning.people.models import Person, Post
from twinning.places.forms import PlaceChoiceField


class PersonForm(VersionedFormMixin, forms.ModelForm):
    """Enter or change a person; the view saves it through the services."""

    class Meta:
        model = Person
        fields = ["name", "email", "phone", "notes", "owner", "is_public"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        limit_owner_choices(self, user)


class PostForm(VersionedFormMixin, forms.ModelForm):
    """Enter or change a post a person holds."""

    class Meta:
        model = Post
        fields = ["role", "organisation", "place", "start", "end"]
        field_classes = {"place": PlaceChoiceField}
        widgets = {
            "organisation": Picker("organisations", creatable=True),
            "place": Picker("places", creatable=True),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
