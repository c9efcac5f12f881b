"""The attachments panel that record pages show: the files kept on a record, and an upload."""

from django import template

from twinning.attachments.forms import AttachmentForm
from twinning.attachments.models import kind_of
from twinning.attachments.selectors import attachments_of, may_attach

register = template.Library()


@register.inclusion_tag("attachments/_panel.html", takes_context=True)
def attachments_panel(context, record):
    """Show the files kept on a record the page shows, with an upload form for its editors."""
    request = context["request"]
    may = may_attach(request.user, record)
    return {
        "request": request,
        "record": record,
        "kind": kind_of(record),
        "attachments": attachments_of(record=record, user=request.user),
        "may_attach": may,
        "form": AttachmentForm() if may else None,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("attachments/_links.html", takes_context=True)
def attachment_links(context, record):
    """Link the files kept on a record, such as a cost's receipts, in one line."""
    return {"attachments": attachments_of(record=record, user=context["request"].user)}
