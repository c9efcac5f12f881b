from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.attachments.models import Attachment


@admin.register(Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "record_kind", "record_id", "media_type", "size", "is_public"]
    list_filter = ["record_kind", "media_type", "is_public"]
    search_fields = ["title", "file_name"]
    readonly_fields = ["file", "file_name", "media_type", "size", "sha256", "thumbnail", "text"]
    raw_id_fields = ["owner", "uploaded_by"]
