"""Every page and API operation, as every role of organisation A, against B's records.

The pages come from the URL conf and the operations from the OpenAPI schema, so a new
one is tried the day it is added. See ``matrix_data`` for how ids and the secret word are
laid out. A finding is collected, not asserted at once, so that one run lists them all.
"""

from __future__ import annotations

import json
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from twinning.accounts.models import Role
from twinning.accounts.tests.matrix_data import (
    B_USER,
    INTERNAL,
    MISSING,
    OWN,
    PRIVATE,
    PUBLIC,
    ROLES,
    SECRET,
    matrix_build,
)
from twinning.api import api

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("permission_matrix")]

# Values for URL parts that are not record ids.
WORDS = {"fmt": "pdf"}
# Pages that take no record and belong to signing in.
SKIP_PAGES = ("i18n/", "api/", "accounts/")
# Shared reference data, which any editor may change (``accounts.selectors.can_edit``).
SHARED = ("places", "focusareas", "institutions_network")
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
PARAMETER = re.compile(r"\{(\w+)\}")
SAFE = ("GET", "HEAD", "OPTIONS")
# Rendered files: their text is compressed, so only whether B's private record is found
# (not what a public one shows) is told, and making them costs seconds.
FILES = (".pdf", ".docx")


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield matrix_build()
        transaction.set_rollback(True)


def page_routes() -> list[str]:
    """Return every page's route (as the URL conf spells it) outside the API and admin."""

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield route

    admin = settings.TWINNING_ADMIN_PATH
    return sorted(
        {
            route
            for route in walk(get_resolver().url_patterns, "")
            if not route.startswith(SKIP_PAGES) and not route.startswith(admin)
        }
    )


def page_url(route: str, pk: int) -> str:
    def fill(match):
        kind, name = match.groups()
        if kind in (None, "int", "path") and name not in WORDS:
            return str(pk)
        # A word part no record id fills (a kind, a key): a value that names nothing.
        return WORDS.get(name, "x")

    return "/" + CONVERTER.sub(fill, route)


