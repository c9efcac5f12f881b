import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.services import partnership_create
from twinning.places.services import place_create
from twinning.sources.models import Evidence, Source
from twinning.sources.selectors import source_passages
from twinning.sources.services import evidence_add, source_create

pytestmark = pytest.mark.django_db

TEXT = "Aarhus and Bergen have been twin towns since 1946. They meet every year."


def _titles(client, **params):
    response = client.get(reverse("sources:list"), params)
    return [s.title for s in response.context["page"].object_list]


def _partnership(**fields):
    aarhus = place_create(name=fields.pop("a", "Aarhus"), kind="municipality")
    bergen = place_create(name=fields.pop("b", "Bergen"), kind="municipality")
    return partnership_create(party_a=aarhus, party_b=bergen, kind="sister_city", **fields)


def test_evidence_add_accepts_a_quote_at_its_offsets():
    source = source_create(title="Twin towns", kind="web_page", text=TEXT)
    evidence = evidence_add(
        source=source, fact=_partnership(), quote="twin towns since 1946", start=28, end=49
    )
    assert evidence.fact.party_a.name == "Aarhus"


def test_evidence_add_rejects_a_quote_that_does_not_match_the_text_at_the_offsets():
    source = source_create(title="Twin towns", kind="web_page", text=TEXT)
    with pytest.raises(ValidationError):
        evidence_add(
            source=source, fact=_partnership(), quote="twin towns since 1947", start=28, end=49
        )
    assert not Evidence.objects.exists()


def test_evidence_add_finds_the_offsets_of_a_quote_given_without_them():
    source = source_create(title="Twin towns", kind="web_page", text=TEXT)
    evidence = evidence_add(source=source, fact=_partnership(), quote="every year")
    assert TEXT[evidence.start : evidence.end] == "every year"


def test_evidence_add_rejects_a_quote_missing_from_the_text():
    source = source_create(title="Twin towns", kind="web_page", text=TEXT)
    with pytest.raises(ValidationError):
        evidence_add(source=source, fact=_partnership(), quote="since 1950")


def test_evidence_add_takes_any_quote_when_the_source_has_no_text():
    source = source_create(title="Paper", kind="report")
    evidence = evidence_add(source=source, fact=_partnership(), quote="since 1946")
    assert evidence.start is None


def test_anonymous_list_shows_public_sources_only(client):
    source_create(title="Open page", kind="web_page")
    source_create(title="Internal memo", kind="report", is_public=False)
    assert _titles(client) == ["Open page"]


def test_private_source_is_404_for_anonymous_and_shown_to_members(client):
    owner = make_organisation("Owner")
    source = source_create(title="Memo", kind="report", is_public=False, owner=owner)
    url = reverse("sources:detail", args=[source.pk])
    assert client.get(url).status_code == 404
    client.force_login(make_user("member", viewer_of=owner))
    assert client.get(url).status_code == 200


def test_editor_of_another_organisation_gets_403(client):
    source = source_create(title="Memo", kind="report", owner=make_organisation("Owner"))
    client.force_login(make_user("stranger", editor_of=make_organisation("Other")))
    assert client.get(reverse("sources:edit", args=[source.pk])).status_code == 403


def test_create_via_form_saves_and_records_history_with_user(client):
    owner = make_organisation("Owner")
    editor = make_user("editor", editor_of=owner)
    client.force_login(editor)
    response = client.post(
        reverse("sources:create"),
        {
            "title": "Evaluation report",
            "kind": "report",
            "language": "da",
            "published": "2016-04",
            "text": "Bycirklen",
            "owner": owner.pk,
            "is_public": "on",
        },
    )
    source = Source.objects.get(title="Evaluation report")
    assert response.status_code == 302
    assert str(source.published) == "2016-04"
    assert source.history.get().history_user == editor


