"""The files ``aduan import`` reads: column mappings of the known exports, the mapping file
for any other system, and the readers for CSV and XLSX.

Every format maps its columns to the same canonical fields, which are also the column names
of the plain ``csv`` format:

=================  ==========================================================================
field              meaning
=================  ==========================================================================
kode_sumber        the row's id in the old system (required; re-runs skip ids already here)
tanggal            when the report was received (``2025-03-04 10:20``, ``04/03/2025 10:20``,
                   ``04-03-2025`` or an Excel date); read as WIB (Asia/Jakarta)
judul              title (optional)
uraian             the report's text (required, 15-5,000 characters as on the web form)
kategori           category name or code (optional)
unit               handling unit: name, short name, code or keyword (optional; required by
                   statuses at a unit unless the category routes to one)
status             status in the old system (see ``STATUSES``); empty means ``baru``
nama               reporter's name
telepon            reporter's phone/WhatsApp
email              reporter's e-mail
kelurahan          kelurahan or kecamatan, current name or old name (alias)
alamat             address or location text
anonim             ``ya``/``tidak`` (also 1/0, true/false, y/n)
rahasia            ``ya``/``tidak``
jenis              pengaduan, aspirasi or permintaan informasi (default pengaduan)
kanal              channel (web, whatsapp, email, phone, walk_in, lapor, ...)
tanggal_selesai    when it was closed, for closed statuses (optional)
keterangan         a note kept on the complaint's timeline, visible to staff only
=================  ==========================================================================
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aduan.complaints.choices import Channel, ComplaintStatus, ReportType

S = ComplaintStatus

FIELDS = (
    "kode_sumber",
    "tanggal",
    "judul",
    "uraian",
    "kategori",
    "unit",
    "status",
    "nama",
    "telepon",
    "email",
    "kelurahan",
    "alamat",
    "anonim",
    "rahasia",
    "jenis",
    "kanal",
    "tanggal_selesai",
    "keterangan",
)

#: Status names as old systems write them (compared case- and space-insensitively) -> ours.
#: SP4N-LAPOR! exports use the first group; every status of Aduan (value or label) works too.
STATUSES: dict[str, str] = {
    "belum terverifikasi": S.BARU,
    "belum diverifikasi": S.BARU,
    "baru": S.BARU,
    "menunggu verifikasi": S.BARU,
    "terverifikasi": S.DIDISPOSISIKAN,
    "belum ditindaklanjuti": S.DIDISPOSISIKAN,
    "terdisposisi": S.DIDISPOSISIKAN,
    "didisposisikan": S.DIDISPOSISIKAN,
    "proses": S.DIPROSES,
    "sedang diproses": S.DIPROSES,
    "diproses": S.DIPROSES,
    "ditindaklanjuti": S.DITINDAKLANJUTI,
    "sudah ditindaklanjuti": S.DITINDAKLANJUTI,
    "selesai": S.SELESAI,
    "ditutup": S.SELESAI,
    "closed": S.SELESAI,
    "diarsipkan": S.DIARSIPKAN,
    "arsip": S.DIARSIPKAN,
    "ditunda": S.DITUNDA,
    "dirujuk": S.DIRUJUK,
    "bukan wewenang": S.DIRUJUK,
    "dibuka kembali": S.DIBUKA_KEMBALI,
}
for _value, _label in S.choices:
    STATUSES.setdefault(_value.replace("_", " "), _value)
#: Statuses an import can give. ``menunggu_info`` and ``digabung`` need facts an export does
#: not carry (the status before, the complaint merged into).
IMPORTABLE_STATUSES = frozenset(STATUSES.values()) - {S.MENUNGGU_INFO, S.DIGABUNG}
UNIT_STATUSES = frozenset({S.DIDISPOSISIKAN, S.DIPROSES, S.DITINDAKLANJUTI, S.DIBUKA_KEMBALI})

REPORT_TYPES: dict[str, str] = {
    "pengaduan": ReportType.ADUAN,
    "aduan": ReportType.ADUAN,
    "keluhan": ReportType.ADUAN,
    "aspirasi": ReportType.ASPIRASI,
    "permintaan informasi": ReportType.INFORMASI,
    "informasi": ReportType.INFORMASI,
}
CHANNELS: dict[str, str] = {v: v for v in Channel.values} | {
    "telepon": Channel.PHONE,
    "datang langsung": Channel.WALK_IN,
    "sp4n lapor": Channel.LAPOR,
    "sp4n-lapor!": Channel.LAPOR,
    "lapor!": Channel.LAPOR,
    "wa": Channel.WHATSAPP,
}
YES = frozenset({"ya", "y", "yes", "1", "true", "benar", "v", "x"})
NO = frozenset({"", "tidak", "t", "no", "n", "0", "false", "-"})


@dataclass
class Format:
    """How one kind of export names its columns (each field: the headers it may have)."""

    name: str
    source: str
    columns: dict[str, tuple[str, ...]]
    defaults: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    #: Without an id column: the id is a hash of these fields (a WhatsApp log has none).
    id_from: tuple[str, ...] = ()


LAPOR = Format(
    name="lapor",
    source="lapor",
    columns={
        "kode_sumber": ("Tracking ID", "ID Laporan", "No Tracking"),
        "tanggal": ("Tanggal", "Tanggal Laporan", "Waktu Laporan"),
        "judul": ("Judul", "Judul Laporan"),
        "uraian": ("Isi Laporan", "Isi", "Laporan"),
        "kategori": ("Kategori",),
        "unit": ("Instansi/Unit", "Instansi", "Instansi Terdisposisi", "Unit"),
        "status": ("Status",),
        "nama": ("Nama Pelapor", "Nama"),
        "telepon": ("No HP", "No. HP", "Nomor HP", "Telepon"),
        "email": ("Email", "E-mail"),
        "kelurahan": ("Lokasi/Kelurahan", "Kelurahan", "Lokasi"),
        "alamat": ("Alamat", "Detail Lokasi"),
        "anonim": ("Anonim",),
        "rahasia": ("Rahasia",),
        "jenis": ("Jenis", "Klasifikasi", "Jenis Laporan"),
        "tanggal_selesai": ("Tanggal Selesai",),
        "keterangan": ("Keterangan", "Catatan"),
    },
    defaults={"kanal": Channel.LAPOR},
)

WHATSAPP = Format(
    name="whatsapp",
    source="whatsapp",
    columns={
        "tanggal": ("Tanggal", "Waktu"),
        "telepon": ("Nomor", "No WA", "Nomor WA"),
        "nama": ("Nama",),
        "uraian": ("Pesan", "Isi Pesan"),
        "kelurahan": ("Kelurahan",),
        "keterangan": ("Keterangan",),
    },
    defaults={"kanal": Channel.WHATSAPP},
    id_from=("tanggal", "telepon", "uraian"),
)

CSV = Format(name="csv", source="csv", columns={f: (f,) for f in FIELDS})

FORMATS = {f.name: f for f in (LAPOR, WHATSAPP, CSV)}


class FormatError(ValueError):
    """The file or the mapping cannot be read at all (not one bad row)."""


def load_mapping(path: Path, base: Format) -> Format:
    """A mapping file (JSON) for another system::

        {"source": "simpel", "columns": {"kode_sumber": "No Tiket", "uraian": "Isi"},
         "statuses": {"Open": "baru", "Closed": "selesai"}, "defaults": {"kanal": "phone"},
         "id_from": []}

    ``columns`` maps canonical fields (see ``FIELDS``) to a header or a list of headers;
    fields it leaves out keep the base format's headers.
    """
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FormatError(f"Berkas pemetaan tidak dapat dibaca: {exc}") from exc
    if not isinstance(spec, dict):
        raise FormatError("Berkas pemetaan harus berupa objek JSON.")
    columns = dict(base.columns)
    for name, headers in (spec.get("columns") or {}).items():
        if name not in FIELDS:
            raise FormatError(f"Kolom tujuan '{name}' tidak dikenal; pilihan: {', '.join(FIELDS)}.")
        columns[name] = (headers,) if isinstance(headers, str) else tuple(headers)
    statuses = {}
    for label, value in (spec.get("statuses") or {}).items():
        if value not in IMPORTABLE_STATUSES:
            raise FormatError(f"Status tujuan '{value}' untuk '{label}' tidak dapat diimpor.")
        statuses[_key(label)] = value
    return Format(
        name=base.name,
        source=str(spec.get("source") or base.source)[:40],
        columns=columns,
        defaults={**base.defaults, **(spec.get("defaults") or {})},
        statuses=statuses,
        id_from=tuple(spec.get("id_from") or base.id_from),
    )


def _key(text: str) -> str:
    return " ".join(str(text).lower().replace("_", " ").split())


@dataclass
class Sheet:
    """The rows of a file: ``header`` -> column index for every canonical field found."""

    index: dict[str, int]
    headers: dict[str, str]
    rows: Iterator[tuple[int, list[Any]]]
    #: About how many rows follow the header (lines of a CSV, the sheet's dimension in an
    #: XLSX; None when unknown): only to choose how to load, never trusted as a count.
    estimated_rows: int | None = None


def read(path: Path, fmt: Format) -> Sheet:
    """Open a CSV (UTF-8, comma or semicolon) or XLSX file; rows are numbered as a
    spreadsheet numbers them (the header is row 1)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        header, rows, estimated = _read_xlsx(path)
    elif suffix in (".csv", ".txt", ""):
        header, rows = _read_csv(path)
        estimated = _count_lines(path) - 1
    else:
        raise FormatError(f"Jenis berkas '{suffix}' tidak didukung; gunakan .csv atau .xlsx.")
    wanted = {_key(h): i for i, h in enumerate(header) if h is not None}
    index: dict[str, int] = {}
    headers: dict[str, str] = {}
    for name, candidates in fmt.columns.items():
        for candidate in candidates:
            if _key(candidate) in wanted:
                index[name] = wanted[_key(candidate)]
                headers[name] = str(header[index[name]])
                break
    missing = [
        fmt.columns[name][0]
        for name in ("uraian", *(() if fmt.id_from else ("kode_sumber",)))
        if name not in index
    ]
    if missing:
        raise FormatError(
            f"Kolom wajib tidak ditemukan: {', '.join(missing)}. Kolom di berkas: "
            f"{', '.join(str(h) for h in header if h)}."
        )
    return Sheet(index=index, headers=headers, rows=rows, estimated_rows=estimated)


