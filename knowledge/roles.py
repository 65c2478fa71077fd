"""The five roles people have on the site, as Django groups, and what each may do.

The groups themselves are created by a migration (0002_roles). Their permissions are set after every
migration, because Django creates permission rows only once all apps have migrated.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ADMIN_ACCESS = "wagtailadmin.access_admin"
# Wagtail keeps document permissions on wagtaildocs.Document even with a custom document model.
MEDIA = [
    f"{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose")
]
PAGE_EDITING = ["add_page", "change_page"]
PAGE_PUBLISHING = [*PAGE_EDITING, "publish_page", "lock_page", "unlock_page"]
PLAN_SNIPPETS = [
    f"knowledge.{action}_{model}"
    for model in ("agency", "pmqacategory", "subplan", "gov40goal", "indicator", "profile")
    for action in ("add", "change", "delete", "view")
]


class Role(models.TextChoices):
    """Each value is the group's name in the database."""

    STAFF = "บุคลากร", _("Staff")
    PROJECT_TEAM = "ทีมโครงการ", _("Project team member")
    COMMUNICATOR = "ผู้สื่อสาร", _("Communicator")
    MODERATOR = "ผู้ดูแลเนื้อหา (หน่วยงานเจ้าภาพ)", _("Moderator (host unit)")
    ADMINISTRATOR = "ผู้ดูแลระบบ", _("Administrator")


# Model-level permissions per role. Staff only read, which needs no permission at all.
ROLE_PERMISSIONS = {
    Role.STAFF: [],
    Role.PROJECT_TEAM: [],
    Role.COMMUNICATOR: [ADMIN_ACCESS, *MEDIA],
    Role.MODERATOR: [
        ADMIN_ACCESS,
        *MEDIA,
        *PLAN_SNIPPETS,
        "wagtaildocs.delete_document",
        # Forum categories: created and given readers, never deleted (their topics would go too).
        *(f"forums.{action}_category" for action in ("add", "change", "view")),
        # Each year's budget priority round (a decided one is kept as it is: priorities.models).
        *(f"priorities.{action}_round" for action in ("add", "change", "view")),
        *(f"participation.{action}_hearing" for action in ("add", "change", "view")),
    ],
}
# Page permissions granted on the root of the page tree (inherited by every page).
ROLE_ROOT_PAGE_PERMISSIONS = {
    Role.MODERATOR: PAGE_PUBLISHING,
    Role.ADMINISTRATOR: [*PAGE_PUBLISHING, "bulk_delete_page"],
}


def permissions(names):
    """Permission rows for 'app_label.codename' names."""
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".", 1)
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


def grant_page_permissions(group, page, codenames):
    """Give a group page permissions on a page and everything below it (idempotent)."""
    from wagtail.models import GroupPagePermission

    for perm in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=perm)


def sync_role_permissions(*, verbosity=1, **kwargs):
    """Set every role's permissions to exactly what this module says (runs after each migrate)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail.models import Page

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    if len(groups) < len(Role):
        return  # the roles migration has not run yet
    groups[Role.ADMINISTRATOR].permissions.set(Permission.objects.all())
    for role, names in ROLE_PERMISSIONS.items():
        groups[role].permissions.set(permissions(names))
    root = Page.get_first_root_node()
    if root:
        for role, codenames in ROLE_ROOT_PAGE_PERMISSIONS.items():
            grant_page_permissions(groups[role], root, codenames)
    # Images and documents are permitted per collection as well: grant the same on the root collection.
    for role in (Role.COMMUNICATOR, Role.MODERATOR, Role.ADMINISTRATOR):
        media = groups[role].permissions.filter(content_type__app_label__in=["wagtailimages", "wagtaildocs"])
        grant_collection_permissions(groups[role], media)


def grant_collection_permissions(group, perms):
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root:
        for perm in perms:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)


def grant_communicators(updates_index):
    """Communicators write and submit updates here; publishing stays with moderators."""
    communicators = Group.objects.filter(name=Role.COMMUNICATOR).first()
    if communicators:
        grant_page_permissions(communicators, updates_index, PAGE_EDITING)


def group_ids(user):
    """The ids of the user's groups, read once per request (with whether they moderate)."""
    if not hasattr(user, "_group_ids"):
        groups = list(user.groups.values_list("pk", "name")) if user.is_authenticated else []
        user._group_ids = {pk for pk, _name in groups}
        user._moderates = user.is_superuser or any(
            name in (Role.MODERATOR, Role.ADMINISTRATOR) for _pk, name in groups
        )
    return user._group_ids


def moderates(user):
    """Whether the user is a moderator of the host unit or an administrator (asked once per request)."""
    group_ids(user)
    return user._moderates


def moderator_only(view):
    """A view for the host unit: sign in first, then 403 for everyone else."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not moderates(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)
