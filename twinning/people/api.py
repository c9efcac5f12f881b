"""JSON endpoints for people and their posts.

People are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change a person or the person's posts.
"""

from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.core.api import Child, Resource
from twinning.people import services
from twinning.people.filters import PersonFilter
from twinning.people.models import Person, Post
from twinning.people.schemas import PersonDetailOut, PersonIn, PersonOut, PostIn, PostOut
from twinning.people.selectors import person_detail, person_list

people = Resource(
    model=Person,
    out=PersonOut,
    detail=PersonDetailOut,
    select=lambda user: person_list(user=user),
    fetch=lambda user, pk: person_detail(user=user, pk=pk),
    filterset=PersonFilter,
    query_docs={"q": "Text found in the name or e-mail."},
    body=PersonIn,
    create=services.person_create,
    update=services.person_update,
    delete=services.person_delete,
    export="people",
    not_found=_("No such person."),
    docs={
        "delete": "Its posts and links to partnerships go with it; a post that signed "
        "agreements gives 409."
    },
)
posts = Child(
    parent=people,
    path="posts",
    model=Post,
    out=PostOut,
    body=PostIn,
    create=services.post_create,
    update=services.post_update,
    delete=services.post_delete,
    shown=lambda post, request: Post.objects.select_related("organisation", "place").get(
        pk=post.pk
    ),
    docs={"delete": "A post that signed agreements gives 409."},
)
router = posts.mount(people.mount(Router(tags=["people"])))