def _count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


def _read_csv(path: Path) -> tuple[list[str], Iterator[tuple[int, list[Any]]]]:
    handle = path.open(encoding="utf-8-sig", newline="")
    sample = handle.read(8192)
    handle.seek(0)
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration as exc:
        handle.close()
        raise FormatError("Berkas kosong.") from exc

    def rows() -> Iterator[tuple[int, list[Any]]]:
        with handle:
            for number, row in enumerate(reader, start=2):
                if any(row):
                    yield number, row

    return header, rows()


def _read_xlsx(path: Path) -> tuple[list[str], Iterator[tuple[int, list[Any]]], int | None]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any reason the workbook cannot be opened
        raise FormatError(f"Berkas XLSX tidak dapat dibuka: {exc}") from exc
    sheet = book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    try:
        header = ["" if h is None else str(h) for h in next(values)]
    except StopIteration as exc:
        book.close()
        raise FormatError("Berkas kosong.") from exc

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for number, row in enumerate(values, start=2):
                if any(v not in (None, "") for v in row):
                    yield number, list(row)
        finally:
            book.close()

    estimated = sheet.max_row - 1 if sheet.max_row else None
    return header, rows(), estimated


def hashed_id(values: list[str]) -> str:
    """An id for a row of a source that has none: the same row always gets the same id."""
    digest = hashlib.sha256("\x1f".join(values).encode()).hexdigest()
    return f"h-{digest[:24]}"
