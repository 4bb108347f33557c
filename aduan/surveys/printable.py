"""The printable IKM report of one unit and period, in the layout units publish, and the QR
poster that leads citizens to the unit's public IKM questionnaire."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aduan.accounts.choices import Role
from aduan.organisation.choices import MembershipRole
from aduan.organisation.models import Unit
from aduan.surveys import ikm, selectors
from aduan.surveys.choices import AgeBand, Education, Occupation, Sex
from aduan.surveys.models import IkmFollowUpPlan, IkmResponse

#: What a unit usually does about a weak element (the starting point of its plan).
SUGGESTIONS: dict[str, str] = {
    "u1": gettext_noop(
        "Sederhanakan dan umumkan persyaratan layanan di loket, laman dan media sosial; "
        "sediakan daftar periksa berkas."
    ),
    "u2": gettext_noop(
        "Tampilkan alur layanan (bagan) di loket dan laman; sediakan petugas informasi "
        "yang membantu warga memahami prosedur."
    ),
    "u3": gettext_noop(
        "Tetapkan dan umumkan waktu penyelesaian; pantau berkas yang melewati batas setiap "
        "minggu; tambah petugas pada jam sibuk."
    ),
    "u4": gettext_noop(
        "Umumkan tarif resmi (atau bahwa layanan gratis) di loket dan laman; sediakan kanal "
        "pengaduan pungutan liar."
    ),
    "u5": gettext_noop(
        "Cocokkan produk layanan dengan standar pelayanan; periksa mutu hasil sebelum "
        "diserahkan kepada warga."
    ),
    "u6": gettext_noop(
        "Latih petugas tentang aturan dan sistem layanan; sediakan panduan kerja dan "
        "pendampingan bagi petugas baru."
    ),
    "u7": gettext_noop(
        "Latih keramahan dan cara menjawab keluhan; pantau nada balasan petugas setiap "
        "bulan dan beri umpan balik."
    ),
    "u8": gettext_noop(
        "Tanggapi setiap pengaduan dalam batas waktu; umumkan kanal pengaduan dan hasil "
        "tindak lanjutnya."
    ),
    "u9": gettext_noop(
        "Perbaiki ruang tunggu, antrean, toilet dan akses bagi penyandang disabilitas; "
        "jadwalkan pemeliharaan sarana."
    ),
}

PROFILE_FIELDS: tuple[tuple[str, str, Any], ...] = (
    ("age_band", gettext_noop("Umur"), AgeBand),
    ("sex", gettext_noop("Jenis kelamin"), Sex),
    ("education", gettext_noop("Pendidikan"), Education),
    ("occupation", gettext_noop("Pekerjaan"), Occupation),
)

_MILLI = Decimal("0.001")

#: The element names and grade labels of ``ikm.py``, for the translation catalogue.
_CATALOGUE = (
    gettext_noop("Persyaratan"),
    gettext_noop("Sistem, mekanisme, dan prosedur"),
    gettext_noop("Waktu penyelesaian"),
    gettext_noop("Biaya/tarif"),
    gettext_noop("Produk spesifikasi jenis pelayanan"),
    gettext_noop("Kompetensi pelaksana"),
    gettext_noop("Perilaku pelaksana"),
    gettext_noop("Penanganan pengaduan, saran dan masukan"),
    gettext_noop("Sarana dan prasarana"),
    gettext_noop("Sangat Baik"),
    gettext_noop("Baik"),
    gettext_noop("Kurang Baik"),
    gettext_noop("Tidak Baik"),
)


@dataclass(frozen=True)
class ElementRow:
    number: int
    code: str
    name: str
    nrr: Decimal  # rounded to 2 places, as printed
    weight: Decimal
    weighted: Decimal  # NRR × weight, 3 places


@dataclass(frozen=True)
class ProfileRow:
    label: str
    count: int
    percent: Decimal


def _date(value: str | None) -> date | None:
    try:
        return parse_date(value or "")
    except ValueError:
        return None


def default_period(today: date) -> tuple[date, date]:
    """The current half year (semester), as units usually publish."""
    start = date(today.year, 1 if today.month <= 6 else 7, 1)
    end = date(today.year, 6, 30) if today.month <= 6 else date(today.year, 12, 31)
    return start, end


def element_rows(row: selectors.UnitIkm) -> list[ElementRow]:
    if row.result is None:
        return []
    weights = selectors.unit_weights(row.unit) or ikm.default_weights()
    rounded = row.result.nrr_rounded()
    return [
        ElementRow(
            number=position,
            code=code,
            name=name,
            nrr=rounded[code],
            weight=weights[code].quantize(_MILLI, rounding=ROUND_HALF_UP),
            weighted=(row.result.nrr[code] * weights[code]).quantize(
                _MILLI, rounding=ROUND_HALF_UP
            ),
        )
        for position, (code, name) in enumerate(ikm.ELEMENTS, start=1)
    ]


def respondent_profile(
    unit: Unit, date_from: date | None, date_to: date | None
) -> list[tuple[str, list[ProfileRow]]]:
    """Respondents per age band, sex, education and occupation (one query each)."""
    qs = selectors._in_period(IkmResponse.objects.filter(unit=unit), date_from, date_to)
    out = []
    for field, title, choices in PROFILE_FIELDS:
        counts = {
            r[field]: r["n"] for r in qs.values(field).annotate(n=Count("id")).order_by(field)
        }
        total = sum(counts.values())
        rows = []
        for value, label in [*choices.choices, ("", gettext_noop("Tidak mengisi"))]:
            n = counts.get(value, 0)
            if value == "" and not n:
                continue
            percent = (
                (Decimal(100 * n) / Decimal(total)).quantize(Decimal("0.1"), ROUND_HALF_UP)
                if total
                else Decimal(0)
            )
            rows.append(ProfileRow(label=str(label), count=n, percent=percent))
        out.append((title, rows))
    return out


def can_edit_plan(user: Any, unit: Unit) -> bool:
    """Administrators, and the heads of the unit, write its follow-up plan."""
    if not (user.is_authenticated and user.jurisdiction_id == unit.jurisdiction_id):
        return False
    if user.role == Role.ADMIN:
        return True
    return user.memberships.filter(unit=unit, role=MembershipRole.HEAD).exists()


def _visible_unit(user: Any, unit_code: str) -> Unit:
    if not getattr(user, "jurisdiction_id", None):
        raise PermissionDenied
    return get_object_or_404(
        selectors.ikm_units_visible_to(user).select_related("jurisdiction"), code=unit_code
    )


@login_required
def ikm_print(request: HttpRequest, unit_code: str) -> HttpResponse:
    """The unit's IKM report for a period, ready to print (and to save as PDF)."""
    user: Any = request.user
    unit = _visible_unit(user, unit_code)
    data = request.POST if request.method == "POST" else request.GET
    today = timezone.localdate()
    start, end = default_period(today)
    date_from = _date(data.get("dari")) or start
    date_to = _date(data.get("sampai")) or end
    if date_from > date_to:
        date_from, date_to = date_to, date_from
    plan = IkmFollowUpPlan.objects.filter(unit=unit, date_from=date_from, date_to=date_to).first()
    editable = can_edit_plan(user, unit)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(_("Hanya administrator dan kepala unit yang mengisi rencana."))
        text = (request.POST.get("rencana") or "").strip()
        if len(text) > 5000:
            messages.error(request, _("Rencana tindak lanjut terlalu panjang (batas 5000 huruf)."))
        else:
            if plan is None:
                plan = IkmFollowUpPlan(unit=unit, date_from=date_from, date_to=date_to)
            plan.text = text
            plan.updated_by = user
            plan.save()
            messages.success(request, _("Rencana tindak lanjut tersimpan."))
            query = urlencode({"dari": date_from.isoformat(), "sampai": date_to.isoformat()})
            return redirect(reverse("surveys:ikm_print", args=[unit.code]) + "?" + query)
    row = selectors.ikm_for(unit=unit, date_from=date_from, date_to=date_to)
    weakest = row.result.weakest if row.result else []
    rounded = row.result.nrr_rounded() if row.result else {}
    return render(
        request,
        "surveys/ikm_print.html",
        {
            "unit": unit,
            "jurisdiction": unit.jurisdiction,
            "row": row,
            "elements": element_rows(row),
            "profile": respondent_profile(unit, date_from, date_to),
            "weakest": [
                {
                    "code": code,
                    "name": ikm.ELEMENT_NAMES[code],
                    "nrr": rounded[code],
                    "suggestion": SUGGESTIONS[code],
                }
                for code in weakest
            ],
            "plan": plan,
            "editable": editable,
            "date_from": date_from,
            "date_to": date_to,
            "grades": ikm.GRADES,
            "printed_at": timezone.localtime(),
            "place": place_name(unit.jurisdiction.name),
        },
    )


def place_name(jurisdiction_name: str) -> str:
    """Where a report is signed: "Pemerintah Kota Pekalongan" -> "Pekalongan"."""
    name = jurisdiction_name
    for prefix in ("Pemerintah ", "Kota ", "Kabupaten ", "Provinsi "):
        name = name.removeprefix(prefix)
    return name


def survey_url(unit: Unit) -> str:
    """The absolute address of the unit's public IKM questionnaire."""
    path = reverse("surveys:ikm_survey", args=[unit.jurisdiction.slug, unit.code])
    return settings.ADUAN_PUBLIC_URL.rstrip("/") + path


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as inline SVG (error correction M: survives a worn poster)."""
    return segno.make(url, error="m", micro=False).svg_inline(
        scale=8, border=2, title="QR", dark="#000", light="#fff", omitsize=True
    )


@login_required
def ikm_poster(request: HttpRequest, unit_code: str) -> HttpResponse:
    """A poster with the unit's QR code, to print and put up at its service counter."""
    unit = _visible_unit(request.user, unit_code)
    url = survey_url(unit)
    return render(
        request,
        "surveys/ikm_poster.html",
        {"unit": unit, "jurisdiction": unit.jurisdiction, "url": url, "qr": qr_svg(url)},
    )
