"""Focus areas are offered in the reader's alphabet."""

import pytest
from django.utils import translation

from twinning.core.text import collation_key
from twinning.focusareas.models import FocusArea
from twinning.partnerships.filters import PartnershipFilter


def test_danish_puts_ae_oe_aa_after_z_and_english_ignores_accents():
    words = ["Ældrepleje", "Zoologi", "Åben skole", "Økonomi", "Erhverv", "Élite"]
    assert sorted(words, key=lambda w: collation_key(w, "da")) == [
        "Élite",
        "Erhverv",
        "Zoologi",
        "Ældrepleje",
        "Økonomi",
        "Åben skole",
    ]
    assert sorted(["Zeta", "Ålborg", "Alpha"], key=lambda w: collation_key(w, "en")) == [
        "Ålborg",
        "Alpha",
        "Zeta",
    ]


@pytest.mark.django_db
def test_partnership_filter_lists_focus_areas_in_the_readers_alphabet():
    for slug, en, da in [
        ("elder-care", "Elder care", "Ældrepleje"),
        ("education", "Education", "Uddannelse"),
        ("business", "Business", "Erhverv"),
    ]:
        FocusArea.objects.create(slug=slug, name_en=en, name_da=da)

    def labels():
        return [label for _value, label in PartnershipFilter().form.fields["focus"].choices]

    with translation.override("da"):
        assert labels() == ["Erhverv", "Uddannelse", "Ældrepleje"]
    with translation.override("en"):
        assert labels() == ["Business", "Education", "Elder care"]
