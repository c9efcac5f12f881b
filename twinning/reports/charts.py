"""Bar charts drawn as SVG on the server, so the page, the PDF and Word show one figure.

Word cannot show SVG, so the same SVG text is rasterised to PNG for the .docx; each bar
carries its number in ``data-value`` so that the figure can be checked against its data.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

PALETTE = ["#1f5f8b", "#e07b39", "#3a9d5d", "#b8445a", "#7a5cb0", "#8c8c3a", "#4aa3b5", "#666666"]
FONT = "'Noto Sans', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif"


@dataclass(frozen=True)
class BarChart:
    """Grouped bars: one group per category, one bar per series in each group."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[int]]]

    def data(self) -> list[dict]:
        """Return every bar as {"series", "category", "value"}, in drawing order."""
        return [
            {"series": label, "category": category, "value": values[index]}
            for index, category in enumerate(self.categories)
            for label, values in self.series
        ]

    def data_json(self) -> str:
        return json.dumps(self.data(), ensure_ascii=False)


def _nice_top(value: int) -> tuple[int, int]:
    """Return a round axis maximum at or above the value and the step between ticks."""
    if value <= 5:
        return 5, 1
    magnitude = 10 ** int(math.log10(value))
    for step in (magnitude / 5, magnitude / 2, magnitude, magnitude * 2):
        step = max(1, int(step))
        top = step * math.ceil(value / step)
        if top / step <= 8:
            return top, step
    return value, value


def bar_chart_svg(chart: BarChart, *, width: int = 640, height: int = 340) -> str:
    """Return the chart as a standalone SVG document."""
    left, right, top, bottom = 44, 12, 36, 62
    plot_w, plot_h = width - left - right, height - top - bottom
    biggest = max((v for _label, values in chart.series for v in values), default=0)
    axis_top, step = _nice_top(biggest)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{escape(FONT)}" font-size="11" '
        f'role="img" aria-label={quoteattr(chart.title)}>',
        f"<title>{escape(chart.title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{width / 2:.1f}" y="18" text-anchor="middle" font-size="13" '
        f'font-weight="bold">{escape(chart.title)}</text>',
    ]
    for tick in range(0, axis_top + 1, step):
        y = top + plot_h - plot_h * tick / axis_top
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="#dddddd" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#444444">{tick}</text>'
        )
    groups = max(len(chart.categories), 1)
    group_w = plot_w / groups
    bars = max(len(chart.series), 1)
    bar_w = group_w * 0.8 / bars
    for index, category in enumerate(chart.categories):
        x0 = left + index * group_w + group_w * 0.1
        for number, (label, values) in enumerate(chart.series):
            value = values[index]
            bar_h = plot_h * value / axis_top
            x, y = x0 + number * bar_w, top + plot_h - bar_h
            colour = PALETTE[number % len(PALETTE)]
            out.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                f'height="{bar_h:.1f}" fill="{colour}" data-series={quoteattr(label)} '
                f'data-category={quoteattr(category)} data-value="{value}"/>'
            )
            if value:
                out.append(
                    f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                    f'font-size="9" fill="#222222">{value}</text>'
                )
        cx = left + index * group_w + group_w / 2
        out.append(
            f'<text x="{cx:.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
            f'fill="#222222">{escape(category)}</text>'
        )
    out.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        f'stroke="#444444" stroke-width="1"/>'
    )
    legend_y = height - 22
    x = left
    for number, (label, _values) in enumerate(chart.series):
        colour = PALETTE[number % len(PALETTE)]
        out.append(f'<rect x="{x}" y="{legend_y}" width="10" height="10" fill="{colour}"/>')
        out.append(f'<text x="{x + 14}" y="{legend_y + 9}">{escape(label)}</text>')
        x += 24 + 7 * len(label)
    out.append("</svg>")
    return "\n".join(out)


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """Return the SVG rasterised as PNG, for documents that cannot show SVG."""
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
