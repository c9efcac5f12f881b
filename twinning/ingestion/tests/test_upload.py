from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from twinning.ingestion.models import IngestionFile, IngestionJob
from twinning.ingestion.tests.conftest import EXAMPLES
from twinning.sources.models import Source

pytestmark = pytest.mark.django_db

UPLOAD = reverse("ingestion:upload")


def example(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (EXAMPLES / name).read_bytes())


def upload(client, org, *files, **extra):
    return client.post(UPLOAD, {"files": list(files), "owner": org.pk, "is_public": "on", **extra})


def test_upload_reads_every_file_and_reports_each_one(client, editor, org):
    client.force_login(editor)
    broken = SimpleUploadedFile("broken.pdf", b"%PDF-1.4 nothing else")

    response = upload(
        client, org, example("aarhus_turku_da.txt"), example("wuxi_page.html"), broken
    )

    job = IngestionJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert (job.status, job.file_count, job.processed_count) == ("done", 3, 3)
    assert job.user == editor and job.task_id
    assert "broken.pdf: " in job.errors and "PDF" in job.errors
    sources = Source.objects.order_by("file_name")
    assert [s.file_name for s in sources] == ["aarhus_turku_da.txt", "wuxi_page.html"]
    assert all(s.owner == org and s.suggestions.exists() for s in sources)
    assert not IngestionFile.objects.exclude(data=b"").exists()

    page = client.get(job.get_absolute_url())
    html = page.content.decode()
    assert "broken.pdf" in html and reverse("ingestion:review", args=[sources[0].pk]) in html
    assert "hx-trigger" not in html  # finished: no more polling


def test_job_status_polls_while_the_job_waits(client, editor, org, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(editor)

    upload(client, org, example("aarhus_turku_da.txt"))

    job = IngestionJob.objects.get()
    assert job.status == "queued"
    partial = client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in partial and "<html" not in partial


def test_an_over_size_upload_is_refused_naming_the_file(client, editor, org, settings):
    settings.TWINNING_MAX_UPLOAD_BYTES = 1000
    client.force_login(editor)
    big = SimpleUploadedFile("big_report.txt", b"Aarhus og Turku. " * 200)

    response = upload(client, org, big, example("aarhus_turku_da.txt"))

    assert response.status_code == 200
    assert "big_report.txt is larger than the limit of 1000\xa0bytes" in response.content.decode()
    assert not IngestionJob.objects.exists() and not Source.objects.exists()


def test_the_size_handler_skips_the_rest_of_a_large_file(rf, settings):
    from django.core.files.uploadhandler import SkipFile

    from twinning.ingestion.uploads import SizeLimitUploadHandler

    handler = SizeLimitUploadHandler(max_bytes=10)
    handler.new_file("files", "big.txt", "text/plain", 30)
    assert handler.receive_data_chunk(b"12345", 0) == b"12345"
    with pytest.raises(SkipFile):
        handler.receive_data_chunk(b"678901", 5)
    assert handler.too_large == ["big.txt"]


def test_an_unsupported_file_type_is_refused(client, editor, org):
    client.force_login(editor)

    response = upload(client, org, SimpleUploadedFile("minutes.docx", b"PK\x03\x04"))

    assert "minutes.docx: unsupported file type .docx" in response.content.decode()
    assert not IngestionJob.objects.exists()


def test_an_editor_may_only_file_under_their_own_organisation(client, editor):
    from twinning.organisations.tests.factories import make_organisation

    client.force_login(editor)
    other = make_organisation("Aarhus Kommune")

    response = upload(client, other, example("aarhus_turku_da.txt"))

    assert response.status_code == 200 and not IngestionJob.objects.exists()


def test_jobs_of_other_users_are_not_shown(client, editor, org, settings):
    from twinning.organisations.tests.factories import make_user

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(editor)
    upload(client, org, example("aarhus_turku_da.txt"))
    client.force_login(make_user("colleague", editor_of=org))

    assert client.get(IngestionJob.objects.get().get_absolute_url()).status_code == 404


# The worker closes connections that are inside a transaction, as a test's would be; so
# this test commits for real, as the site and the worker do.
@pytest.mark.django_db(transaction=True)
def test_a_job_queued_in_the_database_is_run_by_the_worker_command(client, editor, org, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(editor)

    upload(client, org, example("sonderborg_baoding_en.txt"), example("kolding_lahti_en.pdf"))

    job = IngestionJob.objects.get()
    assert job.status == "queued" and not Source.objects.exists()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())
    job.refresh_from_db()
    assert (job.status, job.processed_count, job.errors) == ("done", 2, "")
    assert set(Source.objects.values_list("file_name", flat=True)) == {
        "sonderborg_baoding_en.txt",
        "kolding_lahti_en.pdf",
    }
    pdf = Source.objects.get(file_name="kolding_lahti_en.pdf")
    assert pdf.kind == "report" and pdf.suggestions.filter(kind="partnership").exists()


def test_uploaded_documents_are_private_unless_public_is_ticked(client, editor, org):
    client.force_login(editor)

    form = client.get(UPLOAD).content.decode()
    client.post(UPLOAD, {"files": [example("wuxi_page.html")], "owner": org.pk})

    assert 'name="is_public"' in form and "checked" not in form.split('name="is_public"')[1][:80]
    job = IngestionJob.objects.get()
    assert job.is_public is False
    assert job.files.get().source.is_public is False
