"""Sign-in with the ministry's OpenID Connect provider (a real one on loopback: oidc_provider.py)."""

from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.contrib.auth import get_user_model

from knowledge.models import Agency
from tests.accounts.oidc_provider import Provider

pytestmark = pytest.mark.django_db
BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "knowledge.auth.CachedModelBackend",
    "accounts.oidc.MinistryOIDCBackend",
]


@pytest.fixture
def provider(settings):
    provider = Provider()
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = BACKENDS
    settings.SSO_ROLE_GROUPS = {"MOE-B40-Moderators": "moderator"}
    yield provider
    provider.stop()


def sign_in(client, provider, person, next_url="/plan/"):
    """The browser's round trip: the site → the provider's authorize page → back to the site's callback."""
    provider.person = person
    start = client.get(f"/oidc/authenticate/?next={next_url}")
    assert start.status_code == 302 and start["Location"].startswith(provider.base)
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=5)
    back = urlparse(at_provider.headers["Location"])
    return client.get(back.path, {k: v[0] for k, v in parse_qs(back.query).items()})


def test_a_ministry_account_signs_in_with_its_role_and_agency(client, provider):
    answer = sign_in(
        client,
        provider,
        {"sub": "u-1", "preferred_username": "somchai.j", "email": "somchai@moe.go.th", "given_name": "สมชาย",
         "family_name": "ใจดี", "groups": ["MOE-B40-Moderators", "Other"], "agency": "สพฐ."},
    )  # fmt: skip
    assert answer.status_code == 302 and answer["Location"] == "/plan/"
    user = get_user_model().objects.get(username="somchai.j")
    assert user.first_name == "สมชาย" and not user.has_usable_password()
    assert set(user.groups.values_list("name", flat=True)) == {"ผู้ดูแลเนื้อหา (หน่วยงานเจ้าภาพ)"}
    assert user.profile.agency == Agency.objects.get(code="obec")
    assert "สมชาย" in client.get("/plan/").content.decode()  # signed in on the site


def test_the_next_sign_in_follows_the_directory(client, provider):
    person = {"sub": "u-2", "preferred_username": "suda", "groups": ["project_team"], "agency": "ops"}
    sign_in(client, provider, person)
    client.logout()
    sign_in(client, provider, {**person, "groups": []})  # left the project team
    user = get_user_model().objects.get(username="suda")
    assert list(user.groups.values_list("name", flat=True)) == ["บุคลากร"]
    assert get_user_model().objects.filter(username="suda").count() == 1


def test_a_forged_callback_signs_nobody_in(client, provider):
    client.get("/oidc/authenticate/")
    answer = client.get("/oidc/callback/", {"code": "made-up", "state": "made-up"})
    assert answer.status_code in (302, 400)
    assert "_auth_user_id" not in client.session


def test_local_accounts_keep_working_and_the_sign_in_page_offers_both(client, provider, django_user_model):
    django_user_model.objects.create_user("local.user", password="a-local-password-2565")
    page = client.get("/accounts/login/").content.decode()
    assert "/oidc/authenticate/" in page and 'name="password"' in page
    answer = client.post("/accounts/login/", {"username": "local.user", "password": "a-local-password-2565"})
    assert answer.status_code == 302 and "_auth_user_id" in client.session


def test_without_configuration_there_is_no_ministry_sign_in(client, settings):
    settings.OIDC_ENABLED = False
    assert client.get("/oidc/authenticate/").status_code == 404
    assert "/oidc/authenticate/" not in client.get("/accounts/login/").content.decode()


def test_a_provider_that_is_down_sends_people_back_to_the_sign_in_page(client, provider):
    start = client.get("/oidc/authenticate/")
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=5)
    provider.stop()  # the provider goes down before the site asks for the token
    back = urlparse(at_provider.headers["Location"])
    answer = client.get(back.path, {k: v[0] for k, v in parse_qs(back.query).items()})
    assert answer.status_code == 302 and "sso=failed" in answer["Location"]
    assert "ไม่สำเร็จ" in client.get(answer["Location"]).content.decode()
