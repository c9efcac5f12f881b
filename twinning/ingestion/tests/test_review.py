import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from twinning.activities.models import Activity
from twinning.ingestion.models import Suggestion
from twinning.ingestion.selectors import names_match
from twinning.ingestion.services import (
    suggestion_accept,
    suggestion_correct,
    suggestion_reject,
    suggestion_reopen,
)
from twinning.ingestion.tests.factories import fact, make_document, suggestion
from twinning.organisations.models import Organisation
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import partnership_create
from twinning.partnerships.tests.factories import make_area
from twinning.people.models import Person, Post
from twinning.places.models import Place
from twinning.places.services import place_create
from twinning.sources.models import Evidence
from twinning.visits.models import Visit

pytestmark = pytest.mark.django_db

TEXT = (
    "Sønderborg Kommune and Baoding have been friendship cities since May 2012.\n"
    "Sonderborg signed a second letter with Baoding on 3 June 2015.\n"
    "Mayor Erik Lauritzen of Sønderborg Kommune welcomed the guests.\n"
    "In September 2017 a delegation from Baoding visited Sønderborg.\n"
    "The exchange cost 250,000 DKK.\n"
)


def partnership_fact(text, quote, a, b="Baoding", **extra):
    fields = {
        "a": a,
        "a_country": "DK",
        "b": b,
        "b_country": "CN",
        "relation": "friendship_city",
        "since": "2012-05",
        "status": "active",
        "ended": None,
        "focus": ["energy", "education"],
    }
    return fact(text, quote, "partnership", **{**fields, **extra})


@pytest.fixture
def document(org):
    facts = [
        partnership_fact(TEXT, "Sønderborg Kommune and Baoding", "Sønderborg Kommune"),
        partnership_fact(TEXT, "Sonderborg signed a second letter with Baoding", "Sonderborg"),
        fact(
            TEXT,
            "Mayor Erik Lauritzen of Sønderborg Kommune",
            "person",
            name="Erik Lauritzen",
            role="Mayor",
            org="Sønderborg Kommune",
        ),
        fact(
            TEXT,
            "In September 2017 a delegation from Baoding visited Sønderborg.",
            "event",
            event="delegation_visit",
            date="2017-09",
            end_date=None,
            origin="Baoding",
            destination="Sønderborg",
            title="Delegation from Baoding",
            area=None,
        ),
        fact(
            TEXT,
            "The exchange cost 250,000 DKK.",
            "amount",
            amount_min=250000,
            amount_max=250000,
            currency="DKK",
            what="exchange",
            year=None,
        ),
    ]
    return make_document(TEXT, facts, owner=org)


@pytest.fixture
def existing_sonderborg():
    return place_create(name="Sønderborg", kind="municipality", country="DK")


def post(client, name, target, data=None):
    url = reverse(f"ingestion:{name}", args=[target.pk])
    return client.post(url, data or {}, HTTP_HX_REQUEST="true")


def accept_new(item, user, *fields):
    """Accept a suggestion, confirming a new record for each of the named fields."""
    return suggestion_accept(suggestion=item, user=user, links=dict.fromkeys(fields, "new"))


def test_accepting_variants_of_a_name_links_one_place_and_one_partnership(
    client, editor, document, existing_sonderborg
):
    make_area("energy", "energy", "energi")
    client.force_login(editor)
    first = suggestion(document, "partnership")
    second = document.suggestions.filter(kind="partnership").order_by("start")[1]

    assert post(client, "accept", first, {"link-b": "new"}).status_code == 200
    assert post(client, "accept", second).status_code == 200

    assert Place.objects.filter(country="DK").count() == 1
    assert Place.objects.filter(name="Baoding").count() == 1
    partnership = Partnership.objects.get()
    assert {partnership.party_a, partnership.party_b} == {
        existing_sonderborg,
        Place.objects.get(name="Baoding"),
    }
    assert partnership.kind == "friendship_city"
    assert str(partnership.since) == "2012-05"
    assert list(partnership.focus_areas.values_list("slug", flat=True)) == ["energy"]
    assert "education" in partnership.notes
    assert partnership.owner == document.owner
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.record == second.record == partnership
    assert first.status == second.status == "accepted"
    assert first.reviewer == editor and first.reviewed_at is not None


