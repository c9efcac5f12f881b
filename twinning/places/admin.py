from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.places.models import Place, PlaceName


class PlaceNameInline(admin.TabularInline):
    model = PlaceName
    extra = 1


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "parent", "population"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "search_key", "names__name", "wikidata_id"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    filter_horizontal = ["members"]
    inlines = [PlaceNameInline]
