"""``twinning report evaluation``: write an evaluation report as PDF, Word or HTML."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from twinning.places.selectors import place_find
from twinning.reports.documents import FORMATS, report_document
from twinning.reports.models import EvaluationReport
from twinning.reports.selectors import EVERYONE, partnership_between


class Command(BaseCommand):
    help = "Write a report generated from the registry."

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        evaluation = kinds.add_parser(
            "evaluation", help="The evaluation report of a partnership over a period."
        )
        evaluation.add_argument("--party", required=True, help="The party reporting, by name.")
        evaluation.add_argument("--partner", required=True, help="The partner, by name.")
        evaluation.add_argument("--from", dest="from_year", type=int, required=True)
        evaluation.add_argument("--to", dest="to_year", type=int, required=True)
        evaluation.add_argument("--lang", choices=["da", "en"], default="da")
        evaluation.add_argument("--format", choices=FORMATS, default="pdf")
        evaluation.add_argument("-o", "--output", required=True, help="The file to write.")
        evaluation.add_argument(
            "--user",
            help="Show only what this user may see (default: the whole registry).",
        )

    def handle(self, *args, **options):
        user = EVERYONE
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"--user: no user “{options['user']}”")
        for option in ("party", "partner"):
            if place_find(name=options[option]) is None:
                raise CommandError(f"--{option}: no single place is called “{options[option]}”")
        if options["to_year"] < options["from_year"]:
            raise CommandError("--to: the period cannot end before it begins")
        partnership = partnership_between(
            user=user, party_name=options["party"], partner_name=options["partner"]
        )
        if partnership is None:
            raise CommandError(
                f"no partnership between “{options['party']}” and “{options['partner']}”"
            )
        party = place_find(name=options["party"])
        # A report stored for the same period brings its written summary and recommendation.
        report = (
            EvaluationReport.objects.filter(
                party=party,
                partnership=partnership,
                from_year=options["from_year"],
                to_year=options["to_year"],
                language=options["lang"],
            )
            .select_related("party", "partnership__party_a", "partnership__party_b")
            .order_by("-updated_at")
            .first()
        )
        if report is None:
            report = EvaluationReport(
                party=party,
                partnership=partnership,
                from_year=options["from_year"],
                to_year=options["to_year"],
                language=options["lang"],
            )
            report.full_clean(exclude=["owner", "author"])
        data = report_document(user=user, report=report, fmt=options["format"])
        output = Path(options["output"])
        output.write_bytes(data)
        self.stdout.write(f"Wrote {output} ({len(data):,} bytes)")
