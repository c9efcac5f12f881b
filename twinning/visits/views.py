"""Pages for visits: the list, the visit with its programme builder, forms and the PDF."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST

from twinning.accounts.selectors import can_edit, is_editor
from twinning.core.responses import name_file
from twinning.core.views import saved_redirect
from twinning.focusareas.models import FocusArea
from twinning.partnerships.forms import initial_from_partnership
from twinning.partnerships.selectors import partnership_started_from
from twinning.places.countries import country_choices
from twinning.sites.models import ShowcaseSite
from twinning.sites.selectors import sites_suggested_for
from twinning.visits import selectors, services
from twinning.visits.filters import VisitFilter
from twinning.visits.forms import (
    AddSiteForm,
    CommitmentForm,
    GiftForm,
    ProgrammeItemForm,
    VisitForm,
    VisitMemberForm,
)
from twinning.visits.models import Commitment, Gift, ProgrammeItem, Visit, VisitMember

PER_PAGE = 50
# The languages a programme is printed in, and the site language each is rendered under:
# Chinese delegations get theirs in simplified Chinese.
PDF_LANGUAGES = {"da": "da", "en": "en", "zh": "zh-hans"}
# Headings of programme days, written the way each language writes a full date.
DAY_FORMATS = {"da": r"l \d\e\n j. F Y", "en": "l j F Y", "zh": "Y年n月j日 l"}
DATE_FORMATS = {"da": "j. F Y", "en": "j F Y", "zh": "Y年n月j日"}


def _day_format() -> str:
    return DAY_FORMATS.get((translation.get_language() or "en")[:2], DAY_FORMATS["en"])


def visit_list(request):
    """List the visits the visitor may see, filtered, a page at a time."""
    visits = selectors.visit_list(user=request.user)
    filterset = VisitFilter(request.GET or None, queryset=visits)
    results = filterset.qs if filterset.is_bound else visits
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page_obj": page,
        "visits": page.object_list,
        "query_without_page": query.urlencode(),
        "may_create": is_editor(request.user),
        "hx_target": "#results",
    }
    if not request.htmx:
        context |= {
            "hosts": selectors.visit_host_choices(),
            "countries": country_choices(selectors.visiting_country_choices()),
            "interests": FocusArea.objects.order_by("name_en"),
        }
    template = "visits/_results.html" if request.htmx else "visits/list.html"
    return render(request, template, context)


def _visible_visit(request, pk: int) -> Visit:
    try:
        return selectors.visit_detail(user=request.user, pk=pk)
    except Visit.DoesNotExist as exc:
        raise Http404(_("No such visit.")) from exc


def _editable_visit(request, pk: int) -> Visit:
    visit = _visible_visit(request, pk)
    if not can_edit(request.user, visit):
        raise PermissionDenied
    return visit


def _section_context(request, visit: Visit, **forms) -> dict:
    """Return what the visit page and its htmx sections need."""
    may_edit = can_edit(request.user, visit)
    context = {
        "visit": visit,
        "may_edit": may_edit,
        "programme": selectors.programme_days(visit=visit),
        "day_format": _day_format(),
    }
    if may_edit:
        context |= {
            "suggestions": sites_suggested_for(visit=visit, user=request.user),
            "day_choices": visit.days(),
            "member_form": VisitMemberForm(
                instance=VisitMember(visit=visit), user=request.user, prefix="member"
            ),
            "gift_form": GiftForm(instance=Gift(visit=visit), user=request.user, prefix="gift"),
            "item_form": ProgrammeItemForm(
                instance=ProgrammeItem(visit=visit), user=request.user, prefix="item"
            ),
            "commitment_form": CommitmentForm(
                instance=Commitment(visit=visit), user=request.user, prefix="commitment"
            ),
        }
    context |= forms
    return context


def visit_detail(request, pk: int):
    """Show one visit: members, programme by day, gifts, commitments, report, history."""
    visit = _visible_visit(request, pk)
    context = _section_context(request, visit)
    context["history"] = selectors.visit_history(visit=visit)
    return render(request, "visits/detail.html", context)


def _save(form, save):
    """Call a service with the form's data, moving its validation errors onto the form."""
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def visit_create(request):
    """Let an editor record a visit under one of the editor's organisations."""
    if not is_editor(request.user):
        raise PermissionDenied
    initial = {}
    started_from = partnership_started_from(user=request.user, value=request.GET.get("partnership"))
    if started_from is not None:
        direction = request.GET.get("direction", "")
        initial = initial_from_partnership(started_from, request.user, direction=direction)
    form = VisitForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        visit = _save(form, services.visit_create)
        if visit is not None:
            messages.success(request, _("The visit was added."))
            return saved_redirect(request, visit)
    return render(request, "visits/visit_form.html", {"form": form})