def test_filters_by_kind_language_year_and_text(client):
    publisher = make_organisation("Aarhus Kommune")
    source_create(title="Report", kind="report", language="da", published="2016-04-02")
    source_create(title="Page", kind="web_page", language="en", published="2013")
    source_create(title="Undated", kind="news", publisher=publisher)
    assert _titles(client, kind="report") == ["Report"]
    assert _titles(client, language="EN") == ["Page"]
    assert _titles(client, year=2016) == ["Report"]
    assert _titles(client, year=2013) == ["Page"]
    assert _titles(client, q="aarhus kommune") == ["Undated"]


def test_htmx_request_gets_only_the_results(client):
    source_create(title="Open page", kind="web_page")
    response = client.get(reverse("sources:list"), headers={"HX-Request": "true"})
    assert b"Open page" in response.content
    assert b"<html" not in response.content


def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    publisher = make_organisation("Aarhus Kommune")
    for n in range(30):
        source_create(title=f"Page {n}", kind="web_page", publisher=publisher, published="2014")
    with django_assert_max_num_queries(4):
        response = client.get(reverse("sources:list"))
    assert b"Page 29" in response.content


def test_detail_shows_text_and_the_visible_facts_with_quotes(client, django_assert_max_num_queries):
    owner = make_organisation("Owner")
    source = source_create(title="Twin towns", kind="web_page", text=TEXT, publisher=owner)
    for n in range(4):
        fact = _partnership(a=f"Town {n}", b=f"Partner {n}")
        evidence_add(source=source, fact=fact, quote="since 1946")
    secret = _partnership(a="Secret", b="Place", is_public=False, owner=owner)
    evidence_add(source=source, fact=secret, quote="every year")
    evidence_add(source=source, fact=owner, quote="Aarhus")
    with django_assert_max_num_queries(9):
        response = client.get(source.get_absolute_url())
    content = response.content.decode()
    assert "Town 3 – Partner 3" in content
    assert "<blockquote>since 1946</blockquote>" in content
    assert "Secret" not in content
    assert "They meet every year." in content


def test_create_form_offers_only_the_editors_organisations_as_owner(client):
    owner = make_organisation("Owner")
    make_organisation("Other")
    client.force_login(make_user("editor", editor_of=owner))
    response = client.get(reverse("sources:create"))
    assert response.status_code == 200
    assert list(response.context["form"].fields["owner"].queryset) == [owner]


def test_a_quote_is_marked_in_its_context_and_the_partnership_links_to_it(client):
    source = source_create(title="Twin towns", kind="web_page", text=TEXT)
    partnership = _partnership()
    evidence = evidence_add(source=source, fact=partnership, quote="since 1946")
    secret = _partnership(a="Secret", b="Place", is_public=False, owner=make_organisation("O"))
    evidence_add(source=source, fact=secret, quote="every year")
    content = client.get(source.get_absolute_url()).content.decode()
    assert (
        f'been twin towns <mark id="passage-{evidence.pk}" tabindex="-1">since 1946</mark>. They'
        in content
    )
    assert f'href="#passage-{evidence.pk}"' in content
    # The private fact's quote is not pointed out to a visitor who may not see the fact.
    assert content.count("<mark") == 1 and "meet every year." in content
    page = client.get(partnership.get_absolute_url()).content.decode()
    assert f'{source.get_absolute_url()}#passage-{evidence.pk}"' in page


def test_overlapping_quotes_mark_the_first_and_keep_the_text_whole():
    source = source_create(title="Twin towns", kind="web_page", text=TEXT)
    first = evidence_add(source=source, fact=_partnership(), quote="twin towns since")
    evidence_add(source=source, fact=_partnership(a="A", b="B"), quote="since 1946")
    passages = source_passages(source=source, evidence=list(source.evidence.all()))
    assert "".join(p.text for p in passages) == TEXT
    assert [(p.text, p.evidence_id) for p in passages if p.evidence_id] == [
        ("twin towns since", first.pk)
    ]
