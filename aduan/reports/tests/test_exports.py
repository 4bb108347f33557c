"""CSV and XLSX exports of the inbox: same rows as the inbox, identity only for who may see
it, formulas defused, memory bounded."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from aduan.accounts.audit import record_identity_views
from aduan.accounts.models import IdentitySurface, IdentityView
from aduan.open311.tests.conftest import Flow
from aduan.reports.exports import headers, safe
from conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def flow(people) -> Flow:
    return Flow(people)


NAME, PHONE, EMAIL = "Siti Aminah", "0812-1111-2222", "siti@example.org"
LEAKY = "Saya Siti Aminah, WA 0812-1111-2222. KTP-el saya belum jadi sejak dua bulan."


def csv_rows(client, queue: str = "semua", **params) -> list[list[str]]:
    response = client.get(reverse("exports:csv", args=[queue]), params)
    assert response.status_code == 200, response.status_code
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def by_code(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    head = rows[0]
    return {r[0]: dict(zip(head, r, strict=True)) for r in rows[1:]}


def login(client, user) -> None:
    client.login(username=user.username, password=PASSWORD)


class CsvExportTests:
    def test_the_verifier_gets_every_row_with_identity(self, client, submit, people):
        a = submit(description=LEAKY).complaint
        b = submit(privacy="anonim").complaint
        login(client, people.verifier)
        rows = csv_rows(client)
        assert rows[0] == headers()
        found = by_code(rows)
        assert set(found) == {a.tracking_code, b.tracking_code}
        assert found[a.tracking_code]["Nama pelapor"] == NAME
        assert found[b.tracking_code]["E-mail"] == EMAIL  # verifiers see anonim reporters
        assert found[a.tracking_code]["Uraian"] == LEAKY
        assert found[a.tracking_code]["Status"] == "Baru (belum terverifikasi)"

    def test_a_unit_gets_its_own_rows_and_never_an_anonymous_identity(
        self, client, submit, flow, people
    ):
        plain = flow.dispose(submit(description=LEAKY).complaint)
        anonymous = flow.dispose(submit(privacy="anonim", description=LEAKY).complaint)
        elsewhere = submit().complaint  # not disposed: not the unit's
        login(client, people.officer_a)
        found = by_code(csv_rows(client))
        assert set(found) == {plain.tracking_code, anonymous.tracking_code}
        assert elsewhere.tracking_code not in found
        assert found[plain.tracking_code]["Nama pelapor"] == NAME
        hidden = found[anonymous.tracking_code]
        assert hidden["Nama pelapor"] == hidden["WhatsApp/telepon"] == hidden["E-mail"] == ""
        row_text = ",".join(hidden.values()).lower()
        for secret in ("siti", "aminah", "1111", "2222", "example.org"):
            assert secret not in row_text, secret
        assert "[disamarkan]" in hidden["Uraian"]
        login(client, people.officer_b)
        assert csv_rows(client) == [headers()]

    def test_supervisors_get_no_identity(self, client, submit, people):
        submit(description=LEAKY)
        login(client, people.supervisor)
        [row] = by_code(csv_rows(client)).values()
        assert row["Nama pelapor"] == "" and "Siti" not in row["Uraian"]

    def test_the_inbox_filters_apply(self, client, submit, flow, people):
        disposed = flow.dispose(submit().complaint)
        new = submit().complaint
        login(client, people.verifier)
        found = by_code(csv_rows(client, status="didisposisikan"))
        assert set(found) == {disposed.tracking_code}
        found = by_code(csv_rows(client, "verifikasi"))
        assert set(found) == {new.tracking_code}
        inbox = client.get(
            reverse("complaints:inbox", args=["semua"]), {"status": "didisposisikan"}
        ).content.decode()
        link = reverse("exports:csv", args=["semua"]) + "?status=didisposisikan"
        assert f'href="{link}"' in inbox

    def test_cells_that_would_run_as_formulas_are_defused(self, client, submit, people):
        complaint = submit(
            description='=HYPERLINK("http://jahat.example","klik") jalan rusak parah sekali',
            reporter_name="@Budi",
        ).complaint
        login(client, people.verifier)
        row = by_code(csv_rows(client))[complaint.tracking_code]
        assert row["Uraian"].startswith("'=HYPERLINK")
        assert row["Nama pelapor"] == "'@Budi"
        assert row["WhatsApp/telepon"] == PHONE
        assert [safe(v) for v in ("+62", "-1", "\tx", "ok")] == ["'+62", "'-1", "'\tx", "ok"]

    def test_the_file_is_named_with_the_date_and_not_cached(self, client, submit, people):
        login(client, people.verifier)
        response = client.get(reverse("exports:csv", args=["semua"]))
        today = timezone.localdate().isoformat()
        assert response["Content-Disposition"] == f'attachment; filename="aduan-semua-{today}.csv"'
        assert "no-store" in response["Cache-Control"]

    def test_strangers_get_nothing(self, client, submit, people):
        submit()
        response = client.get(reverse("exports:csv", args=["semua"]))
        assert response.status_code == 302 and "/akun/" in response.url
        login(client, people.verifier)
        assert client.get(reverse("exports:csv", args=["bukan-antrean"])).status_code == 404

    def test_queries_do_not_grow_with_rows(
        self, client, submit, people, django_assert_max_num_queries
    ):
        login(client, people.verifier)
        submit()
        csv_rows(client)  # its audit row is counted up below, the new ones are created
        for _ in range(2):
            submit()
        with django_assert_max_num_queries(12) as few:
            csv_rows(client)
        for _ in range(12):
            submit()
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert len(csv_rows(client)) == 16


class XlsxExportTests:
    def test_it_writes_the_same_rows_and_guards_formulas(self, client, submit, flow, people):
        plain = flow.dispose(submit(description=LEAKY).complaint)
        anonymous = flow.dispose(submit(privacy="anonim", description="=1+1 " + LEAKY).complaint)
        login(client, people.officer_a)
        response = client.get(reverse("exports:xlsx", args=["unit"]))
        assert response.status_code == 200
        assert response["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument.spreadsheetml"
        )
        today = timezone.localdate().isoformat()
        assert f"aduan-unit-{today}.xlsx" in response["Content-Disposition"]
        book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        sheet = book.active
        values = [[c.value or "" for c in row] for row in sheet.iter_rows()]
        assert values[0] == headers()
        found = by_code(values)
        assert found[plain.tracking_code]["Nama pelapor"] == NAME
        row = found[anonymous.tracking_code]
        assert row["Nama pelapor"] == "" and row["Uraian"].startswith("'=1+1")
        assert "Aminah" not in row["Uraian"]
        for cells in sheet.iter_rows():
            assert all(c.data_type != "f" for c in cells)


def audited(user) -> dict[str, int]:
    """The export's identity audit of ``user``: tracking code -> views counted today."""
    return dict(
        IdentityView.objects.filter(user=user, surface=IdentitySurface.EXPORT).values_list(
            "complaint__tracking_code", "count"
        )
    )


