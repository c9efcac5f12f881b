import pytest


@pytest.fixture(autouse=True)
def _english(settings):
    """Run every test in English unless it switches language itself."""
    settings.LANGUAGE_CODE = "en"
