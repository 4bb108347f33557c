"""Inbox at volume: keyset pages, capped counts, full-text search, constant query counts."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from aduan.complaints import search, selectors
from aduan.complaints.models import Complaint
from aduan.lib import keyset
from aduan.organisation.models import Area, Category, Unit

pytestmark = pytest.mark.django_db


def bulk(pekalongan, n: int, *, start: int = 0, **values) -> list[Complaint]:
    """``n`` plain complaints written directly (pagination does not care how they came)."""
    base = timezone.now() - timedelta(days=3)
    rows = []
    for i in range(start, start + n):
        fields = {
            "jurisdiction": pekalongan,
            "tracking_code": f"BENCH-{i:05d}",
            "access_salt": "s",
            "channel": "web",
            "description": f"Laporan nomor {i} tentang jalan rusak",
            "status": "baru",
            "stage": "verifikasi",
            # Ties on purpose: every three complaints share one moment.
            "submitted_at": base + timedelta(minutes=i // 3),
            "due_at": None if i % 4 == 0 else base + timedelta(hours=(i * 7) % 11),
        }
        fields.update(values)
        rows.append(Complaint(**fields))
    return Complaint.objects.bulk_create(rows)


def walk(qs, ordering, *, size: int) -> tuple[list[int], list[selectors.KeysetPage]]:
    ids: list[int] = []
    pages = []
    page = selectors.keyset_page(qs, ordering, size=size)
    while True:
        pages.append(page)
        ids.extend(c.pk for c in page.rows)
        if not page.has_next:
            return ids, pages
        page = selectors.keyset_page(qs, ordering, after=page.next_cursor, size=size)


@pytest.mark.parametrize("sort", ["", "lama", "batas"])
def test_keyset_pages_visit_every_row_once_in_order_despite_ties(pekalongan, sort):
    bulk(pekalongan, 23)
    ordering = selectors.ORDERINGS[sort]
    qs = Complaint.objects.filter(jurisdiction=pekalongan)
    expected = list(
        qs.order_by(
            *keyset.order_by(ordering, nullable=selectors.NULLABLE_ORDER_COLUMNS)
        ).values_list("pk", flat=True)
    )
    ids, pages = walk(qs, ordering, size=4)
    assert ids == expected
    assert len(set(ids)) == len(ids) == 23
    assert [len(p.rows) for p in pages] == [4, 4, 4, 4, 4, 3]
    # And back again: each "previous" link gives exactly the page before.
    for newer, older in zip(pages[1:][::-1], pages[:-1][::-1], strict=True):
        back = selectors.keyset_page(qs, ordering, before=newer.previous_cursor, size=4)
        assert [c.pk for c in back.rows] == [c.pk for c in older.rows]
    first_again = selectors.keyset_page(qs, ordering, before=pages[1].previous_cursor, size=4)
    assert first_again.is_first and not first_again.has_previous


def test_rows_added_meanwhile_do_not_shift_a_later_page(pekalongan):
    bulk(pekalongan, 12)
    qs = Complaint.objects.filter(jurisdiction=pekalongan)
    ordering = selectors.ORDERINGS[""]
    first = selectors.keyset_page(qs, ordering, size=5)
    expected_second = selectors.keyset_page(qs, ordering, after=first.next_cursor, size=5)
    bulk(pekalongan, 6, start=100, submitted_at=timezone.now())  # newer than all
    second = selectors.keyset_page(qs, ordering, after=first.next_cursor, size=5)
    assert [c.pk for c in second.rows] == [c.pk for c in expected_second.rows]


def test_a_cursor_that_is_not_ours_gives_the_first_page(pekalongan):
    bulk(pekalongan, 5)
    qs = Complaint.objects.filter(jurisdiction=pekalongan)
    ordering = selectors.ORDERINGS[""]
    first = selectors.keyset_page(qs, ordering, size=2)
    junk_cursors = ("", "abc", "1_2_3", "20260101T000000.000000_x", "-_-", "-_3", "' OR 1=1 --")
    for junk in junk_cursors:
        page = selectors.keyset_page(qs, ordering, after=junk, size=2)
        assert [c.pk for c in page.rows] == [c.pk for c in first.rows]


def test_the_count_stops_at_the_cap(pekalongan):
    bulk(pekalongan, 7)
    qs = Complaint.objects.filter(jurisdiction=pekalongan)
    page = selectors.keyset_page(qs, selectors.ORDERINGS[""], size=2, count_cap=5)
    assert (page.count, page.count_capped) == (5, True)
    page = selectors.keyset_page(qs, selectors.ORDERINGS[""], size=2, count_cap=7)
    assert (page.count, page.count_capped) == (7, False)


def _next_link(html: str) -> str | None:
    match = re.search(r'href="\?([^"]*)" rel="next"', html)
    return match.group(1).replace("&amp;", "&") if match else None


def test_the_inbox_pages_through_everything_by_its_next_links(client, people, pekalongan):
    bulk(pekalongan, 120)
    client.force_login(people.verifier)
    url = reverse("complaints:inbox", args=["semua"])
    seen: list[str] = []
    query: str | None = "status=terbuka"
    while query is not None:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        seen += re.findall(r">(BENCH-\d{5})</a>", html)
        query = _next_link(html)
        if query is not None:
            assert "status=terbuka" in query
    assert len(seen) == len(set(seen)) == 120
    assert "Lebih dari" not in html
    previous = re.search(r'href="\?([^"]*)" rel="prev"', html)
    assert previous is not None


def test_the_filter_lists_keep_what_was_chosen(client, people, pekalongan):
    from aduan.organisation.models import Area

    area = Area.objects.get(jurisdiction=pekalongan, name="Medono")
    client.force_login(people.verifier)
    url = reverse("complaints:inbox", args=["semua"])
    html = client.get(
        f"{url}?category=jalan&status=selesai&area={area.pk}&unit={people.unit_b.pk}"
    ).content.decode()
    selected = re.findall(r'<option value="([^"]*)" selected>', html)
    assert sorted(selected) == sorted(["jalan", "selesai", str(area.pk), str(people.unit_b.pk)])
    assert '<option value="drainase">' in html  # the others, not chosen
    plain = client.get(url).content.decode()
    assert "selected>" not in plain.replace('<option value="" selected>', "")


def _inbox_rows(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200
    return len(re.findall(r'href="/kerja/aduan/', response.content.decode()))


@pytest.mark.parametrize("queue", ["verifikasi", "semua"])
def test_inbox_queries_do_not_grow_with_its_rows(
    client, people, pekalongan, queue, django_assert_max_num_queries
):
    client.force_login(people.verifier)
    url = reverse("complaints:inbox", args=[queue])
    category = Category.objects.get(jurisdiction=pekalongan, code="jalan")
    area = Area.objects.filter(jurisdiction=pekalongan, kind="kelurahan").first()
    bulk(pekalongan, 2, category=category, area=area)
    _inbox_rows(client, url)  # reference data cached, as in a running server
    with django_assert_max_num_queries(12) as small:
        assert _inbox_rows(client, url) == 2
    # More than a page is chosen among the matches' positions first: one query more than a
    # list that fits a page, and then the same however many rows (up to the count's cap,
    # beyond which the page is read in order).
    bulk(pekalongan, 60, start=10, category=category, area=area)
    with django_assert_max_num_queries(len(small.captured_queries) + 1) as page:
        assert _inbox_rows(client, url) == 50
    bulk(pekalongan, 400, start=100, category=category, area=area)
    with django_assert_max_num_queries(len(page.captured_queries)):
        assert _inbox_rows(client, url) == 50


def test_unit_inbox_queries_do_not_grow_with_its_rows(
    client, people, pekalongan, django_assert_max_num_queries
):
    client.force_login(people.officer_a)
    url = reverse("complaints:inbox", args=["unit"])
    values = {"unit": people.unit_a, "status": "diproses", "stage": "penyelesaian"}
    bulk(pekalongan, 1, **values)
    _inbox_rows(client, url)  # reference data cached, as in a running server
    with django_assert_max_num_queries(12) as small:
        assert _inbox_rows(client, url) == 1
    bulk(pekalongan, 55, start=10, **values)
    with django_assert_max_num_queries(len(small.captured_queries) + 1) as page:
        assert _inbox_rows(client, url) == 50
    bulk(pekalongan, 400, start=100, **values)
    with django_assert_max_num_queries(len(page.captured_queries)):
        assert _inbox_rows(client, url) == 50


def test_overdue_queries_do_not_grow(client, people, pekalongan, django_assert_max_num_queries):
    client.force_login(people.supervisor)
    url = reverse("complaints:overdue")
    past = timezone.now() - timedelta(days=2)
    units = list(Unit.objects.filter(jurisdiction=pekalongan).exclude(kind="external")[:6])
    bulk(pekalongan, 1, unit=units[0], status="diproses", stage="penyelesaian", due_at=past)
    with django_assert_max_num_queries(12) as small:
        assert client.get(url).status_code == 200
    for k, unit in enumerate(units):
        bulk(
            pekalongan,
            5,
            start=100 * (k + 1),
            unit=unit,
            status="diproses",
            stage="penyelesaian",
            due_at=past,
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_planning_queries_do_not_grow(client, people, pekalongan, django_assert_max_num_queries):
    from aduan.complaints.models import PlanningItem

    client.force_login(people.tapd)
    url = reverse("complaints:planning")

    def flag(rows):
        PlanningItem.objects.bulk_create(
            PlanningItem(complaint=c, flagged_by=people.officer_b, note="perlu anggaran")
            for c in rows
        )

    values = {
        "unit": people.unit_b,
        "status": "diproses",
        "stage": "perencanaan",
        "needs_tapd": True,
    }
    flag(bulk(pekalongan, 1, **values))
    with django_assert_max_num_queries(12) as small:
        assert client.get(url).status_code == 200
    flag(bulk(pekalongan, 30, start=50, **values))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_detail_queries_do_not_grow_with_the_timeline(
    client, people, submit, django_assert_max_num_queries
):
    from aduan.complaints import services

    complaint = submit(category="jalan").complaint
    client.force_login(people.verifier)
    url = reverse("complaints:detail", args=[complaint.tracking_code])
    client.get(url)  # the first view loads the triage model and caches
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    for i in range(12):
        services.complaint_add_note(complaint=complaint, actor=people.verifier, text=f"Catatan {i}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


# --------------------------------------------------------------------------- search


def _search(people, text: str) -> list[str]:
    qs = selectors.complaint_list(people.verifier, selectors.InboxFilters(q=text))
    return sorted(qs.values_list("tracking_code", flat=True))


def test_search_finds_words_of_the_description_title_and_address(people, submit):
    a = submit(
        category="jalan",
        description="Jalan di depan pasar berlubang besar, membahayakan pengendara motor.",
        address="Jl. Jlamprang No. 5",
    ).complaint
    b = submit(
        description="Sampah menumpuk di pinggir sungai sudah seminggu.", title="Tumpukan sampah"
    ).complaint
    assert _search(people, "berlubang") == [a.tracking_code]
    assert _search(people, "Jlamprang") == [a.tracking_code]
    assert _search(people, "tumpukan sampah") == [b.tracking_code]
    assert _search(people, "sampah berlubang") == []  # every word must match
    assert _search(people, a.tracking_code.lower()) == [a.tracking_code]


@pytest.mark.parametrize("text", ['"jalan', "a OR (", "!!!", "jalan & | ! :*", "'", "\\"])
def test_any_search_text_is_accepted(people, submit, text):
    submit(description="Jalan di depan pasar berlubang besar sekali.")
    _search(people, text)  # no syntax error from the database


def test_search_never_looks_at_the_reporters_identity(people, submit):
    submit(reporter_name="Sulistyowati Anonimus", privacy="anonim")
    assert _search(people, "Sulistyowati") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL stemming")
def test_postgresql_search_stems_indonesian_words(people, submit):
    c = submit(
        description="Lampu jalan di gang kami sudah lama tidak diperbaiki petugas."
    ).complaint
    assert _search(people, "perbaikan") == [c.tracking_code]
    with connection.cursor() as cur:
        cur.execute("SELECT to_tsvector('indonesian', 'perbaikan diperbaiki')::text")
        assert cur.fetchone()[0].count(":") == 1  # one stem for both words


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5")
def test_sqlite_search_matches_prefixes_and_follows_updates(people, submit):
    c = submit(description="Saluran drainase tersumbat di depan rumah warga.").complaint
    assert _search(people, "drain") == [c.tracking_code]
    Complaint.objects.filter(pk=c.pk).update(description="Pohon tumbang menutup jalan kampung.")
    assert _search(people, "drainase") == []
    assert _search(people, "tumbang") == [c.tracking_code]
    Complaint.objects.filter(pk=c.pk).delete()
    assert _search(people, "tumbang") == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5")
def test_sqlite_search_index_is_rebuilt_when_its_triggers_were_lost(people, submit):
    with connection.cursor() as cur:
        for suffix in ("ai", "ad", "au"):
            cur.execute(f"DROP TRIGGER {search.FTS_TABLE}_{suffix}")
    c = submit(description="Pohon tumbang menutup jalan di kampung kami.").complaint
    assert _search(people, "tumbang") == []
    assert search.ensure_sqlite_fts(connection) is True
    assert _search(people, "tumbang") == [c.tracking_code]
    assert search.ensure_sqlite_fts(connection) is False


@pytest.mark.django_db(transaction=True)
def test_the_search_and_index_migration_reverses(pekalongan):
    def objects() -> set[str]:
        with connection.cursor() as cur:
            if connection.vendor == "sqlite":
                cur.execute(
                    "SELECT name FROM sqlite_master WHERE name LIKE 'complaints_complaint_fts%'"
                )
            else:
                cur.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = 'complaints_complaint' AND column_name = 'search_vector' "
                    "UNION SELECT indexname FROM pg_indexes "
                    "WHERE indexname IN ('c_search', 'c_jur_open')"
                )
            return {row[0] for row in cur.fetchall()}

    assert objects()
    call_command("migrate", "complaints", "0011_event_kinds_all", verbosity=0)
    assert objects() == set()
    call_command("migrate", "complaints", verbosity=0)
    assert objects()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_the_verification_queue_is_estimated_well_and_read_through_its_index(people, pekalongan):
    """Naming the status twice in the queue's condition once made PostgreSQL expect a
    handful of rows for thousands (each condition's share multiplied), so it read and
    sorted the whole queue instead of the first page of ``c_verify_queue``."""
    import json

    bulk(pekalongan, 300, status="selesai", stage="")
    bulk(pekalongan, 120, start=300, status="baru")
    bulk(pekalongan, 40, start=420, status="menunggu_info", status_before_wait="baru")
    bulk(pekalongan, 40, start=460, status="menunggu_info", status_before_wait="diproses")
    queue = selectors.complaint_list(people.verifier, selectors.InboxFilters(queue="verifikasi"))
    assert queue.count() == 160
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE complaints_complaint")
    plan = json.loads(queue.order_by().explain(format="json"))[0]["Plan"]
    assert 160 / 3 <= plan["Plan Rows"] <= 160 * 3, plan["Plan Rows"]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
    page = queue.order_by("-submitted_at", "-id")[:51]
    assert "c_verify_queue" in page.explain()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
@pytest.mark.django_db(transaction=True)  # VACUUM, as autovacuum does in service
def test_a_filter_page_counts_from_its_index_and_reads_only_its_own_rows(people, pekalongan):
    """At 10M a filter page read one table row per match to count them (up to 1,001) and
    read every match again to keep fifty: its time grew with the table. The matches'
    positions now come from a filter index that starts with the jurisdiction and ends
    with the page order (an index-only scan), and only the page's rows are read, by id."""
    from django.test.utils import CaptureQueriesContext

    from aduan.organisation.models import Area, Category

    category, other_category = Category.objects.filter(jurisdiction=pekalongan)[:2]
    area, other_area = Area.objects.filter(jurisdiction=pekalongan, kind="kelurahan")[:2]
    bulk(pekalongan, 300, status="selesai", stage="", category=category, area=area)
    bulk(pekalongan, 150, start=300, category=category, area=area)
    bulk(pekalongan, 800, start=450, category=category, area=other_area)
    bulk(pekalongan, 800, start=1250, category=other_category, area=area)
    filters = selectors.InboxFilters(
        queue="semua", status="terbuka", category=category.code, area=area.pk
    )
    qs = selectors.complaint_list(people.verifier, filters).order_by()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE complaints_complaint")
    plan = qs.values_list("submitted_at", "id")[:1001].explain(analyze=True)
    assert "Index Only Scan using c_cat_area_open" in plan, plan
    assert "Heap Fetches: 0" in plan, plan
    with CaptureQueriesContext(connection) as ctx:
        page = selectors.inbox_page(people.verifier, filters)
    assert page.count == 150 and len(page.rows) == 50
    reads = [q["sql"] for q in ctx.captured_queries if 'FROM "complaints_complaint"' in q["sql"]]
    rows_query = reads[-1]
    assert '"id" IN (' in rows_query and "category" not in rows_query.split("WHERE")[1]


# --------------------------------------------------------------------------- search at scale


def _mixed(pekalongan, n: int, *, every: int) -> None:
    """``n`` complaints of which one in ``every`` mentions a pothole (others a drain)."""
    rows = bulk(pekalongan, n)
    for i, complaint in enumerate(rows):
        text = "Jalan berlubang di depan pasar" if i % every == 0 else "Saluran tersumbat sampah"
        Complaint.objects.filter(pk=complaint.pk).update(description=f"{text} nomor {i}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE complaints_complaint")


def _all_pages(qs, ordering, *, matching=None, walk=None, size, cap):
    """Every page forwards, then every page backwards from the last, as (ids, count)."""
    pages = []
    page = selectors.keyset_page(
        qs, ordering, size=size, count_cap=cap, matching=matching, walk=walk
    )
    while True:
        pages.append(page)
        if not page.has_next:
            break
        page = selectors.keyset_page(
            qs,
            ordering,
            after=page.next_cursor,
            size=size,
            count_cap=cap,
            matching=matching,
            walk=walk,
        )
    back = []
    while page.has_previous:
        page = selectors.keyset_page(
            qs,
            ordering,
            before=page.previous_cursor,
            size=size,
            count_cap=cap,
            matching=matching,
            walk=walk,
        )
        back.append([c.pk for c in page.rows])
    return [[c.pk for c in p.rows] for p in pages], back, pages


@pytest.mark.parametrize("sort", ["", "lama", "batas"])
@pytest.mark.parametrize(
    ("every", "budget", "cap"),
    [
        (2, 40, 9),  # dense: the walk finds the pages and more than the cap
        (2, 40, 500),  # dense, but more matches than the budget shows: a partial count
        (9, 20, 500),  # sparse: fewer than a page in the budget, pages of what it found
        (3, 500, 500),  # the walk sees every row: an exact count
    ],
)
def test_a_search_by_walking_gives_the_same_pages_as_the_plain_query(
    pekalongan, monkeypatch, sort, every, budget, cap
):
    _mixed(pekalongan, 90, every=every)
    monkeypatch.setattr(selectors, "SEARCH_WALK_ROWS", budget)
    monkeypatch.setattr(selectors, "SEARCH_COUNT_ROWS", budget // 2)
    ordering = selectors.ORDERINGS[sort]
    qs = Complaint.objects.filter(jurisdiction=pekalongan)
    matching = selectors.complaint_search("berlubang")
    plain_forward, plain_back, plain_pages = _all_pages(
        qs.filter(matching), ordering, size=4, cap=cap
    )
    forward, back, pages = _all_pages(qs, ordering, matching=matching, walk=True, size=4, cap=cap)
    plain_first, first = plain_pages[0], pages[0]
    if any(page.walk_stopped for page in pages):
        # Sparse: pages of what each bounded walk found, the same rows in the same order
        # both ways, never more than a page, and never a row twice.
        assert every == 9 and all(len(ids) <= 4 for ids in forward)
        flat = [pk for ids in forward for pk in ids]
        assert flat == [pk for ids in plain_forward for pk in ids]
        assert [pk for ids in reversed(back) for pk in ids] + forward[-1] == flat
    else:
        assert forward == plain_forward
        assert back == plain_back
    matches = qs.filter(matching).count()
    assert sum(len(ids) for ids in forward) == matches == len(range(0, 90, every))
    # The count: the plain one, or a part of it that says which part.
    if first.count_scope:
        assert first.count < min(matches, cap + 1) and not first.count_capped
        assert (
            first.count
            == qs.filter(
                matching,
                pk__in=qs.order_by(
                    *keyset.order_by(ordering, nullable=selectors.NULLABLE_ORDER_COLUMNS)
                ).values("pk")[: first.count_scope],
            ).count()
        )
    else:
        assert (first.count, first.count_capped) == (plain_first.count, plain_first.count_capped)


def test_a_walking_search_counts_more_than_the_cap_or_a_part_or_everything(pekalongan, monkeypatch):
    _mixed(pekalongan, 60, every=2)  # 30 matches
    ordering = selectors.ORDERINGS[""]
    qs = Complaint.objects.filter(jurisdiction=pekalongan)
    matching = selectors.complaint_search("berlubang")

    def first(budget: int, cap: int) -> selectors.KeysetPage:
        monkeypatch.setattr(selectors, "SEARCH_WALK_ROWS", budget)
        monkeypatch.setattr(selectors, "SEARCH_COUNT_ROWS", budget)
        return selectors.keyset_page(
            qs, ordering, size=5, count_cap=cap, matching=matching, walk=True
        )

    page = first(budget=40, cap=10)  # 20 matches among the first 40: more than 10
    assert (page.count, page.count_capped, page.count_scope) == (10, True, 0)
    page = first(budget=40, cap=25)  # 20 among the first 40, the rest not looked at
    assert (page.count, page.count_capped, page.count_scope) == (20, False, 40)
    page = first(budget=100, cap=50)  # every row looked at
    assert (page.count, page.count_capped, page.count_scope) == (30, False, 0)


def test_the_inbox_says_what_a_partial_count_covers(client, people, pekalongan, monkeypatch):
    _mixed(pekalongan, 200, every=2)
    monkeypatch.setattr(selectors, "SEARCH_WALK_ROWS", 150)
    monkeypatch.setattr(selectors, "SEARCH_COUNT_ROWS", 150)
    monkeypatch.setattr(selectors, "search_walks", lambda *args, **kwargs: True)
    client.force_login(people.verifier)
    html = client.get(reverse("complaints:inbox", args=["semua"]), {"q": "berlubang"})
    assert "75 laporan cocok di antara 150 laporan pertama daftar ini" in html.content.decode()


def test_a_sparse_search_stops_at_its_budget_and_goes_on_or_searches_everything(
    client, people, pekalongan, monkeypatch
):
    """Words common in the table but rare among the newest rows: the page shows what the
    bounded walk found, says so, goes on from where it stopped, and offers the exact
    search over every complaint."""
    import html as html_module
    import re

    _mixed(pekalongan, 200, every=20)  # 10 matches, one in twenty rows
    monkeypatch.setattr(selectors, "SEARCH_WALK_ROWS", 60)
    monkeypatch.setattr(selectors, "SEARCH_COUNT_ROWS", 30)
    monkeypatch.setattr(selectors, "search_walks", lambda *args, **kwargs: True)
    client.force_login(people.verifier)
    url = reverse("complaints:inbox", args=["semua"])
    codes = set(
        Complaint.objects.filter(description__contains="berlubang").values_list(
            "tracking_code", flat=True
        )
    )
    seen: list[str] = []
    query = "?q=berlubang"
    for _ in range(10):
        body = client.get(url + query).content.decode()
        found = [c for c in re.findall(r"[A-Z]+-[0-9-]*[0-9]", body) if c in codes]
        seen += list(dict.fromkeys(found))
        assert len(found) <= 3 * 2  # a code may show twice in a row (link and text)
        nxt = re.search(r'href="(\?[^"]*setelah=[^"]*)" rel="next"', body)
        if not nxt:
            break
        assert 'id="search-stopped"' in body and "lengkap=1" in body
        assert "Pencarian ini memeriksa 60 laporan daftar ini" in body
        query = html_module.unescape(nxt.group(1))
    assert sorted(seen) == sorted(codes) and len(seen) == 10  # each once, none lost
    everything = client.get(url, {"q": "berlubang", "lengkap": "1"}).content.decode()
    assert "10 laporan" in everything and 'id="search-stopped"' not in everything
    assert {c for c in re.findall(r"[A-Z]+-[0-9-]*[0-9]", everything)} >= codes


def _walk_plan(qs, matching, *, want: int, budget: int) -> dict:
    import json

    ordering = selectors.ORDERINGS[""]
    statement, params = keyset.walk_statement(
        qs,
        matching,
        ordering,
        None,
        want=want,
        budget=budget,
        nullable=selectors.NULLABLE_ORDER_COLUMNS,
    )
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", params)
        plan = cursor.fetchone()[0]
    return plan[0]["Plan"] if isinstance(plan, list) else json.loads(plan)[0]["Plan"]


def _nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_a_walk_reads_the_recency_index_and_stops_at_what_it_needs(pekalongan):
    """A common word: the walk reads ``c_jur_submitted_id`` in page order with the search
    as a filter and stops after the rows it needs (no sort, no bitmap of every match); a
    word that never occurs stops at the budget."""
    _mixed(pekalongan, 3000, every=2)
    qs = Complaint.objects.filter(jurisdiction=pekalongan).order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a small table: as at scale
    matching = selectors.complaint_search("berlubang")
    nodes = list(_nodes(_walk_plan(qs, matching, want=51, budget=1000)))
    scans = [n for n in nodes if n.get("Index Name")]
    assert [n["Index Name"] for n in scans] == ["c_jur_submitted_id"]
    assert scans[0]["Actual Rows"] <= 110  # about two rows per match, not 3,000
    assert not [n for n in nodes if n["Node Type"] in ("Sort", "Bitmap Heap Scan")]
    absent = selectors.complaint_search("zzzqqq")
    scans = [n for n in _nodes(_walk_plan(qs, absent, want=51, budget=1000)) if n.get("Index Name")]
    assert 1000 < scans[0]["Actual Rows"] <= 1002  # the budget, its marker, one read ahead


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_the_statistics_choose_walking_for_common_words_and_ids_for_rare_ones(
    pekalongan, monkeypatch
):
    monkeypatch.setattr(selectors, "_search_stats", {})
    _mixed(pekalongan, 3000, every=2)
    qs = Complaint.objects.filter(jurisdiction=pekalongan)
    assert selectors.search_walks(qs, "berlubang")
    # Words that always come together: the planner multiplies their shares (half of
    # 3,000 each: 750 expected together, 1,500 in fact); the rarest word alone decides.
    both = qs.filter(selectors.complaint_search("jalan berlubang"))
    assert both.count() == 1500
    import json

    expected = json.loads(both.order_by().explain(format="json"))[0]["Plan"]["Plan Rows"]
    assert expected < 1000
    assert selectors.search_walks(qs, "jalan berlubang")
    assert not selectors.search_walks(qs, "berlubang zzzqqq")  # a word nobody wrote
    assert not selectors.search_walks(qs, qs.first().tracking_code)
    assert not selectors.search_walks(qs, "berlubang or sampah")  # OR: the ids
    assert not selectors.search_walks(qs, "berlubang", count_cap=2000)  # fewer than the cap


# --------------------------------------------------------------------------- overdue at scale


def _plain_overdue(user) -> dict:
    from django.db.models import Min

    rows = (
        selectors.complaints_visible_to(user)
        .filter(stage__in=["verifikasi", "tindak_lanjut_awal", "penyelesaian"])
        .filter(due_at__lt=timezone.now())
        .order_by()
        .values("unit_id", "stage")
        .annotate(n=Count("*"), oldest=Min("due_at"))
    )
    return {(r["unit_id"], r["stage"]): (r["n"], r["oldest"]) for r in rows}


def test_overdue_counts_are_the_plain_groups_up_to_the_cap(people, pekalongan):
    now = timezone.now()
    units = list(Unit.objects.filter(jurisdiction=pekalongan).exclude(kind="external")[:3])
    start = 0
    for k, (unit, stage, n) in enumerate(
        [
            (units[0], "penyelesaian", 7),
            (units[0], "tindak_lanjut_awal", 2),
            (units[1], "penyelesaian", 3),
            (None, "verifikasi", 6),
            (units[2], "perencanaan", 4),  # not a staff stage
        ]
    ):
        for i in range(n):
            due = now - timedelta(days=k + 1, hours=i)
            bulk(pekalongan, 1, start=start, unit=unit, status="diproses", stage=stage, due_at=due)
            start += 1
    bulk(
        pekalongan,
        3,
        start=500,
        unit=units[1],
        status="diproses",
        stage="penyelesaian",
        due_at=now + timedelta(days=1),
    )  # not yet due
    plain = _plain_overdue(people.supervisor)
    assert len(plain) == 4
    for cap in (5, 100):
        rows = selectors.overdue_counts(people.supervisor, cap=cap)
        got = {(r["unit_id"], r["stage"]): (r["n"], r["capped"], r["oldest_due"]) for r in rows}
        assert got == {key: (min(n, cap), n > cap, oldest) for key, (n, oldest) in plain.items()}
    # An officer's view: their units only, as the plain query restricts them.
    officer = people.officer_a
    mine = {(r["unit_id"], r["stage"]) for r in selectors.overdue_counts(officer)}
    assert mine == set(_plain_overdue(officer))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_overdue_counts_read_the_overdue_index_only_up_to_the_cap(people, pekalongan):
    import json

    unit = Unit.objects.filter(jurisdiction=pekalongan).exclude(kind="external").first()
    past = timezone.now() - timedelta(days=3)
    bulk(pekalongan, 400, unit=unit, status="diproses", stage="penyelesaian", due_at=past)
    bulk(pekalongan, 2000, start=1000, status="selesai", stage="")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE complaints_complaint")
        cursor.execute("SET LOCAL enable_seqscan = off")
    statements = []

    def keep(run, sql, params, many, context):
        statements.append((sql, params))
        return run(sql, params, many, context)

    with connection.execute_wrapper(keep):
        rows = selectors.overdue_counts(people.supervisor, cap=50)
    assert [(r["n"], r["capped"]) for r in rows] == [(50, True)]
    sql, params = next(s for s in statements if "UNION ALL" in s[0])
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = plan if isinstance(plan, list) else json.loads(plan)
    scans = [n for n in _nodes(plan[0]["Plan"]) if n.get("Relation Name") == "complaints_complaint"]
    assert scans and all(n.get("Index Name") == "c_overdue" for n in scans)
    # Each group stops after cap + 1 entries, however many are overdue.
    assert max(n["Actual Rows"] for n in scans) <= 51


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_the_search_index_keeps_a_short_pending_list(pekalongan):
    """New complaints wait in the GIN index's pending list until it is merged; every search
    reads the whole list and the planner prices each page of it like a random read, so a
    long list made mid-size searches scan the whole table. The list is capped at
    ``search.PG_PENDING_LIST_KB``: after 3,000 new complaints it holds at most that much."""
    from django.db import transaction
    from django.db.utils import DatabaseError

    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'c_search'")
        assert cursor.fetchone()[0] == [f"gin_pending_list_limit={search.PG_PENDING_LIST_KB}"]
        try:
            with transaction.atomic():
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")
        except DatabaseError:
            pytest.skip("pgstattuple cannot be installed here: the list's length is not readable")
    _mixed(pekalongan, 3000, every=2)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pending_pages, pending_tuples FROM pgstatginindex('c_search')")
        pages, tuples = cursor.fetchone()
    assert pages <= search.PG_PENDING_LIST_KB // 8 + 1
    assert tuples < 3000  # merged on the way, not all waiting
