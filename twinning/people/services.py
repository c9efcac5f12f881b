from django.db import transaction

from twinning.core.partialdates import PartialDate
from twinning.people.models import Person, Post


@transaction.atomic
def person_create(
    *,
    name: str,
    email: str = "",
    phone: str = "",
    notes: str = "",
    owner=None,
    is_public: bool = True,
) -> Person:
    """Create a person after validating the record."""
    person = Person(
        name=name, email=email, phone=phone, notes=notes, owner=owner, is_public=is_public
    )
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def person_update(*, person: Person, **fields) -> Person:
    """Change the given fields of a person after validating them."""
    for field, value in fields.items():
        setattr(person, field, value)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def post_create(
    *,
    person: Person,
    role: str,
    organisation=None,
    place=None,
    start: PartialDate | str | None = None,
    end: PartialDate | str | None = None,
) -> Post:
    """Record a post a person holds at an organisation or for a place."""
    post = Post(
        person=person,
        role=role,
        organisation=organisation,
        place=place,
        start=PartialDate.parse(start),
        end=PartialDate.parse(end),
    )
    post.full_clean()
    post.save()
    return post


@transaction.atomic
def post_update(*, post: Post, **fields) -> Post:
    """Change the given fields of a post after validating them."""
    for field, value in fields.items():
        if field in {"start", "end"}:
            value = PartialDate.parse(value)
        setattr(post, field, value)
    post.full_clean()
    post.save()
    return post
