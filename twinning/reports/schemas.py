"""Shapes of evaluation reports and alerts in the JSON API."""

import datetime as dt

from ninja import Field, Schema

from twinning.core.api import OwnedIn
from twinning.reports.models import ReportLanguage
from twinning.reports.selectors import AlertKind


class ReportOut(Schema):
    id: int = Field(description="Identifier of the report.")
    title: str = Field(description="Title of the report; may be empty.")
    party: int = Field(alias="party_id", description="Identifier of the reporting party.")
    party_name: str = Field(description="Name of the reporting party.")
    partnership: int = Field(
        alias="partnership_id", description="Identifier of the partnership evaluated."
    )
    from_year: int = Field(description="First year of the period evaluated, such as 2020.")
    to_year: int = Field(
        description="Last year of the period evaluated, inclusive; not before from_year."
    )
    language: str = Field(description="Language of the report: da or en.")
    created_at: dt.datetime = Field(description="When the report was created (ISO 8601).")
    updated_at: dt.datetime = Field(description="When the report was last changed (ISO 8601).")

    @staticmethod
    def resolve_party_name(obj):
        return obj.party.name


class AreaCountOut(Schema):
    area: str = Field(description="Code of the area evaluated.")
    year: int = Field(description="The year counted.")
    count: int = Field(description="Number of activities in the area in that year.")


class ReportDetailOut(ReportOut):
    summary: str = Field(description="The written summary; may be empty.")
    recommendation: str = Field(description="The written recommendation; may be empty.")
    activity_counts: list[AreaCountOut] = Field(description="Activities per area and year.")
    recommended_focus: list[str] = Field(description="Slugs of the recommended focus areas.")
    pdf_url: str = Field(description="Path of the report as a PDF file.")
    docx_url: str = Field(description="Path of the report as a Word (.docx) file.")


ALERT_KINDS = ", ".join(f"`{kind}`" for kind in AlertKind.values)


class AlertOut(Schema):
    kind: AlertKind = Field(description=f"Why it is due: one of {ALERT_KINDS}.")
    date: dt.date | None = Field(
        description="The day that matters (YYYY-MM-DD): end of term, notice deadline, day "
        "of lapse, first day of the visit or due day of the commitment."
    )
    title: str = Field(description="What is due, in a line.")
    partnership: str = Field(description="The partnership's two parties; empty for visits.")
    url: str = Field(description="Path of the page where it is dealt with.")


class AgreementAlertOut(Schema):
    kind: AlertKind = Field(
        description="`renewal_due`, `notice_deadline` (tacit renewal) or `agreement_lapsed`."
    )
    agreement: int = Field(description="Identifier of the agreement.")
    partnership: int = Field(description="Identifier of the agreement's partnership.")
    title: str = Field(description="Title of the agreement, or its kind when it has none.")
    date: dt.date = Field(
        description="End of the term, last day to give notice, or the day it lapsed."
    )
    term_end: dt.date = Field(
        description="Last possible day of the running (or last) term, taken from the expiry "
        "or derived from the signing date and the term."
    )
    window_opens: dt.date = Field(description="The day the alert began.")
    suggested_status: str = Field(
        description="For a lapse, the status the partnership is suggested to take; else empty."
    )


class VisitAlertOut(Schema):
    kind: AlertKind = Field(description="Always `visit_soon`.")
    id: int = Field(description="Identifier of the visit.")
    title: str = Field(description="Title of the visit.")
    start_date: dt.date = Field(description="First day of the visit (YYYY-MM-DD).")


class CommitmentAlertOut(Schema):
    kind: AlertKind = Field(description="`commitment_overdue` or `commitment_due`.")
    id: int = Field(description="Identifier of the commitment.")
    visit: int = Field(description="Identifier of the visit where it was made.")
    description: str = Field(description="What was promised.")
    due_date: dt.date | None = Field(
        description="The day it is due (YYYY-MM-DD); null when no day was set."
    )


class AlertsOut(Schema):
    today: dt.date = Field(description="The day the alerts were computed for (YYYY-MM-DD).")
    items: list[AlertOut] = Field(description="Every alert below in one list, by kind and day.")
    agreements: list[AgreementAlertOut] = Field(
        description="Agreements due for renewal, at their notice deadline, or lapsed."
    )
    visits: list[VisitAlertOut] = Field(
        description="Visits, not cancelled, that begin within the next 30 days."
    )
    commitments: list[CommitmentAlertOut] = Field(
        description="Open commitments from visits, overdue or due within the next 30 days."
    )


# Writes ---------------------------------------------------------------------------------


class ReportIn(OwnedIn):
    """An evaluation report to create: its period and the parts people write."""

    partnership: int = Field(description="Identifier of a visible partnership to evaluate.")
    party: int = Field(description="Identifier of the reporting party: one of the two.")
    from_year: int = Field(description="First year of the period, 1900 to 2200.")
    to_year: int = Field(description="Last year of the period, inclusive; not before from_year.")
    language: ReportLanguage = Field(ReportLanguage.DANISH, description="da or en.")
    title: str = Field("", description="Title of the report.")
    summary: str = Field("", description="The written summary.")
    recommendation: str = Field("", description="The written recommendation.")
    is_public: bool = Field(False, description="Shown to visitors who are not logged in.")
