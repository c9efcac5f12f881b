"""Adding to a record's notes at the same moment as someone else keeps both additions."""

import json
import sqlite3
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from twinning.accounts.models import Role
from twinning.accounts.services import api_token_create, membership_set, user_create
from twinning.core.services import model_append
from twinning.organisations.models import OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import partnership_create
from twinning.places.services import place_create

ROUNDS = 10


@pytest.fixture
def partnership():
    office = organisation_create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    return partnership_create(
        party_a=place_create(name="Aarhus", kind="municipality", country="DK"),
        party_b=place_create(name="Bergen", kind="municipality", country="NO"),
        kind="sister_city",
        owner=office,
        notes="First meeting in 2019.",
    )


def test_append_adds_a_paragraph_and_raises_the_version(db, partnership):
    model_append(instance=partnership, field="notes", text="Choir visit agreed.")

    stored = Partnership.objects.get()
    assert stored.notes == "First meeting in 2019.\n\nChoir visit agreed."
    assert stored.version == partnership.version == 2
    assert stored.history.count() == 2


def test_append_checks_the_text_like_any_change(db, partnership):
    with pytest.raises(Exception, match="notes"):
        model_append(instance=partnership, field="notes", text="bad\x00byte")

    assert Partnership.objects.get().notes == "First meeting in 2019."


@pytest.fixture
def shared_database(tmp_path):
    """Let threads write as separate connections to one database, as web workers do.

    The tests' SQLite database lives in memory, where a second connection finds a table
    locked instead of waiting; the threads get a copy in a file (WAL, busy timeout, as in
    use) instead. Read the outcome in a thread too (``in_thread``), which sees that file.
    """
    settings = connections.settings["default"]
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    path = str(tmp_path / "shared.sqlite3")
    with sqlite3.connect(path) as target:
        connection.ensure_connection()
        connection.connection.backup(target)
    memory = settings["NAME"]
    # New connections (one per thread) open the file; this thread's stays in memory.
    settings["NAME"] = path
    try:
        yield
    finally:
        settings["NAME"] = memory


def in_thread(read):
    """Return what ``read`` returns when run on a connection of its own."""
    result = []

    def run():
        try:
            result.append(read())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0]


@pytest.mark.django_db(transaction=True)
def test_two_editors_appending_at_once_lose_nothing(partnership, shared_database):
    """Two threads, each on its own connection, add ROUNDS notes each at the same moments."""
    start = threading.Barrier(2)
    errors = []

    def editor(name):
        try:
            for number in range(ROUNDS):
                start.wait(timeout=30)
                model_append(
                    instance=Partnership.objects.get(pk=partnership.pk),
                    field="notes",
                    text=f"{name} {number}",
                )
        except Exception as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=editor, args=(name,)) for name in ("Anna", "Bo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    stored = in_thread(Partnership.objects.get)
    paragraphs = stored.notes.split("\n\n")
    assert sorted(paragraphs[1:]) == sorted(
        f"{name} {number}" for name in ("Anna", "Bo") for number in range(ROUNDS)
    )
    assert stored.version == 1 + 2 * ROUNDS


def test_the_api_appends_for_editors_only(db, partnership):
    editor = user_create(username="editor", password=None)
    membership_set(user=editor, organisation=partnership.owner, role=Role.EDITOR)
    viewer = user_create(username="viewer", password=None)
    membership_set(user=viewer, organisation=partnership.owner, role=Role.VIEWER)
    url = f"/api/partnerships/{partnership.pk}/notes"

    def post(user, body):
        _token, key = api_token_create(user=user, name="script")
        return Client().post(
            url,
            json.dumps(body),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )

    assert post(viewer, {"text": "Mine."}).status_code == 403
    assert post(editor, {"text": ""}).status_code == 422
    response = post(editor, {"text": "Choir visit agreed."})

    assert response.status_code == 200
    assert response.json()["notes"].endswith("\n\nChoir visit agreed.")
    assert response["ETag"] == '"v2"'
