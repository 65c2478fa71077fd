import inspect

import pytest
from django.utils.text import slugify
from wagtail.models import Page

from knowledge import models
from knowledge.models import (
    ChapterPage,
    HomePage,
    PlanPage,
    ProjectPage,
    StrategyPage,
    UpdatePage,
    UpdatesIndexPage,
)
from tests.factories import UpdatePageFactory

PAGE_CLASSES = [
    cls
    for _, cls in inspect.getmembers(models, inspect.isclass)
    if issubclass(cls, Page) and cls is not Page and not cls._meta.abstract
]


@pytest.mark.parametrize("page_class", PAGE_CLASSES, ids=lambda cls: cls.__name__)
def test_every_page_class_declares_its_parents_and_children(page_class):
    assert "parent_page_types" in page_class.__dict__
    assert "subpage_types" in page_class.__dict__


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        (PlanPage, HomePage),
        (UpdatesIndexPage, HomePage),
        (ChapterPage, PlanPage),
        (StrategyPage, PlanPage),
        (ProjectPage, StrategyPage),
        (UpdatePage, UpdatesIndexPage),
    ],
)
def test_the_plan_tree_allows_its_own_shape(child, parent):
    assert child in parent.allowed_subpage_models()
    assert parent in child.allowed_parent_page_models()


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        (ProjectPage, PlanPage),
        (ProjectPage, HomePage),
        (StrategyPage, HomePage),
        (UpdatePage, PlanPage),
        (ChapterPage, StrategyPage),
        (PlanPage, PlanPage),
    ],
)
def test_pages_cannot_be_put_anywhere_else(child, parent):
    assert child not in parent.allowed_subpage_models()


def test_home_page_can_only_be_created_once(home):
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_plan_pages_take_ascii_slugs_from_their_stable_ids(db):
    assert ProjectPage.objects.get(code="S2-P3").url == "/plan/s2/s2-p3/"
    assert StrategyPage.objects.get(code="S4").url == "/plan/s4/"
    assert ChapterPage.objects.get(code="ch-4").url == "/plan/ch-4/"


def test_renaming_a_project_in_thai_keeps_its_url(project):
    project.title = "โครงการพัฒนาระบบบริการอิเล็กทรอนิกส์ (ชื่อใหม่)"
    project.save_revision().publish()
    project.refresh_from_db()
    assert project.url == "/plan/s1/s1-p1/"


def test_a_thai_titled_update_gets_an_ascii_slug(updates_index):
    update = UpdatePageFactory(parent=updates_index, title="ประชุมคณะทำงานขับเคลื่อนแผน")
    assert update.slug.isascii()
    assert update.slug.startswith(update.date.isoformat())
    assert slugify("ประชุม", allow_unicode=True) not in update.slug


def test_pages_take_tags(project):
    project.tags.add("บริการดิจิทัล", "e-Service")
    project.save_revision().publish()
    project.refresh_from_db()
    assert sorted(tag.name for tag in project.tags.all()) == ["e-Service", "บริการดิจิทัล"]