def test_a_new_place_is_created_once_for_all_spellings(editor, document):
    first, second = document.suggestions.filter(kind="partnership").order_by("start")

    accept_new(first, editor, "a", "b")
    suggestion_accept(suggestion=second, user=editor)

    place = Place.objects.get(country="DK")
    assert place.name == "Sønderborg"
    assert place.kind == "municipality"
    assert Partnership.objects.count() == 1


def test_accepting_records_the_quoted_passage_with_its_offsets(editor, document):
    item = suggestion(document, "partnership")

    accept_new(item, editor, "a", "b")

    evidence = Evidence.objects.get()
    assert evidence.fact == Partnership.objects.get()
    assert evidence.source == document
    assert (evidence.start, evidence.end) == (item.start, item.end)
    assert document.text[evidence.start : evidence.end] == evidence.quote
    assert evidence.quote == "Sønderborg Kommune and Baoding"


def test_accepting_a_person_links_the_person_and_place_and_adds_a_post(
    editor, document, existing_sonderborg
):
    make_organisation("Baoding Foreign Affairs Office")
    Person.objects.create(name="Erik Lauritzen")

    suggestion_accept(suggestion=suggestion(document, "person"), user=editor)

    person = Person.objects.get()
    post = Post.objects.get()
    assert (post.person, post.role, post.place) == (person, "Mayor", existing_sonderborg)
    assert Evidence.objects.get().fact == post


def test_accepting_a_person_creates_the_organisation_once(editor, org):
    text = "Chief consultant Anne Hansen of Vejle Erhverv A/S.\nAnne Hansen of Vejle Erhverv A/S."
    facts = [
        fact(
            text,
            "Chief consultant Anne Hansen of Vejle Erhverv A/S",
            "person",
            name="Anne Hansen",
            role="chief consultant",
            org="Vejle Erhverv A/S",
        ),
        fact(
            text,
            "Anne Hansen of Vejle Erhverv A/S.",
            "person",
            name="Anne  Hansen",
            role="Chief Consultant",
            org="vejle erhverv a/s",
        ),
    ]
    document = make_document(text, facts, owner=org)
    first, second = document.suggestions.order_by("start")

    accept_new(first, editor, "name", "org")
    suggestion_accept(suggestion=second, user=editor)

    assert Person.objects.count() == 1
    assert Organisation.objects.filter(name__iexact="Vejle Erhverv A/S").count() == 1
    assert Post.objects.count() == 1
    assert Evidence.objects.count() == 2


def test_accepting_a_visit_creates_a_delegation_visit_seen_from_the_owner(
    editor, document, existing_sonderborg
):
    document.owner.place = existing_sonderborg
    document.owner.save()
    item = suggestion(document, "event")

    accept_new(item, editor, "origin")

    visit = Visit.objects.get()
    baoding = Place.objects.get(name="Baoding")
    assert (visit.visiting_party, visit.host, visit.direction) == (
        baoding,
        existing_sonderborg,
        "incoming",
    )
    assert (visit.start_date.isoformat(), visit.end_date.isoformat()) == (
        "2017-09-01",
        "2017-09-30",
    )
    assert visit.dates_approximate and visit.status == "done"
    assert visit.title == "Delegation from Baoding" and visit.owner == document.owner
    assert not Activity.objects.exists()
    assert Evidence.objects.get().fact == visit


def test_a_visit_from_the_owners_place_is_outgoing(editor, org, existing_sonderborg):
    org.place = existing_sonderborg
    org.save()
    text = "In May 2019 a delegation from Sønderborg visited Baoding."
    document = make_document(
        text,
        [
            fact(
                text,
                text,
                "event",
                event="delegation_visit",
                date="2019-05-14",
                origin="Sønderborg",
                destination="Baoding",
                title="Visit to Baoding",
            )
        ],
        owner=org,
    )

    accept_new(suggestion(document, "event"), editor, "destination")

    visit = Visit.objects.get()
    assert (visit.visiting_party, visit.direction) == (existing_sonderborg, "outgoing")
    assert not visit.dates_approximate


