"""``aduan import``: LAPOR! and WhatsApp exports, mapping files, dry runs, bad rows, re-runs.

Runs against the real database engine of the test run (SQLite, or PostgreSQL with
``DATABASE_URL``, where the rows go through ``COPY``).
"""

from __future__ import annotations

import csv
import gc
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from aduan.complaints.choices import EventKind, Privacy, Stage
from aduan.complaints.models import Complaint, ComplaintEvent, TrackingSequence
from aduan.importer import formats, services
from aduan.importer.services import import_file
from aduan.notifications.models import OutboxMessage

LAPOR_HEADER = [
    "Tracking ID", "Tanggal", "Judul", "Isi Laporan", "Kategori", "Instansi/Unit", "Status",
    "Nama Pelapor", "No HP", "Email", "Lokasi/Kelurahan", "Anonim", "Rahasia",
    "Tanggal Selesai",
]  # fmt: skip

GOOD = [
    ["LPR-1", "04/03/2025 10:20", "KTP belum jadi", "KTP elektronik saya belum jadi sejak "
     "tiga bulan lalu.", "Administrasi Kependudukan", "Disdukcapil", "Terverifikasi",
     "Siti Aminah", "081234567890", "", "Medono", "Tidak", "Tidak", ""],
    ["LPR-2", "2025-03-05 08:00", "", "Jalan berlubang besar di depan pasar membahayakan "
     "pengendara.", "jalan", "", "Belum Terverifikasi", "", "", "", "Kel. Tirto", "Ya",
     "Tidak", ""],
    ["LPR-3", "06-03-2025", "Genangan", "Saluran tersumbat, genangan setiap hujan deras.",
     "Drainase & Genangan", "DPUPR", "Selesai", "Budi", "", "budi@contoh.id", "Kramatsari",
     "Tidak", "Ya", "20/03/2025"],
]  # fmt: skip


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter=",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, delimiter=delimiter)
        out.writerow(header)
        out.writerows(rows)
    return path


def imported() -> dict[str, Complaint]:
    """Source id -> complaint, from the ``imported`` events."""
    events = ComplaintEvent.objects.filter(kind=EventKind.IMPORTED).select_related("complaint")
    return {e.data["source_id"]: e.complaint for e in events}


@pytest.fixture
def lapor_csv(tmp_path):
    return write_csv(tmp_path / "lapor.csv", LAPOR_HEADER, GOOD)


