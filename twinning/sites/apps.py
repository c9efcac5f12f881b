from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "twinning.sites"
    verbose_name = _("Showcase sites")
