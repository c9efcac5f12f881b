from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from twinning.core.fields import partial_date_or_error
from twinning.core.partialdates import PartialDate
from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.partnerships.models import Agreement
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
    search_entry_update(person)
    return person


@transaction.atomic
def person_update(*, person: Person, version: int | None = None, **fields) -> Person:
    """Change the given fields of a person after validating them."""
    model_update(instance=person, data=fields, version=version)
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
def post_update(*, post: Post, version: int | None = None, **fields) -> Post:
    """Change the given fields of a post after validating them."""
    for field in {"start", "end"} & set(fields):
        fields[field] = partial_date_or_error(fields[field], field)
    model_update(instance=post, data=fields, version=version)
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


def erased_name(person: Person) -> str:
    """Return the name an erased person keeps: a label, not a name."""
    return f"Person {person.pk} (erased)"


@transaction.atomic
def person_erase(*, person: Person) -> Person:
    """Anonymise a person on request, keeping the partnership facts.

    The name becomes a label, and e-mail, phone and notes are emptied, in the record and in
    every stored past version of it; delegation lists that copied the name lose it too.
    Posts, signatures, partnership roles, activities and commitments stay linked to the
    anonymous record, so what the partnerships did is still told.
    """
    label = erased_name(person)
    person = model_update(
        instance=person, data={"name": label, "email": "", "phone": "", "notes": ""}
    )
    Person.history.filter(id=person.pk).update(name=label, email="", phone="", notes="")
    members = person.visit_memberships
    member_ids = list(members.values_list("pk", flat=True))
    members.update(name=label, native_name="")
    members.model.history.filter(id__in=member_ids).update(name=label, native_name="")
    search_entry_update(person)
    return person
