"""Reads of grants: who took part, what the call's rules say is missing, and the final report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import Prefetch, Q, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from twinning.accounts.selectors import visible_to
from twinning.activities.models import Activity
from twinning.grants.calls import eu_member_states
from twinning.grants.models import Grant, GrantTown, TownRole
from twinning.participants.models import Participant, Register
from twinning.participants.selectors import towns_around
from twinning.places.models import Place
from twinning.visits.models import Visit


def grant_list(*, user) -> QuerySet[Grant]:
    """Return the grants the user may see, with their towns loaded."""
    return (
        visible_to(Grant.objects.all(), user)
        .select_related("partnership__party_a", "partnership__party_b", "owner")
        .prefetch_related(Prefetch("towns", queryset=GrantTown.objects.select_related("place")))
    )


def grant_detail(*, user, pk: int) -> Grant:
    """Return one visible grant with its visible visits and activities."""
    return (
        grant_list(user=user)
        .prefetch_related(
            Prefetch("visits", queryset=visible_to(Visit.objects.select_related("host"), user)),
            Prefetch(
                "activities", queryset=visible_to(Activity.objects.select_related("place"), user)
            ),
        )
        .get(pk=pk)
    )


def grant_town_choices(grant: Grant) -> QuerySet[Place]:
    """Return the towns a grant may name: its events' places, its partnership's and their twins."""
    ids = set(grant.towns.values_list("place_id", flat=True))
    if grant.partnership_id:
        ids |= {grant.partnership.party_a_id, grant.partnership.party_b_id}
    for visit in grant.visits.all():
        ids |= {visit.host_id, visit.visiting_party_id}
    ids |= set(grant.activities.values_list("place_id", flat=True))
    return towns_around(ids)


def grant_registers(grant: Grant) -> QuerySet[Register]:
    """Return the participant registers of the grant's visits and activities.

    Only the registers the grant's own organisation keeps count: names on another
    organisation's register are not theirs to print or certify.
    """
    return Register.objects.filter(
        Q(visit__in=grant.visits.all()) | Q(activity__in=grant.activities.all()),
        owner_id=grant.owner_id,
    ).select_related("visit", "activity")


def grant_participants(grant: Grant) -> list[Participant]:
    """Return everyone on the registers of the grant's events."""
    return list(
        Participant.objects.filter(register__in=grant_registers(grant))
        .select_related("town", "register__visit", "register__activity")
        .order_by("town__name", "name", "pk")
    )


def _towns(grant: Grant) -> list[GrantTown]:
    return list(grant.towns.select_related("place"))


def applicant_country(towns: list[GrantTown]) -> str:
    applicant = next((t for t in towns if t.role == TownRole.APPLICANT), None)
    return applicant.place.country.code if applicant and applicant.place.country else ""


def invited_town_ids(towns: list[GrantTown]) -> set[int]:
    """Return the partner towns whose people count as invited international participants.

    They are the invited partners in another country than the applicant (host) town.
    """
    home = applicant_country(towns)
    return {
        t.place_id
        for t in towns
        if t.role == TownRole.PARTNER and (not home or t.place.country.code != home)
    }


@dataclass
class Finding:
    """One rule of the call, and whether the grant meets it."""

    rule: str
    ok: bool
    message: str


@dataclass
class Check:
    """The call's rules applied to a grant; ``missing`` lists what is not met."""

    findings: list[Finding] = field(default_factory=list)

    @property
    def missing(self) -> list[Finding]:
        return [f for f in self.findings if not f.ok]

    @property
    def ok(self) -> bool:
        return not self.missing


