from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.attachments.models import Attachment


class AttachmentForm(forms.ModelForm):
    """Keep a file on a record; its type, size and text come from the file itself."""

    file = forms.FileField(label=_("File"))

    class Meta:
        model = Attachment
        fields = ["file", "title", "language", "date", "is_public"]
        help_texts = {"title": _("Left empty, the file's name is used.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False

    def _post_clean(self):
        # The service builds and checks the record; the form only reads the fields.
        pass
