import pytest


@pytest.mark.django_db
def test_openapi_document_lists_the_read_endpoints(client):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "twinning API"
    assert {
        "/api/partnerships",
        "/api/partnerships/{pk}",
        "/api/places",
        "/api/places/{pk}",
    } <= set(document["paths"])


@pytest.mark.django_db
def test_openapi_describes_every_query_parameter_and_schema_field(client):
    document = client.get("/api/openapi.json").json()

    for path in ("/api/partnerships", "/api/places"):
        operation = document["paths"][path]["get"]
        assert operation["summary"] and operation["description"]
        for parameter in operation["parameters"]:
            if parameter["name"] not in {"limit", "offset"}:
                assert parameter.get("description"), (path, parameter["name"])
    for name, schema in document["components"]["schemas"].items():
        if name.startswith("Paged"):
            continue
        for field, spec in schema.get("properties", {}).items():
            assert spec.get("description"), (name, field)


@pytest.mark.django_db
def test_interactive_docs_are_served(client):
    response = client.get("/api/docs")

    assert response.status_code == 200
    assert b"openapi.json" in response.content