def grant_check(grant: Grant, participants: list[Participant] | None = None) -> Check:
    """Apply the call's rules to the grant and say what is missing."""
    rules = grant.call_rules
    check = Check()
    if rules is None:
        check.findings.append(
            Finding("call", False, _("The call %(code)s is not known.") % {"code": grant.call})
        )
        return check
    towns = _towns(grant)
    people = grant_participants(grant) if participants is None else participants
    registers = list(grant_registers(grant))
    add = check.findings.append

    listed = sum(1 for p in people)
    totals = sum(r.total or 0 for r in registers if not r.participants.exists())
    direct = listed + totals
    add(
        Finding(
            "participants",
            direct >= rules.min_participants,
            _("%(count)d direct participants of at least %(min)d.")
            % {"count": direct, "min": rules.min_participants},
        )
    )
    invited_ids = invited_town_ids(towns)
    invited = sum(1 for p in people if p.town_id in invited_ids)
    add(
        Finding(
            "invited",
            invited >= rules.min_invited,
            _(
                "%(count)d invited international participants (from partner towns abroad) of at "
                "least %(min)d."
            )
            % {"count": invited, "min": rules.min_invited},
        )
    )
    if totals:
        add(
            Finding(
                "lists",
                False,
                _(
                    "%(count)d participants are counted without names; the Commission pays "
                    "against lists of participants by name."
                )
                % {"count": totals},
            )
        )
    if any(r.names_removed_on for r in registers):
        add(
            Finding(
                "lists",
                False,
                _(
                    "The names of a register were removed after its retention period; its "
                    "participants can no longer be certified."
                ),
            )
        )
    countries = {t.place.country.code for t in towns if t.place.country}
    add(
        Finding(
            "countries",
            len(countries) >= rules.min_countries,
            _("Towns in %(count)d countries of at least %(min)d.")
            % {"count": len(countries), "min": rules.min_countries},
        )
    )
    members = len(countries & eu_member_states())
    add(
        Finding(
            "member_states",
            members >= rules.min_member_states,
            _("Towns in %(count)d EU Member States of at least %(min)d.")
            % {"count": members, "min": rules.min_member_states},
        )
    )
    if not any(t.role == TownRole.APPLICANT for t in towns):
        add(Finding("applicant", False, _("No applicant (host) town is named.")))
    unsigned = [t.place.name for t in towns if not t.representative]
    add(
        Finding(
            "representatives",
            not unsigned,
            _("Legal representative missing for: %(towns)s.") % {"towns": ", ".join(unsigned)}
            if unsigned
            else _("Every town names its legal representative."),
        )
    )
    months = _months(grant)
    add(
        Finding(
            "duration",
            rules.min_months <= months <= rules.max_months,
            _("The project lasts %(months)d months; the call expects %(min)d to %(max)d.")
            % {"months": months, "min": rules.min_months, "max": rules.max_months},
        )
    )
    if grant.lump_sum is None:
        add(Finding("lump_sum", False, _("No lump sum is recorded.")))
    else:
        add(
            Finding(
                "lump_sum",
                rules.lump_sum_min <= grant.lump_sum <= rules.lump_sum_max,
                _("Lump sum %(sum)s %(currency)s; the call allows %(min)s to %(max)s.")
                % {
                    "sum": _amount(grant.lump_sum),
                    "currency": rules.currency,
                    "min": _amount(rules.lump_sum_min),
                    "max": _amount(rules.lump_sum_max),
                },
            )
        )
    outside = [
        e.title for e in [*grant.visits.all(), *grant.activities.all()] if not _within(grant, e)
    ]
    if outside:
        add(
            Finding(
                "period",
                False,
                _("Outside the grant's period: %(events)s.") % {"events": ", ".join(outside)},
            )
        )
    return check


def _amount(value) -> str:
    return number_format(value, 0, force_grouping=True)


def _months(grant: Grant) -> int:
    """Return the project's length in whole months, counting a begun month as whole."""
    span = relativedelta(grant.end, grant.start)
    return span.years * 12 + span.months + (1 if span.days else 0)


def _within(grant: Grant, event) -> bool:
    if isinstance(event, Visit):
        return grant.start <= event.start_date and event.end_date <= grant.end
    first, last = event.start.first_day(), (event.end or event.start).last_day()
    return grant.start <= first and last <= grant.end


@dataclass
class TownList:
    """The participants of one town, to be certified by its legal representative."""

    town: GrantTown
    participants: list[Participant]
    language: str


def certification_list(grant: Grant, town: GrantTown) -> TownList:
    """Return the participants from one town of the grant, in the town's language."""
    people = [p for p in grant_participants(grant) if p.town_id == town.place_id]
    return TownList(town=town, participants=people, language=town.document_language())


@dataclass
class FinalReport:
    """What a grant's final report draws on: its events, who took part, and the results."""

    grant: Grant
    events: list
    participants: int
    by_town: list[tuple[str, int]]
    by_country: list[tuple[str, int]]
    by_role: list[tuple[str, int]]
    minors: int
    check: Check


def final_report(grant: Grant) -> FinalReport:
    """Gather the final report of a grant from its events, registers and results."""
    people = grant_participants(grant)
    events = sorted(
        [*grant.visits.all(), *grant.activities.all()],
        key=lambda e: e.start_date if isinstance(e, Visit) else e.start.first_day(),
    )
    totals = sum(r.total or 0 for r in grant_registers(grant) if not r.participants.exists())
    return FinalReport(
        grant=grant,
        events=events,
        participants=len(people) + totals,
        by_town=sorted(Counter(p.town_label or "—" for p in people).items()),
        by_country=sorted(Counter(p.country.name or "—" for p in people).items()),
        by_role=sorted(Counter(p.get_role_display() for p in people).items()),
        minors=sum(p.is_minor for p in people),
        check=grant_check(grant, people),
    )