def test_accepting_a_meeting_creates_an_activity_with_evidence(editor, org, existing_sonderborg):
    text = "On 2 March 2018 the steering group met in Sønderborg."
    document = make_document(
        text,
        [
            fact(
                text,
                text,
                "event",
                event="meeting",
                date="2018-03-02",
                destination="Sønderborg",
                title="Steering group meeting",
            )
        ],
        owner=org,
    )

    suggestion_accept(suggestion=suggestion(document, "event"), user=editor)

    activity = Activity.objects.get()
    assert (activity.title, str(activity.start), activity.kind, activity.place) == (
        "Steering group meeting",
        "2018-03-02",
        "meeting",
        existing_sonderborg,
    )
    assert activity.owner == document.owner
    assert Evidence.objects.get().fact == activity


def test_an_unmatched_name_is_never_created_without_confirmation(client, editor, document):
    client.force_login(editor)
    item = suggestion(document, "partnership")

    response = post(client, "accept", item)

    html = response.content.decode()
    assert "matches no record" in html and "Baoding" in html
    assert 'name="link-b"' in html and 'value="new"' in html
    item.refresh_from_db()
    assert item.status == "pending"
    assert not Place.objects.exists() and not Partnership.objects.exists()


def test_an_ambiguous_name_lists_its_candidates_and_links_the_chosen_one(
    client, editor, document, existing_sonderborg
):
    one = place_create(name="Baoding", kind="city", country="CN")
    other = place_create(name="Baoding", kind="city", country="")
    client.force_login(editor)
    item = suggestion(document, "partnership")
    item.fields = {**item.fields, "b_country": None}
    item.save()

    html = client.get(reverse("ingestion:review", args=[document.pk])).content.decode()
    assert f'value="place:{one.pk}"' in html and f'value="place:{other.pk}"' in html
    assert "fits several records" in html

    post(client, "accept", item, {"link-b": f"place:{one.pk}"})

    partnership = Partnership.objects.get()
    assert {partnership.party_a, partnership.party_b} == {existing_sonderborg, one}
    assert Place.objects.count() == 3


def test_accepting_a_termination_ends_the_partnership_with_date_and_reason(
    editor, org, existing_sonderborg
):
    baoding = place_create(name="Baoding", kind="city", country="CN")
    partnership = partnership_create(
        party_a=existing_sonderborg, party_b=baoding, kind="friendship_city", status="active"
    )
    text = "Sønderborg ends its friendship with Baoding from 1 April 2024."
    document = make_document(
        text,
        [partnership_fact(text, text, "Sønderborg", status="terminated", ended="2024-04-01")],
        owner=org,
    )

    suggestion_accept(suggestion=suggestion(document, "partnership"), user=editor)

    partnership.refresh_from_db()
    assert partnership.status == "terminated" and str(partnership.until) == "2024-04-01"
    assert text in partnership.termination_reason
    assert Partnership.objects.count() == 1
    assert Evidence.objects.get().fact == partnership


def test_a_partnership_brings_its_focus_areas_term_and_signatories(
    editor, org, existing_sonderborg
):
    make_area("water", "water", "vand")
    text = (
        "Mayor Erik Lauritzen signed the agreement.\n"
        "Sønderborg and Baoding agreed a five-year partnership on water.\n"
    )
    document = make_document(
        text,
        [
            fact(text, "Mayor Erik Lauritzen", "person", name="Erik Lauritzen", role="Mayor"),
            partnership_fact(
                text,
                "Sønderborg and Baoding agreed a five-year partnership on water",
                "Sønderborg",
                focus=["water"],
                since="2016",
            ),
        ],
        owner=org,
    )
    person, item = document.suggestions.order_by("start")
    accept_new(person, editor, "name")
    # A reviewer's correction of the term, as the edit form or the API would make it.
    suggestion_correct(
        suggestion=item,
        fields={**item.fields, "term_years": 5, "tacit_renewal": True, "notice_months": 6},
    )

    accept_new(item, editor, "b")

    partnership = Partnership.objects.get()
    assert [a.slug for a in partnership.focus_areas.all()] == ["water"]
    agreement = partnership.agreements.get()
    assert (agreement.term_months, agreement.renews_tacitly, agreement.notice_months) == (
        60,
        True,
        6,
    )
    assert list(agreement.signatories.all()) == [Post.objects.get()]
    assert str(agreement.signed) == "2016" and agreement.document == document


