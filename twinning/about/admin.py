from django.contrib import admin

from twinning.about.models import AboutPage, SiteIdentity
from twinning.about.services import site_identity_save


@admin.register(SiteIdentity)
class SiteIdentityAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "phone"]

    def save_model(self, request, obj, form, change):
        site_identity_save(identity=obj)

    def has_add_permission(self, request):
        # One identity for the site.
        return not SiteIdentity.objects.exists() and super().has_add_permission(request)


@admin.register(AboutPage)
class AboutPageAdmin(admin.ModelAdmin):
    list_display = ["kind", "updated_at"]
