from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from twinning.sites.models import ShowcaseSite


@admin.register(ShowcaseSite)
class ShowcaseSiteAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "organisation", "place", "capacity", "owner", "is_public"]
    list_filter = ["is_public", "focus_areas"]
    list_select_related = ["organisation", "place", "owner"]
    search_fields = ["name", "organisation__name", "address"]
    raw_id_fields = ["organisation", "place", "owner"]
    filter_horizontal = ["focus_areas"]
