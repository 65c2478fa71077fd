"""The sitemap lists every page a visitor may open, on SITE_URL, and nothing restricted; robots.txt points
to it and keeps crawlers out of the admin and sign-in."""

import re

import pytest

from forums.models import Category
from knowledge.models import ProjectPage
from tests.factories import topic

pytestmark = pytest.mark.django_db


def locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_the_sitemap_lists_pages_topics_agencies_and_dashboards_on_the_public_address(
    client, settings, secret_topic, team
):
    settings.WAGTAILADMIN_BASE_URL = "https://b40.moe.go.th"
    opened = topic(author=team, category=Category.objects.filter(access="public").first())
    found = locations(client)
    assert all(url.startswith("https://b40.moe.go.th/") for url in found)
    paths = {url.removeprefix("https://b40.moe.go.th") for url in found}
    expected = {
        "/",
        "/plan/",
        ProjectPage.objects.get(code="S1-P1").url,
        "/updates/",
        f"/forums/t/{opened.pk}/",
        "/forums/",
        "/agencies/obec/",
        "/monitoring/",
        "/monitoring/agencies/obec/",
    }
    assert expected <= paths
    assert f"/forums/t/{secret_topic.pk}/" not in paths
    assert f"/forums/c/{secret_topic.category_id}/" not in paths
    assert not any(path.startswith(("/admin/", "/accounts/")) for path in paths)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://b40.moe.go.th"
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and "Disallow: /accounts/" in text
    assert "Sitemap: https://b40.moe.go.th/sitemap.xml" in text
