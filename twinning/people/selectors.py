from django.db.models import Prefetch, QuerySet

from twinning.accounts.selectors import visible_link, visible_to
from twinning.core.selectors import history_changes
from twinning.partnerships.models import Agreement, PartnershipPerson
from twinning.partnerships.selectors import partnership_list
from twinning.people.models import Person, Post


def person_list(*, user) -> QuerySet[Person]:
    """Return the people the user may see, with their posts loaded up front."""
    posts = Post.objects.select_related("organisation", "place").order_by("-start")
    return visible_to(Person.objects.all(), user).prefetch_related(
        Prefetch("posts", queryset=posts)
    )


def person_detail(*, user, pk: int) -> Person:
    """Return one visible person with posts and visible partnership links loaded.

    Visitors who are not signed in get no contact details or notes.
    """
    links = PartnershipPerson.objects.filter(
        visible_link("partnership_id", partnership_list(user=user))
    ).select_related("partnership__party_a", "partnership__party_b")
    person = (
        person_list(user=user)
        .select_related("owner")
        .prefetch_related(Prefetch("partnership_links", queryset=links))
        .get(pk=pk)
    )
    if not getattr(user, "is_authenticated", False):
        person.email = person.phone = person.notes = ""
    return person


def person_agreements(*, person: Person, user) -> QuerySet[Agreement]:
    """Return the agreements of visible partnerships that the person signed."""
    return (
        Agreement.objects.filter(
            visible_link("partnership_id", partnership_list(user=user)), signatories__person=person
        )
        .select_related("partnership__party_a", "partnership__party_b")
        .distinct()
        .order_by("signed", "pk")
    )


def post_detail(*, user, pk: int) -> Post:
    """Return one post of a visible person."""
    return Post.objects.select_related("person").get(
        visible_link("person_id", visible_to(Person.objects.all(), user)), pk=pk
    )


def person_history(*, person: Person, limit: int = 30) -> list:
    """Return the latest changes of the person, newest first, naming the fields changed."""
    # One record more than shown, so that the oldest shown has one to compare with.
    records = list(
        person.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    kind = str(Person._meta.verbose_name)
    return history_changes(records, kind=kind, label=str, url_name="people:detail")[:limit]


def _row(record, fields) -> dict:
    return {
        name: (None if getattr(record, name) is None else str(getattr(record, name)))
        for name in fields
    }


def person_data(*, person: Person) -> dict:
    """Return all that the registry holds about a person, for a request to see it.

    Everything is read whatever its visibility: the answer goes to the person, through
    the administrator who handles the request.
    """
    posts = person.posts.select_related("organisation", "place")
    return {
        "person": _row(person, ["id", "name", "email", "phone", "notes", "is_public"])
        | {"owner": str(person.owner) if person.owner else None},
        "posts": [
            _row(post, ["id", "role", "organisation", "place", "start", "end"])
            | {"agreements_signed": [str(a) for a in post.agreements_signed.all()]}
            for post in posts
        ],
        "partnerships": [
            {"partnership": str(link.partnership), "role": link.role}
            for link in person.partnership_links.select_related(
                "partnership__party_a", "partnership__party_b"
            )
        ],
        "activities": [str(activity) for activity in person.activities.all()],
        "delegations": [
            _row(member, ["visit", "name", "native_name", "title", "is_leader"])
            for member in person.visit_memberships.select_related("visit")
        ],
        "commitments": [
            _row(item, ["visit", "description", "due_date", "done_on"])
            for item in person.visit_commitments.select_related("visit")
        ],
        "history": [
            {
                "when": entry.history_date.isoformat(),
                "change": entry.get_history_type_display(),
                "by": entry.history_user.get_username() if entry.history_user else None,
                "name": entry.name,
                "email": entry.email,
                "phone": entry.phone,
            }
            for entry in person.history.select_related("history_user").order_by("history_date")
        ],
    }
