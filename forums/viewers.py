"""What the exchange's pages show each reader alone: the holes of its shared pages (knowledge.personal)."""

from functools import cached_property

from django.db import connection

from knowledge.personal import Viewer

from .fragments import viewer_key
from .models import Bookmark, Post, PostStatus, Reaction, Watch
from .notifications import unread_count
from .rules import can_accept, may_edit

# The ORM takes about ten times longer to build these four small queries than the database to run them,
# and a member's topic page asks them on every visit.
TOPIC_STATE_SQL = f"""
SELECT 'reaction', r.post_id, r.kind FROM {Reaction._meta.db_table} r
  JOIN {Post._meta.db_table} p ON p.id = r.post_id WHERE r.user_id = %s AND p.topic_id = %s
UNION ALL SELECT 'bookmark', NULL, NULL FROM {Bookmark._meta.db_table} WHERE user_id = %s AND topic_id = %s
UNION ALL SELECT 'watch', NULL, NULL FROM {Watch._meta.db_table} WHERE user_id = %s AND topic_id = %s
UNION ALL SELECT 'held', NULL, NULL FROM {Post._meta.db_table}
  WHERE author_id = %s AND topic_id = %s AND status = %s
"""


class ForumViewer(Viewer):
    """The reader of a page: the bell on every page; on a topic or category page, what they pressed there."""

    holes = Viewer.holes | {"unread", "pressed", "bookmarked", "watching", "can_accept", "can_edit"}

    def __init__(self, request, topic=None, category=None, page=None):
        super().__init__(request, page)
        self.topic, self.category = topic, category

    def audience(self):
        """Readers of the same categories see the same forum pieces (on hubs and the home page too)."""
        return viewer_key(self.user)

    def unread(self):
        return unread_count(self.user)

    def pressed(self, post_id, kind):
        return (int(post_id), kind) in self.topic_state["reactions"]

    def bookmarked(self):
        return self.topic_state["bookmark"]

    def watching(self):
        if self.topic:
            return self.topic_state["watch"]
        return Watch.objects.filter(user_id=self.user.pk, category=self.category).exists()

    def has_held_posts(self):
        """Whether this member has posts awaiting approval in the topic (then the page is theirs alone)."""
        return self.topic_state["held"]

    @cached_property
    def topic_state(self):
        """What this member did in the topic, read in one statement on every visit: their reactions (a
        handful: people react to few posts), bookmark, watch, and posts awaiting approval."""
        state = {"reactions": set(), "bookmark": False, "watch": False, "held": False}
        if not self.user.is_authenticated:
            return state
        with connection.cursor() as cursor:
            cursor.execute(TOPIC_STATE_SQL, [self.user.pk, self.topic.pk] * 4 + [PostStatus.HELD])
            for what, post_id, kind in cursor.fetchall():
                if what == "reaction":
                    state["reactions"].add((post_id, kind))
                else:
                    state[what] = True
        return state

    def can_accept(self):
        return can_accept(self.user, self.topic)

    def can_edit(self, author_id, status):
        return may_edit(self.user, self.topic, int(author_id), status)
