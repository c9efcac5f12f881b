"""The ``twinning`` command: serve, demo, import, export, extract and Django's own commands.

Every command that touches the database first brings its schema up to date, so a new or
older database (SQLite or the one named by ``DATABASE_URL``) just works.
"""

from __future__ import annotations

import os
import sys

# Subcommands of ours and the Django management command behind each.
COMMANDS = {
    "serve": ("serve", "Serve the application over HTTP."),
    "demo": ("demo", "Load or reload the demo data."),
    "import": ("import_records", "Import partnerships (CSV, XLSX, JSON) or Wikidata pairs."),
    "export": ("export_records", "Export records as CSV, JSON or XLSX."),
    "ingest": ("ingest", "Read documents into sources and suggestions for review."),
    "worker": ("db_worker", "Run queued background tasks such as uploaded documents."),
    "report": ("report", "Write an evaluation report as PDF, Word or HTML."),
    "alerts": ("alerts", "List what is due; exit status 1 when anything is (for cron)."),
    "notify": ("notify", "Notify responsible users in the app of what is due (daily)."),
    "participants": (
        "participants",
        "Remove participants' names after the retention period (purge).",
    ),
    "backup": ("backup", "Copy the whole database into one file while the site runs."),
    "restore": ("restore", "Replace the whole database with a backup file."),
}
# Commands that must not run migrations first.
NO_MIGRATE = {
    "makemigrations",
    "help",
    "--help",
    "-h",
    "version",
    "--version",
    "check",
    "backup",
    "restore",
}


def _usage() -> str:
    lines = ["usage: twinning COMMAND [options]", "", "commands:"]
    for name, (_command, summary) in COMMANDS.items():
        lines.append(f"  {name:<10} {summary}")
    lines.append(f"  {'extract':<10} Extract facts from documents (see twinning extract --help).")
    lines.append("")
    lines.append("Any other Django management command also works, e.g. 'twinning createsuperuser'.")
    lines.append("Run 'twinning COMMAND --help' for the options of one command.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run one twinning command and return its exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(_usage())
        return 0
    name, rest = argv[0], argv[1:]
    if name == "extract":
        # The engine needs no database, so Django is never set up for it.
        from twinning.extraction.cli import main as extract_main

        return extract_main(rest)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
    import django
    from django.core.management import call_command, get_commands, load_command_class

    django.setup()
    command = COMMANDS.get(name, (name, ""))[0]
    app = get_commands().get(command)
    if app is None:
        print(f"twinning: unknown command '{name}'\n\n{_usage()}", file=sys.stderr)
        return 2
    wants_help = "-h" in rest or "--help" in rest
    if name not in NO_MIGRATE and not wants_help:
        call_command("migrate", interactive=False, verbosity=0)
    try:
        # run_from_argv names the program "twinning NAME" in help and error messages.
        load_command_class(app, command).run_from_argv(["twinning", name, *rest])
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