@login_required
def visit_update(request, pk: int):
    """Let an editor of the owning organisation change a visit."""
    visit = _editable_visit(request, pk)
    form = VisitForm(request.POST or None, instance=visit, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.visit_update(visit=visit, **data))
        if saved is not None:
            messages.success(request, _("The visit was saved."))
            return redirect(saved)
    return render(request, "visits/visit_form.html", {"form": form, "visit": visit})


@dataclass(frozen=True)
class Part:
    """A kind of record hanging on a visit, and how its pages treat it."""

    model: type
    form: type
    create: object
    update: object
    instance_argument: str
    prefix: str
    section: str
    anchor: str
    title_add: object
    title_edit: object


PARTS = {
    "member": Part(
        VisitMember,
        VisitMemberForm,
        services.visit_member_create,
        services.visit_member_update,
        "member",
        "member",
        "visits/_members.html",
        "members",
        gettext_lazy("Add delegation member"),
        gettext_lazy("Edit delegation member"),
    ),
    "programme": Part(
        ProgrammeItem,
        ProgrammeItemForm,
        services.programme_item_create,
        services.programme_item_update,
        "item",
        "item",
        "visits/_programme.html",
        "programme",
        gettext_lazy("Add programme item"),
        gettext_lazy("Edit programme item"),
    ),
    "gift": Part(
        Gift,
        GiftForm,
        services.gift_create,
        services.gift_update,
        "gift",
        "gift",
        "visits/_gifts.html",
        "gifts",
        gettext_lazy("Add gift"),
        gettext_lazy("Edit gift"),
    ),
    "commitment": Part(
        Commitment,
        CommitmentForm,
        services.commitment_create,
        services.commitment_update,
        "commitment",
        "commitment",
        "visits/_commitments.html",
        "commitments",
        gettext_lazy("Add commitment"),
        gettext_lazy("Edit commitment"),
    ),
}


def _section(request, visit_pk: int, part: Part, **forms):
    """Render a part's section of the visit page afresh, for htmx to swap in."""
    visit = selectors.visit_detail(user=request.user, pk=visit_pk)
    return render(request, part.section, _section_context(request, visit, **forms))


@login_required
def part_form(request, pk: int, part: str, part_pk: int | None = None):
    """Add or change a member, programme item, gift or commitment of a visit.

    An htmx post from the visit page gets its section back, with the errors if any; other
    requests get a page of their own and a redirect to the visit.
    """
    spec = PARTS[part]
    visit = _editable_visit(request, pk)
    instance = (
        get_object_or_404(spec.model, pk=part_pk, visit=visit)
        if part_pk
        else spec.model(visit=visit)
    )
    # The inline forms on the visit page use the same prefix, so they work without htmx too.
    form = spec.form(request.POST or None, instance=instance, user=request.user, prefix=spec.prefix)
    if request.method == "POST" and form.is_valid():
        if part_pk:
            saved = _save(
                form, lambda **data: spec.update(**{spec.instance_argument: instance}, **data)
            )
        else:
            saved = _save(form, lambda **data: spec.create(visit=visit, **data))
        if saved is not None:
            if request.htmx:
                # The form stays open after an addition, ready for the next one.
                return _section(request, visit.pk, spec, **{f"{spec.prefix}_open": not part_pk})
            messages.success(request, _("Saved."))
            return redirect(f"{visit.get_absolute_url()}#{spec.anchor}")
    if request.htmx and request.method == "POST":
        return _section(request, visit.pk, spec, **{f"{spec.prefix}_form": form})
    context = {
        "form": form,
        "visit": visit,
        "title": spec.title_edit if part_pk else spec.title_add,
        "anchor": spec.anchor,
    }
    return render(request, "visits/part_form.html", context)