class ExportAuditTests:
    """Every reporter an export shows is in the identity audit; no other."""

    def test_each_reporter_shown_is_audited_once_a_day_and_counted_up(
        self, client, submit, flow, people
    ):
        plain = flow.dispose(submit().complaint)
        anonymous = flow.dispose(submit(privacy="anonim").complaint)
        secret = flow.dispose(submit(privacy="rahasia").complaint)
        login(client, people.officer_a)
        csv_rows(client)
        # the unit sees biasa and rahasia reporters, never an anonim one
        assert audited(people.officer_a) == {plain.tracking_code: 1, secret.tracking_code: 1}
        response = client.get(reverse("exports:xlsx", args=["unit"]))
        assert response.status_code == 200
        assert audited(people.officer_a) == {plain.tracking_code: 2, secret.tracking_code: 2}
        login(client, people.verifier)
        csv_rows(client)
        assert audited(people.verifier) == {c.tracking_code: 1 for c in (plain, anonymous, secret)}
        view = IdentityView.objects.get(user=people.verifier, complaint=anonymous)
        assert view.day == timezone.localdate() and view.first_seen == view.last_seen

    def test_exports_without_identities_audit_nothing(self, client, submit, flow, people):
        flow.dispose(submit().complaint)
        for user in (people.supervisor, people.tapd, people.officer_b):
            login(client, user)
            csv_rows(client)
        assert not IdentityView.objects.exists()

    def test_a_refused_export_audits_nothing(self, client, submit, people):
        submit()
        login(client, people.verifier)
        assert client.post(reverse("exports:csv", args=["semua"])).status_code == 405
        assert not IdentityView.objects.exists()

    def test_the_bulk_record_costs_the_same_whatever_the_number(
        self, submit, people, django_assert_max_num_queries
    ):
        complaints = [submit().complaint for _ in range(6)]
        ids = [c.pk for c in complaints]
        with django_assert_max_num_queries(2):  # nothing seen yet: read, insert
            record_identity_views(
                user=people.verifier, complaint_ids=ids[:2], surface=IdentitySurface.EXPORT
            )
        with django_assert_max_num_queries(3):  # read, count up, insert
            record_identity_views(
                user=people.verifier, complaint_ids=ids, surface=IdentitySurface.EXPORT
            )
        assert audited(people.verifier) == {
            c.tracking_code: 2 if i < 2 else 1 for i, c in enumerate(complaints)
        }
        with pytest.raises(ValueError):
            record_identity_views(user=people.verifier, complaint_ids=ids, surface="lain")

    def test_a_batch_is_audited_before_it_leaves(self, submit, people, monkeypatch):
        from aduan.complaints.models import Complaint
        from aduan.reports import exports

        monkeypatch.setattr(exports, "CHUNK", 2)
        for _ in range(5):
            submit()
        lines = exports.rows(people.verifier, Complaint.objects.order_by("pk"))
        assert next(lines) == headers()
        assert IdentityView.objects.count() == 0
        next(lines)  # the first row leaves with its batch of two, audited
        assert IdentityView.objects.count() == 2
        assert len(list(lines)) == 4
        assert IdentityView.objects.count() == 5