class ImportLaporTests:
    def test_it_imports_every_row_with_its_status_stage_unit_and_no_message(
        self, pekalongan, lapor_csv
    ):
        outbox_before = OutboxMessage.objects.count()
        report = import_file(path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan)
        assert report.committed and report.imported == 3 and report.errors == []

        records = imported()
        disposed, new, closed = records["LPR-1"], records["LPR-2"], records["LPR-3"]
        assert disposed.status == "didisposisikan"
        assert disposed.unit.code == "disdukcapil"
        assert disposed.stage == Stage.TINDAK_LANJUT_AWAL and disposed.due_at is not None
        assert disposed.resolution_due_at is not None
        assert disposed.area.name == "Medono"
        assert disposed.channel == "lapor" and disposed.privacy == Privacy.BIASA
        assert disposed.submitted_at.isoformat().startswith("2025-03-04T03:20")  # 10:20 WIB

        assert new.status == "baru" and new.stage == Stage.VERIFIKASI and new.unit is None
        assert new.privacy == Privacy.ANONIM and new.area.name == "Tirto"
        assert new.category.code == "jalan"

        assert closed.status == "selesai" and closed.stage == "" and closed.due_at is None
        assert closed.privacy == Privacy.RAHASIA
        assert closed.area.name == "Pasirkratonkramat"  # Kramatsari is an old name
        assert closed.closed_at.date().isoformat() == "2025-03-19"  # 20/03 00:00 WIB

        assert OutboxMessage.objects.count() == outbox_before
        events = ComplaintEvent.objects.filter(complaint__in=records.values())
        assert events.count() == 3
        assert set(events.values_list("kind", flat=True)) == {EventKind.IMPORTED}
        assert not events.filter(is_public=True).exists()
        assert events.get(complaint=disposed).data["source_id"] == "LPR-1"
        assert disposed.submission_key == "impor:lapor:LPR-1"

    def test_imported_complaints_count_on_the_dashboards_and_the_public_search(
        self, pekalongan, lapor_csv
    ):
        from aduan.reports import rollups
        from aduan.transparency.publish import search_text

        import_file(path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan)
        assert rollups.stored(pekalongan.pk) == rollups.compute(pekalongan.pk)
        assert sum(n for key, n in rollups.stored(pekalongan.pk).items() if key[2] == "status")
        for complaint in imported().values():
            assert complaint.public_search == search_text(complaint)
            assert complaint.public_search

    def test_tracking_codes_are_reserved_from_the_years_sequence(self, pekalongan, lapor_csv):
        import_file(path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan)
        codes = sorted(Complaint.objects.values_list("tracking_code", flat=True))
        assert codes == [f"{pekalongan.tracking_prefix}-2025-{n:06d}" for n in (1, 2, 3)]
        from aduan.complaints.services import tracking_numbers_take

        with transaction.atomic():
            assert tracking_numbers_take(jurisdiction=pekalongan, year=2025, count=2) == [4, 5]

    def test_a_rerun_imports_nothing_twice_and_adds_only_new_rows(
        self, pekalongan, lapor_csv, tmp_path
    ):
        import_file(path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan)
        again = import_file(path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan)
        assert again.imported == 0 and again.already_imported == 3 and again.committed
        extra = [*GOOD, ["LPR-4", *GOOD[0][1:]]]
        bigger = write_csv(tmp_path / "more.csv", LAPOR_HEADER, extra, delimiter=";")
        third = import_file(path=bigger, fmt=formats.LAPOR, jurisdiction=pekalongan)
        assert third.imported == 1 and third.already_imported == 3
        assert Complaint.objects.count() == 4

    def test_a_dry_run_reports_every_bad_row_in_indonesian_and_stores_nothing(
        self, pekalongan, tmp_path
    ):
        bad = [
            GOOD[0],
            ["LPR-5", "kemarin", "", "Terlalu pendek", "Kategori Aneh", "", "Menggantung",
             "Ani", "12", "bukan-email", "Atlantis", "Mungkin", "Tidak", ""],
            ["LPR-1", *GOOD[0][1:]],
            ["LPR-6", "04/03/2025", "", "Uraian yang cukup panjang untuk diterima.",
             "Administrasi Kependudukan", "", "Terverifikasi", "", "", "", "", "Ya", "Tidak",
             ""],
        ]  # fmt: skip
        path = write_csv(tmp_path / "bad.csv", LAPOR_HEADER, bad)
        report = import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan, dry_run=True)
        assert report.rows == 4 and report.imported == 0 and not report.committed
        found = {(e.row, e.column) for e in report.errors}
        assert {
            (3, "Tanggal"),
            (3, "Isi Laporan"),
            (3, "Kategori"),
            (3, "Status"),
            (3, "No HP"),
            (3, "Email"),
            (3, "Lokasi/Kelurahan"),
            (3, "Anonim"),
            (4, "Tracking ID"),
        } <= found
        by_cell = {(e.row, e.column): e.message for e in report.errors}
        assert "tidak dapat dibaca" in by_cell[(3, "Tanggal")]
        assert "lebih dari sekali" in by_cell[(4, "Tracking ID")]
        # Disposed without a unit: the category's default unit is used, so no error.
        assert not [e for e in report.errors if e.row == 5]
        assert Complaint.objects.count() == 0

    def test_a_real_run_with_a_bad_row_keeps_nothing_unless_told_to_skip_it(
        self, pekalongan, tmp_path
    ):
        rows = [GOOD[0], ["LPR-9", "bukan tanggal", *GOOD[1][2:]], GOOD[2]]
        path = write_csv(tmp_path / "mixed.csv", LAPOR_HEADER, rows)
        report = import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan)
        assert not report.committed and report.imported == 0 and report.bad_rows == 1
        assert Complaint.objects.count() == 0 and TrackingSequence.objects.count() == 0
        report = import_file(
            path=path, fmt=formats.LAPOR, jurisdiction=pekalongan, skip_bad=True, batch_size=1
        )
        assert report.committed and report.imported == 2 and report.bad_rows == 1
        assert set(imported()) == {
            "LPR-1",
            "LPR-3",
        }

    def test_a_long_source_id_gets_a_hashed_key_that_still_deduplicates(self, pekalongan, tmp_path):
        long_id = "LAPOR-" + "9" * 90
        path = write_csv(tmp_path / "long.csv", LAPOR_HEADER, [[long_id, *GOOD[0][1:]]])
        import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan)
        key = Complaint.objects.get().submission_key
        assert key is not None and key.startswith("impor:lapor:#") and len(key) <= 64
        again = import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan)
        assert again.already_imported == 1 and Complaint.objects.count() == 1

    def test_a_concurrent_import_of_the_same_rows_keeps_nothing_and_says_why(
        self, pekalongan, lapor_csv, monkeypatch
    ):
        import_file(path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan)
        # As if another import committed these rows after this one had read what exists.
        monkeypatch.setattr(services, "imported_ids", lambda **kwargs: set())
        with pytest.raises(formats.FormatError, match="bersamaan"):
            with transaction.atomic():
                import_file(path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan)
        assert Complaint.objects.count() == 3

    def test_a_unit_status_without_a_unit_to_be_found_is_refused(self, pekalongan, tmp_path):
        row = ["LPR-7", "04/03/2025", "", "Uraian yang cukup panjang untuk diterima.", "", "",
               "Proses", "Ani", "081234567890", "", "", "Tidak", "Tidak", ""]  # fmt: skip
        path = write_csv(tmp_path / "nounit.csv", LAPOR_HEADER, [row])
        report = import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan)
        assert [(e.row, e.column) for e in report.errors] == [(2, "Instansi/Unit")]


