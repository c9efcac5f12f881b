"""Bar charts drawn on the server as SVG, so that pages and PDFs need no script."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

ROW_HEIGHT = 22
LABEL_WIDTH = 190
COLUMN_AREA_HEIGHT = 160


@dataclass(frozen=True)
class Bar:
    """One bar, placed in the chart's coordinates."""

    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    value_x: float
    value_y: float


def _tick_step(count: int) -> int:
    # Label every bar when they fit, otherwise every second, fifth or tenth.
    for step in (1, 2, 5, 10, 20, 50):
        if count / step <= 24:
            return step
    return 100


def bar_chart(
    items: list[tuple[str, int]], *, title: str, columns: bool = False, width: int = 640
) -> SafeString:
    """Return an SVG bar chart of (label, value) pairs.

    Rows (horizontal bars) suit named categories; ``columns`` draws upright bars, which
    suit a timeline. An empty list gives an empty string.
    """
    if not items:
        return SafeString("")
    top = max(value for _label, value in items) or 1
    bars = []
    if columns:
        height = COLUMN_AREA_HEIGHT + 44
        slot = (width - 20) / len(items)
        step = _tick_step(len(items))
        for index, (label, value) in enumerate(items):
            bar_height = COLUMN_AREA_HEIGHT * value / top
            x = 10 + index * slot
            bars.append(
                Bar(
                    label=str(label) if index % step == 0 else "",
                    value=value,
                    x=round(x + slot * 0.1, 1),
                    y=round(20 + COLUMN_AREA_HEIGHT - bar_height, 1),
                    width=round(slot * 0.8, 1),
                    height=round(bar_height, 1),
                    label_x=round(x + slot / 2, 1),
                    label_y=20 + COLUMN_AREA_HEIGHT + 16,
                    value_x=round(x + slot / 2, 1),
                    value_y=round(16 + COLUMN_AREA_HEIGHT - bar_height, 1),
                )
            )
    else:
        height = len(items) * ROW_HEIGHT + 10
        area = width - LABEL_WIDTH - 60
        for index, (label, value) in enumerate(items):
            y = 5 + index * ROW_HEIGHT
            bar_width = area * value / top
            bars.append(
                Bar(
                    label=str(label),
                    value=value,
                    x=LABEL_WIDTH,
                    y=y + 3,
                    width=round(bar_width, 1),
                    height=ROW_HEIGHT - 6,
                    label_x=LABEL_WIDTH - 8,
                    label_y=y + ROW_HEIGHT / 2 + 4,
                    value_x=round(LABEL_WIDTH + bar_width + 6, 1),
                    value_y=y + ROW_HEIGHT / 2 + 4,
                )
            )
    context = {
        "bars": bars,
        "title": title,
        "width": width,
        "height": height,
        "columns": columns,
        "show_values": not columns or len(items) <= 24,
    }
    return SafeString(render_to_string("atlas/bar_chart.svg", context))
