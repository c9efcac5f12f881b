"""Writes of evaluation reports, and the e-mail digest of alerts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from twinning.accounts.models import Membership
from twinning.accounts.selectors import WRITE_ROLES
from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.reports.documents import render_report
from twinning.reports.models import EvaluationReport, FileStatus, ReportFile
from twinning.reports.selectors import EVERYONE, Alerts, alerts_due, report_content


@transaction.atomic
def report_create(
    *,
    party,
    partnership,
    from_year: int,
    to_year: int,
    language: str = "da",
    title: str = "",
    summary: str = "",
    recommendation: str = "",
    author=None,
    owner=None,
    is_public: bool = False,
) -> EvaluationReport:
    """Create an evaluation report; its sections are generated whenever it is shown."""
    report = EvaluationReport(
        party=party,
        partnership=partnership,
        from_year=from_year,
        to_year=to_year,
        language=language,
        title=title,
        summary=summary,
        recommendation=recommendation,
        author=author if getattr(author, "pk", None) else None,
        owner=owner,
        is_public=is_public,
    )
    report.full_clean()
    report.save()
    search_entry_update(report)
    return report


@transaction.atomic
def report_update(
    *, report: EvaluationReport, version: int | None = None, **fields
) -> EvaluationReport:
    """Change the given fields of a report after validating them."""
    report = model_update(instance=report, data=fields, version=version)
    search_entry_update(report)
    return report


@transaction.atomic
def report_delete(*, report: EvaluationReport) -> None:
    """Delete a report; its history keeps what it said."""
    search_entry_delete(report)
    report.delete()


def responsible_users(owner_ids) -> dict[int, set[int]]:
    """Return the active editors and administrators of the organisations, each with the
    organisations they answer for."""
    members: dict[int, set[int]] = defaultdict(set)
    for user_id, organisation_id in Membership.objects.filter(
        organisation_id__in=[pk for pk in owner_ids if pk is not None],
        role__in=WRITE_ROLES,
        user__is_active=True,
    ).values_list("user_id", "organisation_id"):
        members[user_id].add(organisation_id)
    return members


def alerts_email_digest(*, today: dt.date | None = None, alerts: Alerts | None = None) -> int:
    """Send each responsible user one e-mail listing what is due; return how many were sent.

    Responsible users are the editors and administrators of the organisation that owns
    the partnership or visit. Users without an e-mail address are skipped.
    """
    alerts = alerts if alerts is not None else alerts_due(user=EVERYONE, today=today)
    items = alerts.items()
    owner_ids = {alert.owner_id for alert in items if alert.owner_id is not None}
    if not owner_ids:
        return 0
    members = responsible_users(owner_ids)
    users = get_user_model().objects.filter(pk__in=members).exclude(email="").order_by("pk")
    messages = []
    for user in users:
        mine = [alert for alert in items if alert.owner_id in members[user.pk]]
        if not mine:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            context = {"user": user, "today": alerts.today, "alerts": mine}
            body = render_to_string("reports/alerts_email.txt", context)
            subject = _("twinning: %(count)s item(s) need attention") % {"count": len(mine)}
        messages.append(EmailMessage(subject=subject, body=body, to=[user.email]))
    if messages:
        get_connection().send_messages(messages)
    return len(messages)


@transaction.atomic
def report_file_request(*, report: EvaluationReport, fmt: str, user) -> ReportFile:
    """Queue the making of a report's PDF or Word file; the worker fills it in."""
    if fmt not in ("pdf", "docx"):
        raise ValidationError({"fmt": _("Choose PDF or Word.")})
    return ReportFile.objects.create(report=report, fmt=fmt, requested_by=user)


def _report_file_step(report_file: ReportFile, progress: int, step: str, **fields) -> None:
    report_file.progress, report_file.step = progress, step
    for name, value in fields.items():
        setattr(report_file, name, value)
    report_file.save(update_fields=["progress", "step", *fields])


def report_file_build(*, file_id: int) -> ReportFile:
    """Make a queued report file, saving how far it has come after each step.

    The file is made with what the requesting user may see, in the report's language.
    """
    report_file = ReportFile.objects.select_related("report", "requested_by").get(pk=file_id)
    report = report_file.report
    try:
        with translation.override(report.language):
            _report_file_step(report_file, 10, _("Collecting the facts"), status=FileStatus.RUNNING)
            content = report_content(user=report_file.requested_by, report=report)
            _report_file_step(report_file, 50, _("Drawing the document"))
            data = render_report(content, report_file.fmt)
    except Exception as exc:  # the failure is shown to the user instead of a lasting spinner
        _report_file_step(
            report_file,
            report_file.progress,
            _("Failed"),
            status=FileStatus.FAILED,
            error=str(exc),
            finished_at=timezone.now(),
        )
        raise
    _report_file_step(
        report_file,
        100,
        _("Ready"),
        status=FileStatus.DONE,
        content=data,
        finished_at=timezone.now(),
    )
    return report_file