class ImportWhatsappTests:
    def test_it_reads_an_xlsx_log_sheet_and_gives_rows_stable_ids(self, pekalongan, tmp_path):
        from datetime import datetime

        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(["Tanggal", "Nomor", "Nama", "Pesan", "Kelurahan", "Keterangan"])
        sheet.append(
            [datetime(2025, 6, 1, 9, 30), 6281234567890, "Rina",  # noqa: DTZ001 - naive, as in a sheet
             "Lampu jalan mati sepanjang gang sejak seminggu.", "Podosugih", "diteruskan DPUPR"]
        )  # fmt: skip
        sheet.append(
            [datetime(2025, 6, 2, 19, 5), "0857-1111-2222", None,  # noqa: DTZ001
             "Sampah menumpuk di pinggir sungai dekat jembatan.", "Tirto", None]
        )  # fmt: skip
        path = tmp_path / "wa.xlsx"
        book.save(path)
        assert formats.read(path, formats.WHATSAPP).estimated_rows == 2
        report = import_file(path=path, fmt=formats.WHATSAPP, jurisdiction=pekalongan)
        assert report.committed and report.imported == 2, report.errors
        named = Complaint.objects.get(reporter_name="Rina")
        assert named.channel == "whatsapp" and named.privacy == Privacy.BIASA
        assert named.reporter_phone == "6281234567890" and named.status == "baru"
        assert named.events.get().message == "diteruskan DPUPR"
        unnamed = Complaint.objects.get(reporter_phone="0857-1111-2222")
        assert unnamed.privacy == Privacy.ANONIM
        ids = set(imported())
        assert all(i.startswith("h-") for i in ids) and len(ids) == 2
        again = import_file(path=path, fmt=formats.WHATSAPP, jurisdiction=pekalongan)
        assert again.already_imported == 2 and again.imported == 0


class ImportMappingTests:
    def test_a_mapping_file_reads_another_systems_columns_and_statuses(self, pekalongan, tmp_path):
        mapping = tmp_path / "simpel.json"
        mapping.write_text(
            json.dumps(
                {
                    "source": "simpel",
                    "columns": {
                        "kode_sumber": "No Tiket",
                        "tanggal": "Masuk",
                        "uraian": "Isi",
                        "kategori": "Jenis Masalah",
                        "status": "Keadaan",
                        "nama": "Pelapor",
                        "telepon": "HP",
                    },
                    "statuses": {"Open": "baru", "Closed": "selesai"},
                    "defaults": {"kanal": "phone"},
                }
            )
        )
        path = write_csv(
            tmp_path / "simpel.csv",
            ["No Tiket", "Masuk", "Isi", "Jenis Masalah", "Keadaan", "Pelapor", "HP"],
            [
                ["T-1", "2025-01-10 07:00", "Air PDAM keruh tiga hari berturut-turut.", "",
                 "Open", "Wati", "081299998888"],
                ["T-2", "2025-01-11 07:00", "Antrean layanan terlalu lama di kantor.", "",
                 "Closed", "Joko", "081277776666"],
            ],
        )  # fmt: skip
        fmt = formats.load_mapping(mapping, formats.CSV)
        report = import_file(path=path, fmt=fmt, jurisdiction=pekalongan)
        assert report.committed and report.imported == 2, report.errors
        assert set(Complaint.objects.values_list("status", "channel")) == {
            ("baru", "phone"),
            ("selesai", "phone"),
        }
        keys = set(Complaint.objects.values_list("submission_key", flat=True))
        assert keys == {"impor:simpel:T-1", "impor:simpel:T-2"}

    def test_a_mapping_to_an_unknown_field_is_refused(self, tmp_path):
        mapping = tmp_path / "bad.json"
        mapping.write_text(json.dumps({"columns": {"warna": "Warna"}}))
        with pytest.raises(formats.FormatError, match="tidak dikenal"):
            formats.load_mapping(mapping, formats.CSV)

    def test_a_file_without_the_required_columns_is_refused_whole(self, pekalongan, tmp_path):
        path = write_csv(tmp_path / "x.csv", ["Nama", "Alamat"], [["a", "b"]])
        with pytest.raises(formats.FormatError, match="Kolom wajib"):
            import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan)


