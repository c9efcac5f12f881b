from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "twinning.search"
    verbose_name = _("Search")

    def ready(self):
        from twinning.core import search
        from twinning.search import services
        from twinning.search.models import SearchKind

        unknown = [i.kind for i in search.installed_indexers() if i.kind not in SearchKind.values]
        if unknown:
            raise ImproperlyConfigured(
                f"Search kinds {', '.join(unknown)} are registered but not in SearchKind."
            )
        search.connect_writer(
            update=services.search_entry_update,
            delete=services.search_entry_delete,
            index=services.search_entries_index,
        )
