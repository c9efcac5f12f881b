"""Demo data that does not fit the registry, checked on an empty database."""

import pytest

from twinning.activities.models import Activity
from twinning.demo.operations import DemoDataError, operations_load

pytestmark = pytest.mark.django_db


def test_unknown_name_is_reported_with_its_file_and_nothing_is_written():
    with pytest.raises(DemoDataError, match="activities.json: no place named “Bycirklen”"):
        operations_load()
    assert not Activity.objects.exists()
