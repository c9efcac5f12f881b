from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from twinning.search.models import SearchKind
from twinning.search.services import search_entries_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from the registry, of every kind or only some kinds."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            dest="kinds",
            metavar="KIND",
            help=f"Rebuild only this kind (repeatable): {', '.join(SearchKind.values)}.",
        )

    def handle(self, *args, kinds=None, **options):
        unknown = sorted(set(kinds or ()) - set(SearchKind.values))
        if unknown:
            raise CommandError(
                _("Unknown kind %(kinds)s; use one of: %(known)s.")
                % {"kinds": ", ".join(unknown), "known": ", ".join(SearchKind.values)}
            )
        counts = search_entries_rebuild(kinds=kinds)
        for kind, count in counts.items():
            self.stdout.write(f"{SearchKind(kind).label}: {count}")
        self.stdout.write(_("Search index rebuilt: %(n)d entries.") % {"n": sum(counts.values())})
