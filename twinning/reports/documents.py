"""The evaluation report as a file: an HTML page, a PDF (WeasyPrint) or a Word document.

Every format is rendered under the report's language and from the same ReportContent, so
the three show the same facts and the same chart.
"""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from twinning.reports.charts import svg_to_png
from twinning.reports.models import EvaluationReport
from twinning.reports.selectors import ReportContent, report_content
from twinning.reports.templatetags.report_tags import short_when
from twinning.strategies.selectors import COVERED, NAMED

FORMATS = ("html", "pdf", "docx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def report_title(report: EvaluationReport) -> str:
    """Return the report's own title, or one made of the parties and the period."""
    if report.title:
        return report.title
    p = report.partnership
    return _("Evaluation of the partnership %(a)s – %(b)s, %(first)s–%(last)s") % {
        "a": p.party_a.name,
        "b": p.party_b.name,
        "first": report.from_year,
        "last": report.to_year,
    }


def report_filename(report: EvaluationReport, fmt: str) -> str:
    p = report.partnership
    with translation.override(report.language):
        word = pgettext("file name", "evaluation")
    stem = f"{word}-{p.party_a.name}-{p.party_b.name}-{report.from_year}-{report.to_year}"
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in stem) + f".{fmt}"


def report_document(*, user, report: EvaluationReport, fmt: str) -> bytes:
    """Generate the report's sections and return it in the format, all in its language."""
    with translation.override(report.language):
        return render_report(report_content(user=user, report=report), fmt)


def render_report(content: ReportContent, fmt: str) -> bytes:
    """Return the report in the format (html, pdf or docx) as bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not “{fmt}”")
    with translation.override(content.report.language):
        if fmt == "docx":
            return _docx(content)
        html = _print_html(content)
        if fmt == "html":
            return html.encode("utf-8")
        from weasyprint import HTML

        return HTML(string=html).write_pdf()


def _print_html(content: ReportContent) -> str:
    return render_to_string(
        "reports/print.html",
        {
            "content": content,
            "report": content.report,
            "title": report_title(content.report),
            "generated": timezone.localdate(),
        },
    )


# Word -----------------------------------------------------------------------------------


def _fld(kind: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        # Word refreshes a dirty field when it opens the file.
        element.set(qn("w:dirty"), "true")
    return element


def _field_start(paragraph, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    run._r.append(_fld("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    run._r.append(_fld("separate"))


def _field_end(paragraph) -> None:
    paragraph.add_run()._r.append(_fld("end"))


def _field(paragraph, instruction: str, shown: str) -> None:
    """Insert a Word field (PAGE, NUMPAGES) with the text it shows until updated."""
    _field_start(paragraph, instruction)
    paragraph.add_run(shown)
    _field_end(paragraph)


def _contents(document, titles: list[str]) -> None:
    """Write the table of contents as a field already filled with the section titles.

    Word shows the titles at once and, as the settings ask it to update fields on
    opening, rebuilds the field with page numbers; LibreOffice does so when it updates.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraphs = [document.add_paragraph(style="List Number") for _title in titles]
    if not paragraphs:
        return
    _field_start(paragraphs[0], 'TOC \\o "1-2" \\h \\z \\u')
    for paragraph, title in zip(paragraphs, titles, strict=True):
        paragraph.add_run(title)
    _field_end(paragraphs[-1])
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)


def _page_numbers(section, language: str) -> None:
    """Put "page N of M" in the footer of every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, between = _("Page %(page)s of %(pages)s").split("%(page)s")
    between, after = between.split("%(pages)s")
    paragraph.add_run(before)
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(between)
    _field(paragraph, "NUMPAGES", "1")
    paragraph.add_run(after)


# Word's proofing language per report language; Chinese names are checked as Chinese.
PROOFING = {"da": "da-DK", "en": "en-GB"}


def _proofing_language(document, language: str) -> None:
    """Mark every run's language so that Word checks spelling in the report's language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tag = PROOFING.get(language, language)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    targets = [document.styles["Normal"].element.get_or_add_rPr()]
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
            targets.append(run_defaults.find(qn("w:rPr")))
    for rpr in targets:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), "zh-CN")
        rpr.append(lang)


def _table(document, header: list[str], rows: list[list[str]]):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    return table


def _picture(document, chart, svg: str, *, width) -> None:
    document.add_picture(io.BytesIO(svg_to_png(svg)), width=width)
    picture = document.inline_shapes[-1]
    # The alt text carries the figure's numbers, so readers and checks see the same data.
    picture._inline.docPr.set("descr", chart.data_json())
    picture._inline.docPr.set("title", chart.title)


def _number(value) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _money(value, currency: str) -> str:
    return f"{value:,.0f} {currency}".replace(",", ".") if value is not None else "—"


