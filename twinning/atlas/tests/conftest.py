import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start every test without answers kept by an earlier one."""
    cache.clear()
    yield
    cache.clear()
