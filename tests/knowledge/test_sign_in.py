"""Signing in: wrong passwords pause an account's sign-in from that address, on the site and the admin."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN, ADMIN_LOGIN = "/accounts/login/", "/admin/login/"
RIGHT = "ถูกต้อง-2569"


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("signer", password=RIGHT, is_staff=True)


def sign_in(client, password, page=LOGIN, username="signer"):
    return client.post(page, {"username": username, "password": password})


@pytest.mark.parametrize("page", [LOGIN, ADMIN_LOGIN])
def test_five_wrong_passwords_pause_sign_in_with_a_thai_page(client, member, page):
    for _ in range(4):
        assert sign_in(client, "เดาผิด", page).status_code == 200  # the form again, with its error
    response = sign_in(client, "เดาผิด", page)
    assert response.status_code == 429
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in response.content.decode()
    assert sign_in(client, RIGHT, page).status_code == 429  # right, but paused
    assert "_auth_user_id" not in client.session


def test_the_pause_is_for_that_account_only(client, member, django_user_model):
    django_user_model.objects.create_user("neighbour", password=RIGHT)
    for _ in range(5):
        sign_in(client, "เดาผิด")
    assert sign_in(Client(), RIGHT, username="neighbour").status_code == 302


def test_a_right_password_before_the_limit_clears_the_count(client, member):
    for _ in range(4):
        sign_in(client, "เดาผิด")
    assert sign_in(client, RIGHT).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "เดาผิด")
    assert sign_in(client, RIGHT).status_code == 302
