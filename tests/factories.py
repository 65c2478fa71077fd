"""factory_boy factories for people, reference data and pages (pages are added under a parent)."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from knowledge.models import Agency, Indicator, IndicatorTarget, ProjectBudget, UpdatePage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "ทดสอบ"
    last_name = factory.Sequence(lambda n: f"ผู้ใช้{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@moe.example")
    password = factory.django.Password("secret-pass-2565")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))


class AgencyFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"agency{n}")
    name = factory.Sequence(lambda n: f"สำนักงานทดสอบที่ {n}")
    abbreviation = factory.Sequence(lambda n: f"สท{n}.")

    class Meta:
        model = Agency


class IndicatorFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"T-K{n}")
    name = factory.Sequence(lambda n: f"ตัวชี้วัดทดสอบ {n}")
    unit = "ร้อยละ"
    baseline = 50
    baseline_year = 2563

    class Meta:
        model = Indicator
        skip_postgeneration_save = True

    @factory.post_generation
    def targets(indicator, create, extracted, **kwargs):
        if create:
            for year, value in (extracted or {2564: 60, 2565: 70}).items():
                IndicatorTarget.objects.create(indicator=indicator, fiscal_year=year, value=value)


class BudgetFactory(factory.django.DjangoModelFactory):
    fiscal_year = factory.Sequence(lambda n: 2570 + n)
    planned = 1_000_000
    allocated = 900_000
    disbursed = 450_000

    class Meta:
        model = ProjectBudget


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under `parent` and publishes it, as an editor would."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class UpdatePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"ข่าวทดสอบที่ {n}")
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n))
    summary = "สรุปข่าวทดสอบ"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>เนื้อหาข่าวทดสอบ</p>")])

    class Meta:
        model = UpdatePage


def image_file(name="figure.png", size=(60, 40), color="#1d3f72"):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"ภาพประกอบ {n}")
    file = factory.LazyFunction(image_file)

    class Meta:
        model = "wagtailimages.Image"


class ManualPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"คู่มือทดสอบ {n}")
    code = factory.Sequence(lambda n: f"test-manual-{n}")
    edition = 1
    body = factory.LazyFunction(lambda: manual_sections(3))

    class Meta:
        model = "knowledge.ManualPage"


def manual_sections(count, images=()):
    """A manual body of `count` sections, each with a paragraph, a sub-heading and a figure per image."""
    from wagtail.rich_text import RichText

    body = []
    for number in range(1, count + 1):
        body += [
            ("heading", {"text": f"หัวข้อที่ {number}", "level": "h2"}),
            ("paragraph", RichText(f"<p>เนื้อหาของหัวข้อที่ {number}</p>")),
            ("heading", {"text": f"หัวข้อย่อย {number}.1", "level": "h3"}),
        ]
        if images:
            image = images[(number - 1) % len(images)]
            body.append(("figure", {"image": image, "alt_text": f"ภาพที่ {number}", "caption": ""}))
    return body


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"หมวดทดสอบ {n}")
    description = "หมวดสำหรับการทดสอบ"

    class Meta:
        model = "forums.Category"


def topic(*, author, category=None, title="หัวข้อทดสอบ", body="เนื้อหาทดสอบ", **kwargs):
    """A topic opened through the service, as a user would (counters and notifications included)."""
    from django.test.utils import override_settings

    from forums import services

    with override_settings(FORUM_HOLD_FIRST_POST=False):
        return services.topic_create(
            author=author, category=category or CategoryFactory(), title=title, body=body, **kwargs
        )


def reply(topic, *, author, body="ตอบกลับทดสอบ", **kwargs):
    from django.test.utils import override_settings

    from forums import services

    with override_settings(FORUM_HOLD_FIRST_POST=False):
        return services.post_create(topic=topic, author=author, body=body, **kwargs)
