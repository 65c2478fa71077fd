"""Every page says where its scripts may come from: this site only, never inline (injected markup cannot
run), cached pages included; the site's own templates hold no inline script, handler or style."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from knowledge.admin_scripts import SINGLE_CALL

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# E-mails are read in mail clients, not served; the PDF footer is printed by Chromium from a file.
NOT_SERVED = ("forums/email/", "knowledge/pdf/")


def policy(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


@pytest.mark.parametrize("path", ["/", "/plan/s1/s1-p1/", "/forums/", "/search/?q=คู่มือ", "/no-such-page/"])
def test_site_pages_allow_only_the_sites_own_scripts(client, path):
    for _ in range(2):  # rendered, then from the page cache
        directives = policy(client.get(path))
        assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'self'"


def test_the_policy_is_enforced_except_on_a_developers_machine(client, settings):
    from django.test import Client

    assert "Content-Security-Policy-Report-Only" not in client.get("/")
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = True  # config/settings/dev.py
    response = Client().get("/")  # a new client builds the middleware anew
    assert "Content-Security-Policy" not in response
    assert "script-src 'self';" in response["Content-Security-Policy-Report-Only"]


def test_the_admin_allows_no_inline_script_and_inline_style_only_there(admin_client, client):
    directives = policy(admin_client.get("/admin/"))
    assert directives["script-src"] == "'self'"
    assert "'unsafe-inline'" in directives["style-src"]  # Wagtail's style attributes
    assert directives["object-src"] == "'none'" and directives["default-src"] == "'self'"
    assert policy(client.get("/"))["style-src"] == "'self'"


def test_templates_hold_no_inline_script_event_handler_or_style_attribute():
    offending = []
    for template in TEMPLATES.rglob("*.html"):
        name = template.relative_to(TEMPLATES).as_posix()
        if name.startswith(NOT_SERVED):
            continue
        html = template.read_text(encoding="utf-8")
        if name.startswith("wagtailadmin/"):  # the admin's one-call starters, sent as data (admin_scripts)
            html = SINGLE_CALL.sub("", html)
        inline_script = re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", html)
        if inline_script or re.search(r"\s(on[a-z]+|style)=", html):
            offending.append(name)
    assert offending == []