def test_an_amount_is_kept_as_an_accepted_suggestion_only(editor, document):
    item = suggestion(document, "amount")

    suggestion_accept(suggestion=item, user=editor)

    item.refresh_from_db()
    assert item.status == "accepted" and item.record is None
    assert not Evidence.objects.exists()


def test_edit_then_accept_files_the_corrected_fact(client, editor, document):
    client.force_login(editor)
    item = suggestion(document, "partnership")
    url = reverse("ingestion:edit", args=[item.pk])
    form = client.get(url, HTTP_HX_REQUEST="true")
    assert form.status_code == 200 and "Save and accept" in form.content.decode()
    prefix = f"s{item.pk}-"
    data = {
        prefix + "a": "Sønderborg",
        prefix + "a_country": "DK",
        prefix + "b": "Baoding",
        prefix + "b_country": "CN",
        prefix + "relation": "sister_city",
        prefix + "status": "active",
        prefix + "since": "2012-05-21",
        prefix + "ended": "",
        prefix + "focus": "",
    }

    response = client.post(url, data, HTTP_HX_REQUEST="true")

    # Neither place is known yet: the correction is kept and the names ask for a decision.
    assert "matches no record" in response.content.decode()
    item.refresh_from_db()
    assert item.status == "pending" and item.fields["relation"] == "sister_city"

    response = post(client, "accept", item, {"link-a": "new", "link-b": "new"})

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == "edited"
    assert item.fields["relation"] == "sister_city"
    assert item.extracted["relation"] == "friendship_city"
    partnership = Partnership.objects.get()
    assert partnership.kind == "sister_city" and str(partnership.since) == "2012-05-21"
    assert Evidence.objects.get().fact == partnership


def test_an_invalid_edit_shows_the_error_and_changes_nothing(client, editor, document):
    client.force_login(editor)
    item = suggestion(document, "partnership")
    prefix = f"s{item.pk}-"
    data = {
        prefix + "a": "Sønderborg",
        prefix + "b": "Baoding",
        prefix + "relation": "sister_city",
        prefix + "status": "active",
        prefix + "since": "2015",
        prefix + "ended": "2012",
    }

    response = client.post(reverse("ingestion:edit", args=[item.pk]), data, HTTP_HX_REQUEST="true")

    assert "cannot end before it begins" in response.content.decode()
    item.refresh_from_db()
    assert item.status == "pending" and not Partnership.objects.exists()


def test_reject_marks_the_suggestion_and_files_nothing(client, editor, document):
    client.force_login(editor)
    item = suggestion(document, "partnership")

    response = post(client, "reject", item)

    assert response.status_code == 200 and "Undo rejection" in response.content.decode()
    item.refresh_from_db()
    assert item.status == "rejected" and item.reviewer == editor
    assert not Partnership.objects.exists() and not Place.objects.exists()
    with pytest.raises(ValidationError):
        suggestion_accept(suggestion=item, user=editor)


def test_a_rejection_can_be_undone(client, editor, document):
    client.force_login(editor)
    item = suggestion(document, "partnership")
    post(client, "reject", item)

    response = post(client, "reopen", item)

    assert response.status_code == 200 and "Accept" in response.content.decode()
    item.refresh_from_db()
    assert item.status == "pending" and item.reviewer is None and item.reviewed_at is None
    accept_new(item, editor, "a", "b")
    assert Partnership.objects.count() == 1
    with pytest.raises(ValidationError):
        suggestion_reopen(suggestion=item, user=editor)


def test_an_event_without_a_date_asks_for_an_edit(client, editor, org):
    text = "A delegation visited Aarhus."
    document = make_document(
        text,
        [fact(text, text, "event", event="delegation_visit", date=None, title="Visit")],
        owner=org,
    )
    client.force_login(editor)

    response = post(client, "accept", suggestion(document, "event"))

    assert "needs a date" in response.content.decode()
    assert suggestion(document, "event").status == "pending"


