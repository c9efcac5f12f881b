from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.ingestion.models import IngestionFile, IngestionJob, Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "source", "kind", "status", "reviewer", "reviewed_at"]
    list_filter = ["kind", "status"]
    search_fields = ["quote", "source__title"]
    raw_id_fields = ["source", "reviewer"]
    readonly_fields = ["content_type", "object_id", "extracted"]


class IngestionFileInline(admin.TabularInline):
    model = IngestionFile
    extra = 0
    fields = ["file_name", "size", "source", "error"]
    readonly_fields = fields
    can_delete = False


@admin.register(IngestionJob)
class IngestionJobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "status", "file_count", "processed_count"]
    list_filter = ["status"]
    raw_id_fields = ["user", "owner"]
    inlines = [IngestionFileInline]
