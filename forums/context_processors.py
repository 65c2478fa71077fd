"""The reader of every page: the header's bell and name, and the other personal bits (forums.viewers)."""

from .viewers import ForumViewer


def viewer(request):
    return {"viewer": ForumViewer(request)} if hasattr(request, "user") else {}
