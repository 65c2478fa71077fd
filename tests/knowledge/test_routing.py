"""Finding the page for an address (knowledge/routing.py): one query per address, kept until it moves."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge import dependencies
from knowledge.routing import find

pytestmark = pytest.mark.django_db

SECTION = "/plan/s3/s3-p2/clinic-manual-e2/section/1/"


def test_a_routable_pages_sub_route_is_found_without_walking_the_tree(rf):
    """The section of a manual, five levels down, costs the site and one page lookup, not one per level."""
    request = rf.get(SECTION, HTTP_HOST="localhost")
    with CaptureQueriesContext(connection) as queries:
        page, args, kwargs = find(request, SECTION)
    assert page.slug == "clinic-manual-e2"
    assert args or kwargs  # the section's own route, handed over by the manual
    assert len(queries) <= 4


def test_an_address_that_names_no_page_is_not_found(client):
    assert client.get("/plan/s3/no-such-project/").status_code == 404
    assert client.get(SECTION.replace("clinic-manual-e2", "no-such-manual")).status_code == 404


def test_a_change_committed_while_reading_is_read_again():
    """Names known only after the reading count from when it began: a mark made meanwhile (another
    worker's commit) makes the value be read again rather than kept as new."""
    dependencies.mark({"page:0001X"})
    readings = []

    def read():
        readings.append(len(readings) + 1)
        if len(readings) == 1:
            dependencies.mark({"page:0001X"})  # committed while this request was reading
        return readings[-1]

    with dependencies.collecting():
        assert dependencies.read_naming(read, lambda value: ["page:0001X"]) == 2


def test_a_reading_whose_names_did_not_change_is_read_once():
    dependencies.mark({"page:0001Y"})
    time.sleep(0.01)  # the mark is older than the reading
    readings = []

    def read():
        readings.append(1)
        return "found"

    with dependencies.collecting() as read_names:
        assert dependencies.read_naming(read, lambda value: ["page:0001Y"]) == "found"
    assert readings == [1]
    assert "page:0001Y" in read_names
