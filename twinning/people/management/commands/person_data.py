import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from twinning.core.exports import atomic_file
from twinning.people.models import Person
from twinning.people.selectors import person_data
from twinning.people.services import person_erase


class Command(BaseCommand):
    help = "Show all the registry holds about a person as JSON, or erase the person's data."

    def add_arguments(self, parser):
        parser.add_argument("person", type=int, help="The person's id.")
        parser.add_argument("-o", "--output", type=Path, help="Write the JSON to this file.")
        parser.add_argument(
            "--erase",
            action="store_true",
            help="Anonymise the person (name, contacts, notes, past versions); keep the facts.",
        )

    def handle(self, *args, person, output, erase, **options):
        try:
            record = Person.objects.get(pk=person)
        except Person.DoesNotExist as exc:
            raise CommandError(f"No person has id {person}.") from exc
        if erase:
            person_erase(person=record)
            self.stderr.write(f"Erased person {person}.")
            return
        text = json.dumps(person_data(person=record), ensure_ascii=False, indent=1)
        if output is None:
            sys.stdout.write(text + "\n")
            return
        with atomic_file(output) as stream:
            stream.write(text.encode("utf-8"))
        self.stderr.write(f"Wrote {output}")
