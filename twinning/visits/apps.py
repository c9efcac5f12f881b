from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "twinning.visits"
    verbose_name = _("Delegation visits")
