from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from twinning.core.fields import partial_date_or_error
from twinning.core.partialdates import PartialDate
from twinning.partnerships.models import Agreement
from twinning.people.models import Person, Post
from twinning.search.services import search_entry_delete, search_entry_update


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
    search_entry_update(person)
    return person


@transaction.atomic
def person_update(*, person: Person, **fields) -> Person:
    """Change the given fields of a person after validating them."""
    for field, value in fields.items():
        setattr(person, field, value)
    person.full_clean()
    person.save()
    search_entry_update(person)
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
        start=partial_date_or_error(start, "start"),
        end=partial_date_or_error(end, "end"),
    )
    post.full_clean()
    post.save()
    search_entry_update(person)
    return post


@transaction.atomic
def post_update(*, post: Post, **fields) -> Post:
    """Change the given fields of a post after validating them."""
    for field, value in fields.items():
        if field in {"start", "end"}:
            value = partial_date_or_error(value, field)
        setattr(post, field, value)
    post.full_clean()
    post.save()
    search_entry_update(post.person)
    return post


def _refuse_if_signed(posts) -> None:
    # A signature is a fact of another record (the agreement) that must not vanish.
    signed = list(Agreement.objects.filter(signatories__in=posts).distinct()[:100])
    if signed:
        raise ProtectedError(_("The post signed agreements."), set(signed))


@transaction.atomic
def post_delete(*, post: Post) -> None:
    """Delete a post; raise ProtectedError if it signed agreements."""
    _refuse_if_signed([post])
    person = post.person
    post.delete()
    search_entry_update(person)


@transaction.atomic
def person_delete(*, person: Person) -> None:
    """Delete a person with their posts and links to partnerships and activities.

    Raise ProtectedError if one of their posts signed agreements.
    """
    _refuse_if_signed(person.posts.all())
    search_entry_delete(person)
    person.delete()
