"""A member's own pages: notifications (the bell), bookmarks, e-mail settings, and unsubscribing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from ..forms import SettingsForm
from ..models import Bookmark, EmailMode, MemberSettings, Notification, Topic
from ..notifications import forget_unread
from ..rules import can_see_topic


@login_required
def notification_list(request):
    if request.method == "POST":
        Notification.objects.filter(recipient=request.user).unread().update(read_at=timezone.now())
        forget_unread(request.user.pk)
        return redirect("forums:notifications")
    notes = (
        Notification.objects.filter(recipient=request.user)
        .select_related("topic__category", "actor", "post")
        .order_by("-created_at")[:100]
    )
    # A topic can become unreadable (moved to a closed category) after it was notified.
    notes = [note for note in notes if can_see_topic(request.user, note.topic)]
    return render(request, "forums/notifications.html", {"notes": notes})


@login_required
def notification_open(request, pk):
    """Mark one notification read and go to what it is about."""
    note = get_object_or_404(
        Notification.objects.select_related("topic", "post"), pk=pk, recipient=request.user
    )
    if not note.read_at:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    return redirect(note.get_absolute_url())


@login_required
def bookmark_list(request):
    ids = Bookmark.objects.filter(user=request.user).values("topic")
    topics = Topic.objects.visible_to(request.user).filter(pk__in=ids).rows()
    return render(request, "forums/bookmarks.html", {"topics": topics})


@login_required
def settings_view(request):
    member = MemberSettings.of(request.user)
    form = SettingsForm(request.POST or None, initial={"email_mode": member.email_mode})
    if request.method == "POST" and form.is_valid():
        member.email_mode = form.cleaned_data["email_mode"]
        member.save(update_fields=["email_mode"])
        messages.success(request, _("Your settings are saved."))
        return redirect("forums:settings")
    return render(request, "forums/settings.html", {"form": form})


@csrf_exempt  # mail clients post one-click unsubscribes (RFC 8058) without a session or token
def unsubscribe(request, token):
    """Stop notification e-mail from the link in any e-mail, without signing in. GET asks; POST does."""
    member = MemberSettings.objects.filter(unsubscribe_token=token).select_related("user").first()
    if member is None:
        return render(request, "forums/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        member.email_mode = EmailMode.NEVER
        member.save(update_fields=["email_mode"])
        return render(request, "forums/unsubscribe.html", {"done": True, "member": member})
    return render(request, "forums/unsubscribe.html", {"member": member})
