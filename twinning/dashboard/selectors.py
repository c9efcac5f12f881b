"""Reads of the dashboard: counts and recent changes across the registry's apps."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Exists, Model, OuterRef

from twinning.accounts.selectors import visible_to
from twinning.core.selectors import Change, changed_fields, m2m_history_sets
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership, PartnershipStatus
from twinning.people.models import Person
from twinning.places.models import Place
from twinning.sources.models import Source


def _partnership_label(record) -> str:
    return f"{record.party_a.name} – {record.party_b.name}"


def _name_label(record) -> str:
    return record.name


# What the dashboard's "recent changes" reads: model, owned?, related rows, label, detail URL.
_RECENT = [
    (Partnership, True, ("party_a", "party_b"), _partnership_label, "partnerships:detail"),
    (Place, False, (), _name_label, "places:detail"),
    (Organisation, True, (), _name_label, "organisations:detail"),
    (Person, True, (), _name_label, "people:detail"),
]


def recent_changes(*, user, limit: int = 15) -> list[Change]:
    """Return the latest history entries of records the user may see, newest first."""
    picked = []
    for model, owned, related, label, url_name in _RECENT:
        visible = visible_to(model.objects.all(), user) if owned else model.objects.all()
        records = (
            model.history.filter(Exists(visible.filter(pk=OuterRef("id"))))
            .select_related("history_user", *related)
            # History ids grow with every change: the newest come first along the primary
            # key, where ordering by date would sort every record of an imported registry.
            .order_by("-history_id")[:limit]
        )
        picked += [(record, model, label, url_name) for record in records]
    picked.sort(key=lambda item: item[0].history_date, reverse=True)
    picked = picked[:limit]

    # Each change is compared with the record before it; those are read per model at once.
    previous: dict[tuple, Model] = {}
    by_model = defaultdict(list)
    for record, model, _label, _url in picked:
        if record.history_type == "~":
            by_model[model].append(record)
    for model, records in by_model.items():
        newest = max(r.history_date for r in records)
        older = model.history.filter(
            id__in={r.id for r in records}, history_date__lt=newest
        ).order_by("history_date", "history_id")
        older = list(older)
        for record in records:
            before = [
                o for o in older if o.id == record.id and o.history_date < record.history_date
            ]
            if before:
                previous[(model, record.history_id)] = before[-1]

    m2m_by_model = {}
    for model, records in by_model.items():
        pairs = records + [previous[k] for k in previous if k[0] is model]
        m2m_by_model[model] = {
            f.name: m2m_history_sets(pairs, f.name)
            for f in getattr(records[0], "_history_m2m_fields", [])
        }

    changes = []
    for record, model, label, url_name in picked:
        old = previous.get((model, record.history_id))
        names = []
        if old is not None:
            names = changed_fields(record, old, m2m_sets=m2m_by_model.get(model))
        kind = str(model._meta.verbose_name)
        changes.append(
            Change(record, kind=kind, label=label(record), url_name=url_name, fields=names)
        )
    return changes


def dashboard_counts(*, user) -> dict:
    """Return how many records of each kind the user may see, partnerships by status."""
    by_status = dict(
        visible_to(Partnership.objects.all(), user)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    statuses = [
        {"value": value, "label": label, "count": by_status.get(value, 0)}
        for value, label in PartnershipStatus.choices
    ]
    return {
        "partnerships": sum(by_status.values()),
        "partnerships_by_status": statuses,
        "places": Place.objects.count(),
        "organisations": visible_to(Organisation.objects.all(), user).count(),
        "people": visible_to(Person.objects.all(), user).count(),
        "sources": visible_to(Source.objects.all(), user).count(),
    }
