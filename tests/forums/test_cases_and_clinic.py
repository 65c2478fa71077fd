"""Best-practice cases (endorsement, adoption, the yearly list) and the consultation clinic."""

from datetime import date

import pytest
from django.utils import timezone

from forums.models import Category, ModerationLog, Topic
from forums.workdays import add_working_days
from knowledge.models import Agency, ManualPage, ProjectPage, ProjectTeamMember
from tests.factories import UserFactory, reply, topic

pytestmark = pytest.mark.django_db

E_SERVICE_CASE = "ลดเวลาขอใบรับรองผลการเรียนจาก 7 วันเหลือ 1 วันด้วย MOE e-Service"


def test_the_demo_case_is_endorsed_and_shows_the_two_agencies_that_adopted_it(client):
    case_topic = Topic.objects.get(title=E_SERVICE_CASE)
    page = client.get(case_topic.get_absolute_url()).content.decode()
    assert "แนวปฏิบัติที่เป็นเลิศ" in page
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" in page and "สำนักงานคณะกรรมการการอาชีวศึกษา" in page


def test_only_moderators_endorse_and_endorsed_cases_reach_the_home_page_and_hub(
    client, team, moderator, project
):
    case_topic = Topic.objects.get(title="หลักสูตรทักษะดิจิทัลแบบเรียนรู้ด้วยตนเอง 6 ชั่วโมง ผู้เรียนจบร้อยละ 87")
    client.force_login(team)
    assert client.post(f"/forums/t/{case_topic.pk}/endorse/").status_code == 403
    client.force_login(moderator)
    client.post(f"/forums/t/{case_topic.pk}/endorse/")
    case_topic.case.refresh_from_db()
    assert case_topic.case.is_endorsed and case_topic.case.endorsed_by == moderator
    assert ModerationLog.objects.filter(topic=case_topic, action="endorse").exists()
    client.logout()
    assert case_topic.title in client.get("/").content.decode()


def test_an_agency_adopts_a_case_once(client, staff):
    case_topic = Topic.objects.get(title="เปิดเผยข้อมูลจัดซื้อจัดจ้างรายเดือน คะแนน ITA เพิ่มเป็น 95.2")
    client.force_login(staff)
    obec = Agency.objects.get(code="obec")
    for _ in range(2):
        client.post(f"/forums/t/{case_topic.pk}/adopt/", {"agency": obec.pk, "note": "ใช้ในเขตพื้นที่"})
    assert list(case_topic.case.adoptions.values_list("agency__code", flat=True)) == ["obec"]
    assert "ใช้ในเขตพื้นที่" in client.get(case_topic.get_absolute_url()).content.decode()


def test_the_yearly_list_groups_exemplary_practices_by_strategy(client):
    endorsed = Topic.objects.get(title=E_SERVICE_CASE).case.endorsed_at
    from knowledge.thaidate import fiscal_year

    year = fiscal_year(timezone.localdate(endorsed))
    page = client.get(f"/forums/exemplary/{year}/").content.decode()
    assert E_SERVICE_CASE in page and "การยกระดับการให้บริการประชาชนด้วยระบบดิจิทัล" in page
    assert E_SERVICE_CASE not in client.get(f"/forums/exemplary/{year - 3}/").content.decode()


def test_response_due_dates_count_working_days(settings):
    settings.FORUM_HOLIDAYS = ["2026-12-07"]
    assert add_working_days(date(2026, 11, 27), 3) == date(2026, 12, 2)  # Friday → the next Wednesday
    assert add_working_days(date(2026, 12, 4), 3) == date(2026, 12, 10)  # skips the weekend and a holiday


def test_a_clinic_question_gets_a_due_date_and_its_expert_is_notified(client, staff, team, project):
    clinic = Category.objects.get(is_clinic=True)
    client.force_login(staff)
    client.post(
        "/forums/new/",
        {
            "category": clinic.pk,
            "kind": "topic",
            "title": "ถามคลินิกเรื่องตัวชี้วัด",
            "body": "ขอคำแนะนำ",
            "projects": [project.pk],
            "assignee": team.pk,
        },
    )
    question = Topic.objects.get(title="ถามคลินิกเรื่องตัวชี้วัด")
    assert question.kind == "question"  # the clinic's topics are questions whatever the form said
    assert question.due_on == add_working_days(timezone.localdate(question.created_at), 3)
    assert team.forum_notifications.filter(topic=question, kind="assigned").exists()


