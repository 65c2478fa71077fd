"""The bell in the header: how many notifications the signed-in user has not read."""

from django.utils.functional import SimpleLazyObject


def notifications(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}

    def unread():
        return user.forum_notifications.unread().count()

    return {"unread_notifications": SimpleLazyObject(unread)}
