"""Pages: the template library (who manages what), the template picker and live tone check on
the complaint page (htmx and without JavaScript), and reply quality."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.utils import timezone
from django.utils.html import escape

from aduan.complaints import services
from aduan.replies import checker
from aduan.replies.models import ReplyReview, ResponseTemplate
from aduan.replies.selectors import reply_quality, reply_quality_by_unit
from aduan.replies.services import templates_load
from aduan.replies.tests.conftest import in_unit_a
from conftest import at

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def make_template(people, unit=None, **kwargs) -> ResponseTemplate:
    values = {
        "jurisdiction": people.jurisdiction,
        "code": kwargs.pop("code", f"t-{ResponseTemplate.objects.count()}"),
        "title": "Tindak lanjut uji",
        "situation": "follow_up",
        "unit": unit,
        "body": "Yth. {nama}, laporan {kode} selesai {batas_waktu}. Salam, {petugas}",
    }
    values.update(kwargs)
    return ResponseTemplate.objects.create(**values)


def form_data(people, **kwargs) -> dict:
    data = {
        "title": "Jawaban baru",
        "code": "jawaban-baru",
        "situation": "closing",
        "unit": str(people.unit_a.pk),
        "category": "",
        "body": "Yth. {nama}, terima kasih. Laporan {kode} selesai.",
        "is_active": "on",
    }
    data.update(kwargs)
    return data


class TemplateLibraryTests:
    def test_anonymous_visitors_are_sent_to_log_in(self, client, people):
        for url in ("/kerja/balasan/templat/", "/kerja/balasan/templat/baru/"):
            response = client.get(url)
            assert response.status_code == 302 and "/akun/masuk/" in response["Location"]

    def test_officers_supervisors_and_verifiers_cannot_manage_templates(self, client, people):
        template = make_template(people, people.unit_a)
        for user in (people.officer_a, people.officer_b, people.supervisor, people.verifier):
            client.force_login(user)
            assert client.get("/kerja/balasan/templat/").status_code == 403
            assert client.post("/kerja/balasan/templat/baru/", form_data(people)).status_code == 403
            response = client.post(f"/kerja/balasan/templat/{template.pk}/", form_data(people))
            assert response.status_code == 403
        assert not ResponseTemplate.objects.filter(code="jawaban-baru").exists()

    def test_an_administrator_manages_every_template_of_the_jurisdiction(self, client, people):
        client.force_login(people.admin)
        response = client.post("/kerja/balasan/templat/baru/", form_data(people, unit=""))
        assert response.status_code == 302
        created = ResponseTemplate.objects.get(code="jawaban-baru")
        assert created.unit is None and created.customised and created.updated_by == people.admin
        assert created.jurisdiction == people.jurisdiction
        page = client.get("/kerja/balasan/templat/").content.decode()
        assert "Jawaban baru" in page

    def test_a_unit_head_manages_only_their_units_templates(self, client, people, head_a):
        mine = make_template(people, people.unit_a, title="Milik A")
        theirs = make_template(people, people.unit_b, title="Milik B")
        shared = make_template(people, None, title="Bersama")
        client.force_login(head_a)
        page = client.get("/kerja/balasan/templat/").content.decode()
        assert "Milik A" in page and "Milik B" not in page and "Bersama" not in page
        assert client.get(f"/kerja/balasan/templat/{theirs.pk}/").status_code == 404
        assert client.get(f"/kerja/balasan/templat/{shared.pk}/").status_code == 404
        # another unit, or no unit, is refused
        for unit in (str(people.unit_b.pk), ""):
            response = client.post("/kerja/balasan/templat/baru/", form_data(people, unit=unit))
            assert response.status_code == 400
        assert not ResponseTemplate.objects.filter(code="jawaban-baru").exists()
        response = client.post(
            f"/kerja/balasan/templat/{mine.pk}/",
            form_data(people, code=mine.code, title="Milik A (baru)"),
        )
        assert response.status_code == 302
        mine.refresh_from_db()
        assert mine.title == "Milik A (baru)" and mine.customised

    def test_an_administrator_of_another_government_sees_nothing_here(
        self, client, people, elsewhere
    ):
        _other, admin = elsewhere
        template = make_template(people, None)
        client.force_login(admin)
        assert "Tindak lanjut uji" not in client.get("/kerja/balasan/templat/").content.decode()
        assert client.get(f"/kerja/balasan/templat/{template.pk}/").status_code == 404
        response = client.post(
            "/kerja/balasan/templat/baru/", form_data(people, unit=str(people.unit_a.pk))
        )
        assert response.status_code == 400  # unit A is not one of theirs

    def test_unknown_placeholders_are_refused_with_a_clear_message(self, client, people):
        client.force_login(people.admin)
        response = client.post(
            "/kerja/balasan/templat/baru/", form_data(people, body="Yth. {nama}, NIK {nik}")
        )
        assert response.status_code == 400
        assert "Isian tidak dikenal: {nik}" in response.content.decode()
        assert not ResponseTemplate.objects.filter(code="jawaban-baru").exists()


class ReplyToolsTests:
    def test_the_complaint_page_offers_templates_and_the_live_tone_check(
        self, client, people, cases
    ):
        templates_load("pekalongan")
        other_unit = make_template(people, people.unit_b, title="Khusus DPUPR")
        client.force_login(people.officer_a)
        page = client.get(f"/kerja/aduan/{cases.biasa.tracking_code}/").content.decode()
        assert 'id="templat-follow_up"' in page
        assert f'hx-get="/kerja/balasan/isi/{cases.biasa.tracking_code}/follow_up/"' in page
        # the textarea is swapped when a template fills it: listen on its form
        assert 'hx-trigger="keyup changed delay:500ms from:closest form"' in page
        assert 'hx-params="follow_up-text,reply_complaint,reply_action"' in page
        assert 'hx-post="/kerja/balasan/periksa/"' in page
        assert "Tindak lanjut: tindakan dan tanggal" in page
        assert other_unit.title not in page
        # internal-only actions get no tools
        assert 'id="reply-tools-note"' not in page and 'id="reply-tools-forward"' not in page

    def test_choosing_a_template_fills_the_textarea_with_htmx(self, client, people, cases):
        template = make_template(people, people.unit_a)
        client.force_login(people.officer_a)
        response = client.get(
            f"/kerja/balasan/isi/{cases.anonim.tracking_code}/follow_up/",
            {"templat": template.pk},
            **HX,
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert body.lstrip().startswith("<textarea")
        assert 'name="follow_up-text"' in body and 'id="id_follow_up-text"' in body
        assert f"Yth. Bapak/Ibu, laporan {cases.anonim.tracking_code} selesai" in body
        assert "Wawan" not in body
        assert 'id="tone-follow_up" hx-swap-oob="innerHTML"' in body

    def test_choosing_a_template_works_without_javascript(self, client, people, cases):
        template = make_template(people, people.unit_a)
        client.force_login(people.officer_a)
        response = client.post(
            f"/kerja/balasan/isi/{cases.biasa.tracking_code}/follow_up/",
            {"templat": template.pk, "follow_up-text": ""},
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert f'action="/kerja/aduan/{cases.biasa.tracking_code}/aksi/follow_up/"' in page
        assert "Yth. Bapak/Ibu Siti Aminah, laporan" in page
        # sending it goes through the complaint page's own action
        text = re.search(r'name="follow_up-text"[^>]*>\s*([^<]*)</textarea>', page).group(1)
        assert "Bapak/Ibu Siti Aminah" in text

    def test_a_template_of_another_unit_or_a_complaint_out_of_reach_is_refused(
        self, client, people, cases, submit
    ):
        theirs = make_template(people, people.unit_b)
        client.force_login(people.officer_a)
        url = f"/kerja/balasan/isi/{cases.biasa.tracking_code}/follow_up/"
        assert client.get(url, {"templat": theirs.pk}, **HX).status_code == 204
        client.force_login(people.officer_b)
        assert client.get(url, {"templat": theirs.pk}, **HX).status_code == 404
        client.force_login(people.officer_a)
        assert (
            client.get(
                f"/kerja/balasan/isi/{cases.biasa.tracking_code}/note/", {"templat": 1}, **HX
            ).status_code
            == 404
        )

    def test_the_tone_check_partial_shows_the_checkers_verdict(self, client, people, cases):
        client.force_login(people.officer_a)
        draft = "sudah dicek"
        response = client.post(
            "/kerja/balasan/periksa/",
            {
                "follow_up-text": draft,
                "reply_action": "follow_up",
                "reply_complaint": cases.biasa.tracking_code,
            },
            **HX,
        )
        assert response.status_code == 200
        body = response.content.decode()
        verdict = checker.check(draft, cases.biasa.description)
        assert f'data-score="{verdict.score}"' in body
        assert f'data-acceptable="{1 if verdict.acceptable else 0}"' in body
        for flaw in verdict.flaws:
            assert f'data-code="{flaw.code}"' in body
            if flaw.suggestion:
                assert escape(flaw.suggestion) in body
        assert "<html" not in body

    def test_an_empty_draft_gets_no_verdict(self, client, people):
        client.force_login(people.officer_a)
        response = client.post("/kerja/balasan/periksa/", {"reply": "  "}, **HX)
        assert response.status_code == 200 and "data-score" not in response.content.decode()

    def test_the_tone_check_without_javascript_keeps_the_draft(self, client, people, cases):
        client.force_login(people.officer_a)
        response = client.post(
            "/kerja/balasan/periksa/",
            {
                "follow_up-text": "Kami sudah cek.",
                "reply_action": "follow_up",
                "reply_complaint": cases.biasa.tracking_code,
            },
        )
        page = response.content.decode()
        assert response.status_code == 200 and "<html" in page
        assert "Kami sudah cek.</textarea>" in page
        assert f'data-score="{checker.check("Kami sudah cek.").score}"' in page

    def test_the_tone_check_needs_a_login_and_a_visible_complaint(self, client, people, cases):
        response = client.post("/kerja/balasan/periksa/", {"reply": "x"}, **HX)
        assert response.status_code == 302
        client.force_login(people.officer_b)
        response = client.post(
            "/kerja/balasan/periksa/",
            {"reply": "x", "reply_complaint": cases.biasa.tracking_code},
            **HX,
        )
        assert response.status_code == 404

    def test_an_officer_may_send_a_reply_the_checker_dislikes(self, client, people, cases):
        client.force_login(people.officer_a)
        draft = "ok"
        response = client.post(
            f"/kerja/aduan/{cases.biasa.tracking_code}/aksi/follow_up/", {"follow_up-text": draft}
        )
        assert response.status_code == 302
        review = ReplyReview.objects.get(complaint=cases.biasa)
        assert review.score == checker.check(draft, cases.biasa.description).score


def send(people, complaint, text, officer=None):
    return services.complaint_follow_up(
        complaint=complaint, actor=officer or people.officer_a, text=text
    )


class ReplyQualityTests:
    def test_numbers_per_unit_and_officer_by_month(self, people, submit):
        texts = ["ok", "Yth. Bapak/Ibu, terima kasih. Sudah diperbaiki hari ini."]
        with at(2026, 3, 10, 9):
            send(people, in_unit_a(people, submit()), texts[0])
        with at(2026, 4, 10, 9):
            c = submit(category="jalan").complaint
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_b)
            send(people, c, texts[1], officer=people.officer_b)
            c2 = submit(category="jalan").complaint
            c2 = services.complaint_dispose(complaint=c2, actor=people.verifier, unit=people.unit_b)
            send(people, c2, texts[0], officer=people.officer_b)
        result = reply_quality(people.jurisdiction, date(2026, 3, 1), date(2026, 4, 30))
        verdicts = [checker.check(t) for t in texts]
        march, april = result.units
        assert (march.month, march.key, march.replies) == (date(2026, 3, 1), people.unit_a.pk, 1)
        assert march.mean_score == float(verdicts[0].score)
        assert (april.month, april.key, april.replies) == (date(2026, 4, 1), people.unit_b.pk, 2)
        assert april.mean_score == round((verdicts[0].score + verdicts[1].score) / 2, 1)
        ok = sum(v.acceptable for v in verdicts)
        assert april.acceptable_pct == round(100 * ok / 2, 1)
        expected: dict[str, int] = {}
        for v in verdicts:
            for code in v.codes:
                expected[code] = expected.get(code, 0) + 1
        assert dict(april.top_flaws) == dict(sorted(expected.items(), key=lambda kv: -kv[1])[:3])
        assert [(r.key, r.replies) for r in result.officers] == [
            (people.officer_a.pk, 1),
            (people.officer_b.pk, 2),
        ]
        only_a = reply_quality(
            people.jurisdiction, date(2026, 1, 1), date(2026, 12, 31), people.unit_a
        )
        assert [r.key for r in only_a.units] == [people.unit_a.pk]
        assert reply_quality(people.jurisdiction, date(2026, 5, 1), date(2026, 5, 31)).units == []

    def test_period_numbers_per_unit_count_every_verdict_once(self, people, submit):
        texts = ["ok", "Yth. Bapak/Ibu, terima kasih. Sudah diperbaiki hari ini."]
        with at(2026, 3, 10, 9):
            send(people, in_unit_a(people, submit()), texts[1])
        with at(2026, 4, 10, 9):
            send(people, in_unit_a(people, submit()), texts[0])
            c = submit(category="jalan").complaint
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_b)
            send(people, c, texts[0], officer=people.officer_b)
        ReplyReview.objects.filter(unit=people.unit_b).update(unit=None)  # its unit was removed
        verdicts = [checker.check(t) for t in texts]
        period = reply_quality_by_unit(people.jurisdiction, date(2026, 3, 1), date(2026, 4, 30))
        assert set(period) == {people.unit_a.pk, None}
        unit_a = period[people.unit_a.pk]
        assert (unit_a.month, unit_a.replies) == (None, 2)
        assert unit_a.mean_score == round((verdicts[0].score + verdicts[1].score) / 2, 1)
        assert unit_a.acceptable_pct == round(100 * sum(v.acceptable for v in verdicts) / 2, 1)
        everyone = period[None]
        assert everyone.replies == 3
        assert everyone.mean_score == round((2 * verdicts[0].score + verdicts[1].score) / 3, 1)
        only_a = reply_quality_by_unit(
            people.jurisdiction, date(2026, 1, 1), date(2026, 12, 31), unit_ids=[people.unit_a.pk]
        )
        assert only_a[None].replies == 2 and set(only_a) == {people.unit_a.pk, None}
        assert reply_quality_by_unit(people.jurisdiction, date(2026, 5, 1), date(2026, 5, 31)) == {}

    def test_the_page_is_for_supervisors_admins_and_unit_heads(self, client, people, head_a):
        for user, status in (
            (people.supervisor, 200),
            (people.admin, 200),
            (head_a, 200),
            (people.officer_a, 403),
            (people.verifier, 403),
            (people.tapd, 403),
        ):
            client.force_login(user)
            assert client.get("/kerja/balasan/mutu/").status_code == status, user
        client.logout()
        assert client.get("/kerja/balasan/mutu/").status_code == 302

    def test_a_unit_head_sees_only_their_unit(self, client, people, submit, head_a):
        send(people, in_unit_a(people, submit()), "ok")
        c = services.complaint_dispose(
            complaint=submit(category="jalan").complaint, actor=people.verifier, unit=people.unit_b
        )
        send(people, c, "ok", officer=people.officer_b)
        client.force_login(head_a)
        page = client.get("/kerja/balasan/mutu/", {"unit": "dpupr"}).content.decode()
        assert people.unit_a.name in page and "Citra" not in page
        assert people.unit_b.name not in page.split('id="per-unit"')[1]
        client.force_login(people.supervisor)
        page = client.get("/kerja/balasan/mutu/").content.decode()
        assert "Citra" in page and "Budi" in page

    def test_a_bad_period_is_refused_clearly(self, client, people):
        client.force_login(people.supervisor)
        response = client.get(
            "/kerja/balasan/mutu/", {"dari": "2026-05-01", "sampai": "2026-04-01"}
        )
        assert response.status_code == 400
        assert "Tanggal awal harus sebelum tanggal akhir." in response.content.decode()

    def test_the_page_query_count_does_not_grow_with_rows(
        self, client, people, submit, django_assert_max_num_queries
    ):
        client.force_login(people.supervisor)
        today = timezone.localdate().isoformat()
        params = {"dari": "2020-01-01", "sampai": today}
        send(people, in_unit_a(people, submit()), "ok")
        with django_assert_max_num_queries(20) as few:
            assert client.get("/kerja/balasan/mutu/", params).status_code == 200
        baseline = len(few.captured_queries)
        for n in range(6):
            officer = people.officer_a if n % 2 else people.officer_b
            unit = people.unit_a if n % 2 else people.unit_b
            c = services.complaint_dispose(
                complaint=submit().complaint, actor=people.verifier, unit=unit
            )
            send(people, c, f"Terima kasih {n}", officer=officer)
        with django_assert_max_num_queries(baseline):
            page = client.get("/kerja/balasan/mutu/", params).content.decode()
        assert "Citra" in page


class NavigationTests:
    """The staff navigation links to the reply pages exactly for those who may open them."""

    def links(self, client, user) -> tuple[bool, bool]:
        client.force_login(user)
        html = client.get("/kerja/", follow=True).content.decode()
        return 'href="/kerja/balasan/templat/"' in html, 'href="/kerja/balasan/mutu/"' in html

    def test_a_unit_head_gets_links_to_templates_and_reply_quality(self, client, people, head_a):
        assert self.links(client, head_a) == (True, True)
        client.force_login(head_a)
        assert client.get("/kerja/balasan/templat/").status_code == 200
        assert client.get("/kerja/balasan/mutu/").status_code == 200

    def test_each_role_sees_only_the_pages_it_may_open(self, client, people):
        for user, expected in (
            (people.admin, (True, True)),
            (people.supervisor, (False, True)),
            (people.officer_a, (False, False)),
            (people.verifier, (False, False)),
            (people.tapd, (False, False)),
        ):
            assert self.links(client, user) == expected, user
            client.force_login(user)
            templates, quality = expected
            assert (client.get("/kerja/balasan/templat/").status_code == 200) is templates
            assert (client.get("/kerja/balasan/mutu/").status_code == 200) is quality
