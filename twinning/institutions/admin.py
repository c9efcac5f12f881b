from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.institutions.models import (
    Exchange,
    InstitutionPair,
    Network,
    NetworkMeeting,
    NetworkMembership,
)


class ExchangeInline(admin.TabularInline):
    model = Exchange
    extra = 0


@admin.register(InstitutionPair)
class InstitutionPairAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "partnership", "kind", "status", "since"]
    list_filter = ["kind", "status"]
    list_select_related = [
        "institution_a",
        "institution_b",
        "partnership__party_a",
        "partnership__party_b",
    ]
    search_fields = ["institution_a__name", "institution_b__name"]
    raw_id_fields = ["partnership", "institution_a", "institution_b"]
    inlines = [ExchangeInline]


class MembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    raw_id_fields = ["organisation", "place"]


class MeetingInline(admin.TabularInline):
    model = NetworkMeeting
    extra = 0
    raw_id_fields = ["place"]


@admin.register(Network)
class NetworkAdmin(SimpleHistoryAdmin):
    list_display = ["name", "scope", "country"]
    list_filter = ["scope"]
    search_fields = ["name"]
    raw_id_fields = ["organisation"]
    inlines = [MembershipInline, MeetingInline]
