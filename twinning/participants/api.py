"""JSON endpoints for participant registers, their participants and GDPR requests.

Counts of a public register are open to all; names and contacts only to members of the
register's organisation, and only its editors change a register or its participants.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.accounts.auth import read_auth, write_auth
from twinning.core.api import Child, ErrorOut, Resource
from twinning.participants import selectors, services
from twinning.participants.filters import RegisterFilter
from twinning.participants.models import Participant, Register
from twinning.participants.schemas import (
    ParticipantIn,
    ParticipantOut,
    RegisterDetailOut,
    RegisterIn,
    RegisterOut,
)

registers = Resource(
    model=Register,
    out=RegisterOut,
    detail=RegisterDetailOut,
    select=lambda user: selectors.register_list(user=user),
    fetch=lambda user, pk: selectors.register_detail(user=user, pk=pk),
    filterset=RegisterFilter,
    body=RegisterIn,
    guarded=("visit", "activity"),
    create=services.register_create,
    update=services.register_update,
    delete=services.register_delete,
    not_found=_("No such register."),
    docs={
        "create": "Give exactly one of visit and activity; the caller must be allowed to "
        "change it.",
        "delete": "Its participants go with it.",
    },
)
participants = Child(
    parent=registers,
    path="participants",
    model=Participant,
    out=ParticipantOut,
    body=ParticipantIn,
    create=services.participant_create,
    update=services.participant_update,
    delete=services.participant_delete,
    param="participant_pk",
    docs={
        "create": "A participant under 18 needs guardian_name and guardian_consent_on.",
        "delete": "Removes the row and so lowers the counts; to honour an erasure request "
        "and keep the counts, use erase.",
    },
)
router = participants.mount(registers.mount(Router(tags=["participants"])))


def _participant(request, pk: int, participant_pk: int) -> Participant:
    register = registers.editable(request, pk)
    try:
        return register.participants.select_related("register", "town").get(pk=participant_pk)
    except Participant.DoesNotExist:
        raise Http404 from None


@router.get(
    "/{int:pk}/participants/{int:participant_pk}/data",
    response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="participant_data",
    summary="Everything kept about a participant",
    description="Return all that is kept about one participant, to answer their request "
    "for access or portability. Editors of the register's organisation only.",
)
def participant_data(request, pk: int, participant_pk: int):
    return selectors.participant_data(_participant(request, pk, participant_pk))


@router.post(
    "/{int:pk}/participants/{int:participant_pk}/erase",
    response={200: ParticipantOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=write_auth,
    operation_id="participant_erase",
    summary="Remove a participant's personal data",
    description="Blank the name, contacts and guardian's name of one participant, keeping "
    "the anonymous row so the register's counts stay. The change history never holds these "
    "fields.",
)
def participant_erase(request, pk: int, participant_pk: int):
    return services.participant_erase(participant=_participant(request, pk, participant_pk))