def operations() -> list[tuple[str, str, dict]]:
    schema = api.get_openapi_schema()
    return [
        (method.upper(), path, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]


def fingerprint() -> tuple:
    """Return the row count and version sum of every table of the registry, in one query."""
    parts = []
    for model in apps.get_models(include_auto_created=True):
        if not model.__module__.startswith("twinning") and not model._meta.auto_created:
            continue
        table = model._meta.db_table
        if table.startswith(SHARED):
            continue
        # Using a token stamps it; reading a notification marks it; asking for a public
        # report's PDF makes the file: none of these changes a record.
        if model._meta.label in (
            "accounts.ApiToken",
            "notifications.Notification",
            "reports.ReportFile",
        ):
            continue
        has_version = any(f.name == "version" for f in model._meta.concrete_fields)
        version = "SUM(version)" if has_version else "0"
        parts.append(f"SELECT '{table}', COUNT(*), COALESCE({version}, 0) FROM \"{table}\"")
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        return tuple(sorted(cursor.fetchall()))


class Findings(list):
    def add(self, role, request, problem):
        self.append(f"{role} {request}: {problem}")


def clients(matrix, *, api_calls: bool) -> dict[str, Client]:
    result = {}
    for role in ROLES:
        user = matrix.users[role]
        if api_calls and user is not None:
            client = Client(HTTP_AUTHORIZATION=f"Bearer {matrix.tokens[role]}")
        else:
            client = Client()
            if user is not None:
                client.force_login(user)
        result[role] = client
    return result


def send(client: Client, method: str, url: str, body=None, *, api_call: bool):
    if method == "GET":
        return client.get(url)
    if api_call:
        data = json.dumps(body if body is not None else {})
        return client.generic(method, url, data, content_type="application/json")
    return client.post(url, body or {})


def same_id_answer(private, missing) -> bool:
    """Tell whether an answer about PRIVATE reads exactly like one about MISSING."""
    if private.status_code != missing.status_code:
        return False
    if private.request["REQUEST_METHOD"] not in SAFE and private.status_code < 300:
        # Both written: the value named no record. Ids of what was made may differ, since
        # PostgreSQL does not take back the numbers of a rolled-back insert.
        return True
    location = private.headers.get("Location", "").replace(str(PRIVATE), str(MISSING))
    if location != missing.headers.get("Location", ""):
        return False
    if private.headers.get("Content-Type", "").startswith("application/json"):
        return private.content.replace(str(PRIVATE).encode(), str(MISSING).encode()) == (
            missing.content
        )
    return True


def leak(response) -> str:
    """Return what surrounds the secret word in the response, or nothing."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    at = content.lower().find(SECRET.encode())
    if at < 0:
        return ""
    return content[max(0, at - 80) : at + 20].decode(errors="replace").replace("\n", " ")


def try_target(findings, role, client, method, url_of, *, api_call, body=None):
    """Try one operation on B's public, B's private and a missing record."""
    answers = {}
    if url_of(PUBLIC) == url_of(PRIVATE):
        # Nothing to choose: a list, which may show nothing of B's private records.
        response = send(client, method, url_of(PUBLIC), body, api_call=api_call)
        if shown := leak(response):
            findings.add(role, f"{method} {url_of(PUBLIC)}", f"shows B's private {shown!r}")
        return
    rendered = url_of(PUBLIC).endswith(FILES)
    for pk in (PRIVATE, MISSING) if rendered else (PUBLIC, PRIVATE, MISSING):
        url = url_of(pk)
        before = fingerprint() if method not in SAFE else None
        with transaction.atomic():
            response = send(client, method, url, body, api_call=api_call)
            if before is not None and fingerprint() != before:
                findings.add(role, f"{method} {url}", "changed organisation B's records")
            transaction.set_rollback(True)
        if shown := leak(response):
            findings.add(role, f"{method} {url}", f"shows B's private {shown!r}")
        answers[pk] = response
    if not same_id_answer(answers[PRIVATE], answers[MISSING]):
        findings.add(
            role,
            f"{method} {url_of(PRIVATE)}",
            f"answers {answers[PRIVATE].status_code}, a missing id {answers[MISSING].status_code}",
        )
    shared = url_of(PUBLIC).startswith(("/api/places", "/api/networks", "/api/focus-areas"))
    if api_call and method not in SAFE and answers[PUBLIC].status_code < 300 and not shared:
        status = answers[PUBLIC].status_code
        findings.add(role, f"{method} {url_of(PUBLIC)}", f"accepted ({status})")


def report(findings):
    assert not findings, f"{len(findings)} findings:\n" + "\n".join(findings)


def test_pages_show_nothing_of_b_and_change_nothing_of_b(matrix):
    findings = Findings()
    routes = page_routes()
    assert any("<int:" in route for route in routes)
    for role, client in clients(matrix, api_calls=False).items():
        for route in routes:
            methods = ["GET"] if "<" not in route or route.endswith(FILES) else ["GET", "POST"]
            for method in methods:
                try_target(
                    findings,
                    role,
                    client,
                    method,
                    lambda pk, route=route: page_url(route, pk),
                    api_call=False,
                )
    report(findings)


def test_api_operations_show_nothing_of_b_and_change_nothing_of_b(matrix):
    findings = Findings()
    ops = operations()
    assert len(ops) > 100
    for role, client in clients(matrix, api_calls=True).items():
        for method, path, _operation in ops:
            if method not in SAFE and "{" not in path:
                continue  # creates: tried with references in their bodies
            try_target(
                findings,
                role,
                client,
                method,
                lambda pk, path=path: PARAMETER.sub(str(pk), path),
                api_call=True,
            )
    report(findings)


def resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    if "allOf" in node and len(node["allOf"]) == 1:
        return resolve(schema, node["allOf"][0])
    return node


def choices(schema: dict, node: dict) -> list[dict]:
    """Return the forms a value may take, without null."""
    node = resolve(schema, node)
    options = node.get("anyOf") or node.get("oneOf") or [node]
    return [resolve(schema, option) for option in options if option.get("type") != "null"]


def example(schema: dict, node: dict):
    """Return a plain valid value for a body field, ids pointing at A's own records."""
    node = choices(schema, node)[0]
    if "enum" in node:
        return node["enum"][0]
    kind, form = node.get("type"), node.get("format")
    if kind == "integer":
        return OWN
    if kind == "number":
        return 1
    if kind == "boolean":
        return False
    if kind == "array":
        return []
    if kind == "object":
        properties = node.get("properties", {})
        return {name: example(schema, properties[name]) for name in node.get("required", [])}
    return {"date": "2024-05-02", "partial-date": "2024", "time": "10:00"}.get(form, "x")


def id_fields(schema: dict, body: dict) -> dict[str, bool]:
    """Return the body's fields that take record ids, and whether each takes a list."""
    fields = {}
    for name, node in resolve(schema, body).get("properties", {}).items():
        for option in choices(schema, node):
            if option.get("type") == "integer":
                fields[name] = False
            elif option.get("type") == "array" and option.get("items", {}).get("type") == (
                "integer"
            ):
                fields[name] = True
    return fields


def test_ids_in_api_bodies_read_b_private_records_as_missing(matrix):
    """Every id a write takes names B's private record as if it did not exist."""
    findings = Findings()
    schema = api.get_openapi_schema()
    tried = 0
    for role in (Role.EDITOR, Role.ADMIN):
        client = Client(HTTP_AUTHORIZATION=f"Bearer {matrix.tokens[role]}")
        for method, path, operation in operations():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if method in SAFE or body is None:
                continue
            url = PARAMETER.sub(str(OWN), path)
            node = resolve(schema, body["schema"])
            base = {
                name: example(schema, node["properties"][name]) for name in node.get("required", [])
            }
            for name, many in id_fields(schema, body["schema"]).items():
                answers = {}
                for pk in (PRIVATE, MISSING, PUBLIC):
                    data = {**base, name: [pk] if many else pk}
                    with transaction.atomic():
                        response = send(client, method, url, data, api_call=True)
                        transaction.set_rollback(True)
                    if shown := leak(response):
                        findings.add(role, f"{method} {url} {name}", f"shows {shown!r}")
                    answers[pk] = response
                tried += 1
                if not same_id_answer(answers[PRIVATE], answers[MISSING]):
                    findings.add(
                        role,
                        f"{method} {url} {{{name!r}: {PRIVATE}}}",
                        f"answers {answers[PRIVATE].status_code} "
                        f"{answers[PRIVATE].content[:160]!r}, a missing id "
                        f"{answers[MISSING].status_code} {answers[MISSING].content[:160]!r}",
                    )
                if name == "owner" and answers[PUBLIC].status_code < 300:
                    findings.add(role, f"{method} {url}", "files a record under organisation B")
    assert tried > 50
    report(findings)


def test_anonymous_visitors_see_no_internal_details_of_public_records(matrix):
    """Delegation members, notes, visit reports, e-mail addresses and who changed what."""
    findings = Findings()
    words = {INTERNAL: "internal details", "@example.org": "an e-mail address"}
    words[B_USER] = "a user's name"
    client = Client()
    urls = [page_url(route, PUBLIC) for route in page_routes() if not route.endswith(FILES)]
    urls += [
        PARAMETER.sub(str(PUBLIC), path) for method, path, _op in operations() if method == "GET"
    ]
    for url in urls:
        response = client.get(url)
        content = response.content.decode(errors="replace").lower()
        for word, what in words.items():
            if word in content:
                at = content.find(word)
                findings.add(
                    "anonymous", f"GET {url}", f"shows {what}: {content[at - 60 : at + 20]!r}"
                )
    report(findings)
