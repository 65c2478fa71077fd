"""django-auth-ldap's settings from the environment (config/settings/base.py reads them when
AUTH_LDAP_SERVER_URI is set). OpenLDAP's groupOfNames by default; Active Directory with
LDAP_GROUP_TYPE=activeDirectory and LDAP_USER_FILTER=(sAMAccountName=%(user)s)."""

import ldap
from django_auth_ldap.config import GroupOfNamesType, LDAPSearch, NestedActiveDirectoryGroupType

GROUP_TYPES = {"groupOfNames": GroupOfNamesType, "activeDirectory": NestedActiveDirectoryGroupType}


def from_environment(env):
    group_type = GROUP_TYPES[env.get("LDAP_GROUP_TYPE", "groupOfNames")]
    group_class = "group" if group_type is NestedActiveDirectoryGroupType else "groupOfNames"
    return {
        "AUTH_LDAP_SERVER_URI": env["AUTH_LDAP_SERVER_URI"],
        "AUTH_LDAP_BIND_DN": env.get("AUTH_LDAP_BIND_DN", ""),
        "AUTH_LDAP_BIND_PASSWORD": env.get("AUTH_LDAP_BIND_PASSWORD", ""),
        "AUTH_LDAP_START_TLS": env.get("AUTH_LDAP_START_TLS") == "1",
        "AUTH_LDAP_USER_SEARCH": LDAPSearch(
            env["LDAP_USER_BASE"], ldap.SCOPE_SUBTREE, env.get("LDAP_USER_FILTER", "(uid=%(user)s)")
        ),
        "AUTH_LDAP_GROUP_SEARCH": LDAPSearch(
            env.get("LDAP_GROUP_BASE", env["LDAP_USER_BASE"]),
            ldap.SCOPE_SUBTREE,
            f"(objectClass={group_class})",
        ),
        "AUTH_LDAP_GROUP_TYPE": group_type(),
        "AUTH_LDAP_USER_ATTR_MAP": {"first_name": "givenName", "last_name": "sn", "email": "mail"},
        "AUTH_LDAP_ALWAYS_UPDATE_USER": True,
        "AUTH_LDAP_FIND_GROUP_PERMS": False,
        # A directory that does not answer makes a sign-in fail in seconds, not hang the worker.
        "AUTH_LDAP_CONNECTION_OPTIONS": {ldap.OPT_NETWORK_TIMEOUT: 5, ldap.OPT_TIMEOUT: 5},
    }
