"""Every kind of record with a page is found, by whoever may see it and nobody else."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from twinning.core import search as registry_of_kinds
from twinning.core.search import Document, Indexer, search_entries_index
from twinning.focusareas.services import focus_area_create
from twinning.institutions.services import (
    exchange_create,
    institution_pair_create,
    network_create,
)
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import AgreementKind
from twinning.partnerships.services import agreement_create, partnership_update
from twinning.projects.services import project_create, project_delete, project_phase_create
from twinning.reports.services import report_create
from twinning.search.models import SearchEntry
from twinning.search.selectors import search
from twinning.sites.services import showcase_site_create
from twinning.strategies.services import budget_create, goal_create, strategy_create

anonymous = AnonymousUser()


def titles(result, kind):
    return [hit.title for group in result.groups if group.kind == kind for hit in group.items]


@pytest.fixture
def records(registry):
    """A record of every newer kind, public ones and private ones of the registry's owner."""
    energy = focus_area_create(slug="energy", name_en="Energy", name_da="Energi")
    owner = registry["owner"]
    public, private = registry["public"], registry["private"]
    public.focus_areas.set([energy])
    partnership_update(partnership=public)
    school = make_organisation("Ballerup Gymnasium")
    partner = make_organisation("Wuxi No. 1 High School")
    pair = institution_pair_create(
        partnership=public, institution_a=school, institution_b=partner, since="2009"
    )
    hidden_pair = institution_pair_create(
        partnership=private, institution_a=school, institution_b=partner
    )
    project = project_create(
        title="Heat pump pilot",
        partnerships=[private],
        owner=owner,
        is_public=False,
        description="Geothermal heat for Baoding.",
    )
    return {
        "energy": energy,
        "agreement": agreement_create(
            partnership=public,
            kind=AgreementKind.FOUNDING,
            signed="2007-05",
            title="Agreement of friendship and cooperation",
        ),
        "hidden_agreement": agreement_create(
            partnership=private,
            kind=AgreementKind.FOUNDING,
            signed="2011",
            title="Agreement on district heating",
        ),
        "pair": pair,
        "hidden_pair": hidden_pair,
        "exchange": exchange_create(pair=pair, start="2014-10", description="Pupils visit Wuxi."),
        "network": network_create(name="China network of Danish municipalities"),
        "site": showcase_site_create(
            name="Zerohouse",
            organisation=owner,
            focus_areas=[energy],
            what_visitors_see="A house that makes more energy than it uses.",
        ),
        "strategy": strategy_create(
            party=registry["bycirklen"],
            title="International strategy",
            focus_areas=[energy],
            start="2013",
            end="2016",
        ),
        "budget": budget_create(party=registry["bycirklen"], year=2015, notes="Travel to Wuxi."),
        "report": report_create(
            party=registry["bycirklen"],
            partnership=public,
            from_year=2014,
            to_year=2016,
            summary="The cooperation on schools grew.",
            is_public=True,
        ),
        "project": project,
        "phase": project_phase_create(project=project, number=1, title="Drilling", start="2016"),
    }


def test_every_kind_with_a_page_is_found(records):
    goal_create(strategy=records["strategy"], title="More school exchanges")
    found = {
        "agreement": "friendship",
        "institution_pair": "Ballerup Gymnasium",
        "exchange": "pupils",
        "network": "China network",
        "site": "Zerohouse",
        "strategy": "International strategy",
        "goal": "school exchanges",
        "budget": "travel",
        "report": "cooperation schools",
    }
    for kind, words in found.items():
        result = search(q=words, user=anonymous)
        assert titles(result, kind), (kind, words)
        hit = next(group for group in result.groups if group.kind == kind).items[0]
        assert hit.url.startswith("/")


def test_private_records_are_neither_found_nor_counted(records, member):
    outsider = make_user("outsider", viewer_of=make_organisation("Frederikssund Kommune"))
    for user in (anonymous, outsider):
        result = search(q="heat", user=user)
        assert titles(result, "project") == [] and titles(result, "phase") == []
        assert titles(result, "agreement") == []
        assert "project" not in result.facets["type"]
        assert registry_ids(result, "partnership") == set()
        pairs = search(q="Ballerup Gymnasium", user=user)
        assert pairs.facets["type"]["institution_pair"] == 1
    result = search(q="heat", user=member)
    assert titles(result, "project") == ["Heat pump pilot"]
    assert titles(result, "phase") == ["Heat pump pilot: Drilling"]
    assert titles(result, "agreement") == ["Agreement on district heating"]
    assert search(q="Ballerup Gymnasium", user=member).facets["type"]["institution_pair"] == 2


def registry_ids(result, facet):
    return set(result.facets[facet])


def test_facets_count_focus_areas_and_partnerships_with_names(records):
    result = search(q="wuxi", user=anonymous)
    energy = records["energy"].pk
    assert result.facets["focus_area"][energy] >= 2
    assert result.facet_labels["focus_area"][energy] == "Energy"
    public = records["agreement"].partnership_id
    assert result.facet_labels["partnership"][public] == "Bycirklen – Wuxi"
    narrowed = search(q="wuxi", user=anonymous, focus_area=energy)
    assert narrowed.count < result.count
    assert {group.kind for group in narrowed.groups} >= {"partnership", "report"}
    with translation.override("da"):
        assert search(q="wuxi", user=anonymous).facet_labels["focus_area"][energy] == "Energi"


def test_meta_lines_are_in_the_readers_language(records):
    with translation.override("da"):
        agreement = search(q="friendship", user=anonymous).groups[0].items[0]
        assert "stiftelsesaftale" in agreement.meta and "maj 2007" in agreement.meta
    with translation.override("en"):
        agreement = search(q="friendship", user=anonymous).groups[0].items[0]
        assert "founding agreement" in agreement.meta and "May 2007" in agreement.meta


def test_a_kinds_danish_name_finds_it_in_english_too(records):
    # The meta line is indexed in every language.
    assert titles(search(q="stiftelsesaftale", user=anonymous), "agreement") == [
        "Agreement of friendship and cooperation"
    ]


def test_deleting_a_record_removes_the_entries_of_what_goes_with_it(records):
    project = records["project"]
    project_delete(project=project)
    assert not SearchEntry.objects.filter(kind__in=["project", "phase"]).exists()


def test_a_new_kind_is_one_registration_away(records):
    # What an app's search.py does: nothing in the search app changes.
    kind = Indexer(
        kind="network_test",
        slot=4000,
        model="institutions.Network",
        url_name="institutions:network_detail",
        documents=lambda ids: [(pk, Document(title=f"Network number {pk}")) for pk in ids],
    )
    registry_of_kinds.register(kind)
    try:
        search_entries_index(kind="network_test", ids=[records["network"].pk])
        result = search(q="network number", user=anonymous)
        assert titles(result, "network_test") == [f"Network number {records['network'].pk}"]
        assert result.groups[-1].label == "networks"
    finally:
        registry_of_kinds._INDEXERS.pop("network_test")
