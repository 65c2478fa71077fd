"""The public summary of a hearing on a published edition: how many comments, from which agencies, how
they were resolved and what changed."""

from collections import Counter

from django import template
from django.utils import timezone

from knowledge.dependencies import depends_on

from ..models import Hearing, ProjectFeedback, Resolution

register = template.Library()


@register.inclusion_tag("participation/includes/summary.html")
def hearing_summary(page):
    depends_on("hearings")
    today = timezone.localdate()
    hearings = Hearing.objects.filter(page_id=page.pk, closes_on__lt=today).prefetch_related(
        "comments__agency"
    )
    summaries = []
    for hearing in hearings:
        comments = list(hearing.comments.all())
        resolved = Counter(comment.resolution for comment in comments)
        agencies = sorted({c.agency.display_abbreviation for c in comments if c.agency})
        summaries.append(
            {
                "hearing": hearing,
                "count": len(comments),
                "agencies": agencies,
                "resolutions": [(label, resolved[value]) for value, label in Resolution.choices],
            }
        )
    return {"summaries": summaries}


@register.inclusion_tag("participation/includes/project_feedback.html")
def stakeholder_feedback(project):
    """The hub's count of published stakeholder feedback, the latest three, and the form's link."""
    depends_on(f"feedback:{project.pk}")
    published = ProjectFeedback.objects.approved().filter(project=project)
    latest = list(published[:3])
    count = len(latest) if len(latest) < 3 else published.count()
    return {"project": project, "count": count, "latest": latest}
