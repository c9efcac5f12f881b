import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path_factory):
    """Run every test in English, with static files served without a manifest."""
    settings.LANGUAGE_CODE = "en"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