@login_required
@require_POST
def programme_item_delete(request, pk: int, part_pk: int):
    """Take an item out of the visit's programme."""
    visit = _editable_visit(request, pk)
    item = get_object_or_404(ProgrammeItem, pk=part_pk, visit=visit)
    services.programme_item_delete(item=item)
    if request.htmx:
        return _section(request, visit.pk, PARTS["programme"])
    return redirect(f"{visit.get_absolute_url()}#programme")


@login_required
@require_POST
def programme_item_move(request, pk: int, part_pk: int):
    """Move a programme item up or down within its day."""
    visit = _editable_visit(request, pk)
    item = get_object_or_404(ProgrammeItem, pk=part_pk, visit=visit)
    offset = -1 if request.POST.get("move") == "up" else 1
    services.programme_item_move(item=item, offset=offset)
    if request.htmx:
        return _section(request, visit.pk, PARTS["programme"])
    return redirect(f"{visit.get_absolute_url()}#item-{item.pk}")


@login_required
@require_POST
def commitment_done(request, pk: int, part_pk: int):
    """Mark a commitment of the visit as kept today."""
    visit = _editable_visit(request, pk)
    commitment = get_object_or_404(Commitment, pk=part_pk, visit=visit)
    services.commitment_complete(commitment=commitment)
    if request.htmx:
        return _section(request, visit.pk, PARTS["commitment"])
    return redirect(f"{visit.get_absolute_url()}#commitments")


@login_required
@require_POST
def programme_add_site(request, pk: int, site_pk: int):
    """Add a suggested showcase site to the visit's programme in one step."""
    visit = _editable_visit(request, pk)
    site = get_object_or_404(ShowcaseSite, pk=site_pk)
    form = AddSiteForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.programme_item_create(visit=visit, site=site, **form.cleaned_data)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = " ".join(str(message) for errors in form.errors.values() for message in errors)
    if request.htmx:
        return _section(request, visit.pk, PARTS["programme"], add_site_error=error)
    if error:
        messages.error(request, error)
    return redirect(f"{visit.get_absolute_url()}#programme")


def programme_pdf(request, pk: int):
    """Return the visit's programme as an A4 PDF in Danish, English or Chinese (``?lang=``).

    Record texts (title, purpose, programme items) come in that language where the record
    has them, else in the next language that does; members are named as they write
    their own names where the record has them.
    """
    from weasyprint import HTML  # imported here: loading Pango is slow and pages don't need it

    visit = _visible_visit(request, pk)
    language = request.GET.get("lang") or translation.get_language() or "en"
    language = language[:2] if language[:2] in PDF_LANGUAGES else "en"
    with translation.override(PDF_LANGUAGES[language]):
        html = render_to_string(
            "visits/programme_pdf.html",
            {
                "visit": visit,
                "programme": selectors.programme_days(visit=visit),
                "language": language,
                # A Chinese programme names the places as Chinese readers write them.
                "visiting_name": selectors.place_name_in(visit.visiting_party, language),
                "host_name": selectors.place_name_in(visit.host, language),
                "day_format": _day_format(),
                "date_format": DATE_FORMATS[language],
            },
            request=request,
        )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    with translation.override(PDF_LANGUAGES[language]):
        word = pgettext("file name", "programme")
    name_file(response, f"{word}-{visit.pk}.pdf", inline=True)
    response["Content-Language"] = language
    return response
