"""Dashboards: every figure equals the inbox list it links to; scoping; query counts."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from aduan.accounts.choices import Role
from aduan.organisation.choices import MembershipRole
from aduan.organisation.models import Membership
from aduan.reports import charts
from aduan.reports import selectors as sel
from aduan.reports.dashboard import build
from conftest import PASSWORD, at

pytestmark = pytest.mark.django_db

PERIOD = "dari=2026-01&sampai=2026-12"
COUNT = re.compile(r"(\d+) laporan")
LINK = re.compile(r'href="(/kerja/daftar/semua/\?[^"]+)"')


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def inbox_count(client, url: str) -> int:
    page = client.get(url.replace("&amp;", "&"), HTTP_HX_REQUEST="true")
    assert page.status_code == 200
    match = COUNT.search(page.content.decode())
    assert match is not None
    return int(match[1])


class TestFiguresAgreeWithTheirLists:
    def test_every_breakdown_figure_equals_its_inbox_count(self, client, people, history):
        login(client, people.supervisor)
        with at(2026, 11, 2, 9):
            board = build(
                sel.Scope(people.jurisdiction),
                sel.Filters(start=sel.date(2026, 1, 1), end=sel.date(2026, 12, 1)),
            )
            checked = 0
            for group, figures in board.breakdowns.items():
                for figure in figures:
                    if figure.link:
                        assert inbox_count(client, figure.link) == figure.n, (group, figure)
                        checked += 1
            assert board.total.n == 8 == inbox_count(client, board.total.link)
            for point in board.months:
                assert inbox_count(client, point.link) == point.n
            for row in board.backlog:
                if row.link_open:
                    assert inbox_count(client, row.link_open) == row.open
                    assert inbox_count(client, row.link_overdue) == row.overdue
                    for open_n, late_n, link, late_link in row.cells:
                        if link:
                            assert inbox_count(client, link) == open_n
                            assert inbox_count(client, late_link) == late_n
            for issue in board.issues:
                assert inbox_count(client, issue.area.link) == issue.area.n
        assert checked >= 12

    def test_the_page_links_agree_too_and_the_unit_filter_narrows(self, client, people, history):
        login(client, people.supervisor)
        with at(2026, 11, 2, 9):
            url = reverse("reports:dashboard") + f"?{PERIOD}&unit={people.unit_b.pk}"
            page = client.get(url).content.decode()
            links = set(LINK.findall(page))
            assert links
            for link in links:
                assert f"unit={people.unit_b.pk}" in link
                inbox_count(client, link)  # every link is a working list
        unit_b = sel.Filters(sel.date(2026, 1, 1), sel.date(2026, 12, 1), unit=people.unit_b.pk)
        total = sel.total(sel.Scope(people.jurisdiction), unit_b)
        assert total.n == 2 == inbox_count(client, total.link)

    def test_last_year_is_compared_month_by_month(self, people, history):
        board = build(
            sel.Scope(people.jurisdiction),
            sel.Filters(start=sel.date(2026, 1, 1), end=sel.date(2026, 12, 1)),
        )
        october = [p for p in board.months if p.month.month == 10][0]
        assert (october.n, october.previous) == (8, 1)

    def test_sla_durations_and_tapd_panels(self, people, history):
        board = build(
            sel.Scope(people.jurisdiction),
            sel.Filters(start=sel.date(2026, 10, 1), end=sel.date(2026, 10, 1)),
        )
        verification = {r["label"]: r for r in board.sla_rows}["Verifikasi & disposisi"]
        assert (verification["on_time"], verification["late"]) == (5, 2)
        assert board.tapd.flagged == 1 and board.tapd.pending == 1
        durations = board.durations["dur_verifikasi"][None]
        assert durations.count == 6
        assert durations.median is not None and 24 <= durations.median <= 36


class TestWhoSeesWhat:
    def test_officers_are_sent_to_their_units_dashboard(self, client, people, history):
        login(client, people.officer_a)
        response = client.get(reverse("reports:dashboard"))
        assert response["Location"] == reverse("reports:unit", args=[people.unit_a.pk])

    def test_an_officer_sees_only_their_unit(self, client, people, history):
        login(client, people.officer_a)
        own = client.get(reverse("reports:unit", args=[people.unit_a.pk]) + f"?{PERIOD}")
        assert own.status_code == 200
        assert "Beban kerja petugas" not in own.content.decode()  # heads only
        other = client.get(reverse("reports:unit", args=[people.unit_b.pk]))
        assert other.status_code == 403
        # A unit filter cannot widen the unit dashboard.
        page = client.get(
            reverse("reports:unit", args=[people.unit_a.pk]) + f"?{PERIOD}&unit={people.unit_b.pk}"
        ).content.decode()
        for link in LINK.findall(page):
            assert f"unit={people.unit_a.pk}" in link

    def test_unit_heads_see_each_officers_work(self, client, people, history):
        Membership.objects.filter(user=people.officer_b).update(role=MembershipRole.HEAD)
        login(client, people.officer_b)
        page = client.get(reverse("reports:unit", args=[people.unit_b.pk]) + f"?{PERIOD}")
        text = page.content.decode()
        assert "Beban kerja petugas" in text
        (row,) = [
            o
            for o in sel.officer_workload(
                people.unit_b, sel.Filters(sel.date(2026, 10, 1), sel.date(2026, 10, 1))
            )
            if o.user == people.officer_b
        ]
        assert row.by_kind == {"tapd_flagged": 1}

    def test_other_jurisdictions_are_invisible(self, client, people, history):
        from aduan.accounts.models import User
        from aduan.organisation.models import Jurisdiction

        other = Jurisdiction.objects.create(slug="lain", name="Kota Lain")
        stranger = User.objects.create_user(
            username="asing", password=PASSWORD, jurisdiction=other, role=Role.SUPERVISOR
        )
        login(client, stranger)
        page = client.get(reverse("reports:dashboard") + f"?{PERIOD}")
        assert page.status_code == 200
        assert page.context["board"].total.n == 0
        assert client.get(reverse("reports:unit", args=[people.unit_a.pk])).status_code == 404

    def test_anonymous_users_are_sent_to_the_login(self, client, pekalongan):
        assert client.get(reverse("reports:dashboard")).status_code == 302
        assert client.get(reverse("reports:map_data")).status_code == 302


class TestPages:
    def test_bad_filters_are_explained_and_the_default_period_is_used(self, client, people):
        login(client, people.supervisor)
        page = client.get(reverse("reports:dashboard") + "?dari=2026-13&kategori=tidak-ada")
        text = page.content.decode()
        assert page.status_code == 200
        assert "TTTT-BB" in text and "Kategori tidak dikenal" in text

    def test_charts_are_accessible_svg_with_tables_behind_them(self, client, people, history):
        login(client, people.supervisor)
        text = client.get(reverse("reports:dashboard") + f"?{PERIOD}").content.decode()
        assert text.count('role="img"') >= 8
        assert "<title" in text and "<desc" in text
        assert text.count('<details class="data"') >= 8

    @pytest.mark.parametrize("extra", ["", "&unit=UNIT", "&kategori=jalan&kelurahan=AREA"])
    def test_query_count_does_not_grow_with_data(
        self, client, people, submit, django_assert_max_num_queries, extra, settings
    ):
        from aduan.organisation.models import Area

        settings.ADUAN_DASHBOARD_CACHE_SECONDS = 0  # every request reads the figures

        area = Area.objects.get(jurisdiction=people.jurisdiction, code="tirto")
        url = (
            reverse("reports:dashboard")
            + f"?{PERIOD}"
            + extra.replace("UNIT", str(people.unit_a.pk)).replace("AREA", str(area.pk))
        )
        login(client, people.supervisor)
        client.get(url)
        with django_assert_max_num_queries(30):
            client.get(url)
        with at(2026, 10, 5, 9):
            for _ in range(5):
                submit(category="jalan", area="tirto")
                submit()
        with django_assert_max_num_queries(30):
            client.get(url)

    def test_unit_dashboard_query_count(
        self, client, people, history, django_assert_max_num_queries, settings
    ):
        settings.ADUAN_DASHBOARD_CACHE_SECONDS = 0
        Membership.objects.filter(user=people.officer_a).update(role=MembershipRole.HEAD)
        login(client, people.officer_a)
        url = reverse("reports:unit", args=[people.unit_a.pk]) + f"?{PERIOD}"
        with django_assert_max_num_queries(32):
            assert client.get(url).status_code == 200


def test_chart_texts_are_escaped():
    chart = charts.hbars("<b>judul</b>", [charts.Bar("<script>", 3, "/x?a=1&b=2")])
    svg = str(chart.svg())
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'href="/x?a=1&amp;b=2"' in svg


def test_the_dashboard_speaks_english_with_the_language_cookie(client, people, history):
    from django.conf import settings

    login(client, people.supervisor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = client.get(reverse("reports:dashboard") + f"?{PERIOD}").content.decode()
    assert "Leadership dashboard" in text and "Reports by category" in text
    assert "Dasbor pimpinan" not in text


def test_the_panels_agree_with_each_other(people, history):
    from aduan.complaints.models import Complaint

    filters = sel.Filters(start=sel.date(2025, 10, 1), end=sel.date(2026, 11, 1))
    board = build(sel.Scope(people.jurisdiction), filters)
    total = board.total.n
    assert total == Complaint.objects.count() == 9
    for group, figures in board.breakdowns.items():
        assert sum(f.n for f in figures) == total, group
    assert sum(p.n for p in board.months) == total
    assert board.total.n == build(sel.Scope(people.jurisdiction), filters).total.n
    unit_a = build(
        sel.Scope(people.jurisdiction, units=frozenset({people.unit_a.pk})),
        sel.Filters(filters.start, filters.end, unit=people.unit_a.pk),
    )
    (figure,) = [f for f in board.breakdowns["unit"] if f.key == people.unit_a.pk]
    assert unit_a.total.n == figure.n


def test_breakdowns_read_alone_agree_with_the_dashboard(people, history):
    """Each breakdown read on its own (per-kelurahan or all-kelurahan rows) gives the same
    figures as the dashboard's shared kelurahan-by-category read."""
    filters = sel.Filters(start=sel.date(2025, 10, 1), end=sel.date(2026, 11, 1))
    scope = sel.Scope(people.jurisdiction)
    labels = sel.Labels.load(people.jurisdiction)
    board = build(scope, filters)
    for group in ("category", "area", "unit", "status"):
        alone = sel.breakdown(scope, filters, group, labels)
        assert [(f.key, f.n) for f in alone] == [(f.key, f.n) for f in board.breakdowns[group]]
    tirto = sel.Filters(filters.start, filters.end, area=history.tapd.area_id)
    assert sel.total(scope, tirto).n == 1


