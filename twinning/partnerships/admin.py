from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from twinning.partnerships.models import Agreement, Partnership, PartnershipPerson


class AgreementInline(TranslationStackedInline):
    model = Agreement
    fk_name = "partnership"
    extra = 0
    autocomplete_fields = ["signatories"]
    raw_id_fields = ["renews", "document"]
    fields = [
        ("kind", "title"),
        ("signed", "place_of_signing"),
        "signatories",
        ("term_months", "expires", "notice_months"),
        ("renews", "document"),
        "notes",
    ]


class PartnershipPersonInline(admin.TabularInline):
    model = PartnershipPerson
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "status", "since", "until", "owner", "is_public"]
    list_filter = ["status", "kind", "is_public", "focus_areas"]
    list_select_related = ["party_a__parent", "party_b__parent", "owner"]
    search_fields = ["party_a__name", "party_b__name", "notes"]
    raw_id_fields = ["party_a", "party_b"]
    filter_horizontal = ["focus_areas"]
    inlines = [AgreementInline, PartnershipPersonInline]
    fieldsets = [
        (None, {"fields": [("party_a", "party_b"), ("kind", "status")]}),
        (None, {"fields": [("since", "until"), "termination_reason", "focus_areas", "notes"]}),
        (None, {"fields": [("owner", "is_public")]}),
    ]


@admin.register(Agreement)
class AgreementAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "partnership", "kind", "signed", "expires"]
    list_filter = ["kind"]
    list_select_related = ["partnership__party_a__parent", "partnership__party_b__parent"]
    search_fields = ["title", "partnership__party_a__name", "partnership__party_b__name"]
    raw_id_fields = ["partnership", "renews", "document"]
    autocomplete_fields = ["signatories"]
