"""A form sent with mistakes tells screen-reader users what to fix: a focused summary linking each field,
and every input tied by id to its help and error texts."""

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_a_failed_topic_form_has_a_focused_summary_and_inputs_tied_to_their_help_and_errors(client, team):
    client.force_login(team)
    html = BeautifulSoup(client.post("/forums/new/", {"title": "", "body": ""}).content, "html.parser")
    summary = html.find(id="form-errors")
    assert summary.has_attr("autofocus") and summary["role"] == "alert"
    assert {link["href"] for link in summary.find_all("a")} >= {"#id_title", "#id_body"}
    for name in ("title", "body"):
        field = html.find(id=f"id_{name}")
        assert field["aria-invalid"] == "true"
        described = field["aria-describedby"].split()
        assert f"id_{name}_error" in described
        assert all(html.find(id=target) for target in described)  # no id points at nothing
    assert "id_body_helptext" in html.find(id="id_body")["aria-describedby"]
    assert not re.search(r'aria-describedby="[^"]*-help"', str(html))
