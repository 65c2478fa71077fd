"""Editors search in Thai in Wagtail's admin: a word inside a longer Thai word is found."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from knowledge.models import Agency
from knowledge.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_page_search_finds_a_thai_word_inside_a_compound_title():
    titles = [page.title for page in Page.objects.search("ศึกษาธิการ")]
    assert "ระบบราชการ 4.0 กระทรวงศึกษาธิการ" in titles


def test_snippet_search_finds_an_agency_by_part_of_its_thai_name():
    found = [agency.code for agency in get_search_backend().search("ขั้นพื้นฐาน", Agency)]
    assert found == ["obec"]


def test_the_admin_page_search_shows_thai_results(client):
    client.force_login(UserFactory(role=Role.MODERATOR))
    html = client.get(reverse("wagtailadmin_pages:search"), {"q": "คลินิก"}).content.decode()
    assert "คู่มือการให้คำปรึกษาของคลินิกขับเคลื่อนโครงการ" in html
