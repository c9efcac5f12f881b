"""Pages for participant registers: the register, its forms, GDPR requests and public sign-up."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from twinning.accounts.selectors import can_edit, visible_to
from twinning.activities.models import Activity
from twinning.core.exports import content_type, table_bytes
from twinning.participants import selectors, services
from twinning.participants.forms import ParticipantForm, RegisterForm, SignUpForm
from twinning.participants.models import Participant, Register
from twinning.visits.models import Visit


def _register(request, pk: int) -> Register:
    try:
        return selectors.register_detail(user=request.user, pk=pk)
    except Register.DoesNotExist as exc:
        raise Http404(_("No such register.")) from exc


def _editable(request, pk: int) -> Register:
    register = _register(request, pk)
    if not can_edit(request.user, register):
        raise PermissionDenied
    return register


def _participant(register: Register, pk: int) -> Participant:
    return get_object_or_404(Participant.objects.select_related("town"), register=register, pk=pk)


def _save(form, save):
    """Call the service; lay its refusals on the form's fields where the form has them."""
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for name, errors in exc.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return None


def register_detail(request, pk: int):
    """Show a register: counts for all who may see it, names for its owner's members."""
    register = _register(request, pk)
    context = {
        "register": register,
        "count": selectors.headcount(register),
        "may_edit": can_edit(request.user, register),
        "may_see_names": selectors.may_see_names(request.user, register),
        "signup_url": request.build_absolute_uri(register.get_signup_url()),
    }
    return render(request, "participants/register.html", context)


@login_required
@require_POST
def register_open(request, kind: str, event_pk: int):
    """Open the register of a visit or an activity the user may change."""
    model = {"visit": Visit, "activity": Activity}.get(kind)
    if model is None:
        raise Http404
    event = get_object_or_404(visible_to(model.objects.all(), request.user), pk=event_pk)
    if not can_edit(request.user, event):
        raise PermissionDenied
    existing = Register.objects.filter(**{kind: event}).first()
    if existing is None:
        existing = services.register_create(**{kind: event})
        messages.success(request, _("The register was opened."))
    return redirect(existing)


@login_required
def register_update(request, pk: int):
    """Change how a register is kept and open or close its sign-up."""
    register = _editable(request, pk)
    form = RegisterForm(request.POST or None, instance=register)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.register_update(register=register, **data))
        if saved is not None:
            messages.success(request, _("The register was saved."))
            return redirect(saved)
    return render(request, "participants/register_form.html", {"form": form, "register": register})


@login_required
def participant_form(request, pk: int, participant_pk: int | None = None):
    """Add a participant to a register, or change one."""
    register = _editable(request, pk)
    participant = _participant(register, participant_pk) if participant_pk else None
    form = ParticipantForm(request.POST or None, instance=participant, register=register)
    if request.method == "POST" and form.is_valid():
        if participant is None:
            save = lambda **data: services.participant_create(register=register, **data)  # noqa: E731
        else:
            save = lambda **data: services.participant_update(participant=participant, **data)  # noqa: E731
        if _save(form, save) is not None:
            messages.success(request, _("The participant was saved."))
            return redirect(f"{register.get_absolute_url()}#participants")
    context = {"form": form, "register": register, "participant": participant}
    return render(request, "participants/participant_form.html", context)


@login_required
@require_POST
def participant_erase(request, pk: int, participant_pk: int):
    """Remove a participant's name and contacts at their request; the count stays."""
    register = _editable(request, pk)
    services.participant_erase(participant=_participant(register, participant_pk))
    messages.success(request, _("The participant's personal data were removed."))
    return redirect(f"{register.get_absolute_url()}#participants")


@login_required
def register_export(request, pk: int, fmt: str):
    """Return the whole register as CSV or XLSX, for the members who may see the names."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    register = _register(request, pk)
    if not selectors.may_see_names(request.user, register):
        raise PermissionDenied
    columns, rows = selectors.register_table(register)
    data = table_bytes(fmt, columns, rows, title=_("Participants"))
    response = HttpResponse(data, content_type=content_type(fmt))
    response["Content-Disposition"] = f'attachment; filename="participants-{register.pk}.{fmt}"'
    return response


@login_required
def participant_export(request, pk: int, participant_pk: int):
    """Return everything kept about one participant as JSON, for their access request."""
    register = _editable(request, pk)
    participant = _participant(register, participant_pk)
    response = JsonResponse(
        selectors.participant_data(participant), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Disposition"] = f'attachment; filename="participant-{participant.pk}.json"'
    return response


def _signup_rate(group, request) -> str:
    return settings.TWINNING_SIGNUP_RATE


@ratelimit(key="ip", rate=_signup_rate, method="POST", block=False)
def signup(request, key: str):
    """Let anyone with the address sign up for an event while its organiser keeps it open.

    One address may send ``TWINNING_SIGNUP_RATE`` sign-ups; more are answered 429.
    """
    if getattr(request, "limited", False):
        return render(request, "participants/signup_limited.html", status=429)
    try:
        register = selectors.register_for_signup(key=key)
    except Register.DoesNotExist as exc:
        raise Http404(_("No such sign-up form.")) from exc
    is_open = register.is_signup_open(taken=register.listed)
    form = SignUpForm(request.POST or None, register=register)
    status = 200
    if request.method == "POST" and is_open and form.is_valid():
        participant = _save(
            form, lambda **data: services.participant_sign_up(register=register, **data)
        )
        if participant is not None:
            return render(request, "participants/signup_done.html", {"register": register})
        status = 422
    elif request.method == "POST":
        status = 422 if is_open else 409
    context = {"register": register, "form": form, "is_open": is_open}
    return render(request, "participants/signup.html", context, status=status)
