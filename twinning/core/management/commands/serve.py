import os
import shutil
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def default_workers() -> int:
    """Return two worker processes per processor this process may run on.

    One process per processor leaves a processor idle whenever its process waits to take
    Python's interpreter lock back from one of its own threads; a second fills the gap.
    """
    return 2 * len(os.sched_getaffinity(0))


class Command(BaseCommand):
    help = (
        "Serve the application with gunicorn, a production HTTP server, after collecting "
        "static files. Settings come from the environment (see docs/deploy.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=os.environ.get("TWINNING_BIND", "127.0.0.1:8000"),
            help="Address and port to listen on (default 127.0.0.1:8000).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("TWINNING_WORKERS") or default_workers()),
            help="Number of worker processes (default two per processor).",
        )
        parser.add_argument(
            "--threads", type=int, default=4, help="Threads per worker (default 4)."
        )

    def handle(self, *args, bind, workers, threads, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which(
            "gunicorn"
        )
        if gunicorn is None:
            raise CommandError("gunicorn is not installed in this environment.")
        self.stdout.write(f"Serving twinning at http://{bind}/ (Ctrl-C to stop)")
        self.stdout.flush()
        os.execv(
            gunicorn,
            [
                gunicorn,
                "twinning.wsgi:application",
                "--bind",
                bind,
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--access-logfile",
                "-",
            ],
        )
