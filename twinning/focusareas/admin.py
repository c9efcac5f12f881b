from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from twinning.focusareas.models import FocusArea


@admin.register(FocusArea)
class FocusAreaAdmin(TranslationAdmin):
    list_display = ["slug", "name_en", "name_da", "parent"]
    search_fields = ["slug", "name_en", "name_da"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
