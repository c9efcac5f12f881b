from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from twinning.activities.models import Activity, ActivityHeadcount


class HeadcountInline(admin.TabularInline):
    model = ActivityHeadcount
    extra = 0


@admin.register(Activity)
class ActivityAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "start", "end", "area", "kind", "owner", "is_public"]
    list_filter = ["area", "kind", "is_public"]
    list_select_related = ["owner"]
    search_fields = ["title", "description"]
    raw_id_fields = ["place", "partnerships", "people", "organisations"]
    inlines = [HeadcountInline]
