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
