"""Report files made in the background, with progress, for the one who asked."""

import io

import docx
import pytest
from django.urls import reverse

from twinning.partnerships.tests.factories import make_user
from twinning.reports.models import FileStatus, ReportFile
from twinning.reports.services import report_file_build, report_file_request

pytestmark = pytest.mark.django_db


def test_a_queued_file_shows_its_state_until_a_worker_makes_it(client, setting, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    report, editor = setting["report"], setting["editor"]
    client.force_login(editor)
    response = client.post(reverse("reports:file_request", args=[report.pk, "docx"]))
    report_file = ReportFile.objects.get()
    assert response.url == reverse("reports:file", args=[report_file.pk])
    page = client.get(response.url).content.decode()
    assert "queued" in page and "twinning worker" in page and 'hx-trigger="every 2s"' in page
    assert client.get(reverse("reports:file_download", args=[report_file.pk])).status_code == 404

    report_file_build(file_id=report_file.pk)
    report_file.refresh_from_db()
    assert (report_file.status, report_file.progress) == (FileStatus.DONE, 100)
    partial = client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in partial and "Download Word" in partial
    download = client.get(reverse("reports:file_download", args=[report_file.pk]))
    document = docx.Document(io.BytesIO(download.content))
    assert "Budget and resources" in [p.text for p in document.paragraphs]
    # Someone else cannot fetch the file.
    client.force_login(make_user("other"))
    assert client.get(reverse("reports:file_download", args=[report_file.pk])).status_code == 404


def test_the_immediate_queue_makes_the_pdf_at_once(client, setting, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client.force_login(setting["editor"])
    response = client.post(reverse("reports:file_request", args=[setting["report"].pk, "pdf"]))
    report_file = ReportFile.objects.get()
    assert report_file.status == FileStatus.DONE
    assert bytes(report_file.content).startswith(b"%PDF")
    assert "Download PDF" in client.get(response.url).content.decode()


def test_a_failure_is_recorded_not_left_running(setting):
    from twinning.partnerships.models import Partnership

    # The partnership turned private after the request: the file cannot be made for them.
    outsider = make_user("outsider")
    report_file = report_file_request(report=setting["report"], fmt="pdf", user=outsider)
    Partnership.objects.filter(pk=setting["partnership"].pk).update(is_public=False)
    with pytest.raises(Partnership.DoesNotExist):
        report_file_build(file_id=report_file.pk)
    report_file.refresh_from_db()
    assert report_file.status == FileStatus.FAILED and report_file.error
    assert report_file.content is None
