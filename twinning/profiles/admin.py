from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.profiles.models import PartnerProfile


@admin.register(PartnerProfile)
class PartnerProfileAdmin(SimpleHistoryAdmin):
    list_display = ["place", "seeking", "desired_size", "owner", "is_public"]
    list_filter = ["seeking", "is_public", "desired_size"]
    list_select_related = ["place", "owner"]
    search_fields = ["place__name", "summary"]
    raw_id_fields = ["place"]
    filter_horizontal = ["focus_sought", "focus_offered"]
