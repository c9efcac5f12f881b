"""Pickers of focus areas, in the reader's language and alphabet."""

from django.forms.models import ModelChoiceIterator
from django.utils.translation import get_language

from twinning.core.text import collation_key


class ReadingOrderIterator(ModelChoiceIterator):
    """Offer the choices sorted by their label in the active language's alphabet."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        language = get_language()
        objects = sorted(
            self.queryset,
            key=lambda obj: collation_key(str(self.field.label_from_instance(obj)), language),
        )
        for obj in objects:
            yield self.choice(obj)


def in_reading_order(field):
    """Make a model choice field list its focus areas in the reader's alphabet."""
    field.iterator = ReadingOrderIterator
    return field