def test_the_host_unit_sees_unanswered_and_overdue_questions(client, moderator, staff):
    client.force_login(staff)
    assert client.get("/forums/clinic/").status_code == 403
    client.force_login(moderator)
    response = client.get("/forums/clinic/")
    overdue = [t.title for t in response.context["overdue"]]
    waiting = [t.title for t in response.context["waiting"]]
    assert overdue == ["โครงการที่ได้งบประมาณไม่ครบต้องปรับค่าเป้าหมายตัวชี้วัดหรือไม่"]
    assert "ขอแนวทางเขียนคู่มือปฏิบัติงานให้ตรงมาตรฐานของแผน" in waiting
    assert "ตัวชี้วัดเชิงคุณภาพของโครงการคลินิกควรเขียนอย่างไรให้วัดได้" not in overdue + waiting


def test_a_reply_by_someone_else_answers_a_question(staff, team):
    question = Topic.objects.get(title="ขอแนวทางเขียนคู่มือปฏิบัติงานให้ตรงมาตรฐานของแผน")
    reply(question, author=staff, body="ขอเพิ่มรายละเอียด")  # the asker's own reply is not an answer
    question.refresh_from_db()
    assert question.answered_at is None
    reply(question, author=team, body="ควรมีขอบเขต ขั้นตอน ผู้รับผิดชอบ และแบบฟอร์ม")
    question.refresh_from_db()
    assert question.answered_at is not None


def test_only_the_asker_or_a_moderator_accepts_and_the_answer_shows_under_the_question(client, staff, team):
    question = Topic.objects.get(title="ขอแนวทางเขียนคู่มือปฏิบัติงานให้ตรงมาตรฐานของแผน")
    answer = reply(question, author=team, body="คำตอบจากผู้เชี่ยวชาญเรื่องหัวข้อคู่มือ")
    client.force_login(team)
    assert client.post(f"/forums/p/{answer.pk}/accept/").status_code == 403
    client.force_login(staff)
    client.post(f"/forums/p/{answer.pk}/accept/")
    question.refresh_from_db()
    assert question.accepted_post == answer
    page = client.get(question.get_absolute_url()).content.decode()
    accepted_box = page.index('id="accepted-heading"')
    assert page.index("คำตอบจากผู้เชี่ยวชาญเรื่องหัวข้อคู่มือ", accepted_box) < page.index('id="posts-heading"')
    assert team.forum_notifications.filter(topic=question, kind="accepted").exists()


def test_a_moderator_turns_an_accepted_answer_into_a_draft_manual_section(client, moderator, staff, team):
    project = ProjectPage.objects.get(code="S3-P2")  # its clinic manual is in force
    manual = ManualPage.objects.current().descendant_of(project).first()
    question = topic(
        author=staff,
        category=Category.objects.get(is_clinic=True),
        kind="question",
        title="ขั้นตอนยื่นคำขอออนไลน์มีกี่ขั้น",
        projects=[project],
    )
    answer = reply(question, author=team, body="มี **4 ขั้น**: ลงทะเบียน ยืนยันตัวตน กรอกคำขอ และรับเอกสาร")
    from forums import services

    services.post_accept(post=answer, user=staff)
    client.force_login(moderator)
    response = client.post(f"/forums/t/{question.pk}/to-manual/")
    draft = ManualPage.objects.get(code=manual.code, live=False)
    assert response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    body = draft.get_latest_revision_as_object().body
    assert [block.block_type for block in body][-3:] == ["heading", "paragraph", "paragraph"]
    assert body[-3].value["text"] == question.title
    assert "<strong>4 ขั้น</strong>" in body[-2].value.source
    assert question.get_absolute_url() in body[-1].value.source
    manual.refresh_from_db()
    assert manual.live  # the edition in force is untouched until the draft is approved


def test_a_clinic_question_about_a_project_goes_to_its_team_by_rule(client, staff, project):
    """No expert chosen: the first member of the project's team is assigned, the rest of the team is told."""
    first, second = UserFactory(role="ทีมโครงการ"), UserFactory(role="ทีมโครงการ")
    ProjectTeamMember.objects.filter(project=project).delete()  # the demo's team, for a known order
    for order, member in enumerate((first, second, staff)):  # the asker is on the team too
        ProjectTeamMember.objects.create(project=project, user=member, sort_order=order)
    client.force_login(staff)
    form = {
        "category": Category.objects.get(is_clinic=True).pk,
        "kind": "question",
        "title": "ถามคลินิกโดยไม่เลือกผู้ตอบ",
        "body": "ขอคำแนะนำเรื่องการรายงาน",
        "projects": [project.pk],
    }
    assert client.post("/forums/new/", form).status_code == 302
    question = Topic.objects.get(title="ถามคลินิกโดยไม่เลือกผู้ตอบ")
    assert question.assignee == first
    assert first.forum_notifications.filter(topic=question, kind="assigned").exists()
    assert second.forum_notifications.filter(topic=question, kind="new_topic").exists()
    assert not staff.forum_notifications.filter(topic=question).exists()  # not told of their own question
