"""Measure a page as a person with assistive technology meets it: axe-core's WCAG 2.1 A
and AA rules, and reflow (no sideways scrolling of the page at a phone's width)."""

from pathlib import Path

from django.conf import settings

AXE_SCRIPT = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (1366, 320)


def axe_violations(page) -> list[dict]:
    """Return axe-core's WCAG 2.1 A/AA violations on the page as it is drawn now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
            });
            return result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.length,
                targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
            }));
        }""",
        WCAG_TAGS,
    )


def page_overflow(page) -> int:
    """Return how many CSS pixels the page is wider than the window (0 when it reflows)."""
    return page.evaluate(
        "Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"
    )


def measure(page, url: str) -> dict:
    """Load ``url`` and measure it at every width: violations, failing elements, overflow."""
    results = {}
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    page.goto(url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        # Let the page's own resize handlers run, as they would for a person.
        page.evaluate("() => new Promise((r) => requestAnimationFrame(() => setTimeout(r)))")
        violations = axe_violations(page)
        results[width] = {
            "violations": violations,
            "nodes": sum(v["nodes"] for v in violations),
            "overflow": page_overflow(page) if width < 1000 else 0,
        }
    return results
