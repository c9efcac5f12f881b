"""ASGI entry point for uvicorn and other servers."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
application = get_asgi_application()
