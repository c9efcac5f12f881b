"""Command line: ``twinning extract FILE_OR_DIR... --format jsonl``."""

from __future__ import annotations

import argparse
import json
import sys

from twinning.extraction.documents import DocumentError, iter_files, load_document
from twinning.extraction.pipeline import extract


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the extract command."""
    parser = argparse.ArgumentParser(
        prog="twinning extract",
        description="Extract partnerships, events, people, amounts and institution pairs "
        "from .txt, .html and .pdf documents.",
    )
    parser.add_argument("paths", nargs="*", metavar="FILE_OR_DIR", help="documents or folders")
    parser.add_argument(
        "--format", choices=("jsonl", "text"), default="jsonl", help="output format"
    )
    parser.add_argument(
        "--show-text", metavar="FILE", help="print the normalised text of FILE and stop"
    )
    parser.add_argument(
        "--keep-going", action="store_true", help="report unreadable files and continue"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    out = sys.stdout
    if args.show_text:
        try:
            out.write(load_document(args.show_text).text)
        except DocumentError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        return 0
    if not args.paths:
        parser.error("give at least one FILE_OR_DIR (or --show-text FILE)")
    status = 0
    for path in iter_files(args.paths):
        try:
            document = load_document(path)
        except DocumentError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            if args.keep_going:
                continue
            return status
        for fact in extract(document):
            record = fact.to_record(document.name)
            if args.format == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                fields = ", ".join(
                    f"{k}={v}"
                    for k, v in record.items()
                    if k not in ("doc", "type", "evidence", "start", "end") and v
                )
                out.write(f"{document.name}\t{record['type']}\t{fields}\n")
    return status
