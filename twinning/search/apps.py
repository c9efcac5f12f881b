from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "twinning.search"
    verbose_name = _("Search")

    def ready(self):
        from twinning.core import search
        from twinning.search import services

        search.connect_writer(
            update=services.search_entry_update,
            delete=services.search_entry_delete,
            index=services.search_entries_index,
        )
