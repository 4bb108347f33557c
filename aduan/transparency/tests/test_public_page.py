"""The public transparency page: what it shows, what it never shows, and how fast."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from aduan.complaints.models import Complaint
from aduan.lib.pii import MASK
from aduan.surveys.models import Rating
from aduan.transparency import selectors
from aduan.transparency.tests.conftest import LEAKY

pytestmark = pytest.mark.django_db

INDEX = reverse("transparency:index")
SECRETS = ("siti", "aminah", "1111", "2222", "example.org", "3375012345670001", "1234 ab")


def detail_url(code: str) -> str:
    return reverse("transparency:detail", args=[code])


def assert_no_identity(body: str) -> None:
    lowered = body.lower()
    for secret in SECRETS:
        assert secret not in lowered, secret


class PublicListTests:
    def test_it_lists_public_complaints_with_masked_text_and_the_units_answer(
        self, client, submit, flow
    ):
        complaint = submit(description=LEAKY).complaint
        flow.follow_up(
            flow.start(flow.dispose(complaint)),
            "Truk sudah dipindahkan. Terima kasih Bu Siti, hubungi kami di 0812-1111-2222.",
        )
        body = client.get(INDEX).content.decode()
        assert complaint.tracking_code in body
        assert "Truk sudah dipindahkan" in body and "Jawaban unit" in body
        assert MASK in body
        assert_no_identity(body)

    def test_a_confidential_or_hidden_complaint_never_appears(self, client, submit, people):
        from aduan.transparency.services import complaint_publication_edit

        public = submit().complaint
        secret = submit(privacy="rahasia", description="Pungli Rp500.000 di loket KTP-el.")
        hidden = submit(description="Laporan yang disembunyikan verifikator ini.").complaint
        complaint_publication_edit(
            complaint=hidden, actor=people.verifier, public_text="", hidden=True
        )
        body = client.get(INDEX).content.decode()
        assert public.tracking_code in body
        assert secret.complaint.tracking_code not in body and "Rp500.000" not in body
        assert hidden.tracking_code not in body
        for code in (secret.complaint.tracking_code, hidden.tracking_code):
            response = client.get(detail_url(code))
            assert response.status_code == 404
            assert client.get(detail_url("ADU-1999-999999")).status_code == 404
        # nor the search
        found = client.get(INDEX, {"q": "pungli"}).content.decode()
        assert "Rp500.000" not in found and secret.complaint.tracking_code not in found

    def test_spam_and_merged_duplicates_are_left_out(self, client, submit, flow):
        spam = flow.archive(
            submit(description="Iklan pinjaman online cepat cair hubungi kami.").complaint
        )
        target = submit().complaint
        merged = flow.merge(submit().complaint, into=target)
        body = client.get(INDEX).content.decode()
        assert spam.tracking_code not in body and merged.tracking_code not in body
        assert target.tracking_code in body

    def test_the_search_matches_only_what_is_published(self, client, submit):
        complaint = submit(description=LEAKY).complaint
        assert client.get(INDEX, {"q": "truk"}).content.decode().count(complaint.tracking_code)
        for probe in ("Aminah", "0812-1111-2222", "3375012345670001", "siti@example"):
            body = client.get(INDEX, {"q": probe}).content.decode()
            assert complaint.tracking_code not in body, probe
        by_code = client.get(INDEX, {"q": complaint.tracking_code.lower()}).content.decode()
        assert complaint.tracking_code in by_code

    def test_filters_narrow_the_list(self, client, submit):
        from aduan.organisation.models import Area

        medono = submit(area="medono").complaint
        other = submit(
            area="tirto", category="jalan", description="Jalan berlubang besar dekat SD."
        ).complaint
        area = Area.objects.get(code="tirto")
        body = client.get(INDEX, {"kelurahan": area.pk}).content.decode()
        assert other.tracking_code in body and medono.tracking_code not in body
        body = client.get(INDEX, {"kategori": "adminduk"}).content.decode()
        assert medono.tracking_code in body and other.tracking_code not in body
        body = client.get(INDEX, {"status": "selesai"}).content.decode()
        assert medono.tracking_code not in body and other.tracking_code not in body

    def test_an_htmx_request_gets_only_the_rows(self, client, submit):
        complaint = submit().complaint
        response = client.get(INDEX, {"q": "ktp"}, HTTP_HX_REQUEST="true")
        body = response.content.decode()
        assert complaint.tracking_code in body and "<html" not in body

    def test_pages_follow_one_another_without_gaps_or_repeats(self, client, submit, pekalongan):
        created = [submit().complaint for _ in range(selectors.PAGE_SIZE + 5)]
        # two with the same moment: the id breaks the tie
        Complaint.objects.filter(pk__in=[created[3].pk, created[4].pk]).update(
            submitted_at=created[3].submitted_at
        )
        seen: list[str] = []
        url = INDEX
        for _ in range(5):
            body = client.get(url).content.decode()
            seen += re.findall(r'id="p-([A-Z0-9-]+)"', body)
            nxt = re.search(r'id="next-page" href="([^"]+)"', body)
            if not nxt:
                break
            url = nxt.group(1).replace("&amp;", "&")
        assert sorted(seen) == sorted(c.tracking_code for c in created)
        assert len(seen) == len(set(seen))

    def test_a_damaged_cursor_gives_the_first_page(self, client, submit):
        complaint = submit().complaint
        for cursor in ("xyz", "!!!", "a" * 500, "MjAyNnxhYmM"):
            body = client.get(INDEX, {"sesudah": cursor}).content.decode()
            assert complaint.tracking_code in body

    def test_the_list_costs_the_same_queries_for_many_rows(
        self, client, submit, flow, django_assert_max_num_queries
    ):
        for _ in range(3):
            flow.follow_up(flow.start(flow.dispose(submit().complaint)))
        client.get(INDEX)  # the statistics computed once and stored, as the worker would
        cache.clear()
        with django_assert_max_num_queries(10) as few:
            client.get(INDEX)
        for _ in range(selectors.PAGE_SIZE):
            flow.follow_up(flow.start(flow.dispose(submit().complaint)))
        cache.clear()
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(INDEX)
        assert response.content.decode().count('class="answer"') == selectors.PAGE_SIZE


class PublicDetailTests:
    def test_it_shows_the_masked_text_and_the_public_timeline_without_staff_names(
        self, client, submit, flow, people
    ):
        complaint = submit(description=LEAKY).complaint
        complaint = flow.dispose(complaint, note="Yth. Ibu Siti Aminah, diteruskan.")
        flow.note(complaint, "Catatan internal: pelapor tetangga pak RT.")
        flow.follow_up(flow.start(complaint), "Truk sudah dipindahkan oleh Dishub.")
        response = client.get(detail_url(complaint.tracking_code))
        body = response.content.decode()
        assert response.status_code == 200
        assert "Truk sudah dipindahkan oleh Dishub." in body
        assert "Catatan internal" not in body
        assert people.officer_a.display_name not in body
        assert people.verifier.display_name not in body
        assert_no_identity(body)

    def test_an_anonymous_complaints_identity_never_appears(self, client, submit):
        complaint = submit(privacy="anonim", description=LEAKY).complaint
        body = client.get(detail_url(complaint.tracking_code)).content.decode()
        assert_no_identity(body)
        assert "Truk" in body

    def test_it_never_links_the_secret_status_page(self, client, submit):
        result = submit()
        body = client.get(detail_url(result.complaint.tracking_code)).content.decode()
        assert result.secret not in body and "/lacak/" not in body.replace('href="/lacak/"', "")

    def test_the_detail_page_runs_a_fixed_number_of_queries(
        self, client, submit, flow, django_assert_max_num_queries
    ):
        complaint = flow.follow_up(flow.start(flow.dispose(submit().complaint)))
        with django_assert_max_num_queries(6):
            client.get(detail_url(complaint.tracking_code))


class StatisticsTests:
    def test_it_counts_and_measures(self, client, submit, flow, pekalongan):
        answered = [flow.follow_up(flow.start(flow.dispose(submit().complaint))) for _ in range(3)]
        # make the waits 1, 2 and 10 days, the last one late
        for c, days, late in zip(answered, (1, 2, 10), (False, False, True), strict=True):
            Complaint.objects.filter(pk=c.pk).update(
                first_follow_up_at=c.submitted_at + timedelta(days=days),
                resolution_due_at=c.submitted_at + timedelta(days=5 if late else 20),
            )
        submit()  # open, not answered
        submit(privacy="rahasia")  # never counted
        resolved = flow.resolve(submit().complaint)
        Rating.objects.create(complaint=resolved, score=4, resolved=True)
        Rating.objects.create(complaint=answered[0], score=2, resolved=False)
        stats = selectors.statistics(pekalongan)
        assert stats.total == 5
        assert stats.finished == 1 and stats.open == 4
        assert stats.answered == 4
        assert stats.by_category[0]["n"] == 5
        assert stats.rating_average == 3.0 and stats.resolved_percent == 50.0
        # the resolved one answered at once, in time
        assert stats.answered_in_time == 3 and stats.answered_timed == 4
        assert stats.in_time_percent == 75.0
        assert stats.median_days == 1.5  # 0, 1, 2, 10 days → (1 + 2) / 2
        body = client.get(INDEX).content.decode()
        assert "75.0%" in body or "75,0%" in body

    def test_a_year_narrows_the_statistics(self, submit, pekalongan):
        old = submit().complaint
        Complaint.objects.filter(pk=old.pk).update(
            submitted_at=old.submitted_at - timedelta(days=800)
        )
        submit()
        year = timezone.localdate().year
        assert selectors.statistics(pekalongan, year).total == 1
        assert selectors.statistics(pekalongan).total == 2

    def test_statistics_run_a_fixed_number_of_queries(
        self, submit, pekalongan, django_assert_max_num_queries
    ):
        for _ in range(4):
            submit()
        # computed: read, three aggregates, the reference lists when not cached, store
        with django_assert_max_num_queries(9):
            selectors.statistics(pekalongan)
        with django_assert_max_num_queries(0):
            selectors.statistics(pekalongan)  # cached
        cache.clear()
        with django_assert_max_num_queries(1):
            selectors.statistics(pekalongan)  # the stored row


def test_the_citizen_home_links_the_public_page(client, pekalongan):
    body = client.get(reverse("complaints:home")).content.decode()
    assert f'href="{INDEX}"' in body


def test_the_public_page_speaks_english_with_the_language_cookie(client, submit):
    from django.conf import settings

    submit()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(INDEX).content.decode()
    assert "Complaints transparency" in body and "answered in time" in body
    assert "Transparansi pengaduan" not in body
