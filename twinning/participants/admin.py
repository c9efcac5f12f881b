from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.participants.models import Participant, Register


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["town"]


@admin.register(Register)
class RegisterAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "signup_open", "signup_closes", "capacity", "owner", "is_public"]
    list_filter = ["signup_open", "is_public"]
    list_select_related = ["visit", "activity", "owner"]
    raw_id_fields = ["visit", "activity", "towns"]
    inlines = [ParticipantInline]
