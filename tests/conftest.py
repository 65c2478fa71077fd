"""Shared fixtures: the demo plan is loaded once per test database; each test rolls back its changes."""

import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from knowledge.models import HomePage, PlanPage, ProjectPage, StrategyPage, UpdatesIndexPage
from search.indexing import rebuild as rebuild_search_index


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Files of an earlier run (printed PDFs, evidence) would make a test pass for the wrong reason.
    for folder in (settings.MEDIA_ROOT, settings.STORAGES["private"]["OPTIONS"]["location"]):
        shutil.rmtree(folder, ignore_errors=True)
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())
        rebuild_search_index()
        # Transactional tests (the browser's live server) empty the database when they end; with
        # serialized rollback Django restores this snapshot, demo included, for the next test.
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def plan(db):
    return PlanPage.objects.get(slug="plan")  # the seed's plan (2564–2565); the demo adds its successor


@pytest.fixture
def strategy(db):
    return StrategyPage.objects.get(code="S1")


@pytest.fixture
def project(db):
    return ProjectPage.objects.get(code="S1-P1")


@pytest.fixture
def updates_index(db):
    return UpdatesIndexPage.objects.get()
