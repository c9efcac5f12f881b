"""Mark the passages of a document that suggestions quote, escaping everything else."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from twinning.ingestion.models import Suggestion


def highlighted_text(text: str, suggestions: Iterable[Suggestion]) -> SafeString:
    """Return the text as HTML with each suggestion's passage wrapped in <mark>.

    Every piece of the document is escaped before it is joined; only the <mark> tags come
    from here. Passages may overlap or share a span: the text is cut at every boundary and
    each piece is marked with all the suggestions covering it. The first piece of each
    suggestion carries the id ``suggestion-<pk>`` so the side list can link to it.
    """
    spans = [(s.start, s.end, s) for s in suggestions if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(start for start, _e, _s in spans), *(e for _s, e, _x in spans)})
    anchored: set[int] = set()
    parts: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[left:right])
        covering = [s for start, end, s in spans if start <= left and right <= end]
        if not covering:
            parts.append(piece)
            continue
        fresh = [s for s in covering if s.pk not in anchored]
        anchored.update(s.pk for s in fresh)
        # The mark carries the id of the first suggestion starting here; others sharing the
        # start get an empty anchor each.
        anchors = "".join(
            format_html('<span id="suggestion-{}" class="anchor"></span>', s.pk) for s in fresh[1:]
        )
        classes = " ".join(
            sorted({f"kind-{s.kind}" for s in covering} | {f"status-{s.status}" for s in covering})
        )
        mark_id = format_html(' id="suggestion-{}"', fresh[0].pk) if fresh else ""
        parts.append(
            format_html(
                '{}<mark{} class="{}" data-suggestions="{}">{}</mark>',
                mark_safe(anchors),  # built by format_html from integers
                mark_id,
                classes,
                " ".join(str(s.pk) for s in covering),
                piece,
            )
        )
    # Each part is either escaped document text or markup built by format_html above.
    return mark_safe("".join(parts))
