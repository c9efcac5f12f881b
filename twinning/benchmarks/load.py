"""Requests per second of the production server under an HTTP load tool.

``twinning serve`` (gunicorn) is started on a free port of 127.0.0.1 against the built
database and ``wrk`` sends requests for a fixed time, first to each page alone, then to
a mix of them. Requests carry the Accept-Encoding header every browser sends. Nothing
listens beyond the loopback interface, and the server is stopped whatever happens.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

DURATION_S = 10
MIX_RUNS = 3
CONNECTIONS = 16
# Pages under load: each alone, then all in turn (the figure reported as requests_per_s).
LOAD_PAGES = {
    "dashboard": "/",
    "partnership_list": "/partnerships/",
    "partnership_detail": None,  # filled in with an existing partnership
    "api_partnerships": "/api/partnerships",
    "search": "/api/search?q=berlin",
    "map_data": "/api/atlas/map",
}
# What a browser says it takes; the server compresses what it keeps compressed.
HEADERS = {"Accept-Encoding": "gzip, deflate, br"}
_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
_ERRORS = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def wrk_path() -> str | None:
    """Return the wrk executable, or None when it is not installed."""
    return shutil.which("wrk")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the server did not answer {url} within {timeout} s")


def _wrk(url: str, *, duration: int, script: Path | None = None) -> dict:
    command = [
        wrk_path(),
        "--threads",
        "2",
        "--connections",
        str(CONNECTIONS),
        "--duration",
        f"{duration}s",
        "--timeout",
        "10s",
    ]
    for name, value in HEADERS.items():
        command += ["--header", f"{name}: {value}"]
    if script is not None:
        command += ["--script", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    rate = _RATE.search(output)
    errors = _ERRORS.search(output)
    socket_errors = _SOCKET_ERRORS.search(output)
    return {
        "requests_per_s": round(float(rate.group(1)), 1) if rate else 0.0,
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0),
    }


def _mix_script(folder: Path, paths: list[str]) -> Path:
    script = folder / "mix.lua"
    quoted = ", ".join(f'"{path}"' for path in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\n"
        "end\n"
    )
    return script


def load(
    *,
    database_url: str,
    detail_path: str,
    duration: int = DURATION_S,
    workers: int | None = None,
    log=print,
) -> dict:
    """Return requests per second for the mix, and per page under ``pages``."""
    if wrk_path() is None:
        log("  wrk not found: install it (scripts/system-deps.sh --all) to measure throughput")
        return {}
    port = _free_port()
    bind = f"127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "TWINNING_STATIC_ROOT": str(Path(tmp) / "static"),
        }
        command = [sys.executable, "-m", "twinning", "serve", "--bind", bind]
        if workers:
            command += ["--workers", str(workers)]
        server = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            base = f"http://{bind}"
            _wait_until_up(base + "/", server)
            paths = {key: path or detail_path for key, path in LOAD_PAGES.items()}
            figures: dict = {"pages": {}}
            for key, path in paths.items():
                # Warm every worker's caches before the clock runs.
                _wrk(base + path, duration=1)
                result = _wrk(base + path, duration=max(2, duration // 2))
                figures["pages"][key] = result["requests_per_s"]
                log(
                    f"  {key:<36} {result['requests_per_s']:8.1f} requests/s"
                    + (f"  ({result['errors']} errors)" if result["errors"] else "")
                )
            # The mix is run several times and the median kept: on a shared machine one
            # run can differ from the next by half.
            script = _mix_script(Path(tmp), list(paths.values()))
            runs = [_wrk(base + "/", duration=duration, script=script) for _ in range(MIX_RUNS)]
            rates = [run["requests_per_s"] for run in runs]
            figures["requests_per_s"] = statistics.median(rates)
            figures["requests_per_s_runs"] = rates
            figures["load_errors"] = sum(run["errors"] for run in runs)
            log(
                f"  {'mix of the pages above':<36} {figures['requests_per_s']:8.1f} requests/s"
                f"  (median of {', '.join(f'{rate:.1f}' for rate in rates)} in turn; "
                f"{figures['load_errors']} errors, {duration} s each, {CONNECTIONS} connections)"
            )
            return figures
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
