"""On/off rows of one user (a reaction, a bookmark, a watch), safe to click twice and under races.

A button sends the state the page showed it in (`shown`), so it asks for the opposite of that: a double
click asks for the same state twice and gets it, never a flip back. The row's unique constraint settles
two requests that race to create it: the loser finds it made, which is what it wanted.
"""

from django.db import IntegrityError, transaction


def wanted(request):
    """True/False: the state the button asks for; None when it sent none (flip what is stored)."""
    return {"true": False, "false": True}.get(request.POST.get("shown"))


def put(model, on, **fields):
    """Make the row exist (on=True) or not (on=False); on=None flips it. Returns (on, changed)."""
    rows = model.objects.filter(**fields)
    if on is None:
        on = not rows.exists()
    if not on:
        deleted, _ = rows.delete()
        return False, bool(deleted)
    try:
        with transaction.atomic():  # a savepoint: the clash below must not spoil the caller's transaction
            model.objects.create(**fields)
    except IntegrityError:
        return True, False  # made a moment ago by the same user's other click
    return True, True
