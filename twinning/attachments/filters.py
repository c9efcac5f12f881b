import django_filters

from twinning.attachments.models import Attachment, RecordKind


class AttachmentFilter(django_filters.FilterSet):
    """Filter files by the record they are kept on, their language and visibility."""

    record_kind = django_filters.ChoiceFilter(choices=RecordKind.choices)
    record_id = django_filters.NumberFilter(min_value=1)
    language = django_filters.CharFilter()
    is_public = django_filters.BooleanFilter()

    class Meta:
        model = Attachment
        fields = ["record_kind", "record_id", "language", "is_public"]
