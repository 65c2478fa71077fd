"""Build the demo plan from demo/plan.json. Creates what is missing and never touches what exists,
so running it again keeps every edit and duplicates nothing."""

import json
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from ..models import (
    Agency,
    ChapterPage,
    Gov40Goal,
    HomePage,
    Indicator,
    IndicatorTarget,
    InfoPage,
    ManualPage,
    PlanPage,
    PMQACategory,
    ProjectAgency,
    ProjectBudget,
    ProjectContact,
    ProjectPage,
    ProjectTeamMember,
    StandardPage,
    StrategyPage,
    SubPlan,
    UpdatePage,
    UpdatesIndexPage,
)

DATA_FILE = Path(__file__).with_name("plan.json")


def paragraphs(texts):
    return [("paragraph", rich_text(text)) for text in texts]


def rich_text(text):
    return RichText(f"<p>{escape(text)}</p>")


class DemoLoader:
    """Loads the demo data; `created` counts what this run added, `users` what passwords were set."""

    def __init__(self, data=None, *, show_passwords=False):
        self.data = data or json.loads(DATA_FILE.read_text(encoding="utf-8"))
        self.show_passwords = show_passwords
        self.created = {}
        self.passwords = {}

    def count(self, kind):
        self.created[kind] = self.created.get(kind, 0) + 1

    @transaction.atomic
    def load(self):
        self.load_reference_lists()
        users = self.load_users()
        home = self.load_home()
        # The plan of the seed, then its successor (written for the demo), whose projects carry some on.
        for plan in (self.data, self.data.get("successor")):
            if plan:
                page = self.load_plan(home, plan["plan"], plan["chapters"])
                for strategy in plan["strategies"]:
                    self.load_strategy(page, strategy, users)
        self.load_updates(home, users)
        self.load_library(users)
        self.load_info_pages(home)
        return self

    # Reference lists ----------------------------------------------------------------------------------

    def load_reference_lists(self):
        for row in self.data["agencies"]:
            self.get_or_create(
                Agency,
                "agency",
                code=row["code"],
                defaults={
                    "name": row["name"],
                    "name_en": row["name_en"],
                    "abbreviation": row["abbreviation"],
                    "abbreviation_en": row["abbreviation_en"],
                    "abbreviation_variants": ", ".join(row["variants"]),
                },
            )
        for model, kind, key, rows in (
            (PMQACategory, "pmqa", "number", self.data["pmqa_categories"]),
            (SubPlan, "sub_plan", "code", self.data["sub_plans"]),
            (Gov40Goal, "goal", "number", self.data["goals"]),
        ):
            for row in rows:
                self.get_or_create(model, kind, **{key: row[key]}, defaults=row)

    def get_or_create(self, model, kind, defaults=None, **lookup):
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
        if created:
            self.count(kind)
        return obj

    # People -------------------------------------------------------------------------------------------

    def load_users(self):
        users = {}
        for row in self.data["users"]:
            user = get_user_model().objects.filter(username=row["username"]).first()
            if user is None:
                user = self.create_user(row)
            users[row["username"]] = (user, row)
        return users

    def create_user(self, row):
        user = get_user_model()(
            username=row["username"],
            first_name=row["first_name"],
            last_name=row["last_name"],
            email=f"{row['username']}@moe.example",
        )
        if self.show_passwords:
            password = f"{row['username']}-demo-2565"
            user.set_password(password)
            self.passwords[row["username"]] = password
        else:
            user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=row["role"]))
        user.profile.agency = Agency.objects.get(code=row["agency"])
        user.profile.position = row["position"]
        user.profile.save()
        self.count("user")
        return user

    # Pages --------------------------------------------------------------------------------------------

    def add_page(self, parent, page, kind, *, user=None, publish=True):
        """Add `page` under `parent` unless a child with its slug exists; return the page that is there."""
        page._set_core_field_defaults()
        existing = parent.get_children().filter(slug=page.slug).specific().first()
        if existing:
            return existing
        parent.add_child(instance=page)
        revision = page.save_revision(user=user)
        if publish:
            revision.publish()
        self.count(kind)
        return page

    def load_home(self):
        if home := HomePage.objects.first():
            return home
        root = Page.get_first_root_node()
        # Wagtail's "Welcome" placeholder holds the slug "home": free it, add ours, then remove it
        # (with the Site that pointed at it).
        placeholders = root.get_children().exact_type(Page)
        placeholders.update(slug="welcome-placeholder")
        row = self.data["home"]
        home = self.add_page(
            root,
            HomePage(
                title=row["title"],
                title_en=row["title_en"],
                slug="home",
                intro=f"<p>{escape(row['intro'])}</p>",
            ),
            "home",
        )
        placeholders.delete()
        # The site's own address (SITE_URL) makes sitemap and feed links absolute and correct.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": address.hostname,
                "port": port,
                "root_page": home,
                "site_name": row["title"],
            },
        )
        return home

    def load_plan(self, home, row, chapters):
        plan = self.add_page(
            home,
            PlanPage(
                title=row["title"],
                title_en=row["title_en"],
                slug=row.get("slug", "plan"),
                subtitle=row["subtitle"],
                summary=row["summary"],
                first_year=row["first_year"],
                last_year=row["last_year"],
                host_unit=row["host_unit"],
                body=paragraphs(row["body"]),
            ),
            "plan",
        )
        for chapter in chapters:
            self.add_page(
                plan,
                ChapterPage(
                    code=chapter["code"],
                    title=chapter["title"],
                    title_en=chapter["title_en"],
                    summary=chapter["summary"],
                    body=paragraphs(chapter["body"]),
                ),
                "chapter",
            )
        return plan

    def load_strategy(self, plan, row, users):
        strategy = StrategyPage(
            code=row["code"],
            number=row["number"],
            title=row["title"],
            title_en=row["title_en"],
            summary=row["summary"],
            goal=Gov40Goal.objects.get(number=row["goal"]),
        )
        strategy.sub_plans = list(SubPlan.objects.filter(code__in=row["sub_plans"]))
        strategy.pmqa_categories = list(PMQACategory.objects.filter(number__in=row["pmqa_categories"]))
        strategy = self.add_page(plan, strategy, "strategy")
        for project in row["projects"]:
            self.load_project(strategy, project, users)

    def load_project(self, strategy, row, users):
        project = ProjectPage(
            code=row["code"],
            title=row["title"],
            title_en=row["title_en"],
            summary=row["summary"],
            responsible_unit=row["responsible_unit"],
            first_fiscal_year=row["first_fiscal_year"],
            last_fiscal_year=row["last_fiscal_year"],
            status=row["status"],
            value_chain_stage=row["value_chain_stage"],
            continues=ProjectPage.objects.filter(code=row["continues"]).first()
            if "continues" in row
            else None,
        )
        project.pmqa_categories = list(PMQACategory.objects.filter(number__in=row["pmqa_categories"]))
        project.sub_plans = list(SubPlan.objects.filter(code__in=row["sub_plans"]))
        project.project_agencies = [
            ProjectAgency(agency=Agency.objects.get(code=a["agency"]), role=a["role"])
            for a in row["agencies"]
        ]
        project.budgets = [ProjectBudget(**budget) for budget in row["budgets"]]
        project.contacts = [ProjectContact(**contact) for contact in row["contacts"]]
        project.team_members = [
            ProjectTeamMember(user=user)
            for user, user_row in users.values()
            if row["code"] in user_row.get("projects", [])
        ]
        project = self.add_page(strategy, project, "project")
        for kpi in row["kpis"]:
            self.load_indicator(project, kpi)

    def load_indicator(self, project, row):
        if Indicator.objects.filter(code=row["code"]).exists():
            return
        indicator = Indicator(
            project=project,
            code=row["code"],
            name=row["name"],
            name_en=row["name_en"],
            unit=row["unit"],
            unit_en=row["unit_en"],
            direction=row["direction"],
            baseline=row["baseline"],
            baseline_year=row["baseline_year"],
        )
        indicator.targets = [IndicatorTarget(fiscal_year=int(y), value=v) for y, v in row["targets"].items()]
        indicator.save()
        self.count("kpi")

    # Updates ------------------------------------------------------------------------------------------

    def load_info_pages(self, home):
        for row in self.data["info_pages"]:
            page = InfoPage(
                title=row["title"], title_en=row["title_en"], slug=row["slug"], body=paragraphs(row["body"])
            )
            self.add_page(home, page, "info page")

    def load_updates(self, home, users):
        index = self.add_page(
            home,
            UpdatesIndexPage(
                title="ข่าวสารแผน",
                title_en="Plan updates",
                slug="updates",
                summary="ความคืบหน้าของโครงการตามแผนยุทธศาสตร์การพัฒนาระบบราชการ 4.0",
            ),
            "updates_index",
        )
        communicator = users["communicator"][0]
        for row in [*self.data["updates"], *self.data.get("successor", {}).get("updates", [])]:
            self.load_update(index, row, communicator)

    def load_update(self, index, row, author):
        if index.get_children().filter(title=row["title"]).exists():
            return
        update = UpdatePage(
            title=row["title"],
            date=date.fromisoformat(row["date"]),
            summary=row["summary"],
            body=paragraphs(row["body"]),
            owner=author,
        )
        update.projects = list(ProjectPage.objects.filter(code__in=row["projects"]))
        update.tags.add(*row["tags"])
        in_moderation = row["state"] == "in_moderation"
        if in_moderation:
            update.live = False
        page = self.add_page(index, update, "update", user=author, publish=not in_moderation)
        if in_moderation:
            page.get_workflow().start(page, author)

    # Manuals and standards ---------------------------------------------------------------------------

    def load_library(self, users):
        for row in self.data["manuals"]:
            for edition in row["editions"]:
                manual = ManualPage(
                    **self.edition_fields(row, edition, users), body=manual_body(edition["body"])
                )
                self.add_edition(row, manual, "manual")
        for row in self.data["standards"]:
            for edition in row["editions"]:
                standard = StandardPage(
                    **self.edition_fields(row, edition, users),
                    standard_number=row["standard_number"],
                    scope=f"<p>{escape(edition['scope'])}</p>",
                    clauses=[
                        ("clause", {"title": title, "text": rich_text(text)})
                        for title, text in edition["clauses"]
                    ],
                )
                standard.projects = list(ProjectPage.objects.filter(code__in=row["projects"]))
                standard.pmqa_categories = list(
                    PMQACategory.objects.filter(number__in=row["pmqa_categories"])
                )
                self.add_edition(row, standard, "standard")

    @staticmethod
    def edition_fields(row, edition, users):
        return {
            "code": row["code"],
            "title": row["title"],
            "title_en": row.get("title_en", ""),
            "summary": row["summary"],
            "edition": edition["edition"],
            "effective_date": date.fromisoformat(edition["effective_date"]),
            "review_due": date.fromisoformat(edition["review_due"]),
            "change_note": edition.get("change_note", ""),
            "owner_contact": users[row.get("owner", "moderator")][0],
        }

    def add_edition(self, row, page, kind):
        project = ProjectPage.objects.get(code=row["project"])
        page.owner_unit = project.responsible_unit
        self.add_page(project, page, kind)


def manual_body(rows):
    """Blocks from the demo file's compact form: ["h2", text], ["p", text], ["steps", title, [steps]], …"""
    return [manual_block(kind, *args) for kind, *args in rows]


def manual_block(kind, *args):
    if kind in ("h2", "h3"):
        return ("heading", {"text": args[0], "level": kind})
    if kind in ("note", "warning"):
        return ("callout", {"kind": kind, "text": rich_text(args[0])})
    if kind == "steps":
        title, steps = args
        return ("steps", {"title": title, "steps": [rich_text(step) for step in steps]})
    if kind == "table":
        caption, data = args
        table = {"data": data, "first_row_is_table_header": True, "first_col_is_header": False}
        return ("table", {**table, "table_caption": caption})
    return ("paragraph", rich_text(args[0]))
