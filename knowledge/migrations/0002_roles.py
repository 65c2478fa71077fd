"""The five roles as groups, and Wagtail's default approval workflow handed to the host unit.

Wagtail's first migrations create an "Editors" group (edit anywhere) and a "Moderators" group that
approves everything through the "Moderators approval" workflow on the root page. Moderators become
the host unit's moderators, keeping that workflow; Editors go, since communicators may edit updates
only. Permissions are set by knowledge.roles.sync_role_permissions after migrate.
"""

from django.db import migrations

STAFF = "บุคลากร"
PROJECT_TEAM = "ทีมโครงการ"
COMMUNICATOR = "ผู้สื่อสาร"
MODERATOR = "ผู้ดูแลเนื้อหา (หน่วยงานเจ้าภาพ)"
ADMINISTRATOR = "ผู้ดูแลระบบ"
WORKFLOW_NAME = "อนุมัติโดยหน่วยงานเจ้าภาพ"


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")

    Group.objects.filter(name="Moderators").update(name=MODERATOR)
    Group.objects.filter(name="Editors").delete()
    for name in (STAFF, PROJECT_TEAM, COMMUNICATOR, MODERATOR, ADMINISTRATOR):
        Group.objects.get_or_create(name=name)
    Workflow.objects.filter(name="Moderators approval").update(name=WORKFLOW_NAME)
    Task.objects.filter(name="Moderators approval").update(name=WORKFLOW_NAME)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[STAFF, PROJECT_TEAM, COMMUNICATOR, ADMINISTRATOR]).delete()
    Group.objects.filter(name=MODERATOR).update(name="Moderators")


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