def test_reply_quality_per_unit_equals_the_recorded_verdicts(client, people, history):
    from django.db.models import Avg, Count, Q

    from aduan.replies.models import ReplyReview

    filters = sel.Filters(start=sel.date(2025, 10, 1), end=sel.date(2026, 11, 1))
    board = build(sel.Scope(people.jurisdiction), filters)
    direct = ReplyReview.objects.filter(unit=people.unit_a).aggregate(
        n=Count("id"), mean=Avg("score"), ok=Count("id", filter=Q(acceptable=True))
    )
    assert direct["n"] > 0
    summary = board.replies[people.unit_a.pk]
    assert summary.replies == direct["n"]
    assert summary.mean_score == pytest.approx(direct["mean"], abs=0.1)
    assert summary.acceptable_pct == pytest.approx(100 * direct["ok"] / direct["n"], abs=0.1)
    assert board.replies[None].replies == ReplyReview.objects.count()
    (row,) = [r for r in board.unit_rows if r["figure"].key == people.unit_a.pk]
    assert row["replies"] == summary
    page = login(client, people.supervisor).get(f"/kerja/laporan/?{PERIOD}")
    assert "Mutu balasan" in page.content.decode()


def test_ikm_panel_queries_do_not_grow_with_the_units_surveyed(people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from aduan.organisation.models import Unit
    from aduan.surveys.models import IkmResponse

    filters = sel.Filters(start=sel.date(2026, 1, 1), end=sel.date(2026, 12, 1))
    scope = sel.Scope(people.jurisdiction)

    def queries() -> int:
        labels = sel.Labels.load(people.jurisdiction)
        with CaptureQueriesContext(connection) as ctx:
            sel.ikm_by_unit(scope, filters, labels)
        return len(ctx.captured_queries)

    units = list(Unit.objects.filter(jurisdiction=people.jurisdiction)[:6])
    answers = {f"u{i}": 3 for i in range(1, 10)}
    with at(2026, 10, 5, 9):
        IkmResponse.objects.create(jurisdiction=people.jurisdiction, unit=units[0], **answers)
        one = queries()
        for unit in units[1:]:
            IkmResponse.objects.create(jurisdiction=people.jurisdiction, unit=unit, **answers)
        assert len(sel.ikm_by_unit(scope, filters, sel.Labels.load(people.jurisdiction))) == 6
        assert queries() == one == 1


class TestCachedFigures:
    """The figures of one dashboard are read once a minute, whoever opens it."""

    URL = reverse("reports:dashboard") + f"?{PERIOD}"

    def test_the_same_dashboard_within_the_minute_reads_no_figures(
        self, client, people, history, submit, django_assert_max_num_queries
    ):
        login(client, people.supervisor)
        with at(2026, 11, 2, 9):
            first = client.get(self.URL)
            assert 'id="dashboard-time"' in first.content.decode()
            total = first.context["board"].total.n
            with at(2026, 10, 20, 9):
                submit()
            with django_assert_max_num_queries(8):  # the session, the user, the page frame
                again = client.get(self.URL)
            assert again.context["board"].total.n == total  # as read a moment ago
            from django.core.cache import cache

            cache.clear()  # a minute later
            assert client.get(self.URL).context["board"].total.n == total + 1

    def test_other_filters_and_scopes_are_read_on_their_own(self, client, people, history):
        login(client, people.supervisor)
        with at(2026, 11, 2, 9):
            whole = client.get(self.URL).context["board"]
            one_unit = client.get(self.URL + f"&unit={people.unit_b.pk}").context["board"]
            unit_page = client.get(
                reverse("reports:unit", args=[people.unit_b.pk]) + f"?{PERIOD}"
            ).context["board"]
        assert one_unit.total.n < whole.total.n
        assert unit_page.scope.units == frozenset({people.unit_b.pk})
        assert unit_page.total.n == one_unit.total.n

    def test_each_language_has_its_own_copy(self, client, people, history):
        from django.conf import settings as django_settings

        login(client, people.supervisor)
        with at(2026, 11, 2, 9):
            indonesian = client.get(self.URL).context["board"]
            client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
            english = client.get(self.URL).context["board"]
        # The backlog chart's legend is translated as the figures are read.
        assert "Lewat batas waktu" in str(indonesian.charts["backlog"].svg())
        assert "Overdue" in str(english.charts["backlog"].svg())
        assert "Lewat batas waktu" not in str(english.charts["backlog"].svg())

    def test_zero_seconds_reads_the_figures_every_time(
        self, client, people, history, submit, settings
    ):
        settings.ADUAN_DASHBOARD_CACHE_SECONDS = 0
        login(client, people.supervisor)
        with at(2026, 11, 2, 9):
            total = client.get(self.URL).context["board"].total.n
            with at(2026, 10, 20, 9):
                submit()
            assert client.get(self.URL).context["board"].total.n == total + 1
