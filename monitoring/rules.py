"""Who may report and who may review: a project's team reports its KPIs; the host unit reviews."""

from knowledge.models import ProjectTeamMember
from knowledge.roles import moderates


def can_report(user, indicator):
    return user.is_authenticated and (
        moderates(user)
        or ProjectTeamMember.objects.filter(project_id=indicator.project_id, user=user).exists()
    )


def can_review(user):
    return user.is_authenticated and moderates(user)
