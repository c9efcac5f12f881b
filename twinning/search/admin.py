from django.contrib import admin

from twinning.search.models import SearchEntry


@admin.register(SearchEntry)
class SearchEntryAdmin(admin.ModelAdmin):
    """Entries are derived from the registry: shown for checking, changed only by reindexing."""

    list_display = ["title", "kind", "countries", "year", "is_public", "updated_at"]
    list_filter = ["kind", "is_public"]
    search_fields = ["title"]
    readonly_fields = [field.name for field in SearchEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