class ImportCommandTests:
    def test_the_command_prints_bad_rows_and_exits_with_1(self, pekalongan, tmp_path, capsys):
        rows = [GOOD[0], ["LPR-9", "bukan tanggal", *GOOD[1][2:]]]
        path = write_csv(tmp_path / "mixed.csv", LAPOR_HEADER, rows)
        with pytest.raises(SystemExit) as exit_info:
            call_command("import", "--format", "lapor", "--input", str(path), "--dry-run")
        assert exit_info.value.code == 1
        out = capsys.readouterr().out
        assert "baris 3, kolom 'Tanggal'" in out and "Uji coba" in out

    def test_the_command_imports_a_good_file(self, pekalongan, lapor_csv, capsys):
        call_command("import", "--format", "lapor", "--input", str(lapor_csv))
        assert "Impor selesai: 3 baris dibaca, 3 diimpor" in capsys.readouterr().out
        assert Complaint.objects.count() == 3
        if connection.vendor == "postgresql":
            # Ids came from the table's sequence: a complaint made afterwards gets a new one.
            from aduan.complaints.services import complaint_submit

            imported_max = max(Complaint.objects.values_list("pk", flat=True))
            result = complaint_submit(
                jurisdiction=pekalongan,
                description="Laporan baru setelah impor, harus dapat disimpan.",
                channel="web",
                privacy="anonim",
            )
            assert result.complaint.pk > imported_max


def schema(tables=("complaints_complaint", "complaints_complaintevent")) -> set[tuple[str, str]]:
    """The indexes and constraints of ``tables`` with their definitions (an index's
    condition only as there or not: PostgreSQL spells a condition it parsed again with
    other casts)."""
    found = set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)", [list(tables)]
        )
        for name, definition in cursor.fetchall():
            columns, where, _condition = definition.partition(" WHERE ")
            found.add((name, columns + where))
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = ANY(%s::regclass[])",
            [list(tables)],
        )
        found.update(cursor.fetchall())
    return found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's bulk load")
