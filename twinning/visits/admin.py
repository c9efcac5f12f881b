from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from twinning.visits.models import Commitment, Gift, ProgrammeItem, Visit, VisitMember


class VisitMemberInline(TranslationTabularInline):
    model = VisitMember
    extra = 0
    raw_id_fields = ["organisation", "person"]


class ProgrammeItemInline(TranslationTabularInline):
    model = ProgrammeItem
    extra = 0
    raw_id_fields = ["site", "host_organisation"]
    fields = ["day", "start_time", "end_time", "topic", "site", "location", "interpreter"]


class GiftInline(admin.TabularInline):
    model = Gift
    extra = 0


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0
    raw_id_fields = ["responsible"]


@admin.register(Visit)
class VisitAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "direction", "status", "start_date", "end_date", "owner"]
    list_filter = ["direction", "status", "is_public", "interests"]
    list_select_related = ["owner"]
    search_fields = ["title", "visiting_party__name", "host__name"]
    raw_id_fields = ["visiting_party", "host", "host_organisation", "partnership", "owner"]
    filter_horizontal = ["interests"]
    date_hierarchy = "start_date"
    inlines = [VisitMemberInline, ProgrammeItemInline, GiftInline, CommitmentInline]


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "visit", "responsible", "due_date", "done_on"]
    list_select_related = ["visit", "responsible"]
    raw_id_fields = ["visit", "responsible"]
