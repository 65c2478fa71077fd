"""The journey of a ministry account: the sign-in page's button, the provider, and back signed in with
the role the directory gives (a real OpenID provider on loopback: tests/accounts/oidc_provider.py)."""

import pytest
from playwright.sync_api import expect

from tests.accounts.oidc_provider import Provider
from tests.accounts.test_oidc import BACKENDS


@pytest.fixture
def provider(settings):
    provider = Provider()
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = BACKENDS
    yield provider
    provider.stop()


def test_a_ministry_account_signs_in_with_one_click(demo_site, browser_page, provider):
    provider.person = {
        "sub": "u-9",
        "preferred_username": "wanida",
        "given_name": "วนิดา",
        "groups": ["moderator"],
    }
    page = browser_page
    page.goto(f"{demo_site.url}/accounts/login/?next=/forums/moderation/")
    page.get_by_role("link", name="เข้าสู่ระบบด้วยบัญชีกระทรวง").click()
    expect(page).to_have_url(f"{demo_site.url}/forums/moderation/")  # a moderators' desk: the role came along
    expect(page.get_by_role("heading", level=1)).to_have_text("คิวตรวจสอบ")  # not "not allowed"
    expect(page.locator(".user-menu")).to_contain_text("วนิดา")
