"""Builders of visits, sites and what they hang on, for the tests."""

import datetime as dt

from twinning.partnerships.tests.factories import (
    make_area,
    make_organisation,
    make_place,
    make_user,
)
from twinning.sites.services import showcase_site_create
from twinning.visits.services import visit_create

__all__ = ["make_area", "make_organisation", "make_place", "make_site", "make_user", "make_visit"]


def make_visit(visiting_party=None, host=None, **fields):
    fields.setdefault("direction", "incoming")
    fields.setdefault("title", "Delegation from Dalian")
    fields.setdefault("start_date", dt.date(2017, 9, 4))
    fields.setdefault("end_date", dt.date(2017, 9, 6))
    visiting_party = visiting_party or make_place("Dalian", "CN", "city")
    host = host or make_place("Sønderborg", "DK")
    return visit_create(visiting_party=visiting_party, host=host, **fields)


def make_site(name: str, organisation=None, **fields):
    organisation = organisation or make_organisation(f"{name} operator", kind="company")
    return showcase_site_create(name=name, organisation=organisation, **fields)
