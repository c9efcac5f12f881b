"""Fixtures shared by every app's tests, including a real browser for end-to-end tests."""

import os
import shutil

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings
from playwright.sync_api import sync_playwright


def pytest_collection_modifyitems(items):
    """Keep the tests of a module that share the loaded demo on one xdist worker."""
    for item in items:
        if "demo_registry" in item.fixturenames:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Hash test passwords with a cheap hasher: the real one is slow on purpose."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path_factory):
    """Run every test in English, with static files served without a manifest."""
    settings.LANGUAGE_CODE = "en"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Each test starts from an empty database, whose ids and so data stamps repeat from
    # test to test; cached fragments of an earlier test must not answer for it.
    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="module")
def demo_registry(django_db_setup, django_db_blocker):
    """Load the demo registry once for the tests of one module, and return its report.

    The load stays in a transaction that is rolled back after the module's last test, so
    other modules still start from an empty database, and each test's own changes roll
    back to the loaded demo. Tests that use it take the plain ``django_db`` mark; a test
    module either uses it in every test that touches the database or not at all.
    """
    from twinning.demo.services import demo_load

    with django_db_blocker.unblock(), transaction.atomic():
        report = demo_load()
        yield report
        transaction.set_rollback(True)


# Playwright's sync API keeps an event loop in the test thread; the ORM calls the tests
# make between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("TWINNING_CHROMIUM") or shutil.which("chromium")
    assert executable, "Chromium is needed for browser tests; `make test` installs it."
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
