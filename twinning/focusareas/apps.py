from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FocusareasConfig(AppConfig):
    name = "twinning.focusareas"
    verbose_name = _("Focus areas")
