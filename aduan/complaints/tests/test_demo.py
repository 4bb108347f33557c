"""The demo data: complete (every status, category, kelurahan), consistent timelines,
idempotent, and never loaded without DEBUG or --force."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from aduan.accounts.choices import Role
from aduan.accounts.models import User
from aduan.complaints.choices import (
    CLOSED_STATUSES,
    Channel,
    ComplaintStatus,
    EventKind,
    Privacy,
    ReportType,
)
from aduan.complaints.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_logins, load_demo
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.lib.workdays import WIB
from aduan.organisation.choices import AreaKind
from aduan.organisation.models import Area, Category, Membership
from aduan.sla.calendar import calendar_for

S = ComplaintStatus


def _demo(jurisdiction):
    return Complaint.objects.filter(jurisdiction=jurisdiction, submission_key__startswith="demo-")


@pytest.mark.django_db
def test_demo_complaints_cover_everything_and_timelines_are_consistent(pekalongan):
    result = load_demo(count=120)
    assert result["complaints_created"] == 120
    assert result["users_created"] == len(DEMO_ACCOUNTS)
    complaints = list(_demo(pekalongan).select_related("category").prefetch_related("events"))
    assert len(complaints) == 120

    # Every status, category, kelurahan, channel, privacy choice and report type occurs.
    assert {c.status for c in complaints} == set(S.values)
    codes = set(Category.objects.filter(jurisdiction=pekalongan).values_list("code", flat=True))
    assert {c.category.code for c in complaints if c.category} == codes
    kelurahan = set(
        Area.objects.filter(jurisdiction=pekalongan, kind=AreaKind.KELURAHAN).values_list(
            "pk", flat=True
        )
    )
    assert len(kelurahan) == 27
    assert {c.area_id for c in complaints if c.area_id} == kelurahan
    assert {c.privacy for c in complaints} == set(Privacy.values)
    assert {c.report_type for c in complaints} == set(ReportType.values)
    assert {c.channel for c in complaints} >= set(Channel.values) - {Channel.API}

    # The workflow features show up.
    kinds = {e.kind for c in complaints for e in c.events.all()}
    assert kinds >= {
        EventKind.VERIFIED,
        EventKind.FORWARDED,
        EventKind.NOTE,
        EventKind.INFO_REQUESTED,
        EventKind.INFO_PROVIDED,
        EventKind.FOLLOW_UP,
        EventKind.TAPD_FLAGGED,
        EventKind.TAPD_DECIDED,
        EventKind.MERGED,
        EventKind.MERGE_RECEIVED,
        EventKind.CITIZEN_SATISFIED,
        EventKind.REOPENED,
        EventKind.RESOLVED,
        EventKind.REFERRED,
        EventKind.ARCHIVED,
        EventKind.HELD,
    }
    assert any(c.needs_tapd for c in complaints)
    assert all(c.merged_into_id for c in complaints if c.status == S.DIGABUNG)

    now = timezone.now()
    oldest = min(c.submitted_at for c in complaints)
    assert now - oldest > timezone.timedelta(days=300)  # spread over about 14 months
    for c in complaints:
        events = list(c.events.all())  # ordered by (created_at, id)
        assert [e.pk for e in events] == sorted(e.pk for e in events), c.tracking_code
        assert events[0].kind == EventKind.SUBMITTED
        assert events[0].created_at == c.submitted_at
        assert all(e.created_at <= now for e in events)
        # Status events chain: each starts where the previous one ended.
        status = ""
        for e in events:
            if e.to_status and e.kind != EventKind.MERGE_RECEIVED:
                assert e.from_status == status, (c.tracking_code, e.kind)
                status = e.to_status
        assert status == c.status, c.tracking_code
        # The complaint's own timestamps match its timeline.
        verified = [e.created_at for e in events if e.kind == EventKind.VERIFIED]
        assert c.verified_at == (verified[0] if verified else None)
        follow_ups = [e.created_at for e in events if e.kind == EventKind.FOLLOW_UP]
        assert c.first_follow_up_at == (follow_ups[0] if follow_ups else None)
        if c.status in CLOSED_STATUSES:
            assert c.closed_at == events[-1].created_at or c.status == S.SELESAI
            assert c.closed_at is not None and c.closed_at >= c.submitted_at
        else:
            assert c.closed_at is None
        if c.status == S.SELESAI:
            closing = [e for e in events if e.to_status == S.SELESAI][-1]
            assert c.resolved_at == c.closed_at == closing.created_at
        if c.needs_tapd:
            flagged = [e.created_at for e in events if e.kind == EventKind.TAPD_FLAGGED]
            assert c.tapd_flagged_at == flagged[0]
        # The SLA clock was run at the planned moments: a new complaint is due three working
        # days after it came in, and the clock's history on the timeline ends where the
        # complaint's clock stands.
        if c.status == S.BARU:
            assert c.due_at == calendar_for(c.jurisdiction).add_working_days(c.submitted_at, 3)
        clocked = [e for e in events if "due_at" in (e.data or {})]
        if clocked and c.stage != "perencanaan":
            assert clocked[-1].clock_due == c.due_at, c.tracking_code
        if c.status in CLOSED_STATUSES:
            assert c.stage == "" and c.due_at is None
        # Tracking numbers carry the year of submission.
        assert c.tracking_code.split("-")[1] == str(timezone.localtime(c.submitted_at, WIB).year)
        # Fictional contacts only.
        if c.reporter_phone:
            assert re.fullmatch(r"08\d\d-5550-\d{4}", c.reporter_phone)
        if c.reporter_email:
            assert re.search(r"@example\.(com|net|org)$", c.reporter_email)

    # Officers answer complaints with a greeting, thanks and a concrete date.
    answers = [
        e.message
        for c in complaints
        if c.report_type == ReportType.ADUAN
        for e in c.events.all()
        if e.kind == EventKind.FOLLOW_UP
    ]
    assert answers
    for answer in answers:
        assert answer.startswith("Selamat ") and "Terima kasih" in answer
        assert re.search(r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d+ \w+ 20\d\d", answer)

    # Citizens rated most closed complaints, and a few units have IKM questionnaires, so the
    # satisfaction and IKM panels show something.
    from aduan.complaints.demo import DEMO_IKM_UNITS
    from aduan.surveys.models import IkmResponse, Rating

    closed = [c for c in complaints if c.status == S.SELESAI]
    ratings = Rating.objects.filter(complaint__in=closed).count()
    assert 0 < ratings <= len(closed)
    assert Rating.objects.count() == ratings
    surveyed = set(IkmResponse.objects.values_list("unit__code", flat=True))
    assert surveyed == set(DEMO_IKM_UNITS)

    # Running again creates nothing.
    again = load_demo(count=120)
    assert again["skipped"] is True
    assert again["complaints_created"] == 0 and again["users_created"] == 0
    assert _demo(pekalongan).count() == 120


@pytest.mark.django_db
def test_demo_accounts_can_log_in_with_their_roles(pekalongan):
    load_demo(count=0)
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.role == Role.ADMIN
    assert admin.check_password(DEMO_PASSWORD)
    verifier = User.objects.get(username="verifikator")
    assert verifier.role == Role.VERIFIER and verifier.jurisdiction == pekalongan
    assert verifier.memberships.get().unit.code == "dinkominfo"
    assert Membership.objects.get(user__username="kepala.dpupr").role == "head"
    assert Membership.objects.get(user__username="petugas.dpupr").role == "officer"
    assert [row[0] for row in demo_logins()] == [a.username for a in DEMO_ACCOUNTS]
    assert not _demo(pekalongan).exists()


@pytest.mark.django_db
def test_load_demo_command_refuses_without_debug_or_force(settings, pekalongan):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load-demo", count=5)
    assert not User.objects.filter(username="verifikator").exists()
    assert not _demo(pekalongan).exists()


@pytest.mark.django_db
def test_load_demo_command_with_force_prints_logins_every_time(settings, pekalongan):
    settings.DEBUG = False
    out = StringIO()
    call_command("load-demo", "--force", "--count", "15", stdout=out)
    assert _demo(pekalongan).count() == 15
    assert DEMO_PASSWORD in out.getvalue() and "petugas.disdukcapil" in out.getvalue()

    settings.DEBUG = True
    out = StringIO()
    call_command("load-demo", count=15, stdout=out)
    assert "tidak ada yang dibuat" in out.getvalue()
    assert DEMO_PASSWORD in out.getvalue() and "kepala.dpupr" in out.getvalue()
    assert _demo(pekalongan).count() == 15


@pytest.mark.django_db
@pytest.mark.parametrize("moment", ["2026-12-01T02:20:00+00:00", "2026-12-01T07:35:00+00:00"])
def test_a_small_demo_shows_a_tapd_decision_whenever_it_is_loaded(pekalongan, moment):
    """The complaints drawn depend on the time the demo is loaded; at these moments none of
    120 was flagged a month before, and the planning queue still shows a decision."""
    import datetime as dt

    import time_machine

    with time_machine.travel(dt.datetime.fromisoformat(moment), tick=False):
        load_demo(count=120)
    decided = ComplaintEvent.objects.filter(
        complaint__in=_demo(pekalongan), kind=EventKind.TAPD_DECIDED
    )
    assert decided.exists()
