"""Lists of partners, apposition to a country and the page's own address.

The example texts are written for these tests; the towns in them are invented, so only
the grammar of the text can find them, never a list of place names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from twinning.extraction import Partnership, extract, load_document

EXAMPLES = Path(__file__).parent / "examples"


def _pairs(name: str) -> dict[tuple[str, str], Partnership]:
    facts = extract(load_document(EXAMPLES / name))
    return {(f.a, f.b): f for f in facts if isinstance(f, Partnership)}


def test_bulleted_list_under_a_heading_pairs_every_item_with_the_home() -> None:
    pairs = _pairs("twin_towns_list_da.txt")
    assert set(pairs) == {
        ("Hjortkær", "Vindelholm"),
        ("Hjortkær", "Ravnsfjärd"),
        ("Hjortkær", "Kallioranta"),
        ("Hjortkær", "Sandavík"),
    }
    assert {p.b_country for p in pairs.values()} == {"NO", "SE", "FI", "IS"}
    assert {p.relation for p in pairs.values()} == {"sister_city"}


def test_list_items_give_since_years() -> None:
    pairs = _pairs("sister_towns_since_sv.txt")
    since = {b: p.since for (a, b), p in pairs.items()}
    assert since == {"Tammelin": "1972", "Lindesnær": "1981", "Kõrvemaa": "1994"}
    assert {a for a, _ in pairs} == {"Bergsjövik"}


def test_address_names_the_home_and_same_country_partners_count() -> None:
    pairs = _pairs("partner_towns_de.txt")
    assert {b for _, b in pairs} == {"Kornfeld", "Varsinais", "Brévillac", "Zalesie"}
    assert {a for a, _ in pairs} == {"Regensburg"}


def test_coordinated_appositions_pair_with_the_home_in_the_list() -> None:
    pairs = _pairs("nordic_ring_da.txt")
    assert {b for _, b in pairs} == {"Hallsberga", "Fjellvik", "Järvelä"}
    assert {a for a, _ in pairs} == {"Odense"}


@pytest.mark.parametrize(
    "text",
    [
        "Oplægsholder på Kina Forum var direktøren for eksportrådet.",
        "Povl Hansen (S) og Karen Berg (V) talte for forslaget.",
        "Et Confucius Institut i Danmark blev åbnet i samarbejde med universitetet.",
    ],
)
def test_people_and_bodies_are_not_read_as_partners(text: str) -> None:
    facts = extract("Odense Kommune har venskabsbyer i hele Norden. " + text)
    assert not [f for f in facts if isinstance(f, Partnership)]


def _partnerships(text: str) -> list[Partnership]:
    return [f for f in extract(text) if isinstance(f, Partnership)]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "Byrådet besluttede i går at opsige venskabsbysamarbejdet med Vindelholm i Norge.",
            "terminated",
        ),
        (
            "Die Stadt Emden teilte mit, dass die Städtepartnerschaft mit der russischen Stadt "
            "Wolgorsk vorübergehend ausgesetzt werde.",
            "unknown",
        ),
        (
            "Die Stadt Emden pflegt eine Städtepartnerschaft mit der russischen Stadt "
            "Wolgorsk. Es wird nicht beabsichtigt, diese zu beenden.",
            "active",
        ),
        ("Staff propose a friendship city relationship with Dongcheng in China.", "unknown"),
    ],
)
def test_status_follows_ending_suspension_negation_and_proposal(sentence: str, status: str) -> None:
    (p,) = _partnerships(sentence if "Emden" in sentence else "Odense Kommune. " + sentence)
    assert p.status == status


def test_two_towns_of_different_countries_celebrating_their_partnership_are_a_pair() -> None:
    facts = _partnerships(
        "Die Stadt Aschersleben lud ein. Lappeenranta und Schwäbisch Hall feierten ihre "
        "Partnerschaft."
    )
    assert {(p.a, p.b) for p in facts} == {("Lappeenranta", "Schwäbisch Hall")}


def test_german_adjective_of_nationality_introduces_partner_towns() -> None:
    facts = _partnerships(
        "Teltow unterhält Städtepartnerschaften zum französischen Bréville-sur-Orne, zum "
        "polnischen Zielonka und zur deutschen Stadt Ahlen."
    )
    assert {p.b for p in facts} == {"Bréville-sur-Orne", "Zielonka", "Ahlen"}


def test_chinese_list_lines_take_the_kind_of_their_heading() -> None:
    text = (
        "石家庄市国际友好城市:\n"
        "第一类 正式国际友好城市(共2个):\n"
        "日本 青叶市(1981年4月19日缔结)\n"
        "加拿大 枫林市(1985年5月31日缔结)\n"
        "第二类 友好关系城市(共1个):\n"
        "巴西 椰风市(2002年8月正式商定建立友好关系)\n"
    )
    kinds = {p.b: p.relation for p in _partnerships(text)}
    assert kinds == {"青叶市": "friendship_city", "枫林市": "friendship_city", "椰风市": "other"}


def test_a_list_of_pairs_after_the_sentence_that_says_what_they_signed() -> None:
    facts = _partnerships(
        "On 4 November 2003 four pairs of cities signed cooperation agreements.\n\n"
        "They are: Sunnyvale of California vs. Anqing of Anhui, Norwood of Massachusetts "
        "vs. Wucheng of Shandong.\n"
    )
    assert {(p.a, p.b) for p in facts} == {("Sunnyvale", "Anqing"), ("Norwood", "Wucheng")}
    assert {p.relation for p in facts} == {"cooperation_agreement"}


def test_respectively_pairs_the_towns_in_order() -> None:
    facts = _partnerships(
        "石家庄市所辖青原市、白河市也分别与日本香川县绫川町(1995年5月23日)、"
        "意大利索拉诺市(1997年8月19日)正式缔结为友好城市。"
    )
    assert {(p.a, p.b) for p in facts} == {("青原市", "绫川町"), ("白河市", "索拉诺市")}


def test_province_before_a_town_qualifies_it() -> None:
    facts = _partnerships("日前海南省三亚市与特罗姆斯郡塞尼亚市签署了加强友好往来的意向书。")
    assert [(p.a, p.b, p.relation) for p in facts] == [("三亚市", "塞尼亚市", "letter_of_intent")]


def test_agreement_term_renewal_notice_and_place_ids() -> None:
    (p,) = _partnerships(
        "Odense Kommune og Ningbo i Kina underskrev i dag en femårig samarbejdsaftale. "
        "Aftalen forlænges automatisk, medmindre en af parterne opsiger den med seks "
        "måneders varsel."
    )
    assert (p.term_years, p.tacit_renewal, p.notice_months) == (5, True, 6)
    assert p.status == "active"
    assert p.a_place is not None and p.b_place is not None


def test_a_three_year_school_subject_is_no_agreement_term() -> None:
    (p,) = _partnerships(
        "Odense Kommune har en samarbejdsaftale med Ningbo i Kina. Kinesisk udbydes som "
        "tre-årigt fag i folkeskolen."
    )
    assert p.term_years is None


def test_the_words_that_ended_a_tie_are_kept_with_it() -> None:
    (p,) = _partnerships("Odense Kommune opsagde venskabsbyaftalen med Vindelholm i Norge.")
    assert (p.status, p.status_reason, p.b_place) == ("terminated", "opsagde", None)


def test_pairs_listed_between_semicolons() -> None:
    facts = _partnerships(
        "Twinning links of the county include Swindon and Salzgitter; Oxford and Bonn; "
        "Guildford and Freiburg."
    )
    assert {(p.a, p.b) for p in facts} == {
        ("Swindon", "Salzgitter"),
        ("Oxford", "Bonn"),
        ("Guildford", "Freiburg"),
    }


def test_small_towns_in_a_list_are_found_and_linked_through_the_world_gazetteer() -> None:
    facts = _partnerships("Hjørring Kommune har venskabsbyerne Røros, Vimmerby og Tromsø.")
    found = {p.b: (p.b_country, p.b_place) for p in facts}
    assert set(found) == {"Røros", "Vimmerby", "Tromsø"}
    assert found["Røros"][0] == "NO" and found["Vimmerby"][0] == "SE"
    assert all(place and place.startswith("gn-") for _, place in found.values())


def test_two_chinese_towns_joined_by_yu_with_the_year_they_signed() -> None:
    facts = _partnerships(
        "瑞典 法尔肯贝里市 人口 4万。石家庄市与法尔肯贝里市于2002年8月签订协议，建立友好城市关系。"
    )
    assert [(p.a, p.b, p.b_country, p.since) for p in facts] == [
        ("石家庄市", "法尔肯贝里市", "SE", "2002-08")
    ]


def test_the_town_called_the_partner_is_not_the_home_however_often_named() -> None:
    facts = _partnerships(
        "Our sister city programme with Kumamoto in Japan celebrated its 30th anniversary. "
        "Mayor Anne Smith of Lafayette, Louisiana, visited Kumamoto last week."
    )
    assert [(p.a, p.b) for p in facts] == [("Lafayette", "Kumamoto")]


def test_a_town_before_its_province_and_country() -> None:
    facts = _partnerships(
        "https://www.example.gov/item-11\n\nCity of Arcadia: establishing a Friendship City "
        "relationship with Baisha City, Hainan Province, China was proposed."
    )
    assert [(p.a, p.b, p.status) for p in facts] == [("Arcadia", "Baisha City", "unknown")]


def test_a_newspaper_named_after_a_town_does_not_make_it_the_home() -> None:
    text = (
        "https://www.northwichguardian.co.uk/news/1\n\n"
        "Chester will end its twinning with Rychnov nad Kněžnou in the Czech Republic."
    )
    assert [(p.a, p.b) for p in _partnerships(text)] == [("Chester", "Rychnov nad Kněžnou")]


def test_towns_joining_the_ties_take_the_kind_and_their_own_years() -> None:
    facts = _partnerships(
        "Vejle Kommune fik sin første venskabsby, Kalmar i Sverige, i 1975. "
        "I 1980 kom Molde i Norge til, og i 1986 Porvoo i Finland."
    )
    assert {(p.b, p.relation, p.since) for p in facts} == {
        ("Kalmar", "sister_city", "1975"),
        ("Molde", "sister_city", "1980"),
        ("Porvoo", "sister_city", "1986"),
    }


def test_two_known_names_side_by_side_stay_two_places() -> None:
    text = (
        "Delegationen från Bornholms Regionskommune besökte Ystad kommun. Ystad och Bornholm "
        "har varit vänorter sedan 1965."
    )
    facts = extract(text)
    assert [(p.a, p.b) for p in facts if isinstance(p, Partnership)] == [("Ystad", "Bornholm")]
    visits = [f for f in facts if f.kind == "event"]
    assert all("Ystad" not in (v.origin or "") for v in visits)


def test_a_compound_that_names_the_place_itself_is_the_place() -> None:
    facts = _partnerships(
        "Bodø kommune undertegnet mandag en samarbeidsavtale med den kinesiske "
        "Zhejiang-provinsen, mens Kina-samarbeidet ellers ligger stille."
    )
    assert [(p.a, p.b) for p in facts] == [("Bodø kommune", "Zhejiang")]


def test_a_kind_of_place_noun_needs_a_capital_after_it() -> None:
    assert names_after("regionene samarbeider om regionens utvikling.") == []


def names_after(text: str) -> list[str]:
    from twinning.extraction.gazetteer import find_places
    from twinning.extraction.names import find_names

    return [m.surface for m in find_names(text, find_places(text), "NO")]
