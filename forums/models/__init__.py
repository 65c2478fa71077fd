"""The exchange's models: categories, topics (discussion, case, clinic question), posts and what people
do with them; import from here."""

from .categories import Category
from .engagement import Bookmark, EmailMode, MemberSettings, Notification, NotificationKind, Watch
from .moderation import Flag, FlagReason, ModerationAction, ModerationLog
from .posts import Post, PostImage, PostRevision, PostStatus, Reaction, ReactionKind
from .topics import Adoption, CaseStudy, Topic, TopicKind, TopicProject, TopicStatus, TopicTag

__all__ = [
    "Adoption",
    "Bookmark",
    "CaseStudy",
    "Category",
    "EmailMode",
    "Flag",
    "FlagReason",
    "MemberSettings",
    "ModerationAction",
    "ModerationLog",
    "Notification",
    "NotificationKind",
    "Post",
    "PostImage",
    "PostRevision",
    "PostStatus",
    "Reaction",
    "ReactionKind",
    "Topic",
    "TopicKind",
    "TopicProject",
    "TopicStatus",
    "TopicTag",
    "Watch",
]