class ImportRebuildTests:
    def test_a_load_with_indexes_made_again_stores_the_same_and_leaves_the_schema_whole(
        self, pekalongan, lapor_csv, monkeypatch
    ):
        from aduan.complaints.search import text_matches
        from aduan.reports import rollups

        before = schema()
        from aduan.complaints.search import PG_PENDING_LIST_KB

        assert ("c_search", "CREATE INDEX c_search ON public.complaints_complaint USING gin "
                f"(search_vector) WITH (gin_pending_list_limit='{PG_PENDING_LIST_KB}')"
                ) in before  # fmt: skip
        assert sum(1 for _name, d in before if "FOREIGN KEY" in d) >= 8

        def indexes(table):
            with connection.cursor() as cursor:
                cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [table])
                return {name for (name,) in cursor.fetchall()}

        events_before = indexes("complaints_complaintevent")
        complaints_before = indexes("complaints_complaint")
        # The indexes kept in place during the load are the complaint table's (a name that
        # no longer matches would quietly be dropped and made again like the others).
        assert services._KEPT_WHILE_LOADING <= complaints_before
        kept_during_load = []
        write_lines = services._CopyWriter.write_lines

        def spy(writer, lines):
            write_lines(writer, lines)
            kept_during_load.append(
                (indexes("complaints_complaint"), indexes("complaints_complaintevent"))
            )

        monkeypatch.setattr(services._CopyWriter, "write_lines", spy)
        report = import_file(
            path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan, rebuild_indexes=True
        )
        assert report.committed and report.imported == 3
        # While loading: the kept indexes and the event table's are there, the others not.
        ((complaints_during, events_during),) = kept_during_load
        assert events_during == events_before and len(events_before) >= 6
        assert services._KEPT_WHILE_LOADING <= complaints_during
        assert "c_jur_status" in complaints_before - complaints_during
        assert schema() == before
        records = imported()
        assert records["LPR-1"].unit.code == "disdukcapil"
        assert records["LPR-3"].status == "selesai"
        assert ComplaintEvent.objects.filter(kind=EventKind.IMPORTED).count() == 3
        assert rollups.stored(pekalongan.pk) == rollups.compute(pekalongan.pk)
        # The rebuilt index serves the full-text search: it finds the imported row.
        found = Complaint.objects.filter(text_matches("genangan"))
        assert list(found.values_list("submission_key", flat=True)) == ["impor:lapor:LPR-3"]

    def test_rows_another_import_committed_first_keep_the_load_out_and_the_schema_whole(
        self, pekalongan, lapor_csv, monkeypatch
    ):
        """A row that another import committed before this one took its locks (read as
        not yet imported) collides with the unique indexes, which stay during the load:
        nothing of this import is kept, and the dropped indexes and keys are back."""
        import_file(path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan)
        with connection.cursor() as cursor:
            # As if committed: the test's transaction checks its foreign keys now (a table
            # with checks pending cannot be altered).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        before = schema()
        unique_submission = (
            "CREATE UNIQUE INDEX complaint_unique_submission ON public.complaints_complaint "
            "USING btree (jurisdiction_id, submission_key) WHERE "
        )
        assert ("complaint_unique_submission", unique_submission) in before
        assert ("complaints_complaint_tracking_code_key", "UNIQUE (tracking_code)") in before
        monkeypatch.setattr(services, "imported_ids", lambda **kwargs: set())
        with pytest.raises(formats.FormatError, match="bersamaan"):
            import_file(
                path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan, rebuild_indexes=True
            )
        assert Complaint.objects.count() == 3 and ComplaintEvent.objects.count() == 3
        assert schema() == before

    def test_an_aborted_load_puts_nothing_in_and_takes_nothing_away(self, pekalongan, tmp_path):
        before = schema()
        rows = [GOOD[0], ["LPR-9", "bukan tanggal", *GOOD[1][2:]], GOOD[2]]
        path = write_csv(tmp_path / "mixed.csv", LAPOR_HEADER, rows)
        report = import_file(
            path=path,
            fmt=formats.LAPOR,
            jurisdiction=pekalongan,
            rebuild_indexes=True,
            batch_size=1,
        )
        assert not report.committed and Complaint.objects.count() == 0
        assert schema() == before

    def test_only_a_large_file_into_a_nearly_empty_table_is_loaded_so(
        self, pekalongan, tmp_path, settings
    ):
        rows = [[f"LPR-{n}", *GOOD[0][1:]] for n in range(8)]
        path = write_csv(tmp_path / "eight.csv", LAPOR_HEADER, rows)
        sheet = formats.read(path, formats.LAPOR)
        assert sheet.estimated_rows == 8
        settings.ADUAN_IMPORT_REBUILD_MIN_ROWS = 9
        assert not services._large_first_load(sheet)
        settings.ADUAN_IMPORT_REBUILD_MIN_ROWS = 8
        assert services._large_first_load(sheet)
        old = write_csv(
            tmp_path / "old.csv", LAPOR_HEADER, [[f"OLD-{n}", *GOOD[0][1:]] for n in range(3)]
        )
        import_file(path=old, fmt=formats.LAPOR, jurisdiction=pekalongan)
        assert not services._large_first_load(sheet)  # 3 stored > 8 // 4


class ImportBatchTests:
    def test_many_small_batches_keep_rows_codes_and_rollup(self, pekalongan, tmp_path):
        from aduan.reports import rollups

        places = ["Medono", "Podosugih", "Kel. Tirto", "Kramatsari", "Sapuro Kebulen", "Medono"]
        rows = [
            [f"LPR-{n}", f"0{n + 1}/03/2025 10:20", "", f"Uraian laporan nomor {n} cukup panjang.",
             "Drainase & Genangan", "DPUPR", "Proses" if n % 2 else "Selesai", f"Warga {n}",
             "081234567890", "", place, "Tidak", "Tidak", ""]
            for n, place in enumerate(places)
        ]  # fmt: skip
        path = write_csv(tmp_path / "six.csv", LAPOR_HEADER, rows)
        # Three batches of two, and most rows bring a kelurahan not looked up before.
        report = import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan, batch_size=2)
        assert report.committed and report.imported == 6, report.errors
        records = imported()
        assert [records[f"LPR-{n}"].area.name for n in range(6)] == [
            "Medono", "Podosugih", "Tirto", "Pasirkratonkramat", "Sapuro Kebulen", "Medono"
        ]  # fmt: skip
        codes = [records[f"LPR-{n}"].tracking_code for n in range(6)]
        assert codes == [f"{pekalongan.tracking_prefix}-2025-{n:06d}" for n in range(1, 7)]
        assert ComplaintEvent.objects.filter(kind=EventKind.IMPORTED).count() == 6
        assert rollups.stored(pekalongan.pk) == rollups.compute(pekalongan.pk)

    def test_a_batch_that_collides_with_another_import_keeps_nothing_and_says_why(
        self, pekalongan, lapor_csv, tmp_path, monkeypatch
    ):
        import_file(path=lapor_csv, fmt=formats.LAPOR, jurisdiction=pekalongan)
        monkeypatch.setattr(services, "imported_ids", lambda **kwargs: set())
        later = [
            [f"LPR-{n}", "04/03/2025", "", "Uraian yang cukup panjang untuk diterima.", "", "",
             "Belum Terverifikasi", "", "", "", place, "Ya", "Tidak", ""]
            for n, place in ((10, "Podosugih"), (11, "Sapuro Kebulen"), (12, "Medono"))
        ]  # fmt: skip
        path = write_csv(tmp_path / "again.csv", LAPOR_HEADER, [GOOD[0], *later])
        with pytest.raises(formats.FormatError, match="bersamaan"):
            with transaction.atomic():
                import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan, batch_size=1)
        assert Complaint.objects.count() == 3


