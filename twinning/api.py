"""The JSON API: one NinjaAPI with a router per app."""

from ninja import NinjaAPI
from ninja.security import django_auth

from twinning.partnerships.api import router as partnerships_router
from twinning.places.api import router as places_router

api = NinjaAPI(
    title="twinning API",
    version="1",
    description="Partnerships of municipalities and regions: places, partnerships, agreements.",
    urls_namespace="api",
)
api.add_router("/partnerships", partnerships_router)
api.add_router("/places", places_router)

__all__ = ["api", "django_auth"]
