from django.db.models import Prefetch, QuerySet

from twinning.accounts.selectors import visible_link, visible_to
from twinning.core.selectors import history_changes
from twinning.organisations.models import Organisation
from twinning.people.models import Person, Post
from twinning.sources.models import Source


def organisation_list(*, user) -> QuerySet[Organisation]:
    """Return the organisations the user may see, with what a list shows loaded up front."""
    return visible_to(Organisation.objects.all(), user).select_related("place", "parent")


def organisation_detail(*, user, pk: int) -> Organisation:
    """Return one visible organisation with its visible units, posts and sources loaded."""
    posts = Post.objects.filter(visible_link("person_id", visible_to(Person.objects.all(), user)))
    return (
        organisation_list(user=user)
        .select_related("place__parent", "owner")
        .prefetch_related(
            Prefetch("units", queryset=organisation_list(user=user).order_by("name")),
            Prefetch(
                "posts",
                queryset=posts.select_related("person", "place").order_by("person__name", "-start"),
            ),
            Prefetch(
                "published_sources",
                queryset=visible_to(Source.objects.defer("text"), user).order_by(
                    "-published", "title"
                ),
            ),
        )
        .get(pk=pk)
    )


def organisation_history(*, organisation: Organisation, limit: int = 30) -> list:
    """Return the latest changes of the organisation, newest first, naming the fields changed."""
    # One record more than shown, so that the oldest shown has one to compare with.
    records = list(
        organisation.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )[: limit + 1]
    )
    kind = str(Organisation._meta.verbose_name)
    return history_changes(records, kind=kind, label=str, url_name="organisations:detail")[:limit]
