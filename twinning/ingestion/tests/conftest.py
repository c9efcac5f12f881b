import shutil
from pathlib import Path

import pytest

from twinning.organisations.tests.factories import make_organisation, make_user

EXAMPLES = Path(__file__).parent / "examples"


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Run background tasks synchronously, inside the request that queues them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def examples(tmp_path) -> Path:
    """Return a private copy of the example documents that a test may add files to."""
    folder = tmp_path / "docs"
    shutil.copytree(EXAMPLES, folder)
    return folder


@pytest.fixture
def org():
    return make_organisation("Sønderborg Kommune")


@pytest.fixture
def editor(org):
    return make_user("editor", editor_of=org)


@pytest.fixture
def viewer(org):
    return make_user("viewer", viewer_of=org)
