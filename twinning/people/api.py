"""JSON endpoints for people and their posts.

People are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change a person or the person's posts.
"""

from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth, write_auth
from twinning.accounts.selectors import visible_to
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import (
    delete_conflict,
    get_or_422,
    owner_for,
    require_can_edit,
    require_editor,
)
from twinning.organisations.models import Organisation
from twinning.people.filters import PersonFilter
from twinning.people.models import Person, Post
from twinning.people.schemas import (
    PersonDetailOut,
    PersonIn,
    PersonOut,
    PersonPatch,
    PersonQuery,
    PostIn,
    PostOut,
)
from twinning.people.selectors import person_detail, person_list
from twinning.people.services import (
    person_create,
    person_delete,
    person_update,
    post_create,
    post_delete,
    post_update,
)
from twinning.places.models import Place

router = Router(tags=["people"])

_TEXT_FIELDS = {"email", "phone", "notes", "role"}


@router.get(
    "",
    response=list[PersonOut],
    auth=read_auth,
    operation_id="person_list",
    summary="List people",
    description=(
        "Return the people the caller may see with their posts, filtered and paginated "
        "with limit and offset; with format=csv or xlsx, every match as a file. Anonymous "
        "callers see public records; logged-in users also their organisations' records."
    ),
)
@paginate_or_export(PersonOut, "people")
def list_people(request, filters: Query[PersonQuery]):
    return filter_or_422(PersonFilter, filters, person_list(user=request.user), request=request)


def _person(request, pk: int) -> Person:
    try:
        return person_detail(user=request.user, pk=pk)
    except Person.DoesNotExist:
        raise HttpError(404, _("No such person.")) from None


def _editable_person(request, pk: int) -> Person:
    person = _person(request, pk)
    require_can_edit(request.user, person)
    return person


@router.get(
    "/{int:pk}",
    response={200: PersonDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="person_detail",
    summary="Get a person",
    description=(
        "Return one person with contact details, posts and partnerships. A person who "
        "does not exist or whom the caller may not see gives 404."
    ),
)
def get_person(request, pk: int):
    return _person(request, pk)


def _fields(request, payload: dict) -> dict:
    fields = {k: ("" if v is None and k in _TEXT_FIELDS else v) for k, v in payload.items()}
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    if "place" in fields:
        fields["place"] = get_or_422(Place, fields["place"], "place")
    if fields.get("organisation") is not None:
        visible = visible_to(Organisation.objects.all(), request.user)
        try:
            fields["organisation"] = visible.get(pk=fields["organisation"])
        except Organisation.DoesNotExist:
            raise HttpError(
                422,
                _("organisation: no organisation with id %(id)s.") % {"id": fields["organisation"]},
            ) from None
    return fields


@router.post(
    "",
    response={201: PersonDetailOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="person_create",
    summary="Create a person",
    description="Create a person; editors only. The owner must be one of the caller's "
    "organisations.",
)
def create_person(request, payload: PersonIn):
    require_editor(request.user)
    person = person_create(**_fields(request, payload.dict()))
    return 201, _person(request, person.pk)


@router.patch(
    "/{int:pk}",
    response={200: PersonDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="person_update",
    summary="Change a person",
    description="Change the fields given; the others stay as they are. Only editors of "
    "the owning organisation may.",
)
def update_person(request, pk: int, payload: PersonPatch):
    person = _editable_person(request, pk)
    person_update(person=person, **_fields(request, payload.dict(exclude_unset=True)))
    return _person(request, pk)


@router.delete(
    "/{int:pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=write_auth,
    operation_id="person_delete",
    summary="Delete a person",
    description="Delete a person with their posts and links to partnerships. A person "
    "one of whose posts signed agreements gives 409.",
)
def delete_person(request, pk: int):
    person = _editable_person(request, pk)
    try:
        person_delete(person=person)
    except ProtectedError as error:
        raise delete_conflict(error, _("person")) from None
    return 204, None


def _post(person: Person, post_pk: int) -> Post:
    try:
        return person.posts.select_related("organisation", "place").get(pk=post_pk)
    except Post.DoesNotExist:
        raise HttpError(404, _("No such post.")) from None


def _shown(post: Post) -> Post:
    return Post.objects.select_related("organisation", "place").get(pk=post.pk)


@router.post(
    "/{int:pk}/posts",
    response={201: PostOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="post_create",
    summary="Add a post to a person",
    description="Record a post the person holds at an organisation or for a place. A role "
    "is required.",
)
def create_post(request, pk: int, payload: PostIn):
    person = _editable_person(request, pk)
    fields = _fields(request, payload.dict(exclude_unset=True))
    # A missing role is reported by the model's validation, like any other bad field.
    fields.setdefault("role", "")
    post = post_create(person=person, **fields)
    return 201, _shown(post)


@router.patch(
    "/{int:pk}/posts/{int:post_pk}",
    response={200: PostOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="post_update",
    summary="Change a post",
    description="Change the fields of the post given; the others stay as they are.",
)
def update_post(request, pk: int, post_pk: int, payload: PostIn):
    person = _editable_person(request, pk)
    post = _post(person, post_pk)
    post_update(post=post, **_fields(request, payload.dict(exclude_unset=True)))
    return _shown(post)


@router.delete(
    "/{int:pk}/posts/{int:post_pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=write_auth,
    operation_id="post_delete",
    summary="Delete a post",
    description="Delete a post. A post that signed agreements gives 409.",
)
def delete_post(request, pk: int, post_pk: int):
    person = _editable_person(request, pk)
    try:
        post_delete(post=_post(person, post_pk))
    except ProtectedError as error:
        raise delete_conflict(error, _("post")) from None
    return 204, None