def varied_rows(count: int) -> list[list[str]]:
    """``count`` LAPOR! rows of every kind: statuses (closed, at a unit, at the verifier),
    categories, kelurahan and old names, anonymous and confidential rows, names and phone
    numbers written into the text (masked in the public search text)."""
    places = ["Medono", "Podosugih", "Kel. Tirto", "Kramatsari", "Sapuro Kebulen"]
    kinds = [
        ("Drainase & Genangan", "DPUPR", "Proses"),
        ("Administrasi Kependudukan", "Disdukcapil", "Terverifikasi"),
        ("jalan", "", "Belum Terverifikasi"),
        ("Drainase & Genangan", "", "Ditindaklanjuti"),  # the unit from the routing
        ("Administrasi Kependudukan", "Disdukcapil", "Selesai"),
    ]
    rows = []
    for n in range(count):
        category, unit, status = kinds[n % len(kinds)]
        anonymous, secret = n % 7 == 3, n % 11 == 5
        name = "" if anonymous else f"Siti Aminah {n}"
        rows.append(
            [f"LPR-{n}", f"{1 + n % 27:02d}/{1 + n % 12:02d}/2024 {n % 24:02d}:15", f"Judul {n}",
             f"Laporan {n}: saluran di depan rumah {name or 'warga'} tersumbat, hubungi "
             f"0812-3456-{n:04d} atau 3375012345670{n:03d}.", category, unit, status, name,
             f"0812345{n:05d}", f"warga{n}@contoh.id" if n % 3 else "", places[n % len(places)],
             "Ya" if anonymous else "Tidak", "Ya" if secret else "Tidak",
             f"{1 + n % 27:02d}/12/2024" if status == "Selesai" else ""]
        )  # fmt: skip
    return rows


def stored_rows() -> tuple[dict[str, dict], dict[str, dict], list[str], dict]:
    """What an import stored: complaints and their events by submission key (without ids,
    the random access salt and the tracking numbers), the tracking codes in the order of
    the source ids' row numbers, and the rollup's sums."""
    from aduan.reports import rollups

    complaints: dict[str, dict] = {}
    for stored in Complaint.objects.values():
        row = dict(stored)
        for name in ("id", "access_salt", "tracking_code", "search_vector"):
            row.pop(name, None)
        complaints[str(stored["submission_key"])] = row
    events: dict[str, dict] = {}
    by_row = []
    for event in ComplaintEvent.objects.select_related("complaint").order_by("id"):
        values = {
            f.attname: getattr(event, f.attname)
            for f in ComplaintEvent._meta.concrete_fields
            if f.attname not in ("id", "complaint_id")
        }
        events[str(event.complaint.submission_key)] = values
        by_row.append((event.data["row"], event.complaint.tracking_code))
    codes = [code for _row, code in sorted(by_row)]
    pekalongan = Complaint.objects.values_list("jurisdiction_id", flat=True).first()
    return complaints, events, codes, rollups.stored(pekalongan) if pekalongan else {}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's pipelined import")
