"""The reader of every page: the header's bell and name, and the other personal bits
(settings.PERSONAL_VIEWER)."""

from knowledge.personal import viewer_for


def viewer(request):
    return {"viewer": viewer_for(request)} if hasattr(request, "user") else {}
