"""What the exchange's pages show each reader alone: the holes of its shared pages (knowledge.personal)."""

from functools import cached_property

from knowledge.personal import Viewer

from .models import Reaction, Watch
from .notifications import unread_count
from .rules import can_accept, may_edit


class ForumViewer(Viewer):
    """The reader of a page: the bell on every page; on a topic or category page, what they pressed there."""

    holes = Viewer.holes | {"unread", "pressed", "bookmarked", "watching", "can_accept", "can_edit"}

    def __init__(self, request, topic=None, category=None):
        super().__init__(request)
        self.topic, self.category = topic, category

    def unread(self):
        return unread_count(self.user)

    def pressed(self, post_id, kind):
        return (int(post_id), kind) in self.reactions

    @cached_property
    def reactions(self):
        """This reader's reactions in the topic (a handful: people react to few posts)."""
        mine = Reaction.objects.filter(user_id=self.user.pk, post__topic_id=self.topic.pk)
        return set(mine.values_list("post_id", "kind"))

    def bookmarked(self):
        return self.topic.is_bookmarked  # read with the topic (TopicView.topic)

    def watching(self):
        if self.topic:
            return self.topic.is_watched
        return Watch.objects.filter(user_id=self.user.pk, category=self.category).exists()

    def can_accept(self):
        return can_accept(self.user, self.topic)

    def can_edit(self, author_id, status):
        return self.user.is_authenticated and may_edit(self.user, self.topic, int(author_id), status)
