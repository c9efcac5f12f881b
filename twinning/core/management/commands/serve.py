import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

STAMP_NAME = ".collected-from"


def static_sources_stamp() -> str:
    """Return a digest of every static file the finders offer: its name, size and time."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in sorted(finder.list(["CVS", ".*", "*~"]), key=lambda item: item[0]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static_if_changed() -> bool:
    """Collect static files unless those collected last time came from the same sources.

    Collecting compresses and fingerprints every file, megabytes of map shapes among them;
    doing it at each start kept the server from answering for minutes. Return whether
    files were collected.
    """
    stamp = Path(settings.STATIC_ROOT) / STAMP_NAME
    current = static_sources_stamp()
    if stamp.exists() and stamp.read_text() == current:
        return False
    # collectstatic skips a file whose copy is not older to the second, so a source changed
    # within a second of the last collection would keep its old copy: start afresh then.
    call_command("collectstatic", interactive=False, verbosity=0, clear=stamp.exists())
    stamp.write_text(current)
    return True


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
        parser.add_argument(
            "--with-worker",
            action="store_true",
            help="Also run the background worker that reads uploaded documents; Ctrl-C stops both.",
        )

    def handle(self, *args, bind, workers, threads, with_worker, **options):
        collect_static_if_changed()
        if with_worker:
            # A child in the same process group: the terminal's Ctrl-C reaches it as well
            # as the server that replaces this process below.
            subprocess.Popen([sys.executable, "-m", "twinning", "worker"])
            self.stdout.write("Background worker started.")
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
                # The application is loaded once and the workers forked from it, ready at
                # once: booting them side by side made each load Django anew on a busy CPU.
                "--preload",
                "--access-logfile",
                "-",
            ],
        )
