"""CSV and XLSX exports of the staff inbox (/kerja/ekspor/<queue>/csv|xlsx/).

The rows are exactly the inbox's for the same queue and filters
(``complaints.selectors.complaint_list``: the user's jurisdiction, an officer's units).
Memory stays bounded whatever the number of rows: the CSV is streamed from a server-side
iterator, the XLSX is written row by row by openpyxl's write-only workbook into a temporary
file that is then streamed.

Identity: the reporter's name, phone and e-mail are filled in only where
``permissions.can_see_identity`` allows (so never for an anonim complaint's unit); for
everyone else they stay empty and the description is masked by ``aduan.lib.pii.mask_text``
(the reporter's own name, phone and e-mail included). Every complaint whose reporter an
export shows is written to the identity audit (``accounts.audit``, surface "ekspor"), in
one bulk write per batch of rows, before the batch is sent. Every text cell that a spreadsheet
would read as a formula (= + - @, tab, carriage return first) gets a leading apostrophe.
"""

from __future__ import annotations

import codecs
import csv
import logging
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from aduan.accounts.audit import record_identity_views
from aduan.accounts.models import IdentitySurface, User
from aduan.complaints import permissions, selectors
from aduan.complaints.choices import Channel, ComplaintStatus, ReportType, Stage
from aduan.complaints.models import Complaint
from aduan.complaints.views import inbox_filters
from aduan.lib import pii

log = logging.getLogger(__name__)

#: Rows read from the database at a time.
CHUNK = 1000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        _("Kode lacak"),
        _("Diterima"),
        _("Diverifikasi"),
        _("Tindak lanjut pertama"),
        _("Diselesaikan"),
        _("Ditutup"),
        _("Status"),
        _("Tahap"),
        _("Kategori"),
        _("Unit"),
        _("Kelurahan"),
        _("Kanal"),
        _("Jenis"),
        _("Kerahasiaan"),
        _("Batas waktu"),
        _("Lewat batas waktu"),
        _("Uraian"),
        _("Nama pelapor"),
        _("WhatsApp/telepon"),
        _("E-mail"),
    ]


def safe(value: str) -> str:
    """A text cell that no spreadsheet runs as a formula."""
    if value and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _when(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def labels() -> dict[str, dict[str, str]]:
    """Each choice field's labels in the current language, looked up once per export
    (``get_FOO_display`` rebuilds its map on every call)."""
    fields = {
        "status": ComplaintStatus,
        "stage": Stage,
        "channel": Channel,
        "report_type": ReportType,
    }
    return {
        name: {str(v): str(label) for v, label in choices.choices}
        for name, choices in fields.items()
    }


def row(
    user: User,
    c: Complaint,
    label: dict[str, dict[str, str]] | None = None,
    yes_no: tuple[str, str] | None = None,
    identity: bool | None = None,
) -> list[str]:
    """One complaint as the export's cells, for this user (``identity``: whether the
    reporter's name, phone and e-mail are included; by default as the permissions say)."""
    label = label or labels()
    yes, no = yes_no or (_("Ya"), _("Tidak"))
    if identity is None:
        identity = permissions.can_see_identity(user, c)
    description = (
        c.description
        if identity
        else pii.mask_text(
            c.description, extra=(c.reporter_name, c.reporter_phone, c.reporter_email)
        )
    )
    cells = [
        c.tracking_code,
        _when(c.submitted_at),
        _when(c.verified_at),
        _when(c.first_follow_up_at),
        _when(c.resolved_at),
        _when(c.closed_at),
        label["status"].get(c.status, c.status),
        label["stage"].get(c.stage, c.stage) if c.stage else "",
        c.category.name if c.category else "",
        c.unit.short_name if c.unit else "",
        c.area.name if c.area else "",
        label["channel"].get(c.channel, c.channel),
        label["report_type"].get(c.report_type, c.report_type),
        c.privacy,
        _when(c.due_at) if not c.is_closed else "",
        yes if c.is_overdue and not c.is_closed else no,
        description,
        c.reporter_name if identity else "",
        c.reporter_phone if identity else "",
        c.reporter_email if identity else "",
    ]
    return [safe(str(v)) for v in cells]


def rows(user: User, complaints: Iterable[Complaint]) -> Iterator[list[str]]:
    """The header, then the rows in batches of ``CHUNK``: the reporters a batch shows are
    written to the identity audit (one bulk write) before the batch leaves."""
    yield headers()
    label = labels()
    yes, no = _("Ya"), _("Tidak")
    batch: list[list[str]] = []
    shown: list[int] = []
    for c in complaints:
        identity = permissions.can_see_identity(user, c)
        if identity:
            shown.append(c.pk)
        batch.append(row(user, c, label, yes_no=(yes, no), identity=identity))
        if len(batch) >= CHUNK:
            record_identity_views(user=user, complaint_ids=shown, surface=IdentitySurface.EXPORT)
            yield from batch
            batch, shown = [], []
    record_identity_views(user=user, complaint_ids=shown, surface=IdentitySurface.EXPORT)
    yield from batch


def _complaints(request: HttpRequest, queue: str) -> Iterator[Complaint]:
    filters = inbox_filters(request, queue)
    qs = selectors.complaint_list(request.user, filters)  # type: ignore[arg-type]
    log.info("export of %s by user %s, filters %s", queue, request.user.pk, filters)
    return qs.iterator(chunk_size=CHUNK)


def _filename(queue: str, ext: str) -> str:
    return f"aduan-{queue}-{timezone.localdate():%Y-%m-%d}.{ext}"


class _Echo:
    """A file-like object whose ``write`` returns what it was given (for csv.writer)."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(user: User, complaints: Iterable[Complaint]) -> Iterator[bytes]:
    writer = csv.writer(_Echo())
    yield codecs.BOM_UTF8
    for cells in rows(user, complaints):
        yield writer.writerow(cells).encode("utf-8")


@require_GET
@login_required
def export_csv(request: HttpRequest, queue: str) -> StreamingHttpResponse:
    complaints = _complaints(request, queue)
    response = StreamingHttpResponse(
        _csv_lines(request.user, complaints),  # type: ignore[arg-type]
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(queue, "csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


def write_xlsx(user: User, complaints: Iterable[Complaint], target: Any) -> None:
    """The rows into ``target`` (a binary file) as one worksheet of a write-only workbook."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Laporan"))
    for cells in rows(user, complaints):
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) for v in cells])
    workbook.save(target)


@require_GET
@login_required
def export_xlsx(request: HttpRequest, queue: str) -> FileResponse:
    complaints = _complaints(request, queue)
    target = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    write_xlsx(request.user, complaints, target)  # type: ignore[arg-type]
    target.seek(0)
    response = FileResponse(
        target,
        as_attachment=True,
        filename=_filename(queue, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Cache-Control"] = "private, no-store"
    return response
