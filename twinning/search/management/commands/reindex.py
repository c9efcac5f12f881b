from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from twinning.core.search import kind_choices
from twinning.search.services import search_entries_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from the registry, of every kind or only some kinds."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            dest="kinds",
            metavar="KIND",
            help="Rebuild only this kind (repeatable): "
            + ", ".join(kind for kind, _label in kind_choices())
            + ".",
        )

    def handle(self, *args, kinds=None, **options):
        labels = dict(kind_choices())
        unknown = sorted(set(kinds or ()) - set(labels))
        if unknown:
            raise CommandError(
                _("Unknown kind %(kinds)s; use one of: %(known)s.")
                % {"kinds": ", ".join(unknown), "known": ", ".join(labels)}
            )
        counts = search_entries_rebuild(kinds=kinds)
        for kind, count in counts.items():
            self.stdout.write(f"{labels[kind]}: {count}")
        self.stdout.write(_("Search index rebuilt: %(n)d entries.") % {"n": sum(counts.values())})
