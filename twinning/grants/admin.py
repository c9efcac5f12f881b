from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.grants.models import Grant, GrantTown


class TownInline(admin.TabularInline):
    model = GrantTown
    extra = 0
    raw_id_fields = ["place"]


@admin.register(Grant)
class GrantAdmin(SimpleHistoryAdmin):
    list_display = ["title", "call", "reference", "status", "start", "end", "owner", "is_public"]
    list_filter = ["call", "status", "is_public"]
    list_select_related = ["owner"]
    search_fields = ["title", "reference"]
    raw_id_fields = ["partnership", "visits", "activities"]
    inlines = [TownInline]
