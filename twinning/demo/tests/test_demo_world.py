"""The demo loaded on top of the world layer: one registry, not two side by side."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from twinning.partnerships.models import Partnership, PartnershipClaim
from twinning.places.models import Place, PlaceResolution

pytestmark = pytest.mark.django_db

# Both orders and two spellings of pairs the demo records in detail.
WORLD_LIST = """city1,country1,city2,country2
Horsens,Denmark,Chengdu,China
Chengdu,People's Republic of China,Horsens,Denmark
Aarhus,Denmark,Bergen,Norway
Bergen,Norway,Lahti,Finland
"""


@pytest.fixture
def world_folder(tmp_path) -> Path:
    (tmp_path / "twin_towns.csv").write_text(WORLD_LIST, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("name,remark\nx,y\n", encoding="utf-8")
    return tmp_path


def pair(a: str, b: str):
    return Partnership.objects.filter(party_a__name__in=(a, b), party_b__name__in=(a, b))


def test_the_world_layer_settles_on_the_demo_records(demo_registry, world_folder, capsys):
    demo_partnership = pair("Horsens", "Chengdu").get()
    call_command("demo", "--if-empty", "--world", str(world_folder))
    out = capsys.readouterr().out
    assert "twin_towns.csv: 4 rows read" in out
    assert "notes.csv: not a world file, left aside" in out

    # One Horsens–Chengdu: the demo's, now with both listed statements.
    assert pair("Horsens", "Chengdu").get() == demo_partnership
    assert PartnershipClaim.objects.filter(partnership=demo_partnership).count() == 2
    assert Place.objects.filter(name="Horsens").count() == 1
    horsens = Place.objects.get(name="Horsens")
    assert horsens.geonames_id and horsens.resolution == PlaceResolution.MATCHED
    assert pair("Aarhus", "Bergen").count() == 1
    # A pair the demo does not hold joins it from the world layer.
    assert pair("Bergen", "Lahti").count() == 1

    # A second run skips the file it already holds.
    call_command("demo", "--if-empty", "--world", str(world_folder))
    assert "twin_towns.csv: already imported, skipped" in capsys.readouterr().out
    assert pair("Horsens", "Chengdu").count() == 1


def test_a_folder_without_world_files_is_refused(demo_registry, tmp_path):
    (tmp_path / "notes.csv").write_text("name\nx\n", encoding="utf-8")
    with pytest.raises(CommandError, match="No world file found"):
        call_command("demo", "--if-empty", "--world", str(tmp_path))
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("demo", "--world", str(tmp_path / "missing"))
