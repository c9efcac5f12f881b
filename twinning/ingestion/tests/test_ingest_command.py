from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from twinning.ingestion.models import Suggestion
from twinning.ingestion.services import documents
from twinning.sources.models import Source

pytestmark = pytest.mark.django_db


def ingest(*paths, jobs=1, expect_failure=False, **options):
    out, err = StringIO(), StringIO()
    args = [str(p) for p in paths] + ["--jobs", str(jobs)]
    if expect_failure:
        with pytest.raises(CommandError) as info:
            call_command("ingest", *args, stdout=out, stderr=err, **options)
        assert info.value.returncode == 1
    else:
        call_command("ingest", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def snapshot():
    return sorted(
        (s.source.file_name, s.kind, s.start, s.end, s.quote, repr(sorted(s.fields.items())))
        for s in Suggestion.objects.select_related("source")
    )


def test_ingest_stores_each_document_with_its_text_hash_and_suggestions(examples):
    out, _err = ingest(examples)

    assert Source.objects.count() == 4
    source = Source.objects.get(file_name="sonderborg_baoding_en.txt")
    assert source.text == (examples / "sonderborg_baoding_en.txt").read_text(encoding="utf-8")
    assert len(source.content_hash) == 64
    assert source.language == "en"
    assert Source.objects.get(file_name="aarhus_turku_da.txt").language == "da"
    kinds = set(source.suggestions.values_list("kind", flat=True))
    assert {"partnership", "event", "person", "amount"} <= kinds
    for suggestion in Suggestion.objects.select_related("source"):
        assert suggestion.source.text[suggestion.start : suggestion.end] == suggestion.quote
        assert suggestion.status == "pending"
    assert "4 documents stored" in out


def test_a_document_is_titled_by_its_headline(examples):
    (examples / "notes.txt").write_text(
        "The two towns have cooperated on water since 2001, and the council renewed the "
        "agreement in 2019 after a long debate about the budget and the school exchanges.\n",
        encoding="utf-8",
    )

    ingest(examples)

    titles = dict(Source.objects.values_list("file_name", "title"))
    assert titles["sonderborg_baoding_en.txt"] == "Sonderborg and Baoding: ten years of cooperation"
    assert titles["aarhus_turku_da.txt"] == "Aarhus og Turku – venskabsbyer"
    assert titles["wuxi_page.html"] == "Our partner cities"
    # A first line that is a whole paragraph is no headline: the file's name stands in.
    assert titles["notes.txt"] == "notes"


def test_ingesting_the_same_files_twice_stores_nothing_new(examples):
    ingest(examples)
    before = (Source.objects.count(), Suggestion.objects.count())

    out, _err = ingest(examples)

    assert (Source.objects.count(), Suggestion.objects.count()) == before
    assert "0 documents stored" in out and "4 already present" in out


def test_a_copy_under_another_name_is_the_same_document(examples):
    (examples / "copy.txt").write_bytes((examples / "aarhus_turku_da.txt").read_bytes())

    ingest(examples)

    assert Source.objects.count() == 4


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF garbage", "PDF"),
        ("empty.pdf", b"", "empty"),
        ("fake.pdf", b"just some words, not a PDF at all", "not a PDF"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("latin1.txt", "Kolding og Lahti er venskabsbyer – på dansk.".encode("cp1252"), "UTF-8"),
    ],
)
def test_a_bad_document_is_named_and_the_others_are_stored(examples, name, content, problem):
    (examples / name).write_bytes(content)

    out, err = ingest(examples, expect_failure=True)

    assert f"{examples / name}:" in err
    assert problem in err
    assert Source.objects.count() == 4
    assert not Source.objects.filter(file_name=name).exists()
    assert "1 failed" in out


def test_an_over_size_file_is_refused_before_it_is_read(examples, settings):
    settings.TWINNING_MAX_UPLOAD_BYTES = 1000
    big = examples / "big.txt"
    big.write_text("Aarhus og Turku. " * 100, encoding="utf-8")

    _out, err = ingest(big, examples / "aarhus_turku_da.txt", expect_failure=True)

    assert f"{big}: the file is too large" in err
    assert list(Source.objects.values_list("file_name", flat=True)) == ["aarhus_turku_da.txt"]


def test_a_missing_file_is_reported_and_the_rest_go_on(examples):
    _out, err = ingest(examples / "nowhere.txt", examples / "wuxi_page.html", expect_failure=True)

    assert "nowhere.txt: no such file" in err
    assert Source.objects.filter(file_name="wuxi_page.html").exists()


def test_a_failure_after_the_source_is_created_leaves_nothing_of_that_document(
    examples, monkeypatch
):
    real = documents.suggestions_create

    def fail_for_aarhus(*, source, facts):
        real(source=source, facts=facts)
        if source.file_name == "aarhus_turku_da.txt":
            raise RuntimeError("disk full")
        return None

    monkeypatch.setattr(documents, "suggestions_create", fail_for_aarhus)

    _out, err = ingest(examples, expect_failure=True)

    assert "aarhus_turku_da.txt: could not be stored (disk full)" in err
    assert not Source.objects.filter(file_name="aarhus_turku_da.txt").exists()
    assert not Suggestion.objects.filter(source__file_name="aarhus_turku_da.txt").exists()
    assert Source.objects.count() == 3

    monkeypatch.setattr(documents, "suggestions_create", real)
    out, _err = ingest(examples)

    assert "1 documents stored" in out and "3 already present" in out
    assert Source.objects.filter(file_name="aarhus_turku_da.txt").get().suggestions.exists()


def test_parallel_workers_give_the_same_result_as_one(examples):
    ingest(examples, jobs=1)
    one = snapshot()
    Source.objects.all().delete()

    ingest(examples, jobs=2)

    assert snapshot() == one
    assert one


def test_owner_and_private_flag_apply_to_new_sources(examples, org):
    ingest(examples / "wuxi_page.html", owner=org.name, private=True)

    source = Source.objects.get()
    assert source.owner == org and not source.is_public
    assert source.kind == "web_page"


def test_unknown_owner_is_an_error_naming_it(examples):
    with pytest.raises(CommandError, match="--owner Nowhere"):
        call_command("ingest", str(examples), owner="Nowhere", stdout=StringIO())
    assert not Source.objects.exists()
