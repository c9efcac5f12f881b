"""JSON endpoints of the review queue: list suggestions, accept with edits, reject, undo.

Only editors review, and only suggestions read from sources of their organisations.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from twinning.accounts.auth import read_auth, write_auth
from twinning.core.api import ErrorOut, PageQuery, require_editor, validation_error_payload
from twinning.ingestion import selectors, services
from twinning.ingestion.facts import fact_field_names
from twinning.ingestion.forms import fact_form_class
from twinning.ingestion.models import Suggestion
from twinning.ingestion.schemas import (
    SuggestionAcceptIn,
    SuggestionListOut,
    SuggestionOut,
    SuggestionQuery,
)
from twinning.ingestion.services import ReviewStateError

router = Router(tags=["review"])


def _suggestion(request, pk: int) -> Suggestion:
    require_editor(request.user)
    try:
        suggestion = selectors.suggestion_for_review(user=request.user, pk=pk)
    except Suggestion.DoesNotExist:
        raise HttpError(404, _("No such suggestion.")) from None
    return _with_names(request, [suggestion])[0]


def _with_names(request, suggestions: list[Suggestion]) -> list[Suggestion]:
    names = selectors.names_match(suggestions, user=request.user)
    for suggestion in suggestions:
        suggestion.names = names.get(suggestion.pk, [])
    return suggestions


class SuggestionPage(PageQuery, SuggestionQuery):
    """Which page of the review queue, narrowed by source, kind and status."""


@router.get(
    "/suggestions",
    response={200: SuggestionListOut, 401: ErrorOut, 403: ErrorOut},
    auth=read_auth,
    operation_id="suggestion_list",
    summary="List suggestions for review",
    description=(
        "Return the suggestions read from sources the caller may review, in text order per "
        "source (newest source first), as {count, items}; editors only. Each pending one "
        "says what each name in it refers to in the registry."
    ),
)
def list_suggestions(request, query: Query[SuggestionPage]):
    require_editor(request.user)
    suggestions = selectors.suggestion_queue(
        user=request.user, source=query.source, kind=query.kind, status=query.status
    )
    items = list(suggestions[query.offset : query.offset + query.limit])
    return {"count": suggestions.count(), "items": _with_names(request, items)}


@router.get(
    "/suggestions/{int:pk}",
    response={200: SuggestionOut, 403: ErrorOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="suggestion_detail",
    summary="Get a suggestion",
    description="Return one suggestion with what its names refer to; editors only.",
)
def get_suggestion(request, pk: int):
    return _suggestion(request, pk)


def _checked_fields(suggestion: Suggestion, fields: dict) -> dict:
    known = set(fact_field_names(suggestion.kind))
    unknown = sorted(set(fields) - known)
    errors = [
        {
            "type": "value_error",
            "loc": ["body", "payload", "fields", name],
            "msg": _("%(name)s: not a field of this kind of fact.") % {"name": name},
        }
        for name in unknown
    ]
    form = fact_form_class(suggestion.kind)(
        data={name: "" if value is None else value for name, value in fields.items()}
    )
    if not unknown and not form.is_valid():
        errors = [
            {
                "type": "value_error",
                "loc": ["body", "payload", "fields", name],
                "msg": f"{name}: {message}",
            }
            for name, messages in form.errors.items()
            for message in messages
        ]
    if errors:
        raise NinjaValidationError(errors)
    return form.to_fields()


def _review(run):
    try:
        return run()
    except ReviewStateError as exc:
        raise HttpError(409, " ".join(exc.messages)) from None
    except ValidationError as exc:
        raise HttpError(422, validation_error_payload(exc)["detail"]) from None


def _decide(request, pk: int, service) -> Suggestion:
    suggestion = _suggestion(request, pk)
    _review(lambda: service(suggestion=suggestion, user=request.user))
    return _suggestion(request, pk)


@router.post(
    "/suggestions/{int:pk}/accept",
    response={
        200: SuggestionOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
    },
    auth=write_auth,
    operation_id="suggestion_accept",
    summary="Accept a suggestion",
    description=(
        "File the fact into the registry, with corrected fields if given, and keep its "
        "passage as evidence. Each name must match one record, be linked to one "
        '(links: {field: token}) or be confirmed as new (links: {field: "new"}); '
        "otherwise 422 names it. A suggestion already reviewed gives 409."
    ),
)
def accept_suggestion(request, pk: int, payload: SuggestionAcceptIn):
    suggestion = _suggestion(request, pk)
    _review(lambda: services.suggestion_check_pending(suggestion=suggestion))
    fields = None if payload.fields is None else _checked_fields(suggestion, payload.fields)

    # All or nothing: a correction is not kept when the fact cannot be filed.
    @transaction.atomic
    def run():
        if fields is not None:
            services.suggestion_correct(suggestion=suggestion, fields=fields)
        services.suggestion_accept(suggestion=suggestion, user=request.user, links=payload.links)

    _review(run)
    return _suggestion(request, pk)


@router.post(
    "/suggestions/{int:pk}/reject",
    response={200: SuggestionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=write_auth,
    operation_id="suggestion_reject",
    summary="Reject a suggestion",
    description="Mark the suggestion as wrong; undo puts it back. Reviewed ones give 409.",
)
def reject_suggestion(request, pk: int):
    return _decide(request, pk, services.suggestion_reject)


@router.post(
    "/suggestions/{int:pk}/undo",
    response={200: SuggestionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=write_auth,
    operation_id="suggestion_undo",
    summary="Undo a rejection",
    description="Put a rejected suggestion back in the queue; any other state gives 409.",
)
def undo_rejection(request, pk: int):
    return _decide(request, pk, services.suggestion_reopen)
