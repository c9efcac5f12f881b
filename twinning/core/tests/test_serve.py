import os

from twinning.core.management.commands.serve import Command


def parsed_workers(*args) -> int:
    return Command().create_parser("twinning", "serve").parse_args(list(args)).workers


def test_workers_default_to_two_per_available_processor(monkeypatch):
    monkeypatch.delenv("TWINNING_WORKERS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2})

    assert parsed_workers() == 6


def test_workers_come_from_the_environment_then_the_command_line(monkeypatch):
    monkeypatch.setenv("TWINNING_WORKERS", "3")

    assert parsed_workers() == 3
    assert parsed_workers("--workers", "5") == 5


def test_static_files_are_collected_again_only_when_a_source_changed(settings, tmp_path):
    from twinning.core.management.commands.serve import collect_static_if_changed

    source = tmp_path / "src"
    source.mkdir()
    (source / "page.css").write_text("body { color: black; }")
    settings.STATICFILES_DIRS = [source]
    settings.STATIC_ROOT = tmp_path / "collected"

    assert collect_static_if_changed() is True
    assert (tmp_path / "collected" / "page.css").exists()
    assert collect_static_if_changed() is False

    (source / "page.css").write_text("body { color: navy; }")
    assert collect_static_if_changed() is True
    assert "navy" in (tmp_path / "collected" / "page.css").read_text()


def test_serve_skips_collecting_unchanged_files_and_forks_workers_from_a_loaded_app(
    settings, tmp_path, monkeypatch
):
    from django.core import management

    from twinning.core.management.commands import serve

    source = tmp_path / "src"
    source.mkdir()
    (source / "page.css").write_text("body { color: black; }")
    settings.STATICFILES_DIRS = [source]
    settings.STATIC_ROOT = tmp_path / "collected"
    serve.collect_static_if_changed()
    collected = []
    monkeypatch.setattr(serve, "call_command", lambda *a, **k: collected.append(a))
    started = []
    monkeypatch.setattr(serve.os, "execv", lambda path, argv: started.append(argv))

    management.call_command("serve", "--workers", "2")

    assert collected == []
    assert "--preload" in started[0] and started[0][started[0].index("--workers") + 1] == "2"