def _docx(content: ReportContent) -> bytes:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    report, p = content.report, content.partnership
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    style = document.styles["Normal"]
    style.font.name = "Noto Sans"
    style.font.size = Pt(10)
    style.element.rPr.rFonts.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia",
        "Noto Sans CJK SC",
    )
    document.core_properties.title = report_title(report)
    document.core_properties.language = PROOFING.get(report.language, report.language)
    document.add_heading(report_title(report), level=0)
    document.add_paragraph(f"{report.party.name} · {report.from_year}–{report.to_year}")
    document.add_heading(_("Contents"), level=1)
    titles = dict(content.sections)
    _contents(document, [str(title) for title in titles.values()])
    _page_numbers(section, report.language)
    _proofing_language(document, report.language)

    def heading(key: str):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(str(titles[key]), level=1)

    heading("summary")
    for text in (report.summary or _("No summary has been written yet.")).split("\n\n"):
        document.add_paragraph(text.strip())
    document.add_paragraph(
        _("The registry holds %(count)s activities of the partnership from %(first)s to %(last)s.")
        % {"count": content.activity_count, "first": report.from_year, "last": report.to_year}
    )

    heading("history")
    facts = f"{p.party_a.name} – {p.party_b.name}: {p.get_kind_display()}, {p.get_status_display()}"
    if p.since:
        facts += f", {_('since')} {p.since.format()}"
    document.add_paragraph(facts + ".")
    if p.notes:
        document.add_paragraph(p.notes)
    if content.agreements:
        _table(
            document,
            [_("Signed"), _("Agreement"), _("Kind"), _("Expires or renews")],
            [
                [
                    a.signed.format() if a.signed else "",
                    a.title or a.get_kind_display(),
                    a.get_kind_display(),
                    a.term_end().format() if a.term_end() else "",
                ]
                for a in content.agreements
            ],
        )

    heading("results")
    if content.results:
        _table(
            document,
            [_("Area"), _("Activities"), _("Highlights")],
            [
                [
                    result.label,
                    str(result.count),
                    "\n".join(f"{a.when()}: {a.title}" for a in result.highlights),
                ]
                for result in content.results
            ],
        )
        document.add_paragraph(_("Every activity is listed month by month in the appendix."))
    else:
        document.add_paragraph(_("No activities are registered in the period."))

    heading("charts")
    _picture(document, content.chart, content.chart_svg, width=Cm(16))
    _table(
        document,
        [_("Area"), *[label for label, _values in content.chart.series]],
        [
            [category, *[str(values[i]) for _label, values in content.chart.series]]
            for i, category in enumerate(content.chart.categories)
        ],
    )

    heading("institutions")
    if content.pairs:
        _table(
            document,
            [_("Institution"), _("Partner institution"), _("Since"), _("Exchanges in the period")],
            [
                [
                    pair.institution_a.name,
                    pair.institution_b.name,
                    pair.since.format() if pair.since else "",
                    "\n".join(
                        f"{e.start.format()}: {e.get_direction_display()}"
                        + (f" — {e.description}" if e.description else "")
                        for e in pair.exchanges_in_period
                    ),
                ]
                for pair in content.pairs
            ],
        )
    else:
        document.add_paragraph(_("No institution pairs are registered."))

    heading("projects")
    for project in content.projects:
        document.add_heading(project.title, level=2)
        line = project.get_status_display()
        if project.value_min is not None or project.value_max is not None:
            low = project.value_min if project.value_min is not None else project.value_max
            high = project.value_max if project.value_max is not None else project.value_min
            value = _money(low, project.currency)
            if high != low:
                value = f"{_money(low, '')}–{_money(high, project.currency)}".replace(" –", "–")
            line += f" · {_('value')} {value}"
        document.add_paragraph(line)
        if project.description:
            document.add_paragraph(project.description)
        phases = list(project.phases.all())
        if phases:
            _table(
                document,
                [_("Phase"), _("Start"), _("End"), _("Status")],
                [
                    [
                        f"{ph.number}. {ph.title}".strip(". "),
                        ph.start.format() if ph.start else "",
                        ph.end.format() if ph.end else "",
                        ph.get_status_display(),
                    ]
                    for ph in phases
                ],
            )
        if project.outcome:
            document.add_paragraph(project.outcome)
    if not content.projects:
        document.add_paragraph(_("No projects are registered."))

    heading("goals")
    for strategy in content.own_strategies:
        document.add_heading(strategy.title, level=2)
        _table(
            document,
            [
                _("Goal"),
                _("Deadline"),
                _("Success criteria"),
                _("Assessed status"),
                _("Assessment"),
            ],
            [
                [
                    f"{g.position}. {g.title}",
                    g.deadline.format() if g.deadline else "",
                    g.success_criteria,
                    g.get_status_display(),
                    g.assessment,
                ]
                for g in strategy.goals.all()
            ],
        )
    if not content.own_strategies:
        document.add_paragraph(_("No strategy of the party is registered for the period."))
    for result in content.indicators:
        indicator = result.indicator
        document.add_heading(f"{result.goal.title}: {indicator.title}", level=3)
        _picture(document, result.chart, result.chart_svg, width=Cm(13))
        yes, no = _("yes"), _("no")
        _table(
            document,
            [_("Period"), _("Target"), _("Actual"), _("Reached"), _("Evidence")],
            [
                [
                    period.label,
                    _number(period.target),
                    _number(period.actual),
                    {True: yes, False: no, None: ""}[period.met()],
                    period.evidence,
                ]
                for period in indicator.periods.all()
            ],
        )

    heading("budget")
    for budget in content.budgets:
        document.add_heading(str(budget.year), level=2)
        rows = [[_("Total"), _money(budget.total, budget.currency)]]
        if budget.rule:
            rows.append([_("Rule"), budget.rule])
        if budget.staff_fte is not None:
            rows.append([_("Staff time (full-time equivalents)"), f"{budget.staff_fte:g}"])
        allocation = getattr(budget, "allocation", None)
        if allocation is not None:
            rows.append(
                [
                    f"{p.party_a.name} – {p.party_b.name}",
                    _money(allocation.resolved_amount(), budget.currency)
                    + (
                        f" ({allocation.share * 100:.0f} %)" if allocation.share is not None else ""
                    ),
                ]
            )
        for line in budget.lines.all():
            rows.append(
                [
                    f"{line.get_category_display()}: {line.description}",
                    _money(line.planned, budget.currency) if line.planned is not None else "",
                ]
            )
        _table(document, [_("Item"), _("Amount")], rows)
        if budget.notes:
            document.add_paragraph(budget.notes)
    if not content.budgets:
        document.add_paragraph(_("No budgets are registered for the period."))
    money = content.money
    if money:
        document.add_paragraph(
            _("Money and staff time for the partnership, in %(base)s") % {"base": money.base}
        )
        _table(
            document,
            [_("Year"), _("Set aside"), _("Spent"), _("Staff time (full-time equivalents)")],
            [
                [str(y.year), _money(y.allocated, ""), _money(y.spent, ""), f"{y.fte:g}"]
                for y in money.years
            ]
            + [
                [_("Total"), _money(money.allocated, ""), _money(money.spent, ""), f"{money.fte:g}"]
            ],
        )
        if money.rates:
            document.add_paragraph(
                _("Exchange rates used")
                + ": "
                + "; ".join(
                    f"{r.year}: 1 {r.currency} = {r.rate.normalize():f} {r.base}"
                    + (f" ({r.source})" if r.source else "")
                    for r in money.rates
                )
            )
        if money.missing:
            document.add_paragraph(
                _("Left out for want of an exchange rate")
                + ": "
                + ", ".join(f"{currency} {year}" for year, currency in money.missing)
            )

    heading("alignment")
    alignment = content.alignment
    if alignment.strategies:
        marks = {NAMED: "✓", COVERED: _("(broader area)"), "": ""}
        _table(
            document,
            [_("Focus area"), *[s.title for s in alignment.strategies], _("Named by")],
            [
                [
                    str(row.area.name),
                    *[marks[cell] for cell in row.cells],
                    f"{row.count} / {len(alignment.strategies)}",
                ]
                for row in alignment.rows
            ],
        )
        document.add_heading(_("Recommended focus for the next agreement"), level=2)
        for row in alignment.recommended:
            tier = (
                _("named by all strategies") if row.tier == "all" else _("named by most strategies")
            )
            document.add_paragraph(f"{row.area.name} — {tier}", style="List Number")
    else:
        document.add_paragraph(_("No strategies of these parties are registered."))

    heading("recommendation")
    for text in (report.recommendation or _("No recommendation has been written yet.")).split(
        "\n\n"
    ):
        document.add_paragraph(text.strip())

    heading("sources")
    for section_title, items in content.evidence:
        if not items:
            continue
        document.add_heading(str(section_title), level=2)
        for evidence in items:
            text = evidence.source.title
            if evidence.quote:
                text += f": “{evidence.quote}”"
            document.add_paragraph(text, style="List Bullet")

    heading("overview")
    for overview in content.overviews:
        document.add_heading(_("Activities in %(year)s") % {"year": overview.year}, level=2)
        if not overview.count:
            document.add_paragraph(_("No activities are registered in this year."))
            continue
        rows = []
        for row in overview.months:
            label = str(MONTHS[row["month"]]) if row["month"] else _("During the year")
            cells = []
            for code, _label in overview.areas:
                lines = []
                for activity in row["cells"].get(code, []):
                    when = short_when(activity)
                    lines.append(f"{when}: {activity.title}" if when else activity.title)
                cells.append("\n".join(lines))
            rows.append([label, *cells])
        _table(document, [_("Month"), *[label for _code, label in overview.areas]], rows)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
