from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.sources.models import Evidence, Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "language", "published", "publisher", "owner", "is_public"]
    list_filter = ["kind", "language", "is_public"]
    search_fields = ["title", "url", "file_name", "content_hash"]
    list_select_related = ["publisher", "owner"]
    autocomplete_fields = ["publisher", "owner"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["source", "content_type", "object_id", "quote", "start", "end"]
    list_filter = ["content_type"]
    search_fields = ["quote", "source__title"]
    list_select_related = ["source", "content_type"]
    autocomplete_fields = ["source"]
