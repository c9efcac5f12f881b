from django.template import Context, Template

from twinning.places.models import Place, PlaceKind


def _render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_options_mark_the_selected_value_and_escape_labels():
    html = _render(
        "{% load options %}{% options choices selected %}",
        choices=[("DK", "Denmark"), ("CN", "China"), ("XX", "<b>Bad</b>")],
        selected="CN",
    )
    assert html == (
        '<option value="DK">Denmark</option>'
        '<option value="CN" selected>China</option>'
        '<option value="XX">&lt;b&gt;Bad&lt;/b&gt;</option>'
    )


def test_options_compare_numbers_and_text_alike():
    html = _render("{% load options %}{% options choices '2' %}", choices=[(1, "one"), (2, "two")])
    assert '<option value="2" selected>two</option>' in html
    assert '<option value="1">one</option>' in html


def test_options_without_a_selection_select_nothing():
    html = _render("{% load options %}{% options choices missing %}", choices=[("DK", "Denmark")])
    assert "selected" not in html


def test_place_label_shows_flag_name_and_code_escaped():
    place = Place(name="Århus <script>", kind=PlaceKind.MUNICIPALITY, country="DK")
    html = _render("{% load places_tags %}{{ place|place_label }}", place=place)
    assert '<span class="place-name">Århus &lt;script&gt;</span>' in html
    assert '<abbr class="country-code" title="Denmark">DK</abbr>' in html
    assert 'class="flag"' in html


def test_place_label_without_country_is_just_the_name():
    place = Place(name="Bycirklen", kind=PlaceKind.GROUP, country="")
    html = _render("{% load places_tags %}{{ place|place_label }}", place=place)
    assert html == '<span class="place-name">Bycirklen</span>'
