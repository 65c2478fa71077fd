"""Steps many browser tests share."""

from playwright.sync_api import expect

from knowledge.models import Agency
from tests.factories import UserFactory


def sign_in(page, site, username, next_path):
    page.context.clear_cookies()
    page.goto(f"{site.url}/accounts/login/?next={next_path}")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill("secret-pass-2565")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page).to_have_url(f"{site.url}{next_path}")


def person(username, role, agency="ops"):
    user = UserFactory(username=username, role=role)
    user.profile.agency = Agency.objects.get(code=agency)
    user.profile.save()
    return user
