import pytest

from twinning.core.text import fold


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sønderborg", "Sonderborg"),
        ("Århus", "Aarhus"),
        ("Göteborg", "goteborg"),
        ("Qixia-district", "qixia district"),
    ],
)
def test_fold_makes_spellings_of_one_name_equal(a, b):
    assert fold(a) == fold(b)


def test_fold_keeps_chinese_characters():
    assert fold("无锡") == "无锡"
