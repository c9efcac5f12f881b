from django.contrib import admin

from twinning.focusareas.models import FocusArea


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_da", "parent"]
    search_fields = ["slug", "name_en", "name_da"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
