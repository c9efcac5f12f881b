import json

import pytest

from twinning.activities.models import Activity
from twinning.benchmarks import build, measure, run
from twinning.partnerships.models import Partnership
from twinning.visits.models import Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_registry(tmp_path):
    pairs = build.synthetic_pairs(tmp_path / "pairs.csv", count=80)
    return build.build(pairs_path=pairs, activities=300, visits=40)


def test_build_imports_the_pairs_and_generates_activities_and_visits(small_registry):
    assert small_registry.partnerships == Partnership.objects.count() == 80
    assert Activity.objects.count() == 300
    assert Visit.objects.count() == 40
    linked = Activity.partnerships.through.objects.values("activity_id").distinct().count()
    assert linked == 300
    assert small_registry.import_s > 0


def test_measure_times_every_page_as_served_and_fresh(small_registry):
    lines = []
    figures = measure.measure(requests=3, log=lines.append)

    assert set(figures) == {page.key for page in measure.pages()}
    for key, page in figures.items():
        assert set(page) == {"served_p50_ms", "served_p95_ms", "fresh_p50_ms", "fresh_p95_ms"}
        assert 0 < page["served_p50_ms"] <= page["served_p95_ms"], key
        assert 0 < page["fresh_p50_ms"] <= page["fresh_p95_ms"], key
    assert len(lines) == len(figures)


def test_percentile_reads_the_sorted_samples():
    samples = [5.0, 1.0, 3.0, 2.0, 4.0, 6.0, 7.0, 8.0, 9.0, 10.0]
    assert measure.percentile(samples, 0.5) == 5.0
    assert measure.percentile(samples, 0.95) == 10.0
    assert measure.percentile([2.0], 0.95) == 2.0


def test_a_page_that_fails_stops_the_measurement(small_registry):
    broken = measure.Page("broken", ["/partnerships/999999/"])
    with pytest.raises(RuntimeError, match="answered 404"):
        measure.time_page(broken, requests=2)


def test_run_prints_one_json_object_last(tmp_path, capsys, monkeypatch):
    pairs = build.synthetic_pairs(tmp_path / "pairs.csv", count=40)
    monkeypatch.setattr(measure, "SEARCHES", ["town"])

    status = run.main(
        [str(pairs), "--activities", "50", "--visits", "5", "--requests", "2", "--no-load"]
    )

    assert status == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    figures = json.loads(last)
    assert figures["partnerships"] == 40 and figures["import_s"] > 0
    assert figures["dashboard"]["served_p95_ms"] > 0
    assert figures["partnership_list_page500"]["fresh_p95_ms"] > 0