def test_anonymous_visitors_are_sent_to_log_in(client, document):
    item = suggestion(document, "partnership")
    for url in (
        reverse("ingestion:review", args=[document.pk]),
        reverse("ingestion:list"),
        reverse("ingestion:upload"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"]
    response = client.post(reverse("ingestion:accept", args=[item.pk]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "pending"


def test_viewers_and_editors_of_other_organisations_cannot_review(client, viewer, document):
    other = make_user("other", editor_of=make_organisation("Aarhus Kommune"))
    item = suggestion(document, "partnership")
    for user in (viewer, other):
        client.force_login(user)
        assert client.get(reverse("ingestion:review", args=[document.pk])).status_code == 403
        assert post(client, "accept", item).status_code == 403
        assert post(client, "reject", item).status_code == 403
        assert client.get(reverse("ingestion:edit", args=[item.pk])).status_code == 403
    client.force_login(viewer)
    assert client.get(reverse("ingestion:list")).status_code == 403
    assert client.get(reverse("ingestion:upload")).status_code == 403
    item.refresh_from_db()
    assert item.status == "pending" and not Partnership.objects.exists()


def test_review_page_marks_each_passage_and_groups_the_suggestions(client, editor, document):
    client.force_login(editor)

    response = client.get(reverse("ingestion:review", args=[document.pk]))

    html = response.content.decode()
    for item in document.suggestions.all():
        assert f'id="suggestion-{item.pk}"' in html
        assert f'id="fact-{item.pk}"' in html
    assert "<mark" in html
    assert html.index("Partnership (2)") < html.index("Person (1)")


def test_hostile_markup_in_a_document_is_shown_as_text(client, editor, org):
    text = (
        "Intro <script>alert('x')</script> and more.\n"
        'Aarhus <img src=x onerror="alert(1)"> and Turku are twin towns.\n'
    )
    quote = 'Aarhus <img src=x onerror="alert(1)"> and Turku'
    document = make_document(
        text,
        [fact(text, quote, "institution_pair", a="<b>Skole</b>", b="<i>School</i>")],
        owner=org,
        name="<script>x</script>.txt",
    )
    client.force_login(editor)

    html = client.get(reverse("ingestion:review", args=[document.pk])).content.decode()

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>Skole</b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    list_html = client.get(reverse("ingestion:list")).content.decode()
    assert "<script>x</script>" not in list_html


def test_review_page_query_count_does_not_grow_with_suggestions(
    client, editor, document, django_assert_max_num_queries
):
    client.force_login(editor)
    for item in document.suggestions.exclude(kind="amount").order_by("start"):
        names = names_match([item], user=editor)[item.pk]
        accept_new(item, editor, *(name.field for name in names if name.record is None))

    # Two of them are read once and cached: the site's name and logo for the header, and
    # the content types when no earlier test of the process has asked for them.
    with django_assert_max_num_queries(14):
        response = client.get(reverse("ingestion:review", args=[document.pk]))

    assert response.status_code == 200
    assert "Erik Lauritzen, Mayor" in response.content.decode()


def test_list_shows_counts_per_document_within_a_query_budget(
    client, editor, org, document, django_assert_max_num_queries
):
    for number in range(5):
        text = f"Document {number}: Aarhus and Turku are twin towns."
        make_document(
            text,
            [fact(text, "Aarhus and Turku", "institution_pair", a="Aarhus", b="Turku")],
            owner=org,
            name=f"doc{number}.txt",
        )
    suggestion_accept(suggestion=suggestion(document, "amount"), user=editor)
    suggestion_reject(suggestion=suggestion(document, "person"), user=editor)
    client.force_login(editor)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("ingestion:list"))

    rows = {s.pk: (s.pending, s.accepted, s.rejected) for s in response.context["page"]}
    assert rows[document.pk] == (3, 1, 1)
    assert len(rows) == 6


def test_list_shows_only_documents_the_user_may_review(client, editor, document):
    make_document("Other text.", [], owner=make_organisation("Aarhus Kommune"), name="o.txt")
    client.force_login(editor)

    response = client.get(reverse("ingestion:list"))

    assert [s.pk for s in response.context["page"]] == [document.pk]


def test_suggestion_offsets_are_ordered_in_the_database(document):
    from django.db import IntegrityError, transaction

    item = suggestion(document, "amount")
    with pytest.raises(IntegrityError), transaction.atomic():
        Suggestion.objects.filter(pk=item.pk).update(start=20, end=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        Suggestion.objects.filter(pk=item.pk).update(status="maybe")


def test_amounts_dates_and_countries_are_written_the_way_the_language_writes_them(
    client, editor, document
):
    from django.utils import translation

    client.force_login(editor)
    pages = {}
    for language in ("en", "da"):
        with translation.override(language):
            url = reverse("ingestion:review", args=[document.pk])
        pages[language] = client.get(url).content.decode()

    assert "250,000" in pages["en"] and "250000" not in pages["en"]
    assert "250.000" in pages["da"]
    assert "May 2012" in pages["en"] and "maj 2012" in pages["da"]
    assert "China" in pages["en"] and "Kina" in pages["da"]


def test_a_queued_upload_says_what_it_waits_for(client, editor, org):
    from twinning.ingestion.services import job_create

    job = job_create(user=editor, files=[], owner=org)
    client.force_login(editor)

    html = client.get(reverse("ingestion:job", args=[job.pk])).content.decode()

    assert "twinning worker" in html


def test_a_name_written_otherwise_matches_the_same_world_place(editor, org):
    turku = place_create(name="Turku", kind="city", country="FI")
    turku.geonames_id = 633679
    turku.save()
    aarhus = place_create(name="Aarhus", kind="municipality", country="DK")
    text = "Aarhus og Åbo er venskabsbyer."
    document = make_document(
        text,
        [partnership_fact(text, "Aarhus og Åbo", "Aarhus", b="Åbo", b_country="FI")],
        owner=org,
    )
    item = suggestion(document, "partnership")

    names = {match.field: match for match in names_match([item], user=editor)[item.pk]}
    suggestion_accept(suggestion=item, user=editor)

    assert names["b"].record == turku and names["b"].status == "matched"
    partnership = Partnership.objects.get()
    assert {partnership.party_a, partnership.party_b} == {aarhus, turku}
    assert Place.objects.count() == 2


def test_a_confirmed_new_place_is_made_from_the_world_gazetteer(client, editor, document):
    client.force_login(editor)
    item = suggestion(document, "partnership")

    html = client.get(reverse("ingestion:review", args=[document.pk])).content.decode()
    accept_new(item, editor, "a", "b")

    assert "GeoNames" in html
    baoding = Place.objects.get(name="Baoding")
    assert (baoding.country, baoding.kind) == ("CN", "city")
    assert baoding.geonames_id and baoding.latitude is not None
    sonderborg = Place.objects.get(country="DK")
    assert (sonderborg.name, sonderborg.kind) == ("Sønderborg", "municipality")
    assert "Sønderborg Kommune" in sonderborg.names.values_list("name", flat=True)


def test_a_new_place_keeps_the_documents_spelling_and_the_gazetteers(editor, org):
    text = "Aarhus Kommune og Yangzhou (扬州) samarbejder."
    document = make_document(
        text,
        [
            partnership_fact(
                text, "Aarhus Kommune og Yangzhou (扬州)", "Aarhus Kommune", b="Yangzhou (扬州)"
            )
        ],
        owner=org,
    )

    accept_new(suggestion(document, "partnership"), editor, "a", "b")

    yangzhou = Place.objects.get(country="CN")
    assert yangzhou.name == "Yangzhou" and yangzhou.geonames_id
    assert "Yangzhou (扬州)" in yangzhou.names.values_list("name", flat=True)
    aarhus = Place.objects.get(country="DK")
    assert aarhus.name == "Aarhus" and aarhus.kind == "municipality"


def test_the_engines_gazetteer_reading_of_a_name_finds_the_registry_place(editor, org):
    turku = place_create(name="Turku", kind="city", country="FI")
    turku.geonames_id = 633679
    turku.save()
    text = "Aarhus and its Finnish partner town meet every year."
    document = make_document(
        text,
        [
            partnership_fact(
                text,
                "Aarhus and its Finnish partner town",
                "Aarhus",
                b="its Finnish partner town",
                b_country="FI",
                b_place="gn-633679",
            )
        ],
        owner=org,
    )
    item = suggestion(document, "partnership")

    names = {match.field: match for match in names_match([item], user=editor)[item.pk]}

    assert names["b"].record == turku
    assert names["a"].record is None and names["a"].world.geonames_id == 2624652
