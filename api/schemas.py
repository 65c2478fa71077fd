"""What the API answers, as the OpenAPI schema documents it. Names in Thai (the record's own) and English."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema


class Plan(Schema):
    id: int
    title: str
    title_en: str
    subtitle: str
    first_year: int = Field(description="ปีแรกของแผน (พ.ศ.) / the plan's first year (B.E.)")
    last_year: int = Field(description="ปีสุดท้ายของแผน (พ.ศ.) / the plan's last year (B.E.)")
    host_unit: str
    current: bool = Field(description="แผนที่ใช้อยู่ในปีงบประมาณนี้ / the plan running this fiscal year")
    ended: bool = Field(description="สิ้นสุดแล้ว / its last fiscal year has passed")
    url: str


class Strategy(Schema):
    id: int
    code: str = Field(examples=["S1"])
    number: int
    title: str
    title_en: str
    plan: int = Field(description="id ของแผน / the plan's id")
    project_count: int
    url: str


class ProjectAgency(Schema):
    code: str = Field(examples=["obec"])
    name: str
    name_en: str
    abbreviation: str
    role: str = Field(description="lead = หน่วยงานหลัก, partner = หน่วยงานร่วม")


class Budget(Schema):
    fiscal_year: int = Field(description="ปีงบประมาณ (พ.ศ.) / fiscal year (B.E.)")
    planned: Decimal = Field(description="งบประมาณที่ขอ (บาท) / planned (THB)")
    allocated: Decimal = Field(description="งบประมาณที่ได้รับจัดสรร (บาท) / allocated (THB)")
    disbursed: Decimal = Field(description="เบิกจ่ายแล้ว (บาท) / disbursed (THB)")


class QuarterValue(Schema):
    quarter: int = Field(ge=1, le=4)
    value: Decimal


class KpiYear(Schema):
    fiscal_year: int
    target: Decimal | None
    values: list[QuarterValue] = Field(description="ค่าที่อนุมัติแล้ว รายไตรมาส / approved values by quarter")
    latest_value: Decimal | None
    status: str = Field(description="on_track, at_risk, off_track, no_data (monitoring/status.py)")


class Kpi(Schema):
    code: str = Field(examples=["S1-P1-K1"])
    name: str
    name_en: str
    unit: str
    direction: str = Field(description="increase = ยิ่งมากยิ่งดี, decrease = ยิ่งน้อยยิ่งดี")
    baseline: Decimal | None
    baseline_year: int | None
    years: list[KpiYear]


class Project(Schema):
    id: int
    code: str = Field(examples=["S1-P1"])
    title: str
    title_en: str
    plan: int = Field(description="id ของแผน / the plan's id")
    strategy: str = Field(description="รหัสยุทธศาสตร์ / the strategy's code")
    continues: str | None = Field(
        description="รหัสโครงการในแผนก่อนหน้าที่โครงการนี้ดำเนินต่อ / the earlier plan's project it carries on"
    )
    status: str
    first_fiscal_year: int
    last_fiscal_year: int
    responsible_unit: str
    agencies: list[ProjectAgency]
    budgets: list[Budget]
    kpis: list[Kpi]
    url: str


class Document(Schema):
    id: int
    kind: str = Field(description="manual = คู่มือ, standard = มาตรฐาน")
    code: str = Field(description="รหัสเอกสาร ใช้ร่วมกันทุกฉบับ / shared by every edition")
    edition: int
    title: str
    title_en: str
    status: str = Field(description="in_force = มีผลบังคับใช้, superseded = ถูกแทนที่แล้ว")
    effective_date: date | None
    review_due: date | None
    owner_unit: str
    project: str | None = Field(description="รหัสโครงการ / the project's code")
    change_note: str
    url: str
    pdf_url: str


class Update(Schema):
    id: int
    title: str
    title_en: str
    date: date
    summary: str
    projects: list[str] = Field(description="รหัสโครงการที่เกี่ยวข้อง / codes of the projects it reports on")
    url: str


class Case(Schema):
    agency: str | None
    endorsed: bool = Field(description="ได้รับการรับรองเป็นแนวปฏิบัติที่ดี / endorsed as exemplary")
    endorsed_at: datetime | None


class Topic(Schema):
    id: int
    kind: str = Field(description="discussion, question (คลินิกให้คำปรึกษา), case (กรณีตัวอย่างที่ดี)")
    title: str
    category: str
    created_at: datetime
    last_post_at: datetime
    reply_count: int
    answered: bool
    projects: list[str]
    tags: list[str]
    case: Case | None
    url: str


class Agency(Schema):
    code: str
    name: str
    name_en: str
    abbreviation: str
    abbreviation_en: str
    url: str


class Error(Schema):
    message: str = Field(description="ข้อความภาษาไทย / the message in Thai")
    message_en: str
    errors: list[dict] = []
