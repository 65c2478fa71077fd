"""Sign-in with the ministry's LDAP directory: a real OpenLDAP server (Debian's slapd), started here on
loopback with the people and groups below, and the site's own sign-in form."""

import os
import shutil
import socket
import subprocess
import time

import ldap
import ldap.modlist
import pytest
from django.contrib.auth import get_user_model

from accounts.ldap_settings import from_environment
from knowledge.models import Agency

pytestmark = pytest.mark.django_db
SLAPD = shutil.which("slapd") or "/usr/sbin/slapd"
BASE = "dc=moe,dc=go,dc=th"
ADMIN, ADMIN_PASSWORD = f"cn=admin,{BASE}", "directory-secret"
BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.ldap.MinistryLDAPBackend",
    "knowledge.auth.CachedModelBackend",
]
CONFIG = """
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile {dir}/slapd.pid
database mdb
maxsize 10485760
suffix "{base}"
rootdn "{admin}"
rootpw {password}
directory {dir}/db
"""
PEOPLE = {
    "malee": ("มาลี", "ศรีสุข", "obec", "malee-directory-2565"),
    "prasert": ("ประเสริฐ", "มั่นคง", "สอศ.", "prasert-directory-2565"),
}
GROUPS = {"MOE-B40-Teams": ["malee"], "communicator": ["prasert"]}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def entries():
    yield BASE, {"objectClass": [b"dcObject", b"organization"], "dc": [b"moe"], "o": [b"MOE"]}
    for ou in ("people", "groups"):
        yield f"ou={ou},{BASE}", {"objectClass": [b"organizationalUnit"], "ou": [ou.encode()]}
    for uid, (given, sn, agency, password) in PEOPLE.items():
        yield (
            f"uid={uid},ou=people,{BASE}",
            {
                "objectClass": [b"inetOrgPerson"],
                "uid": [uid.encode()],
                "cn": [f"{given} {sn}".encode()],
                "givenName": [given.encode()],
                "sn": [sn.encode()],
                "mail": [f"{uid}@moe.go.th".encode()],
                "departmentNumber": [agency.encode()],
                "userPassword": [password.encode()],
            },
        )
    for name, members in GROUPS.items():
        yield (
            f"cn={name},ou=groups,{BASE}",
            {
                "objectClass": [b"groupOfNames"],
                "cn": [name.encode()],
                "member": [f"uid={uid},ou=people,{BASE}".encode() for uid in members],
            },
        )


@pytest.fixture(scope="module")
def directory(tmp_path_factory):
    """slapd on a free port, filled with PEOPLE and GROUPS; stopped after the module."""
    assert os.path.exists(SLAPD), "slapd is missing: `make system-packages` installs it"
    folder = tmp_path_factory.mktemp("slapd")
    (folder / "db").mkdir()
    conf = folder / "slapd.conf"
    conf.write_text(CONFIG.format(dir=folder, base=BASE, admin=ADMIN, password=ADMIN_PASSWORD))
    url = f"ldap://127.0.0.1:{free_port()}/"
    server = subprocess.Popen([SLAPD, "-f", str(conf), "-h", url, "-d", "0"], stderr=subprocess.DEVNULL)
    connection = ldap.initialize(url)
    for _ in range(50):
        try:
            connection.simple_bind_s(ADMIN, ADMIN_PASSWORD)
            break
        except ldap.SERVER_DOWN:
            time.sleep(0.1)
    for dn, attributes in entries():
        connection.add_s(dn, ldap.modlist.addModlist(attributes))
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def ldap_site(settings, directory):
    env = {
        "AUTH_LDAP_SERVER_URI": directory,
        "AUTH_LDAP_BIND_DN": ADMIN,
        "AUTH_LDAP_BIND_PASSWORD": ADMIN_PASSWORD,
        "LDAP_USER_BASE": f"ou=people,{BASE}",
        "LDAP_GROUP_BASE": f"ou=groups,{BASE}",
    }
    for name, value in from_environment(env).items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = BACKENDS
    settings.SSO_ROLE_GROUPS = {"MOE-B40-Teams": "project_team"}
    return directory


def sign_in(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password, "next": "/plan/"})


def test_a_directory_account_signs_in_with_its_role_and_agency(client, ldap_site):
    answer = sign_in(client, "malee", "malee-directory-2565")
    assert answer.status_code == 302 and answer["Location"] == "/plan/"
    user = get_user_model().objects.get(username="malee")
    assert (user.first_name, user.email) == ("มาลี", "malee@moe.go.th")
    assert list(user.groups.values_list("name", flat=True)) == ["ทีมโครงการ"]
    assert user.profile.agency == Agency.objects.get(code="obec")
    assert not user.has_usable_password()  # the directory keeps the password


def test_a_group_named_as_a_role_and_a_thai_abbreviation_need_no_mapping(client, ldap_site):
    sign_in(client, "prasert", "prasert-directory-2565")
    user = get_user_model().objects.get(username="prasert")
    assert list(user.groups.values_list("name", flat=True)) == ["ผู้สื่อสาร"]
    assert user.profile.agency == Agency.objects.get(abbreviation="สอศ.")


def test_a_wrong_directory_password_is_refused_in_thai(client, ldap_site):
    answer = sign_in(client, "malee", "not-her-password")
    assert answer.status_code == 200 and "_auth_user_id" not in client.session
    assert "form-error" in answer.content.decode()


def test_local_accounts_keep_working_beside_the_directory(client, ldap_site, django_user_model):
    django_user_model.objects.create_user("local.only", password="local-password-2565")
    assert sign_in(client, "local.only", "local-password-2565").status_code == 302


def test_a_directory_that_is_down_leaves_local_sign_in_working(client, settings, django_user_model):
    for name, value in from_environment(
        {"AUTH_LDAP_SERVER_URI": f"ldap://127.0.0.1:{free_port()}/", "LDAP_USER_BASE": f"ou=people,{BASE}"}
    ).items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = BACKENDS
    django_user_model.objects.create_user("local.two", password="local-password-2565")
    assert sign_in(client, "local.two", "local-password-2565").status_code == 302
    client.logout()
    refused = sign_in(client, "malee", "malee-directory-2565")
    assert refused.status_code == 200 and "form-error" in refused.content.decode()
