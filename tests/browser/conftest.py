"""Browser tests: Playwright drives Debian's Chromium against a live server holding the demo plan."""

import pytest

from knowledge.pdf import CHROMIUM_ARGS, PDFUnavailable, chromium_path


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def demo_site(django_db_serialized_rollback, transactional_db, live_server, settings):
    """The live server, over the demo plan that tests/conftest.py loaded and snapshotted, marking Thai
    line breaks as production does."""
    settings.THAI_LINE_BREAKS = True
    return live_server


@pytest.fixture
def browser_page(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that fixtures make
    # meanwhile are still ordinary synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    try:
        chromium = chromium_path()
    except PDFUnavailable as missing:
        pytest.fail(f"Chromium not found at {missing}: install Debian's chromium or deselect -m browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()
