"""People in the search index, with their posts."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from twinning.core.search import Document, Indexer, codes, join, owned, register
from twinning.people.models import Post


def _person_document(person) -> Document:
    posts, countries = [], []
    for post in person.posts.all():
        where = post.organisation or post.place
        posts.append(f"{post.role}, {where}" if where else post.role)
        place = post.place or (post.organisation.place if post.organisation else None)
        countries.append(place.country_code if place else "")
    return Document(
        title=person.name,
        body=join("; ".join(posts), person.notes),
        countries=codes(*countries),
        **owned(person),
    )


def _person_records(queryset: QuerySet) -> QuerySet:
    posts = Post.objects.select_related("organisation__place", "place")
    return queryset.prefetch_related(Prefetch("posts", queryset=posts))


register(
    Indexer(
        kind="person",
        slot=4,
        model="people.Person",
        url_name="people:detail",
        queryset=_person_records,
        document=_person_document,
    )
)
