from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.reports.models import EvaluationReport


@admin.register(EvaluationReport)
class EvaluationReportAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "party", "from_year", "to_year", "language", "owner", "is_public"]
    list_filter = ["language", "is_public"]
    list_select_related = ["party", "partnership__party_a", "partnership__party_b", "owner"]
    raw_id_fields = ["party", "partnership", "author"]
    search_fields = ["title", "party__name", "summary"]
