"""Typed content records: each record declares exactly the fields of its schema in models.py (a field added to
a schema must be added to its record), and the fixture's content loads into them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from conftest import BUILD_DATE, FIXTURE
from torv import models, records
from torv.schema import PhoneNumber
from torv.site import load_site

RECORD_OF_SCHEMA = [
    (models.Policy, records.PolicyFields),
    (models.Pillar, records.PillarFields),
    (models.Commitment, records.Commitment),
    (models.NewsItem, records.NewsFields),
    (models.Event, records.Event),
    (models.Page, records.PageFields),
    (models.Contacts, records.Contacts),
    (models.Person, records.Person),
    (models.Unit, records.Unit),
    (models.Address, records.Address),
    (models.Coordinates, records.Coordinates),
    (models.ClosedDay, records.ClosedDay),
    (models.OpeningHours, records.OpeningHours),
]


@pytest.mark.parametrize(("schema", "record"), RECORD_OF_SCHEMA, ids=[s.__name__ for s, _ in RECORD_OF_SCHEMA])
def test_each_record_has_the_fields_of_its_schema(schema, record):
    assert [f.name for f in dataclasses.fields(record)] == list(schema.fields())


def test_every_content_schema_has_a_record():
    schemas = {
        obj
        for obj in vars(models).values()
        if isinstance(obj, type) and issubclass(obj, models.Schema) and obj is not models.Schema
    }
    assert schemas - {s for s, _ in RECORD_OF_SCHEMA} == {models.Settings, models.Language}  # settings: not content


@pytest.fixture(scope="module")
def content():
    site, report = load_site(FIXTURE, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0
    return records.content_of(site), records.content_of(site, preview=True)


def test_the_fixture_loads_into_records(content):
    shown, _ = content
    assert isinstance(shown.policy.default, records.PolicyFields)
    assert all(isinstance(p.default, records.PillarFields) for p in shown.pillars)
    assert [p.default.order for p in shown.pillars] == sorted(p.default.order for p in shown.pillars)
    meeting = next(e for e in shown.news if e.id == "dialogmoede-havbjerggaard")
    assert isinstance(meeting.default.event, records.Event)
    assert meeting.default.event.registration == records.Registration(
        url="https://havbjerg.example/tilmelding/dialogmoede", email=None
    )
    assert meeting.values("sv").title != meeting.values("da").title and meeting.translated("sv")
    assert [e.default.date for e in shown.news] == sorted((e.default.date for e in shown.news), reverse=True)
    unit = shown.contacts.main()
    assert isinstance(unit, records.Unit) and unit.opening_hours
    assert unit.phone == PhoneNumber(e164="+4572102000", display="72 10 20 00")  # national: the site is in DK
    assert unit.opening_hours.saturday == () and unit.opening_hours.monday[0] == (dt.time(8), dt.time(12))
    assert isinstance(shown.contacts.find("borgmester"), records.Person)
    assert shown.contacts.find("nobody") is None
    assert shown.tags["forum"].label("en") == "Business forum"


def test_drafts_and_scheduled_items_only_in_a_preview(content):
    shown, preview = content
    assert {e.state for e in shown.news} == {"published"}
    assert {e.state for e in preview.news} == {"published", "draft", "scheduled"}


def test_records_are_frozen(content):
    shown, _ = content
    with pytest.raises(dataclasses.FrozenInstanceError):
        shown.news[0].default.title = "x"
