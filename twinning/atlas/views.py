"""Pages of the public atlas: the map, national overviews and statistics."""

from django import forms
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from twinning.atlas import selectors
from twinning.atlas.charts import bar_chart
from twinning.atlas.forms import NationalForm
from twinning.core.exports import content_type, table_bytes
from twinning.core.responses import name_file
from twinning.partnerships.filters import PartnershipFilter
from twinning.partnerships.models import PartnershipStatus
from twinning.partnerships.selectors import party_countries
from twinning.places.countries import country_choices


def _filterset(request) -> PartnershipFilter:
    filterset = PartnershipFilter(
        request.GET or None, queryset=selectors.visible_partnerships(user=request.user)
    )
    for name in ("kind", "status", "focus"):
        field = filterset.form.fields[name]
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
    return filterset


def atlas_map(request):
    """Show the partnerships the visitor may see as lines on a world map."""
    context = {
        "filter": _filterset(request),
        "countries": country_choices(party_countries()),
        "decades": selectors.decades_begun(user=request.user),
        "tile_url": settings.TWINNING_MAP_TILE_URL,
        "statuses": PartnershipStatus.choices,
    }
    return render(request, "atlas/map.html", context)


def _national(request):
    form = NationalForm(request.GET or None)
    if not form.is_valid():
        return form, None
    overview = selectors.national_overview(
        user=request.user,
        country=form.cleaned_data["country"],
        partner_country=form.cleaned_data["partner"],
    )
    return form, overview


def _national_charts(overview) -> dict:
    return {
        "timeline_chart": bar_chart(
            [(str(year), count) for year, count in _every_year(overview.by_year)],
            title=_("Partnerships begun per year"),
            columns=True,
        ),
        "decade_chart": bar_chart(
            [(_decade(decade), count) for decade, count in overview.by_decade],
            title=_("Partnerships begun per decade"),
            columns=True,
        ),
        "kind_chart": bar_chart(
            [(label, count) for _key, label, count in overview.by_kind],
            title=_("Partnerships by kind"),
        ),
    }


def _every_year(by_year: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Years without a new partnership are drawn as gaps, not left out.
    if not by_year:
        return []
    counts = dict(by_year)
    return [(year, counts.get(year, 0)) for year in range(by_year[0][0], by_year[-1][0] + 1)]


def national(request):
    """Show every place of one country with a partner in another, with a map and timeline."""
    form, overview = _national(request)
    context = {
        "form": form,
        "overview": overview,
        "countries": country_choices(party_countries()),
        "tile_url": settings.TWINNING_MAP_TILE_URL,
        "statuses": PartnershipStatus.choices,
    }
    if overview is not None:
        context |= _national_charts(overview)
        context["query"] = request.GET.urlencode()
    return render(request, "atlas/national.html", context)


def _bad_request(form) -> HttpResponseBadRequest:
    messages = [f"{name}: {error}" for name, errors in form.errors.items() for error in errors]
    return HttpResponseBadRequest(
        "\n".join(messages) or _("Give a country and a partner country."),
        content_type="text/plain; charset=utf-8",
    )


def national_csv(request):
    """Download the national overview as CSV, one row per partnership."""
    form, overview = _national(request)
    if overview is None:
        return _bad_request(form)
    columns = selectors.NATIONAL_COLUMNS
    rows = (
        [row.get(column, "") for column in columns] for row in selectors.national_rows(overview)
    )
    response = HttpResponse(
        table_bytes("csv", columns, rows, title="partnerships"), content_type=content_type("csv")
    )
    filename = f"{_file_stem(overview)}.csv".lower()
    return name_file(response, filename)


def _decade(decade: int) -> str:
    # The same wording as the decade filter's options: "2000s", "2000'erne".
    return _("%(decade)ss") % {"decade": decade}


def _file_stem(overview) -> str:
    word = pgettext("file name", "partnerships")
    return f"{word}-{overview.country}-{overview.partner_country}"


def national_pdf(request):
    """Download the national overview as a PDF report with its timeline chart."""
    form, overview = _national(request)
    if overview is None:
        return _bad_request(form)
    # WeasyPrint loads Pango and its fonts; only this page needs them.
    from weasyprint import HTML

    html = render_to_string(
        "atlas/national_pdf.html",
        {"overview": overview, **_national_charts(overview)},
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"{_file_stem(overview)}.pdf".lower()
    return name_file(response, filename)


def statistics(request):
    """Show counts of partnerships by decade, kind, status and partner country."""
    filterset = _filterset(request)
    stats = None
    if not filterset.is_bound:
        stats = selectors.partnership_statistics(
            partnerships=selectors.visible_partnerships(user=request.user)
        )
    elif filterset.is_valid():
        stats = selectors.partnership_statistics(
            partnerships=filterset.qs, country=filterset.form.cleaned_data.get("country") or ""
        )
    context = {
        "filter": filterset,
        "countries": country_choices(party_countries()),
        "decades": selectors.decades_begun(user=request.user),
        "stats": stats,
    }
    if stats is not None:
        context |= {
            "decade_chart": bar_chart(
                [(_decade(decade), count) for decade, count in stats.by_decade],
                title=_("Partnerships begun per decade"),
                columns=True,
            ),
            "kind_chart": bar_chart(
                [(label, count) for _key, label, count in stats.by_kind],
                title=_("Partnerships by kind"),
            ),
            "status_chart": bar_chart(
                [(label, count) for _key, label, count in stats.by_status],
                title=_("Partnerships by status"),
            ),
            "country_chart": bar_chart(
                [(label, count) for _key, label, count in stats.top_countries],
                title=_("Top partner countries"),
            ),
        }
    return render(request, "atlas/statistics.html", context)
