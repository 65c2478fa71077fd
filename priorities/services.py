"""Every write of a prioritisation: scoring (while the round is open) and deciding it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Round, Score


@transaction.atomic
def scores_save(*, round_, user, entries):
    """Store the host unit's scores: entries is {(project id, criterion id): (value, reason)}; a value of
    None clears that score. A decided round is kept as it was decided."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.is_decided:
        raise PermissionDenied(_("This ranking has been decided and can no longer be changed."))
    for (project_id, criterion_id), (value, reason) in entries.items():
        if value is None:
            Score.objects.filter(project_id=project_id, criterion_id=criterion_id).delete()
        else:
            Score.objects.update_or_create(
                project_id=project_id, criterion_id=criterion_id, defaults={"value": value, "reason": reason}
            )
    return round_


@transaction.atomic
def round_decide(*, round_, user):
    """Fix the ranking, with who decided it and when. Every project must be scored on every criterion."""
    from .ranking import ranking

    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.is_decided:
        raise ValidationError(_("This ranking was already decided."))
    _criteria, rows = ranking(round_)
    unscored = [row.project.code for row in rows if row.total is None]
    if unscored:
        raise ValidationError(
            _("Score every criterion of these projects first: %(codes)s.") % {"codes": ", ".join(unscored)}
        )
    round_.decided_by, round_.decided_at = user, timezone.now()
    round_.save(update_fields=["decided_by", "decided_at"])
    return round_
