import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from twinning.core.backup import table_fingerprints
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import partnership_update
from twinning.partnerships.tests.factories import (
    make_agreement,
    make_organisation,
    make_partnership,
    make_place,
)

# Backup and restore work on committed data, outside a test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def _registry():
    org = make_organisation("Aarhus Kommune")
    partnership = make_partnership(
        make_place("Aarhus", "DK"), make_place("Harbin", "CN", "city"), owner=org
    )
    make_agreement(partnership, kind="founding", signed="2005-06-01")
    partnership_update(partnership=partnership, notes='Æble, 无锡, "quoted"\nsecond line')
    get_user_model().objects.create_user(username="coordinator", password="s3cret-pass")


def test_restore_into_an_empty_database_gives_back_every_row(tmp_path):
    _registry()
    before = table_fingerprints()
    assert before[Partnership._meta.db_table][0] == 1
    path = tmp_path / "twinning.backup"

    call_command("backup", str(path))
    assert path.stat().st_size > 0
    call_command("flush", interactive=False)
    emptied = table_fingerprints()
    assert emptied[Partnership._meta.db_table][0] == 0
    call_command("restore", str(path), yes=True)

    after = table_fingerprints()
    assert after.keys() == before.keys()
    differing = [table for table in before if before[table] != after[table]]
    assert differing == []
    assert Partnership.objects.get().history.count() == 2


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(tmp_path):
    _registry()
    before = table_fingerprints()
    path = tmp_path / "notes.txt"
    path.write_text("not a backup")

    with pytest.raises(CommandError):
        call_command("restore", str(path), yes=True)

    assert table_fingerprints() == before
