import os
import subprocess
import sys

from twinning.cli import main


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "twinning", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        # Migrating a new database and loading the demo; generous for a busy machine.
        timeout=600,
    )


def test_help_lists_the_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("serve", "demo", "import", "export", "extract"):
        assert command in out


def test_command_help_names_the_program(capsys):
    assert main(["import", "--help"]) == 0
    assert "usage: twinning import" in capsys.readouterr().out


def test_unknown_command_fails_with_usage(capsys):
    assert main(["frobnicate"]) == 2
    assert "unknown command" in capsys.readouterr().err


def test_commands_bring_a_new_database_up_to_date(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"

    result = run("demo", env={"DATABASE_URL": url})

    assert result.returncode == 0, result.stderr
    assert "Demo data loaded" in result.stdout
    exported = run("export", "partnerships", "--format", "csv", env={"DATABASE_URL": url})
    assert "Bycirklen,group,DK,Wuxi" in exported.stdout
