"""The knowledge app's models, split by part of the plan; import from here."""

from .base import BasePage, PageTag
from .documents import DocumentVersion, VersionedDocument
from .info import InfoPage
from .library import EditionPage, EditionStatus, ManualPage, StandardPage
from .people import Profile
from .plan import ChapterPage, HomePage, PlanPage, StrategyPage
from .project import (
    AgencyRole,
    Indicator,
    IndicatorDirection,
    IndicatorTarget,
    ProjectAgency,
    ProjectBudget,
    ProjectContact,
    ProjectPage,
    ProjectStatus,
    ProjectTeamMember,
    ValueChainStage,
)
from .reading import Feedback, ReadReceipt, ReviewReminder
from .taxonomy import Agency, Gov40Goal, PMQACategory, SubPlan
from .updates import UpdatePage, UpdatesIndexPage

__all__ = [
    "Agency",
    "AgencyRole",
    "BasePage",
    "ChapterPage",
    "DocumentVersion",
    "EditionPage",
    "EditionStatus",
    "Feedback",
    "Gov40Goal",
    "HomePage",
    "InfoPage",
    "Indicator",
    "IndicatorDirection",
    "IndicatorTarget",
    "ManualPage",
    "PMQACategory",
    "PageTag",
    "PlanPage",
    "Profile",
    "ProjectAgency",
    "ProjectBudget",
    "ProjectContact",
    "ProjectPage",
    "ProjectStatus",
    "ProjectTeamMember",
    "ReadReceipt",
    "ReviewReminder",
    "StandardPage",
    "StrategyPage",
    "SubPlan",
    "UpdatePage",
    "UpdatesIndexPage",
    "VersionedDocument",
    "ValueChainStage",
]
