"""Results of a strategy as the IATI activity standard (2.03) writes them, and back.

Each goal is a ``result``, each indicator an ``indicator`` with its ``baseline`` and
``period`` elements; a breakdown is an ``actual`` (or ``target``) with a ``dimension``. The
standard has no element for an indicator's unit, so it travels in an element of our own
namespace, which other readers ignore as the standard allows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from lxml import etree

from twinning.strategies.models import Goal, IndicatorDirection, Strategy
from twinning.strategies.services import goal_create, indicator_create, indicator_period_set

IATI_VERSION = "2.03"
UNIT_NS = "https://twinning.example.org/iati"
UNIT = f"{{{UNIT_NS}}}unit"
# IATI result types: 1 output, 2 outcome, 3 impact, 9 other. A strategy's goal is an outcome.
OUTCOME = "2"
MEASURE_UNIT = "1"


def _narrative(parent, tag: str, text: str) -> None:
    if text:
        element = etree.SubElement(parent, tag)
        etree.SubElement(element, "narrative").text = text


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def results_to_iati(*, strategy: Strategy) -> bytes:
    """Return the strategy as an ``iati-activities`` document holding its results."""
    root = etree.Element("iati-activities", version=IATI_VERSION, nsmap={"twinning": UNIT_NS})
    root.set("generated-datetime", dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat())
    activity = etree.SubElement(root, "iati-activity")
    etree.SubElement(activity, "iati-identifier").text = f"twinning-strategy-{strategy.pk}"
    _narrative(activity, "title", strategy.title)
    _narrative(activity, "description", strategy.description)
    for goal in strategy.goals.all():
        result = etree.SubElement(activity, "result", type=OUTCOME, **{"aggregation-status": "0"})
        _narrative(result, "title", goal.title)
        _narrative(result, "description", goal.success_criteria)
        for indicator in goal.indicators.all():
            element = etree.SubElement(
                result,
                "indicator",
                measure=MEASURE_UNIT,
                ascending="0" if indicator.direction == IndicatorDirection.DECREASE else "1",
            )
            _narrative(element, "title", indicator.title)
            _narrative(element, "description", indicator.description)
            etree.SubElement(element, UNIT).text = indicator.unit
            if indicator.baseline is not None:
                day = indicator.baseline_date.first_day()
                etree.SubElement(
                    element,
                    "baseline",
                    year=str(day.year),
                    **{"iso-date": day.isoformat(), "value": _number(indicator.baseline)},
                )
            for period in indicator.periods.all():
                _period(element, period)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _period(indicator, period) -> None:
    element = etree.SubElement(indicator, "period")
    etree.SubElement(element, "period-start", **{"iso-date": period.start.isoformat()})
    etree.SubElement(element, "period-end", **{"iso-date": period.end.isoformat()})
    if period.target is not None:
        etree.SubElement(element, "target", value=_number(period.target))
    if period.actual is not None:
        actual = etree.SubElement(element, "actual", value=_number(period.actual))
        _narrative(actual, "comment", period.evidence)
    for part in period.breakdown.all():
        for tag, value in (("target", part.target), ("actual", part.actual)):
            if value is not None:
                split = etree.SubElement(element, tag, value=_number(value))
                etree.SubElement(split, "dimension", name=part.dimension, value=part.category)


class IatiError(ValidationError):
    """A result document that cannot be read; nothing of it is stored."""


def _text(element, path: str) -> str:
    found = element.find(path)
    return "".join(found.itertext()).strip() if found is not None else ""


def _value(element, where: str) -> Decimal | None:
    raw = element.get("value")
    if raw in (None, ""):
        return None
    try:
        return Decimal(raw)
    except InvalidOperation as exc:
        raise IatiError(
            _("Line %(line)s: %(where)s has the value “%(value)s”, which is not a number.")
            % {"line": element.sourceline, "where": where, "value": raw}
        ) from exc


def _day(element, tag: str) -> dt.date:
    found = element.find(tag)
    raw = found.get("iso-date") if found is not None else None
    try:
        return dt.date.fromisoformat(raw)
    except (TypeError, ValueError) as exc:
        raise IatiError(
            _("Line %(line)s: a period needs %(tag)s with an iso-date (YYYY-MM-DD).")
            % {"line": element.sourceline, "tag": tag}
        ) from exc


@transaction.atomic
def results_from_iati(*, strategy: Strategy, data: bytes) -> dict[str, int]:
    """Read every ``result`` of an IATI document into the strategy's goals and indicators.

    Goals and indicators are matched by title and created when missing; a period replaces
    the one that starts on the same day. Return how many goals, indicators and periods
    were read. Nothing is stored when any part cannot be read.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise IatiError(_("The file is not well-formed XML: %(error)s") % {"error": exc}) from exc
    counts = {"goals": 0, "indicators": 0, "periods": 0}
    for result in root.iter("result"):
        title = _text(result, "title")
        if not title:
            raise IatiError(
                _("Line %(line)s: a result needs a title.") % {"line": result.sourceline}
            )
        goal = strategy.goals.filter(title=title).first() or goal_create(
            strategy=strategy, title=title, success_criteria=_text(result, "description")
        )
        counts["goals"] += 1
        for element in result.iter("indicator"):
            counts["periods"] += _indicator(goal, element)
            counts["indicators"] += 1
    return counts


def _indicator(goal: Goal, element) -> int:
    title = _text(element, "title")
    if not title:
        raise IatiError(
            _("Line %(line)s: an indicator needs a title.") % {"line": element.sourceline}
        )
    indicator = goal.indicators.filter(title=title).first()
    if indicator is None:
        baseline = element.find("baseline")
        value = _value(baseline, "baseline") if baseline is not None else None
        indicator = indicator_create(
            goal=goal,
            title=title,
            unit=_text(element, UNIT) or element.get("measure", ""),
            description=_text(element, "description"),
            direction=(
                IndicatorDirection.DECREASE
                if element.get("ascending") in ("0", "false")
                else IndicatorDirection.INCREASE
            ),
            baseline=value,
            baseline_date=(
                (baseline.get("iso-date") or baseline.get("year")) if value is not None else None
            ),
        )
    periods = element.findall("period")
    for period in periods:
        totals: dict[str, Decimal | None] = {"target": None, "actual": None}
        parts: dict[tuple[str, str], dict] = {}
        evidence = ""
        for tag in ("target", "actual"):
            for value in period.findall(tag):
                amount = _value(value, tag)
                dimension = value.find("dimension")
                if dimension is None:
                    totals[tag] = amount
                    if tag == "actual":
                        evidence = _text(value, "comment")
                    continue
                key = (dimension.get("name", ""), dimension.get("value", ""))
                part = parts.setdefault(key, {"dimension": key[0], "category": key[1]})
                part[tag] = amount
        indicator_period_set(
            indicator=indicator,
            start=_day(period, "period-start"),
            end=_day(period, "period-end"),
            target=totals["target"],
            actual=totals["actual"],
            evidence=evidence,
            breakdown=list(parts.values()),
        )
    return len(periods)
