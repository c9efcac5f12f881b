from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from twinning.projects.models import Project, ProjectParty, ProjectPhase


class PartyInline(admin.TabularInline):
    model = ProjectParty
    extra = 0
    raw_id_fields = ["organisation", "place"]


class PhaseInline(TranslationTabularInline):
    model = ProjectPhase
    extra = 0


@admin.register(Project)
class ProjectAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "status", "value_min", "value_max", "currency", "owner", "is_public"]
    list_filter = ["status", "is_public"]
    list_select_related = ["owner"]
    search_fields = ["title", "description"]
    raw_id_fields = ["partnerships"]
    inlines = [PartyInline, PhaseInline]
