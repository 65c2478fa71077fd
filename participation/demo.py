"""Demo participation: stakeholders' feedback on S1-P1 (two published, one waiting); hearings: the clinic
manual's edition 2 was heard before it came into force (three comments, each answered, and what changed),
and a draft of the PMQA self-assessment manual's edition 2 is open for comment to staff of สป. and สพฐ. for
three weeks from the day the demo is loaded. Idempotent."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from knowledge.models import Agency, ManualPage, ProjectPage
from knowledge.services import edition_create_next

from .models import Audience, Comment, FeedbackStatus, Hearing, ProjectFeedback, Resolution
from .parts import parts_of

HEARD = [
    ("staff", "ควรระบุระยะเวลาตอบคำถามของคลินิกให้ชัดเจน", Resolution.ACCEPTED, "เพิ่มกำหนดตอบภายใน 3 วันทำการ"),
    (
        "communicator",
        "อยากให้มีตัวอย่างคำถามที่พบบ่อย",
        Resolution.PARTLY,
        "เพิ่มตัวอย่างสามข้อ ส่วนคลังคำถามอยู่ในเวทีแลกเปลี่ยน",
    ),
    ("team", "ขอให้ยกเลิกการลงทะเบียนก่อนถาม", Resolution.REJECTED, "ต้องรู้หน่วยงานของผู้ถามเพื่อส่งต่อผู้เชี่ยวชาญ"),
]


FEEDBACK = [
    (
        "S1-P1",
        "ครูสมศรี ใจดี",
        "โรงเรียนบ้านหนองบัว",
        "ยื่นคำขอผ่าน e-Service สะดวกมาก ไม่ต้องเดินทางไปเขตพื้นที่",
        FeedbackStatus.APPROVED,
    ),
    ("S1-P1", "นายวิชัย รักเรียน", "ผู้ปกครอง", "อยากให้แจ้งสถานะคำขอทางอีเมลด้วย", FeedbackStatus.APPROVED),
    ("S1-P1", "ผู้ไม่ประสงค์ออกนาม", "", "ระบบช้าในช่วงเปิดภาคเรียน", FeedbackStatus.PENDING),
]


class ParticipationDemoLoader:
    def __init__(self):
        self.created = {}
        self.users = {user.username: user for user in get_user_model().objects.all()}

    @transaction.atomic
    def load(self):
        clinic = ManualPage.objects.live().filter(code="clinic-manual", edition=2).first()
        if clinic and not Hearing.objects.filter(page=clinic).exists():
            self.load_closed(clinic)
        pmqa = ManualPage.objects.live().filter(code="pmqa-self-assessment", edition=1).first()
        if pmqa and not ManualPage.objects.filter(code="pmqa-self-assessment", edition=2).exists():
            self.load_open(pmqa)
        if not ProjectFeedback.objects.exists():
            self.load_feedback()
        return self

    def load_feedback(self):
        for code, name, organisation, body, status in FEEDBACK:
            ProjectFeedback.objects.create(
                project=ProjectPage.objects.get(code=code),
                name=name,
                organisation=organisation,
                body=body,
                status=status,
            )
            self.created["stakeholder feedback"] = self.created.get("stakeholder feedback", 0) + 1

    def load_closed(self, page):
        hearing = Hearing.objects.create(
            page=page,
            opens_on=date(2021, 9, 1),
            closes_on=date(2021, 9, 30),
            outcome="กำหนดเวลาตอบคำถามของคลินิกภายใน 3 วันทำการ และเพิ่มตัวอย่างคำถามที่พบบ่อย",
            announced_at=timezone.now(),
        )
        parts = parts_of(page)
        host = self.users["moderator"]
        for (username, body, resolution, reason), part in zip(HEARD, parts, strict=False):
            author = self.users[username]
            Comment.objects.create(
                hearing=hearing,
                author=author,
                agency=author.profile.agency,
                part=part.anchor,
                part_title=part.title,
                body=body,
                resolution=resolution,
                reason=reason,
                resolved_by=host,
                resolved_at=timezone.now(),
            )
        self.count()

    def load_open(self, page):
        draft = edition_create_next(page=page, user=self.users["team"])
        today = timezone.localdate()
        hearing = Hearing.objects.create(
            page=draft,
            opens_on=today - timedelta(days=7),
            closes_on=today + timedelta(days=21),
            audience=Audience.AGENCIES,
            announced_at=timezone.now(),
        )
        hearing.agencies.set(Agency.objects.filter(code__in=["ops", "obec"]))
        self.count()

    def count(self):
        self.created["hearing"] = self.created.get("hearing", 0) + 1