class ImportPipelineTests:
    @pytest.fixture(autouse=True)
    def two_workers(self, settings):
        settings.ADUAN_IMPORT_WORKERS = 2

    @pytest.mark.parametrize("workers", [1, 2])
    def test_it_stores_exactly_what_the_serial_import_stores(
        self, pekalongan, tmp_path, settings, monkeypatch, workers
    ):
        """The pipelined import, the serial one and the plainest writer (model instances
        saved with ``bulk_create``, the public search text from ``publish.search_text``
        of each instance, the event from ``event_values``) store the same."""
        settings.ADUAN_IMPORT_WORKERS = workers
        from django.utils import timezone

        from aduan.reports import rollups
        from aduan.transparency.publish import search_text

        def plain_write(writer: services._CopyWriter, batch: list) -> None:
            codes = writer.codes(batch)
            complaints = [
                Complaint(tracking_code=code, **item.complaint)
                for code, item in zip(codes, batch, strict=True)
            ]
            for complaint in complaints:
                complaint.public_search = search_text(complaint)
            Complaint.objects.bulk_create(complaints)
            # ``auto_now`` set the time of the save; an import stores its own moment.
            Complaint.objects.filter(pk__in=[c.pk for c in complaints]).update(updated_at=now)
            ComplaintEvent.objects.bulk_create(
                ComplaintEvent(**writer.event_values(item, complaint.pk))
                for item, complaint in zip(batch, complaints, strict=True)
            )
            writer.rollup.update(rollups.new_complaints(item.complaint for item in batch))

        path = write_csv(tmp_path / "varied.csv", LAPOR_HEADER, varied_rows(150))
        now = timezone.now()
        results = {}
        for way in ("plain", "serial", "pipelined"):
            with transaction.atomic(), monkeypatch.context() as patch:
                if way == "plain":
                    patch.setattr(services._CopyWriter, "write", plain_write)
                report = import_file(
                    path=path,
                    fmt=formats.LAPOR,
                    jurisdiction=pekalongan,
                    batch_size=16,
                    now=now,
                    pipeline=way == "pipelined",
                )
                assert report.committed and report.imported == 150, report.errors
                assert rollups.stored(pekalongan.pk) == rollups.compute(pekalongan.pk)
                # The objects frozen for the children's garbage collection are thawed here.
                assert gc.get_freeze_count() == 0
                # Random salts, none handed out twice (each checking process draws its own).
                assert len(set(Complaint.objects.values_list("access_salt", flat=True))) == 150
                results[way] = stored_rows()
                transaction.set_rollback(True)
        assert path.stat().st_size > 3 * 8192  # beyond what is read before the fork
        plain, serial, pipelined = results["plain"], results["serial"], results["pipelined"]
        assert len(serial[0]) == 150 and len(serial[1]) == 150
        assert serial[0] == plain[0] and pipelined[0] == serial[0]  # every complaint column
        assert serial[1] == plain[1] and pipelined[1] == serial[1]  # every event column
        assert serial[3] == plain[3] and pipelined[3] == serial[3]  # the dashboards' rollup
        # Tracking codes go up in the file's order in both (the numbers differ: the
        # sequence is not rolled back).
        for codes in (serial[2], pipelined[2]):
            numbers = [(code.split("-")[1], int(code.split("-")[2])) for code in codes]
            assert numbers == sorted(numbers)
        masked = [c["public_search"] for c in pipelined[0].values()]
        assert all("siti aminah" not in text and "0812-3456" not in text for text in masked)

    @pytest.mark.parametrize("rebuild", [False, True])
    def test_a_bad_row_found_by_a_checking_process_keeps_nothing(
        self, pekalongan, tmp_path, rebuild
    ):
        rows = varied_rows(12)
        # Chunks of 1, 1, 1, 2, 2, 2, 1, 1 and 1 rows (``_chunk_sizes``).
        rows[9][1] = "bukan tanggal"  # chunk 6: the first process's, after batches
        rows[3][6] = "Menggantung"  # chunk 3: the second process's
        path = write_csv(tmp_path / "bad.csv", LAPOR_HEADER, rows)
        before = schema()
        dry = import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan, dry_run=True)
        report = import_file(
            path=path,
            fmt=formats.LAPOR,
            jurisdiction=pekalongan,
            batch_size=2,
            pipeline=True,
            rebuild_indexes=rebuild,
        )
        assert not report.committed and report.imported == 0 and report.rows == 12
        assert [str(e) for e in report.errors] == [str(e) for e in dry.errors]
        assert [e.row for e in report.errors] == [5, 11]
        assert Complaint.objects.count() == 0 and ComplaintEvent.objects.count() == 0
        assert schema() == before

    def test_skip_bad_keeps_the_good_rows_and_a_rerun_adds_nothing(self, pekalongan, tmp_path):
        from aduan.reports import rollups

        rows = varied_rows(9)
        rows[6][0] = rows[1][0]  # the same id again, in the other process's chunk
        rows[4][3] = "pendek"
        path = write_csv(tmp_path / "skip.csv", LAPOR_HEADER, rows)
        report = import_file(
            path=path,
            fmt=formats.LAPOR,
            jurisdiction=pekalongan,
            batch_size=2,
            pipeline=True,
            skip_bad=True,
        )
        assert report.committed and report.imported == 7 and report.rows == 9
        assert [(e.row, e.column) for e in report.errors] == [
            (6, "Isi Laporan"),
            (8, "Tracking ID"),
        ]
        assert rollups.stored(pekalongan.pk) == rollups.compute(pekalongan.pk)
        again = import_file(
            path=path,
            fmt=formats.LAPOR,
            jurisdiction=pekalongan,
            batch_size=2,
            pipeline=True,
            skip_bad=True,
        )
        assert again.imported == 0 and again.already_imported == 7
        assert Complaint.objects.count() == 7

    def test_the_checking_processes_never_query_the_database(
        self, pekalongan, tmp_path, monkeypatch
    ):
        # A kelurahan, route or clock not looked up yet is asked of the importing process;
        # a query made in a checking process fails the import instead of sharing the
        # connection or waiting for the import's own locks.
        monkeypatch.setattr(services._Lookups, "area", lambda self, text: Complaint.objects.first())
        path = write_csv(tmp_path / "q.csv", LAPOR_HEADER, varied_rows(4))
        with pytest.raises(RuntimeError, match="must not query"):
            import_file(path=path, fmt=formats.LAPOR, jurisdiction=pekalongan, pipeline=True)
        assert Complaint.objects.count() == 0


