from django import forms

from twinning.accounts.selectors import visible_to
from twinning.core.forms import VersionedFormMixin
from twinning.organisations.forms import limit_owner_choices
from twinning.organisations.models import Organisation
from twinning.people.models import Person, Post
from twinning.places.models import Place


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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = visible_to(
            Organisation.objects.order_by("name"), user
        )
        self.fields["place"].queryset = Place.objects.select_related("parent").order_by("name")
