from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.people.models import Person, Post


class PostInline(admin.TabularInline):
    model = Post
    extra = 1
    autocomplete_fields = ["organisation", "place"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "email", "owner", "is_public"]
    list_filter = ["is_public"]
    search_fields = ["name", "email"]
    list_select_related = ["owner"]
    autocomplete_fields = ["owner"]
    inlines = [PostInline]


@admin.register(Post)
class PostAdmin(SimpleHistoryAdmin):
    list_display = ["person", "role", "organisation", "place", "start", "end"]
    search_fields = ["person__name", "role", "organisation__name"]
    list_select_related = ["person", "organisation", "place__parent"]
    autocomplete_fields = ["person", "organisation", "place"]