def test_a_checking_process_sends_in_order_from_its_outbox_and_stops_on_a_broken_pipe():
    """Messages go out in order while the sender goes on (at most two wait); once the other
    end is gone the next ``send`` or ``close`` raises ``BrokenPipeError``."""
    import multiprocessing

    mine, theirs = multiprocessing.Pipe()
    outbox = services._Outbox(mine)
    for n in range(5):
        outbox.send(("batch", n, b"x" * 100_000))  # more than the pipe holds
    assert [theirs.recv()[1] for _ in range(5)] == [0, 1, 2, 3, 4]
    outbox.close()
    outbox.close()  # once is enough
    mine, theirs = multiprocessing.Pipe()
    outbox = services._Outbox(mine)
    theirs.close()
    with pytest.raises(BrokenPipeError):
        for n in range(10):
            outbox.send(("batch", n, b"x" * 300_000))
        outbox.close()
    with pytest.raises(BrokenPipeError):
        outbox.close()


def test_the_pipeline_cuts_a_file_into_small_chunks_at_its_start_and_end():
    """The first ``COPY`` starts after an eighth of a batch is checked, and the last ones
    are small (the database works alone then); full batches in between, and again past the
    estimate or without one. Every chunk holds at least an eighth of a batch."""
    from itertools import islice

    def cut(batch_size: int, estimated: int | None, rows: int) -> list[int]:
        sizes, chunks = services._chunk_sizes(batch_size, estimated), list[int]()
        while sum(chunks) < rows:
            chunks.append(next(sizes))
        return chunks

    chunks = cut(5000, 100_000, 100_000)
    assert chunks[:4] == [625, 1250, 2500, 5000]
    assert chunks[-5:] == [2812, 1406, 703, 625, 625] and sum(chunks) == 100_000 + 546
    assert set(chunks[3:-5]) == {5000}
    assert cut(5000, 9000, 9000) == [625, 1250, 2500, 2312, 1156, 625, 625]
    assert cut(5000, None, 20_000)[3:] == [5000] * 4
    assert list(islice(services._chunk_sizes(5000, 12_000), 12))[-3:] == [5000] * 3
    for batch_size, estimated in [(1, 10), (2, 12), (16, 150), (5000, 7), (3, 0)]:
        chunks = cut(batch_size, estimated, 3 * (estimated or 1))
        assert min(chunks) >= max(1, batch_size // 8) and max(chunks) <= batch_size


def test_the_copy_text_of_an_event_holds_the_json_of_its_data(pekalongan):
    """The ``imported`` event's ``COPY`` text puts its ``data`` together from pieces
    formatted once: it reads back as the JSON of ``event_values``, for source ids and
    sources with quotes, backslashes, tabs and characters beyond ASCII, and due times or
    none."""
    from datetime import UTC, datetime

    now = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
    for source in ("lapor", 'sum"ber\\ é'):
        writer = services._CopyWriter(pekalongan, source, now)
        for n, (source_id, due_at) in enumerate(
            [
                ("LPR-1", now),
                ('LPR "7" \\ é\t', None),
                ("\u0663", now),
                ("x", now),
                ("a'b/~ {}", now),
                ("x\x7fy", None),
            ]
        ):
            item = services._Prepared(
                row=n + 2,
                source_id=source_id,
                year=2025,
                complaint={"stage": "verifikasi", "due_at": due_at, "status": "baru"},
                note="catatan\tlama",
            )
            line = writer.event_line(item).rstrip(b"\n").split(b"\t")
            # The line holds the table's columns after the complaint id, in the writer's order.
            fields = dict(zip(writer.events.columns[1:], line, strict=True))
            expected = writer.event_values(item, 0)
            data = fields["data"].replace(b"\\\\", b"\\").decode()
            assert json.loads(data) == expected["data"]
            assert fields["created_at"] == now.isoformat(" ").encode()
            assert fields["kind"] == expected["kind"].encode()
            assert fields["actor_label"] == expected["actor_label"].replace("\\", "\\\\").encode()
            assert fields["to_status"] == b"baru"
            assert fields["message"] == b"catatan\\tlama"
            assert fields["is_public"] == b"f"
