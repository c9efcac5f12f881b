from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.organisations.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "place", "owner", "is_public"]
    list_filter = ["kind", "is_public"]
    search_fields = ["name"]
    list_select_related = ["place", "owner"]
    autocomplete_fields = ["place", "parent", "owner"]
