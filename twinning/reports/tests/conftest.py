import pytest

from twinning.activities.services import activity_create
from twinning.partnerships.tests.factories import (
    make_agreement,
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.places.models import PlaceKind
from twinning.reports.services import report_create
from twinning.strategies.models import StrategyKind
from twinning.strategies.services import goal_create
from twinning.strategies.tests.factories import make_strategy


@pytest.fixture
def setting():
    """A partnership with activities in two years, a strategy with a goal, and a report."""
    org = make_organisation("Ballerup Kommune")
    china = make_place("China", "CN", kind=PlaceKind.COUNTRY)
    party = make_place("Ballerup")
    partner = make_place(
        "Wuxi", "CN", kind=PlaceKind.CITY, parent=china, other_names=[("zh", "无锡")]
    )
    partnership = make_partnership(party, partner, since="2007-05", owner=org)
    make_agreement(partnership, signed="2013-06", expires="2016-06", title="Renewal 2013")
    activities = [
        activity_create(
            title="Network meeting in Vejle", start="2013-01-14", partnerships=[partnership]
        ),
        activity_create(
            title="Teacher exchange from Furen",
            start="2013-08",
            area="education",
            partnerships=[partnership],
        ),
        activity_create(
            title="Learning EXPO II",
            start="2014-10-24",
            end="2014-10-25",
            area="school",
            partnerships=[partnership],
        ),
        activity_create(
            title="Brochure in Chinese and English", start="2014", partnerships=[partnership]
        ),
        activity_create(title="Outside the period", start="2016-02-01", partnerships=[partnership]),
        activity_create(title="Another partnership", start="2013-03-01"),
    ]
    strategy = make_strategy(party, ["water"], title="Business strategy", start="2013", end="2016")
    goal_create(strategy=strategy, title="Door opener for companies", status="partly_met")
    make_strategy(china, ["water"], kind=StrategyKind.PARTNER_PLAN, title="Five-year plan")
    report = report_create(
        party=party,
        partnership=partnership,
        from_year=2013,
        to_year=2014,
        language="en",
        summary="We recommend going on.",
        recommendation="Renew for three years.",
        owner=org,
        is_public=True,
    )
    editor = make_user("editor", editor_of=org)
    return {
        "report": report,
        "activities": activities,
        "org": org,
        "editor": editor,
        "partnership": partnership,
    }
