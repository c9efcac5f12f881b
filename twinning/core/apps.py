from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "twinning.core"
    verbose_name = _("Core")

    def ready(self):
        # Each app registers its searchable records in its own search.py.
        autodiscover_modules("search")
        # ... and the records its forms' pickers offer in its own lookups.py.
        autodiscover_modules("lookups")
