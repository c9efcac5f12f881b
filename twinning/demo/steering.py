"""Load the demo's steering data: strategies with goals, and budgets.

The data lives in ``data/steering.json`` and refers to registry records by name, so it is
loaded after the registry. Loading is idempotent: strategies are matched by party and
title, budgets by party and year, and their goals, allocations and lines are replaced.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from twinning.core.translated import other_languages
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.places.models import Place
from twinning.sources.models import Evidence, Source
from twinning.strategies.models import Budget, Goal, Strategy
from twinning.strategies.services import (
    budget_allocation_set,
    budget_create,
    budget_line_add,
    budget_update,
    goal_create,
    indicator_create,
    indicator_period_set,
    strategy_create,
    strategy_update,
)

DATA = Path(__file__).parent / "data" / "steering.json"


class SteeringDataError(ValueError):
    """A name in the steering data that the registry does not hold."""


def _lookup(model, path: Path, what: str, **fields):
    found = model.objects.filter(**fields).first()
    if found is None:
        raise SteeringDataError(f"{path.name}: no {what} {fields} in the registry")
    return found


def _decimal(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _evidence(source: Source | None, fact, quotes: list[str]) -> None:
    if source is None:
        return
    for quote in quotes:
        start = source.text.find(quote) if source.text else -1
        Evidence.objects.get_or_create(
            source=source,
            content_type=ContentType.objects.get_for_model(fact),
            object_id=fact.pk,
            quote=quote,
            defaults={
                "start": start if start >= 0 else None,
                "end": start + len(quote) if start >= 0 else None,
            },
        )


@transaction.atomic
def steering_load(*, path: Path = DATA) -> tuple[int, int]:
    """Load the demo strategies and budgets; return how many of each."""
    data = json.loads(path.read_text(encoding="utf-8"))
    owner = _lookup(Organisation, path, "organisation", name=data["owner"])
    source = Source.objects.filter(title=data["source"]).first()
    areas = {area.slug: area for area in FocusArea.objects.all()}

    def area(slug: str) -> FocusArea:
        if slug not in areas:
            raise SteeringDataError(f"{path.name}: no focus area “{slug}”")
        return areas[slug]

    for item in data["strategies"]:
        party = _lookup(Place, path, "place", name=item["party"])
        fields = {
            "kind": item["kind"],
            "start": item.get("start"),
            "end": item.get("end"),
            "description": item.get("description", ""),
            "focus_areas": [(area(slug), wording) for slug, wording in item["focus"]],
            "owner": owner,
            "is_public": True,
            **other_languages(Strategy, item),
        }
        strategy = Strategy.objects.filter(party=party, title=item["title"]).first()
        if strategy is None:
            strategy = strategy_create(party=party, title=item["title"], **fields)
        else:
            strategy = strategy_update(strategy=strategy, **fields)
        _evidence(source, strategy, item.get("quotes", []))
        strategy.goals.all().delete()
        for goal_item in item.get("goals", []):
            goal = goal_create(
                strategy=strategy,
                title=goal_item["title"],
                focus_area=area(goal_item["focus"]) if goal_item.get("focus") else None,
                actions=goal_item.get("actions", ""),
                deadline=goal_item.get("deadline"),
                success_criteria=goal_item.get("success_criteria", ""),
                status=goal_item.get("status", "not_assessed"),
                assessment=goal_item.get("assessment", ""),
                **other_languages(Goal, goal_item),
            )
            _evidence(source, goal, goal_item.get("quotes", []))
            for indicator_item in goal_item.get("indicators", []):
                indicator = indicator_create(
                    goal=goal,
                    title=indicator_item["title"],
                    unit=indicator_item["unit"],
                    direction=indicator_item.get("direction", "increase"),
                    description=indicator_item.get("description", ""),
                )
                for period in indicator_item.get("periods", []):
                    indicator_period_set(
                        indicator=indicator,
                        start=dt.date.fromisoformat(period["start"]),
                        end=dt.date.fromisoformat(period["end"]),
                        target=_decimal(period.get("target")),
                        actual=_decimal(period.get("actual")),
                        source=source,
                        evidence=period.get("evidence", ""),
                    )

    for item in data["budgets"]:
        party = _lookup(Place, path, "place", name=item["party"])
        fields = {
            "total": _decimal(item.get("total")),
            "rule": item.get("rule", ""),
            "rate_per_inhabitant": _decimal(item.get("rate_per_inhabitant")),
            "staff_fte": _decimal(item.get("staff_fte")),
            "notes": item.get("notes", ""),
            "owner": owner,
            "is_public": True,
        }
        budget = Budget.objects.filter(party=party, year=item["year"]).first()
        if budget is None:
            budget = budget_create(party=party, year=item["year"], **fields)
        else:
            budget = budget_update(budget=budget, **fields)
        _evidence(source, budget, item.get("quotes", []))
        budget.allocations.all().delete()
        for allocation in item.get("allocations", []):
            partnership = _lookup(
                Partnership,
                path,
                "partnership",
                party_a__name=allocation["a"],
                party_b__name=allocation["b"],
            )
            budget_allocation_set(
                budget=budget,
                partnership=partnership,
                amount=_decimal(allocation.get("amount")),
                share=_decimal(allocation.get("share")),
                notes=allocation.get("notes", ""),
            )
        budget.lines.all().delete()
        for line in item.get("lines", []):
            budget_line_add(
                budget=budget,
                category=line["category"],
                description=line.get("description", ""),
                planned=_decimal(line.get("planned")),
                spent=_decimal(line.get("spent")),
            )
    return len(data["strategies"]), len(data["budgets"])
