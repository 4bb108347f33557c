"""Demo data: staff accounts to log in with and about a year of complaints (Kota Pekalongan).

Never for production: the ``load-demo`` command refuses to run unless ``DEBUG`` is on or
``--force`` is given. All people, phone numbers and e-mail addresses are fictional.

Every complaint is created and moved through ``complaints.services`` exactly as staff and
citizens would. The services stamp "now" on everything, so after each step the demo rewrites
that step's timestamps (complaint columns, timeline events, supporters) with queryset
``update()`` calls to the planned moment in the past. Steps of all complaints run in one global
chronological order, so event ids and event times grow together and a merge always finds its
target still open. Complaints submitted in an earlier year get a tracking code of that year.

The complaints are marked by ``submission_key = "demo-<n>"``; a jurisdiction that already has
them gets no new ones.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone

from aduan.accounts.choices import Role
from aduan.accounts.models import User
from aduan.complaints import services
from aduan.complaints.choices import (
    ArchiveReason,
    Channel,
    ComplaintStatus,
    Privacy,
    ReportType,
    TapdDecision,
)
from aduan.complaints.models import Complaint, ComplaintEvent, Supporter
from aduan.lib import clock
from aduan.lib.workdays import WIB, is_working_day
from aduan.organisation.choices import AreaKind, MembershipRole
from aduan.organisation.models import Area, Category, Jurisdiction, Membership, Unit
from aduan.reports import rollups

S = ComplaintStatus
_T = TypeVar("_T")


class Writer(Protocol):
    def write(self, text: str, /) -> Any: ...


DEMO_PASSWORD = "aduan-demo-2026"  # noqa: S105 - published demo password, never production
DEMO_KEY_PREFIX = "demo-"


class DemoError(RuntimeError):
    """The demo cannot be loaded (missing defaults, conflicting accounts)."""


# =========================================================================== accounts

_O, _H = MembershipRole.OFFICER, MembershipRole.HEAD


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    first_name: str
    last_name: str
    units: tuple[tuple[str, str], ...] = ()  # (unit code, membership role)
    superuser: bool = False


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin", Role.ADMIN, "Rizal", "Fahmi", superuser=True),
    DemoAccount("verifikator", Role.VERIFIER, "Dyah Ayu", "Larasati", (("dinkominfo", _O),)),
    DemoAccount("verifikator2", Role.VERIFIER, "Ilham", "Saputra", (("dinkominfo", _O),)),
    DemoAccount("pimpinan", Role.SUPERVISOR, "Bambang", "Sutrisno"),
    DemoAccount("tapd", Role.TAPD, "Endang", "Purwaningsih"),
    DemoAccount("petugas.disdukcapil", Role.OFFICER, "Nur Aini", "Safitri", (("disdukcapil", _O),)),
    DemoAccount("petugas.dpupr", Role.OFFICER, "Yoga", "Pratama", (("dpupr", _O),)),
    DemoAccount("petugas.dinkes", Role.OFFICER, "Lestari", "Handayani", (("dinkes", _O),)),
    DemoAccount("petugas.dlh", Role.OFFICER, "Teguh", "Santoso", (("dlh", _O),)),
    DemoAccount("petugas.dinsos", Role.OFFICER, "Fitri", "Wahyuningsih", (("dinsos-p2kb", _O),)),
    DemoAccount("petugas.pdam", Role.OFFICER, "Dimas Aditya", "Nugroho", (("pdam-tirtayasa", _O),)),
    DemoAccount("petugas.bpbd", Role.OFFICER, "Sugeng", "Haryanto", (("bpbd", _O),)),
    DemoAccount("petugas.kel-kauman", Role.OFFICER, "Siti", "Khotimah", (("kel-kauman", _O),)),
    DemoAccount("petugas.disdik", Role.OFFICER, "Ratna Dewi", "Anggraeni", (("disdik", _O),)),
    DemoAccount("petugas.dishub", Role.OFFICER, "Andri", "Kurniawan", (("dishub", _O),)),
    DemoAccount("petugas.satpol", Role.OFFICER, "Joko", "Susilo", (("satpol-p3kp", _O),)),
    DemoAccount("petugas.dpmptsp", Role.OFFICER, "Maya Kartika", "Sari", (("dpmptsp", _O),)),
    DemoAccount("petugas.bpkad", Role.OFFICER, "Rudi", "Hartanto", (("bpkad", _O),)),
    DemoAccount("petugas.inspektorat", Role.OFFICER, "Nurul", "Hidayati", (("inspektorat", _O),)),
    DemoAccount("petugas.disnaker", Role.OFFICER, "Ahmad", "Fauzan", (("disnaker", _O),)),
    DemoAccount("petugas.disperkim", Role.OFFICER, "Wulan Sari", "Utami", (("disperkim", _O),)),
    DemoAccount("petugas.rsud", Role.OFFICER, "Indah", "Permatasari", (("rsud-bendan", _O),)),
    DemoAccount("petugas.pkm-tirto", Role.OFFICER, "Novi", "Rahmawati", (("pkm-tirto", _O),)),
    DemoAccount("kepala.dpupr", Role.OFFICER, "Sutrisno Adi", "Wibowo", (("dpupr", _H),)),
    DemoAccount("kepala.disdukcapil", Role.OFFICER, "Retno", "Wulandari", (("disdukcapil", _H),)),
)

#: Short names of the demo units, for printing the logins without a database.
_UNIT_LABELS = {
    "dinkominfo": "Dinkominfo",
    "disdukcapil": "Disdukcapil",
    "dpupr": "DPUPR",
    "dinkes": "Dinkes",
    "dlh": "DLH",
    "dinsos-p2kb": "Dinsos-P2KB",
    "pdam-tirtayasa": "PDAM Tirtayasa",
    "bpbd": "BPBD",
    "kel-kauman": "Kelurahan Kauman",
    "disdik": "Disdik",
    "dishub": "Dishub",
    "satpol-p3kp": "Satpol P3KP",
    "dpmptsp": "DPMPTSP",
    "bpkad": "BPKAD",
    "inspektorat": "Inspektorat",
    "disnaker": "Disnaker",
    "disperkim": "Disperkim",
    "rsud-bendan": "RSUD Bendan",
    "pkm-tirto": "Puskesmas Tirto",
}


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role, units) of every demo account; the password is ``DEMO_PASSWORD``."""
    rows = []
    for account in DEMO_ACCOUNTS:
        role = str(Role(account.role).label)
        if account.superuser:
            units = "semua unit; juga admin Django (/admin/)"
        elif account.units:
            units = ", ".join(
                _UNIT_LABELS.get(code, code) + (" (kepala)" if mrole == _H else "")
                for code, mrole in account.units
            )
        elif account.role in (Role.SUPERVISOR, Role.TAPD):
            units = "semua laporan (baca saja)"
        else:
            units = "-"
        rows.append((account.username, role, units))
    return rows


def format_logins() -> str:
    """The demo logins as a plain-text table (printed by ``load-demo`` and ``make run``)."""
    rows = demo_logins()
    headers = ("Nama pengguna", "Peran", "Unit")
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(3)]
    lines = [f"Akun demo (kata sandi semua akun: {DEMO_PASSWORD})"]
    lines.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


# =========================================================================== places and people

#: Streets; an empty tuple means anywhere, otherwise the kelurahan codes where it is used.
_STREETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Jl. Hayam Wuruk", ()),
    ("Jl. Sultan Agung", ()),
    ("Jl. Dr. Wahidin", ()),
    ("Jl. Urip Sumoharjo", ()),
    ("Jl. Seruni", ()),
    ("Jl. Kurinci", ()),
    ("Jl. Gajah Mada", ()),
    ("Jl. Diponegoro", ()),
    ("Jl. KH. Mas Mansyur", ()),
    ("Jl. Imam Bonjol", ()),
    ("Jl. Kartini", ()),
    ("Jl. Ahmad Yani", ()),
    ("Jl. Patiunus", ()),
    ("Jl. Progo", ()),
    ("Jl. Wilis", ()),
    ("Jl. Kusuma Bangsa", ()),
    ("Jl. Slamet", ()),
    ("Jl. Merdeka", ()),
    ("Jl. Jlamprang", ("krapyak", "degayu", "bandengan")),
    ("Jl. Pantai Sari", ("panjang-wetan", "panjang-baru", "kandang-panjang")),
    ("Jl. WR Supratman", ("panjang-wetan", "panjang-baru", "padukuhan-kraton")),
    ("Jl. Sriwijaya", ("bendan-kergon", "podosugih")),
    ("Jl. Binagriya", ("medono", "podosugih")),
)
_GANG_NAMES = (
    "Mawar",
    "Melati",
    "Seruni",
    "Kenanga",
    "Masjid",
    "Rukun",
    "Damai",
    "Kamboja",
    "Flamboyan",
    "Delima",
    "Sawo",
    "Jambu",
)

#: Landmarks and the kelurahan (codes) around them.
_LANDMARKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Pasar Banjarsari", ("kauman", "sapuro-kebulen", "poncol")),
    ("Alun-alun", ("kauman",)),
    ("Kampung Batik Kauman", ("kauman",)),
    ("Masjid Agung Al-Jami'", ("kauman",)),
    ("Pantai Pasir Kencana", ("panjang-wetan", "kandang-panjang")),
    ("TPA Degayu", ("degayu",)),
    ("GOR Jetayu", ("kauman", "panjang-wetan", "padukuhan-kraton")),
    ("Museum Batik", ("kauman", "panjang-wetan")),
    ("Stasiun Pekalongan", ("poncol", "kauman")),
    ("RSUD Bendan", ("bendan-kergon",)),
    ("Pelabuhan Perikanan", ("panjang-wetan", "krapyak", "bandengan")),
    ("Pasar Grogolan", ("padukuhan-kraton",)),
)
_GENERIC_PLACES = (
    "Masjid Al-Ikhlas",
    "Musala Baiturrahman",
    "balai RW {rw}",
    "pos kamling RT {rt_no}",
    "SD Negeri {kel_resmi} 01",
    "lapangan voli kampung",
    "gapura Gang {gang}",
    "TK Pertiwi",
    "minimarket",
    "warung soto",
    "makam umum",
    "jembatan kecil",
    "Posyandu Melati",
)

#: Kelurahan along the coast, where tidal flooding (rob) hits.
_COASTAL = (
    "panjang-wetan",
    "panjang-baru",
    "kandang-panjang",
    "krapyak",
    "degayu",
    "bandengan",
    "padukuhan-kraton",
    "tirto",
    "pasirkratonkramat",
)
#: Kelurahan along the rivers where batik workshops drain.
_RIVERSIDE = (
    "kauman",
    "setono",
    "klego",
    "kalibaros",
    "krapyak",
    "banyurip",
    "jenggot",
    "buaran-kradenan",
    "pasirkratonkramat",
    "noyontaansari",
)

_MALE = (
    "Ahmad",
    "Agus",
    "Budi",
    "Dedi",
    "Eko",
    "Fajar",
    "Hadi",
    "Joko",
    "Lukman",
    "Nanang",
    "Priyo",
    "Rahmat",
    "Sugeng",
    "Teguh",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Rizky",
    "Dimas",
    "Farhan",
    "Taufik",
    "Darsono",
    "Khoirul",
    "Slamet",
    "Muhammad",
    "Aris",
    "Heru",
    "Kusnadi",
    "Solikhin",
    "Imron",
)
_FEMALE = (
    "Siti",
    "Sri",
    "Dewi",
    "Endang",
    "Fitri",
    "Hartini",
    "Indah",
    "Lestari",
    "Nur",
    "Puji",
    "Ratna",
    "Rina",
    "Sumarni",
    "Tri",
    "Umi",
    "Yuni",
    "Nanik",
    "Khusnul",
    "Aisyah",
    "Laila",
    "Nisa",
    "Dwi",
    "Ani",
    "Mila",
    "Eka",
    "Kholifah",
    "Rohmah",
    "Wartini",
)
_MALE_LAST = (
    "Santoso",
    "Wibowo",
    "Saputra",
    "Hidayat",
    "Purnomo",
    "Setiawan",
    "Maulana",
    "Firmansyah",
    "Hakim",
    "Prasetyo",
    "Nugroho",
    "Basuki",
    "Sulistyo",
    "Haryanto",
    "Riyanto",
    "Fauzi",
    "Hamid",
    "Syafaat",
    "Mubarok",
    "Arifin",
    "Ma'ruf",
    "",
)
_FEMALE_LAST = (
    "Rahayu",
    "Lestari",
    "Susanti",
    "Kurniasih",
    "Pratiwi",
    "Handayani",
    "Suryani",
    "Wulandari",
    "Anggraini",
    "Mahmudah",
    "Khasanah",
    "Ulfah",
    "Azizah",
    "Fatimah",
    "Nurjanah",
    "",
)
_PHONE_PREFIX = (
    "12",
    "13",
    "21",
    "22",
    "52",
    "53",
    "56",
    "57",
    "77",
    "78",
    "95",
    "96",
    "81",
    "82",
    "38",
)
_EMAIL_DOMAINS = ("example.com", "example.net", "example.org")

_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

#: ("since" in a formal sentence, the same in WhatsApp style)
_SINCE = (
    ("sejak tiga hari yang lalu", "dr 3 hari lalu"),
    ("sejak kemarin sore", "dr kmrn sore"),
    ("sudah seminggu", "udh seminggu"),
    ("sudah dua minggu", "udh 2 minggu"),
    ("sejak lima hari lalu", "udh 5 hari"),
    ("sejak awal minggu ini", "dr awal minggu"),
    ("sejak dua hari lalu", "dr 2 hr kmrn"),
)


# =========================================================================== text catalogue


@dataclass(frozen=True)
class Issue:
    """One kind of problem citizens report, with everything said about it on a timeline.

    Templates use ``{placeholders}`` (see ``_Builder._context``) and ``((a|b|c))`` for a random
    choice. ``action`` is the concrete part of the unit's follow-up; the greeting, thanks,
    empathy and closing are added around it.
    """

    key: str
    title: str
    text: str
    action: tuple[str, ...]
    wa: str = ""
    ask: str = ""
    answer: str = ""
    unhappy: str = ""
    note: str = ""
    tapd: str = ""
    tapd_action: str = ""
    report_type: str = ReportType.ADUAN
    places: tuple[str, ...] = ()
    unit: str = ""  # handling unit when not the category's default
    forward_from: str = ""  # unit that first receives it by mistake and forwards it
    forward_reason: str = ""


_I = Issue
_ASP, _INF = ReportType.ASPIRASI, ReportType.INFORMASI

CATALOGUE: dict[str, tuple[Issue, ...]] = {
    "adminduk": (
        _I(
            "ktp_blanko",
            "KTP-el belum dicetak",
            "Saya sudah melakukan perekaman KTP-el di Disdukcapil pada {tgl_lalu}, tetapi sampai "
            "sekarang KTP-el saya belum juga dicetak. Setiap ditanyakan jawabannya blanko "
            "((sedang kosong|habis|belum datang)). Saya ((sangat membutuhkan KTP untuk melamar "
            "pekerjaan|memerlukan KTP untuk membuka rekening bank|perlu KTP untuk mengurus BPJS)). "
            "Alamat saya di {kel}, {rt}.",
            (
                "KTP-el atas nama {sapaan} telah kami cetak pada {tanggal} dan dapat diambil di "
                "loket Disdukcapil di Mal Pelayanan Publik pada jam kerja dengan membawa bukti "
                "perekaman.",
                "Setelah kami cek di database kependudukan, data perekaman {sapaan} sudah "
                "berstatus siap cetak. KTP-el telah dicetak pada {tanggal} dan dapat diambil mulai "
                "{tanggal2} di loket pengambilan Disdukcapil.",
            ),
            wa="min ktp el sy udh rekam dr tgl {tgl_lalu} tp smp skrg blm dicetak jg, tiap ditanya "
            "blankonya habis trs. pdhl butuh bgt buat ((ngelamar kerja|buka rekening|urus "
            "bpjs)). sy di {kel} {rt}",
            ask="Mohon kirimkan NIK dan nama lengkap sesuai KK agar kami dapat mengecek status "
            "perekaman di database kependudukan.",
            answer="Nama saya {nama}, NIK sudah saya kirim lewat pesan WhatsApp ke nomor Lapor "
            "Ajib. Perekaman tanggal {tgl_lalu} di kantor Disdukcapil.",
            unhappy="Saya sudah datang ke loket pengambilan tetapi petugas bilang nama saya belum "
            "ada di daftar cetak.",
            note="Cek SIAK: status siap cetak (PRR), biodata lengkap. Jadwalkan cetak dan kabari "
            "pelapor setelah selesai.",
            forward_from="dinsos-p2kb",
            forward_reason="Permasalahan pencetakan KTP-el merupakan kewenangan Disdukcapil.",
        ),
        _I(
            "kk_pindah",
            "KK baru belum terbit setelah pindah datang",
            "Saya pindah domisili dari ((Kabupaten Batang|Kabupaten Pekalongan|Kota Tegal|"
            "Kabupaten Pemalang)) ke {kel_resmi}, {rt}. Berkas pindah datang sudah saya serahkan "
            "((lebih dari seminggu|sepuluh hari|dua minggu)) yang lalu, tetapi KK baru belum "
            "terbit. Anak saya membutuhkan KK untuk mendaftar sekolah.",
            (
                "KK baru {sapaan} telah terbit pada {tanggal} dan sudah kami kirimkan dalam bentuk "
                "PDF bertanda tangan elektronik ke nomor WhatsApp yang terdaftar. KK tersebut sah "
                "dan dapat dicetak sendiri pada kertas HVS A4 80 gram.",
                "Kami telah memproses perpindahan {sapaan} pada {tanggal}. Kendalanya, data belum "
                "dikeluarkan oleh daerah asal; setelah kami koordinasikan, KK baru terbit dan "
                "dapat diambil di Disdukcapil mulai {tanggal2}.",
            ),
            ask="Mohon informasikan nomor registrasi permohonan pindah datang (tertera pada tanda "
            "terima berkas) agar dapat kami telusuri.",
            answer="Nomor registrasinya {nomor}, tanda terimanya sudah saya foto dan kirim lewat "
            "WA.",
            unhappy="KK yang dikirim masih salah tulis nama ibu kandung, mohon diperbaiki.",
            note="Data belum dicabut daerah asal; sudah koordinasi lewat SIAK dengan Disdukcapil "
            "daerah asal.",
        ),
        _I(
            "akta_online",
            "Permohonan akta kelahiran online belum diproses",
            "Saya mengajukan akta kelahiran anak kedua saya melalui layanan online Disdukcapil "
            "((lima hari|seminggu|dua minggu)) yang lalu. Status permohonan masih 'menunggu "
            "verifikasi' dan tidak ada pemberitahuan apakah berkas kurang. Mohon dibantu karena "
            "akta dibutuhkan untuk ((pendaftaran BPJS bayi|pengajuan KIA|asuransi kelahiran)).",
            (
                "Permohonan akta kelahiran putra/putri {sapaan} telah kami verifikasi pada "
                "{tanggal}. Akta kelahiran sudah terbit dan dikirim dalam bentuk PDF; bersama akta "
                "juga kami terbitkan KIA.",
                "Setelah kami cek, berkas sudah lengkap namun tertahan di antrean verifikasi. Akta "
                "kelahiran telah diterbitkan pada {tanggal}; silakan unduh melalui tautan yang "
                "kami kirim atau ambil di loket Disdukcapil.",
            ),
            wa="permisi min, sy ajukan akta lahir anak lewat online udh ((5 hari|seminggu|2 "
            "minggu)) statusnya msh menunggu verifikasi trs. gk ada info berkasnya kurang apa. "
            "tlg dicek nggih",
            ask="Mohon kirimkan nomor permohonan dan nama anak sesuai surat keterangan lahir.",
            answer="Nomor permohonannya {nomor}, nama anak sesuai surat keterangan lahir dari "
            "bidan.",
            unhappy="Akta sudah terbit tapi tanggal lahir anak salah ketik, mohon dibetulkan.",
        ),
        _I(
            "nik_nonaktif",
            "NIK tidak ditemukan saat mendaftar layanan",
            "Saat ((mendaftar BPJS Kesehatan|registrasi kartu SIM|mendaftarkan anak sekolah|"
            "mencairkan bantuan)) NIK saya dinyatakan tidak ditemukan. Saya warga asli {kel}, "
            "{rt}, dan KTP-el saya masih berlaku. Mohon dibantu pengecekan.",
            (
                "NIK {sapaan} telah kami cek dan aktifkan kembali pada {tanggal}. Sebelumnya NIK "
                "tercatat ganda karena perekaman ulang; data ganda telah dinonaktifkan. Perubahan "
                "akan tersinkron ke layanan lain paling lama 1×24 jam.",
            ),
            ask="Mohon kirimkan foto KTP-el dan KK melalui WhatsApp Lapor Ajib agar dapat kami "
            "cek.",
            answer="Sudah saya kirim foto KTP dan KK lewat WhatsApp, NIK berakhiran {nik4}.",
            note="NIK ganda karena rekam ulang. Ajukan penonaktifan data ganda ke Ditjen Dukcapil.",
        ),
        _I(
            "antrean_capil",
            "Kuota antrean Disdukcapil habis",
            "Saya datang ke Disdukcapil pukul 07.00 tetapi sudah tidak kebagian nomor antrean "
            "karena kuota harian habis. Ini sudah ((kedua|ketiga)) kalinya saya datang dan harus "
            "izin kerja. Mohon kuota antrean ditambah atau dibuka pendaftaran online.",
            (
                "Mulai {tanggal2} kuota antrean harian kami tambah dan dibuka pendaftaran antrean "
                "daring melalui WhatsApp. Untuk keperluan {sapaan}, petugas kami telah menghubungi "
                "dan menjadwalkan layanan pada {tanggal2} pukul 09.00.",
            ),
        ),
        _I(
            "akta_kematian",
            "Syarat mengurus akta kematian",
            "Mohon informasi syarat dan prosedur mengurus akta kematian untuk ((ayah|ibu|kakek)) "
            "saya yang meninggal ((bulan lalu|dua bulan lalu)). Apakah bisa diurus online dan "
            "berapa lama jadinya?",
            (
                "Persyaratan akta kematian: surat keterangan kematian dari kelurahan atau rumah "
                "sakit, KK dan KTP-el almarhum/almarhumah, serta KTP-el pelapor. Permohonan dapat "
                "diajukan daring maupun di loket Disdukcapil; akta terbit paling lama 3 hari kerja "
                "tanpa biaya, sekaligus dengan KK baru.",
            ),
            report_type=_INF,
        ),
        _I(
            "jemput_bola",
            "Usul layanan jemput bola perekaman KTP-el",
            "Saya mengusulkan agar Disdukcapil mengadakan layanan jemput bola perekaman KTP-el di "
            "kelurahan, khususnya untuk lansia dan penyandang disabilitas di {kel} yang sulit "
            "datang ke kantor.",
            (
                "Usulan {sapaan} sangat baik. Layanan jemput bola perekaman KTP-el akan "
                "dilaksanakan di Kantor Kelurahan {kel_resmi} pada {tanggal2} pukul 08.30–12.00; "
                "bagi lansia dan penyandang disabilitas yang tidak dapat hadir, petugas akan "
                "datang ke rumah.",
            ),
            report_type=_ASP,
        ),
    ),
    "bansos": (
        _I(
            "pkh_tidak_cair",
            "Bantuan PKH tahap ini belum cair",
            "Bantuan PKH saya untuk tahap ini belum cair, padahal penerima lain di {rt} Kelurahan "
            "{kel} sudah menerima. Saldo di kartu KKS saya kosong. Saya ((ibu rumah tangga dengan "
            "tiga anak sekolah|janda dengan dua anak|merawat orang tua yang sakit)) dan sangat "
            "bergantung pada bantuan tersebut.",
            (
                "Hasil pengecekan kami pada {tanggal}, {sapaan} masih aktif sebagai KPM PKH; "
                "bantuan tahap ini tertunda karena pemutakhiran rekening oleh bank penyalur. "
                "Pendamping PKH Kelurahan {kel_resmi} akan mendampingi {sapaan} ke bank pada "
                "{tanggal2}.",
                "Data {sapaan} telah kami cek pada {tanggal}. Penyaluran tahap ini terkendala "
                "karena data NIK belum padan; perbaikan data sudah kami usulkan dan pendamping PKH "
                "akan menginformasikan jadwal pencairan susulan.",
            ),
            wa="min bansos pkh sy blm cair, tetangga udh pd cair. saldo kks kosong. sy di {kel} "
            "{rt}. tlg dicek min butuh bgt buat anak sekolah 🙏",
            ask="Mohon informasikan nama sesuai kartu KKS dan NIK kepala keluarga (boleh melalui "
            "pesan pribadi) agar dapat kami cek di data penerima.",
            answer="Nama di kartu {nama}, NIK sudah saya kirim lewat chat WA Lapor Ajib. Terima "
            "kasih.",
            unhappy="Sudah ke bank bersama pendamping tapi saldo masih kosong.",
            note="Status KPM aktif, rekening dalam proses pemutakhiran. Koordinasi dengan "
            "pendamping PKH.",
            forward_from="disdukcapil",
            forward_reason="Data kependudukan pelapor sudah padan di SIAK; kendala ada pada data "
            "penerima bansos sehingga menjadi kewenangan Dinsos-P2KB.",
        ),
        _I(
            "salah_sasaran",
            "Penerima BPNT tidak tepat sasaran",
            "Di {rt} Kelurahan {kel} ada warga yang ((memiliki mobil dan rumah bertingkat|punya "
            "toko grosir|berstatus pegawai)) tetapi menerima BPNT, sedangkan ((seorang janda "
            "lansia|keluarga buruh harian|tetangga saya yang difabel)) di lingkungan yang sama "
            "justru tidak terdaftar. Mohon pendataan ulang agar bantuan tepat sasaran.",
            (
                "Kami bersama Kelurahan {kel_resmi} telah melakukan verifikasi lapangan pada "
                "{tanggal}. Hasilnya dibahas dalam musyawarah kelurahan dan diusulkan untuk "
                "pemutakhiran DTSEN; keluarga yang layak di lingkungan tersebut telah kami "
                "daftarkan sebagai calon penerima.",
            ),
            note="Jaga kerahasiaan pelapor. Verifikasi lapangan bersama TKSK dan kelurahan.",
        ),
        _I(
            "kis_nonaktif",
            "KIS PBI tiba-tiba nonaktif",
            "Kartu KIS PBI ((ibu|bapak|suami)) saya tiba-tiba nonaktif saat hendak berobat ke "
            "((RSUD Bendan|puskesmas)) sehingga harus membayar sebagai pasien umum. Padahal "
            "((beliau rutin cuci darah|beliau sedang sakit stroke|kami keluarga tidak mampu)). "
            "Mohon bantuan reaktivasi.",
            (
                "Kepesertaan PBI-JK keluarga {sapaan} telah kami usulkan untuk reaktivasi pada "
                "{tanggal} dan sudah aktif kembali. Untuk kondisi darurat, Dinsos-P2KB dapat "
                "menerbitkan surat keterangan agar pelayanan kesehatan tetap berjalan.",
            ),
            ask="Mohon kirimkan nomor kartu KIS dan NIK peserta yang nonaktif.",
            answer="Nomor kartu dan NIK sudah saya kirim lewat WA.",
            unhappy="Sudah dicek di puskesmas tapi kartu masih belum aktif.",
        ),
        _I(
            "daftar_dtsen",
            "Cara mendaftar DTSEN",
            "Bagaimana cara mendaftarkan keluarga saya ke DTSEN agar bisa menerima bantuan "
            "sosial? Kami baru tinggal di {kel} dan suami saya ((terkena PHK|sakit dan tidak "
            "bekerja)).",
            (
                "Pendaftaran DTSEN dapat dilakukan melalui Kantor Kelurahan {kel_resmi} dengan "
                "membawa KTP-el dan KK. Usulan akan diverifikasi dan dibahas dalam musyawarah "
                "kelurahan, kemudian diinput oleh operator. Petugas TKSK akan mengunjungi rumah "
                "{sapaan} pada {tanggal2}.",
            ),
            report_type=_INF,
        ),
    ),
    "kesehatan": (
        _I(
            "antre_pkm",
            "Antrean lama di Puskesmas {pkm}",
            "Kemarin saya berobat ke Puskesmas {pkm}. Saya antre sejak pukul 07.00 dan baru "
            "dipanggil hampir pukul 11.00, sementara petugas pendaftaran kurang ramah saat "
            "ditanya. Mohon pelayanan diperbaiki.",
            (
                "Kami telah melakukan evaluasi pelayanan bersama Kepala Puskesmas {pkm} pada "
                "{tanggal}. Mulai {tanggal2} ditambahkan satu loket pendaftaran dan dibuka "
                "pendaftaran daring melalui WhatsApp, dan petugas pendaftaran telah mendapat "
                "pembinaan tentang pelayanan prima.",
            ),
            wa="min kmrn sy berobat ke puskesmas {pkm}, antri dr jam 7 baru dipanggil jam 11an. "
            "petugas daftarnya jutek bgt pas ditanya. tlg diperbaiki pelayanannya",
            unhappy="Minggu ini saya ke puskesmas lagi, antrean masih sama lamanya.",
            note="Kepala Puskesmas sudah dihubungi; cek rekap waktu tunggu pasien.",
        ),
        _I(
            "fogging",
            "Permohonan fogging DBD di {kel}",
            "Di {rt} Kelurahan {kel} dalam sebulan terakhir sudah ada ((tiga|empat|dua)) warga "
            "yang dirawat karena demam berdarah, salah satunya anak-anak. Mohon dilakukan "
            "fogging dan pemeriksaan jentik.",
            (
                "Petugas puskesmas telah melakukan penyelidikan epidemiologi di {rt} pada "
                "{tanggal}. Fogging fokus dijadwalkan {tanggal2} pukul 15.00; mohon warga tetap "
                "melaksanakan PSN 3M Plus karena fogging hanya membunuh nyamuk dewasa.",
            ),
            wa="min di {rt} {kel} udh ((3|4|2)) org kena DB bln ini, ada anak kecil jg. tlg "
            "difogging min, nyamuke akeh bgt",
            note="Penyelidikan epidemiologi positif, ditemukan jentik di 6 dari 20 rumah. "
            "Ajukan fogging fokus.",
        ),
        _I(
            "igd_rsud",
            "Pelayanan IGD RSUD Bendan lama",
            "((Ayah|Ibu|Anak)) saya dibawa ke IGD RSUD Bendan pada malam hari dan menunggu lebih "
            "dari tiga jam tanpa kejelasan apakah akan dirawat inap. Mohon pelayanan IGD "
            "dievaluasi.",
            (
                "Kami telah mengklarifikasi kejadian tersebut dengan tim IGD pada {tanggal}. Saat "
                "itu IGD menerima lonjakan pasien; mulai {tanggal2} RSUD menambah petugas jaga "
                "malam dan menyediakan informasi status pasien di ruang tunggu.",
            ),
            unit="rsud-bendan",
            forward_from="dinkes",
            forward_reason="Pelayanan IGD ditangani langsung oleh manajemen RSUD Bendan.",
        ),
        _I(
            "imunisasi",
            "Jadwal imunisasi bayi",
            "Mohon informasi jadwal imunisasi ((campak-rubela|polio|BCG)) untuk bayi di wilayah "
            "{kel}. Apakah bisa di posyandu atau harus ke puskesmas?",
            (
                "Imunisasi dapat diperoleh gratis di posyandu sesuai jadwal bulanan maupun di "
                "Puskesmas {pkm} setiap hari kerja. Posyandu di {rt} Kelurahan {kel_resmi} "
                "melayani imunisasi pada {tanggal2} pukul 08.00–11.00; jangan lupa membawa buku "
                "KIA.",
            ),
            report_type=_INF,
        ),
    ),
    "pendidikan": (
        _I(
            "spmb_domisili",
            "Anak tidak diterima SPMB jalur domisili",
            "Anak saya tidak diterima di {smp} melalui jalur domisili, padahal jarak rumah kami "
            "di {kel} ke sekolah kurang dari 1 km. Justru ada pendaftar yang rumahnya lebih jauh "
            "diterima. Mohon penjelasan dan pengecekan ulang.",
            (
                "Tim SPMB Disdik telah memeriksa ulang titik koordinat domisili putra/putri "
                "{sapaan} pada {tanggal}. Terdapat kesalahan titik lokasi saat pendaftaran; data "
                "telah diperbaiki dan putra/putri {sapaan} dapat mengikuti tahap berikutnya pada "
                "{tanggal2}.",
            ),
            ask="Mohon kirimkan nomor pendaftaran SPMB dan tangkapan layar hasil seleksi.",
            answer="Nomor pendaftarannya {nomor}, tangkapan layar sudah saya kirim lewat WA.",
        ),
        _I(
            "pungutan_sd",
            "Pungutan seragam dan buku di sekolah negeri",
            "Di {sd} wali murid kelas 1 diminta membayar uang seragam dan buku sebesar "
            "((Rp650.000|Rp850.000|Rp1.100.000)) dengan alasan sudah kesepakatan komite. Padahal "
            "banyak orang tua yang keberatan. Mohon ditertibkan.",
            (
                "Tim Disdik telah melakukan klarifikasi ke sekolah pada {tanggal}. Sekolah tidak "
                "boleh mewajibkan pembelian seragam dan buku; pembelian bersifat sukarela dan uang "
                "yang sudah dibayarkan dapat diminta kembali. Pembinaan kepada kepala sekolah dan "
                "komite telah dilakukan.",
            ),
            note="Identitas pelapor dirahasiakan. Koordinasi dengan pengawas sekolah.",
        ),
        _I(
            "atap_kelas",
            "Atap ruang kelas {sd} bocor",
            "Atap dua ruang kelas di {sd} bocor setiap hujan sehingga siswa harus dipindah ke "
            "perpustakaan. Plafon juga sudah mulai jebol dan membahayakan anak-anak.",
            (
                "Tim teknis Disdik telah meninjau sekolah pada {tanggal}. Untuk sementara ruang "
                "kelas yang rusak dikosongkan dan atap yang bocor ditambal.",
            ),
            tapd="Atap dan plafon perlu rehabilitasi sedang; tidak tercukupi dari dana "
            "pemeliharaan sekolah. Diusulkan dalam {apbd} melalui TAPD.",
            tapd_action="Tim teknis Disdik telah meninjau sekolah pada {tanggal} dan menambal "
            "atap yang bocor untuk sementara. Rehabilitasi ruang kelas telah kami "
            "usulkan melalui TAPD untuk dianggarkan dalam {apbd}.",
        ),
        _I(
            "beasiswa",
            "Usul beasiswa bagi siswa kurang mampu",
            "Saya mengusulkan agar Pemkot menambah kuota beasiswa bagi siswa SD dan SMP dari "
            "keluarga kurang mampu, terutama anak buruh batik di {kel} yang banyak putus sekolah "
            "karena biaya.",
            (
                "Terima kasih atas usulannya. Usulan penambahan kuota beasiswa telah kami catat "
                "sebagai bahan perencanaan tahun {tahun_depan}. Siswa dari keluarga kurang mampu "
                "dapat didaftarkan oleh sekolah untuk Program Indonesia Pintar; sosialisasi di "
                "Kelurahan {kel_resmi} kami jadwalkan {tanggal2}.",
            ),
            report_type=_ASP,
        ),
    ),
    "jalan": (
        _I(
            "jalan_berlubang",
            "Jalan berlubang di {jalan}",
            "Jalan di {jalan} dekat {tempat} berlubang ((cukup besar|sangat dalam|di beberapa "
            "titik)), diameternya sekitar ((satu meter|80 cm|1,5 meter)). Saat hujan lubang "
            "tertutup genangan sehingga tidak terlihat dan ((sudah ada pengendara motor yang "
            "jatuh|membahayakan anak sekolah yang lewat|sering membuat kendaraan oleng)). Mohon "
            "segera diperbaiki.",
            (
                "Tim pemeliharaan jalan DPUPR telah melakukan penambalan lubang di {jalan} pada "
                "{tanggal}; ruas tersebut sudah aman dilalui.",
                "Petugas kami telah meninjau lokasi dan menambal ((tiga|empat|lima)) titik lubang "
                "di {jalan} pada {tanggal}. Pemantauan akan kami lanjutkan, terutama setelah hujan "
                "deras.",
            ),
            wa="min jalan di {jalan} deket {tempat} bolong gede bgt, klo ujan ketutup air gk "
            "keliatan. ((kmrn ada yg jatuh dr motor|bahaya bgt buat anak sekolah)). tlg cepet "
            "ditambal",
            tapd="Kerusakan ruas {jalan} sepanjang ±((150|200|300)) m perlu pelapisan ulang "
            "(overlay) dan tidak tercukupi anggaran pemeliharaan rutin. Diusulkan ke TAPD "
            "untuk {apbd}.",
            tapd_action="Untuk mencegah kecelakaan, tim telah melakukan penambalan darurat pada "
            "{tanggal}. Perbaikan menyeluruh berupa pelapisan ulang ruas {jalan} "
            "sudah kami usulkan melalui Tim Anggaran Pemerintah Daerah (TAPD) untuk "
            "dianggarkan dalam {apbd}; perkembangannya akan kami informasikan.",
            unhappy="Tambalan yang kemarin sudah lepas lagi setelah hujan, lubangnya muncul lagi.",
            note="Survei: lubang di 3 titik, luas total ±6 m². Jadwalkan penambalan dengan "
            "aspal dingin.",
        ),
        _I(
            "aspal_rob",
            "Aspal rusak setelah rob di {kel}",
            "Sejak rob ((beberapa hari lalu|minggu lalu)), aspal di {jalan} Kelurahan {kel} "
            "mengelupas dan berlubang di banyak titik. Jalan ini akses utama warga ke ((pasar|"
            "sekolah|pelabuhan)). Mohon diperbaiki dan ditinggikan karena sering tergenang.",
            (
                "Tim DPUPR telah menimbun dan memadatkan titik-titik yang rusak di {jalan} pada "
                "{tanggal} agar dapat dilalui dengan aman.",
            ),
            tapd="Ruas sering tergenang rob; perlu peninggian dan perkerasan beton ±((120|250)) "
            "m. Diusulkan ke TAPD bersama paket penanganan rob untuk {apbd}.",
            tapd_action="Penanganan sementara berupa penimbunan dan pemadatan telah dilakukan "
            "pada {tanggal}. Karena ruas ini sering tergenang rob, peninggian dan "
            "perkerasan beton telah kami usulkan melalui TAPD untuk {apbd}.",
            places=_COASTAL,
        ),
        _I(
            "pagar_jembatan",
            "Pagar jembatan dekat {tempat} patah",
            "Pagar pengaman jembatan kecil di dekat {tempat}, {kel}, patah ((di sisi timur|di "
            "kedua sisi|sepanjang sekitar dua meter)). Jembatan ini dilalui anak sekolah setiap "
            "hari dan berbahaya, apalagi malam hari karena gelap.",
            (
                "Tim DPUPR telah memasang pagar pengaman sementara dan rambu peringatan di "
                "jembatan tersebut pada {tanggal}; penggantian pagar permanen dijadwalkan mulai "
                "{tanggal2}.",
            ),
        ),
        _I(
            "trotoar",
            "Trotoar rusak di {jalan}",
            "Paving trotoar di {jalan} banyak yang lepas dan ambles, beberapa tutup saluran juga "
            "berlubang. Pejalan kaki terpaksa turun ke badan jalan.",
            (
                "Perbaikan paving dan penggantian tutup saluran di trotoar {jalan} telah "
                "dikerjakan pada {tanggal}.",
            ),
        ),
        _I(
            "paving_gang",
            "Usul pavingisasi gang di {rt}",
            "Kami warga {rt} Kelurahan {kel} mengusulkan agar gang di lingkungan kami dipaving. "
            "Jalan masih tanah sehingga becek dan licin saat hujan; panjangnya sekitar ((80|100|"
            "150)) meter.",
            (
                "Tim kami telah meninjau lokasi pada {tanggal}. Usulan pavingisasi gang tersebut "
                "kami catat dan sebaiknya juga diajukan melalui Musrenbang Kelurahan {kel_resmi} "
                "agar masuk perencanaan tahun {tahun_depan}.",
            ),
            tapd="Usulan pavingisasi lingkungan; masukkan dalam perencanaan tahun {tahun_depan}.",
            tapd_action="Tim kami telah meninjau lokasi pada {tanggal}. Usulan pavingisasi gang "
            "tersebut telah kami masukkan dalam daftar usulan yang dibahas bersama "
            "TAPD untuk tahun anggaran {tahun_depan}.",
            report_type=_ASP,
        ),
    ),
    "drainase": (
        _I(
            "saluran_mampet",
            "Saluran tersumbat di {jalan}",
            "Saluran air di {jalan} ((depan {tempat}|sepanjang {rt})) tersumbat sedimen dan "
            "sampah. Setiap hujan deras air meluap ke jalan dan masuk ke rumah warga setinggi "
            "mata kaki. Mohon dilakukan pengerukan.",
            (
                "Tim DPUPR telah melakukan normalisasi saluran (pengerukan sedimen dan sampah) "
                "sepanjang ±((60|80|120)) m di {jalan} pada {tanggal}. Kami juga mengimbau warga "
                "untuk tidak membuang sampah ke saluran.",
            ),
            wa="min selokan di {jalan} mampet, tiap ujan deres banyune mlebu omah. udh bau jg. "
            "tlg dikeruk nggih",
            tapd="Saluran sempit dan rusak; perlu dibangun ulang dengan U-ditch ±((100|150)) m. "
            "Diusulkan ke TAPD untuk {apbd}.",
            tapd_action="Pengerukan sementara telah dilakukan pada {tanggal}. Karena saluran "
            "perlu dibangun ulang dengan ukuran lebih besar, pekerjaan tersebut "
            "telah kami usulkan melalui TAPD untuk {apbd}.",
            unhappy="Hujan kemarin air masih meluap ke rumah, sepertinya masih ada sumbatan di "
            "gorong-gorong.",
            forward_from="dlh",
            forward_reason="Saluran tersumbat sedimen dan perlu pengerukan dengan alat; "
            "kewenangan DPUPR. Sampah di mulut saluran sudah kami angkut.",
        ),
        _I(
            "gorong_ambles",
            "Gorong-gorong ambles di depan {tempat}",
            "Gorong-gorong di depan {tempat}, {jalan}, ambles dan tertutup tanah sehingga air "
            "dari permukiman tidak bisa mengalir. Sudah ((seminggu|dua minggu)) genangan tidak "
            "surut dan mulai banyak nyamuk.",
            (
                "Tim DPUPR telah membongkar dan mengganti gorong-gorong yang ambles pada "
                "{tanggal}; air dari permukiman kembali mengalir.",
            ),
            tapd="Gorong-gorong perlu diganti dengan box culvert; diusulkan ke TAPD.",
            tapd_action="Sumbatan telah kami bersihkan pada {tanggal} sehingga air dapat "
            "mengalir. Penggantian gorong-gorong dengan box culvert telah kami "
            "usulkan melalui TAPD untuk {apbd}.",
        ),
        _I(
            "genangan",
            "Genangan air tidak surut di {kel}",
            "Genangan air setelah hujan di {rt} Kelurahan {kel} tidak surut hingga ((tiga|empat)) "
            "hari. Saluran tidak mengalir ke sungai karena posisinya lebih rendah. Mohon "
            "dibuatkan saluran atau pompa.",
            (
                "Tim DPUPR telah mengoperasikan pompa portabel dan membuka sumbatan di saluran "
                "pembuang pada {tanggal}; genangan surut pada hari yang sama.",
            ),
            tapd="Perlu saluran pembuang dan pompa permanen; diusulkan ke TAPD untuk {apbd}.",
            tapd_action="Pompa portabel telah kami operasikan pada {tanggal} dan genangan sudah "
            "surut. Pembangunan saluran pembuang dan pompa permanen telah kami "
            "usulkan melalui TAPD untuk {apbd}.",
        ),
    ),
    "banjir_rob": (
        _I(
            "rob_rumah",
            "Rob masuk rumah warga di {kel}",
            "Air rob masuk ke rumah warga di {rt} Kelurahan {kel} sejak ((tadi pagi|semalam|"
            "subuh)) dengan ketinggian ((30|40|50)) cm. Banyak lansia dan anak-anak. Mohon "
            "bantuan ((pompa|evakuasi lansia|makanan siap saji)) dan penanganan segera.",
            (
                "Tim Reaksi Cepat BPBD telah meninjau lokasi pada {tanggal}, menyalurkan ((makanan "
                "siap saji|paket sembako)) dan mengoperasikan ((dua pompa portabel|pompa apung)) "
                "bersama DPUPR. Posko siaga di Kantor Kelurahan {kel_resmi} dibuka 24 jam selama "
                "rob berlangsung.",
            ),
            wa="min rob mlebu omah maneh di {rt} {kel}, udh ((30|40|se lutut)) cm. akeh lansia "
            "karo bocah. tlg pompane dinyalain min 🙏",
            tapd="Genangan rob berulang; perlu tambahan rumah pompa dan peninggian tanggul di "
            "{kel_resmi}. Diusulkan ke TAPD.",
            tapd_action="Penanganan darurat (pompa portabel dan logistik) telah dilakukan pada "
            "{tanggal}. Untuk penanganan permanen, pembangunan tanggul dan rumah "
            "pompa di wilayah {kel_resmi} telah kami usulkan melalui TAPD bersama "
            "DPUPR.",
            unhappy="Pompa cuma nyala sehari, sekarang air naik lagi dan belum ada petugas yang "
            "datang.",
            note="Pantau ketinggian pasang; koordinasi operator rumah pompa dan DPUPR.",
            places=_COASTAL,
        ),
        _I(
            "tanggul_retak",
            "Tanggul di dekat {tempat} retak",
            "Tanggul ((sungai|laut)) di dekat {tempat}, Kelurahan {kel}, retak dan ((merembes|"
            "sebagian ambrol)). Kalau air pasang tinggi, air masuk ke permukiman. Warga khawatir "
            "tanggul jebol seperti kejadian sebelumnya.",
            (
                "Tim BPBD bersama DPUPR telah memasang karung pasir sepanjang ±((40|60)) m di "
                "titik yang retak pada {tanggal} dan memantau ketinggian air setiap hari.",
            ),
            tapd="Perbaikan permanen tanggul ±((50|80)) m memerlukan anggaran di luar dana "
            "tanggap darurat; diusulkan ke TAPD.",
            tapd_action="Penanganan darurat berupa pemasangan karung pasir telah dilakukan pada "
            "{tanggal}. Perbaikan permanen tanggul telah kami usulkan melalui TAPD "
            "untuk {apbd}.",
            places=_COASTAL,
        ),
        _I(
            "pompa_rob",
            "Pompa rob di {kel} tidak beroperasi",
            "Pompa di rumah pompa dekat {tempat}, {kel}, tidak dinyalakan padahal air rob sudah "
            "masuk ke jalan kampung. Kata warga pompanya rusak sejak ((minggu lalu|beberapa "
            "hari)).",
            (
                "Pompa telah diperbaiki teknisi pada {tanggal} dan kembali beroperasi; operator "
                "rumah pompa kini berjaga bergantian selama musim pasang.",
            ),
            wa="min pompa rob deket {tempat} {kel} mboten nyala, banyu wis mlebu dalan kampung. "
            "tlg dicek nggih",
            places=_COASTAL,
        ),
        _I(
            "pohon_tumbang",
            "Pohon tumbang di {jalan}",
            "Pohon ((angsana|trembesi|mahoni)) besar tumbang di {jalan} setelah hujan angin "
            "((sore tadi|semalam)), menutup separuh badan jalan dan menimpa kabel. Mohon segera "
            "dievakuasi.",
            (
                "Tim gabungan BPBD, Satpol P3KP dan DLH telah memotong dan mengevakuasi pohon "
                "tumbang pada {tanggal}; jalan sudah dapat dilalui kembali. Pemangkasan pohon "
                "rawan di sepanjang {jalan} dijadwalkan {tanggal2}.",
            ),
        ),
    ),
    "sampah": (
        _I(
            "tps_penuh",
            "TPS penuh di dekat {tempat}",
            "TPS di dekat {tempat} ((sudah penuh|meluber sampai ke jalan)) {sejak}. Baunya "
            "sangat menyengat dan banyak lalat, padahal dekat dengan ((rumah warga|warung makan|"
            "sekolah)). Mohon segera diangkut.",
            (
                "Armada DLH telah mengangkut sampah di TPS tersebut pada {tanggal}. Sehubungan "
                "dengan pembatasan pembuangan di TPA Degayu, jadwal pengangkutan sempat tertunda; "
                "mulai {tanggal2} pengangkutan di TPS ini kami jadwalkan setiap hari.",
            ),
            wa="min tps deket {tempat} udh penuh meluber ke jalan {sejak_wa}. bau bgt, laler "
            "akeh. tlg diangkut min",
            unhappy="Dua hari setelah diangkut sudah penuh lagi dan belum diambil.",
        ),
        _I(
            "buang_liar",
            "Pembuangan sampah liar di {jalan}",
            "Banyak orang membuang sampah sembarangan di ((lahan kosong|pinggir sungai|bantaran "
            "Kali Banger)) di {jalan}, terutama malam hari. Sampah menumpuk dan sebagian hanyut "
            "ke sungai.",
            (
                "DLH bersama Satpol P3KP dan kelurahan telah membersihkan tumpukan sampah pada "
                "{tanggal}, memasang papan larangan, dan akan melakukan patroli malam mulai "
                "{tanggal2}.",
            ),
        ),
        _I(
            "gerobak",
            "Sampah rumah tangga tidak diambil",
            "Sampah di {rt} Kelurahan {kel} sudah ((lima hari|seminggu)) tidak diambil petugas "
            "gerobak. Kami tetap membayar iuran kebersihan setiap bulan.",
            (
                "Kami telah berkoordinasi dengan pengelola TPS dan petugas gerobak di Kelurahan "
                "{kel_resmi}. Sampah di {rt} telah diambil pada {tanggal} dan jadwal rutin kembali "
                "dua hari sekali.",
            ),
            wa="min sampah di {rt} {kel} udh ((5 hari|seminggu)) gk diambil2. iuran tetep bayar "
            "lho. tlg ya min",
        ),
        _I(
            "bank_sampah",
            "Usul bank sampah di {kel}",
            "Saya mengusulkan agar DLH membantu pembentukan bank sampah dan pelatihan pengolahan "
            "sampah organik di {kel}, supaya sampah yang dibuang ke TPS berkurang.",
            (
                "Usulan yang sangat baik. DLH akan memfasilitasi pelatihan bank sampah dan "
                "pengomposan bagi warga Kelurahan {kel_resmi} pada {tanggal2}; silakan koordinasi "
                "dengan ketua RW setempat untuk pendataan peserta.",
            ),
            report_type=_ASP,
        ),
    ),
    "pencemaran": (
        _I(
            "limbah_batik",
            "Air sungai berwarna diduga limbah batik",
            "Air ((Kali Banger|Sungai Pekalongan|Kali Loji)) di sekitar {kel} berwarna ((merah "
            "keunguan|hitam pekat|biru kehijauan)) dan berbau menyengat, diduga limbah pewarna "
            "batik dari usaha rumahan yang dibuang langsung ke sungai ((setiap sore|terutama "
            "malam hari)). Mohon ditindak.",
            (
                "Tim DLH telah mengambil sampel air dan menelusuri sumber limbah pada {tanggal}. "
                "Ditemukan ((tiga|empat)) usaha batik rumahan yang membuang limbah tanpa "
                "pengolahan; pelaku usaha telah dibina dan diminta menyalurkan limbah ke IPAL "
                "komunal. Hasil uji laboratorium akan kami sampaikan setelah keluar.",
            ),
            wa="min kali deket {kel} warnane abang ungu lg, bau bgt. mesti limbah batik dibuang "
            "langsung. tlg ditindak min",
            note="Hasil sampling COD tinggi. Koordinasi dengan pengelola IPAL komunal dan "
            "paguyuban batik setempat.",
            places=_RIVERSIDE,
            forward_from="satpol-p3kp",
            forward_reason="Pengawasan pembuangan limbah usaha merupakan kewenangan DLH; Satpol "
            "P3KP siap mendampingi penegakan Perda bila diperlukan.",
        ),
        _I(
            "asap_bakar",
            "Asap pembakaran mengganggu warga",
            "Setiap ((sore|malam)) ada pembakaran ((sampah|kain perca|kayu bekas)) di dekat "
            "{tempat}, {kel}. Asapnya masuk ke rumah dan membuat anak saya batuk-batuk.",
            (
                "Petugas DLH bersama kelurahan telah mendatangi lokasi pada {tanggal} dan menegur "
                "pelaku pembakaran. Sisa kain perca kini diangkut bersama sampah rutin sehingga "
                "tidak perlu dibakar.",
            ),
        ),
        _I(
            "bising_mesin",
            "Kebisingan mesin usaha sampai malam",
            "Mesin ((printing kain|konveksi|tenun)) di {rt} {kel} beroperasi sampai pukul 23.00 "
            "setiap hari. Suaranya sangat bising dan mengganggu istirahat warga.",
            (
                "DLH bersama kelurahan telah memfasilitasi mediasi antara warga dan pemilik usaha "
                "pada {tanggal}; disepakati jam operasional paling lambat pukul 21.00 dan "
                "pemasangan peredam suara.",
            ),
        ),
    ),
    "air_bersih": (
        _I(
            "air_mati",
            "Air PDAM tidak mengalir",
            "Air PDAM di rumah saya di {jalan}, Kelurahan {kel}, tidak mengalir {sejak}. Kalau "
            "pun keluar hanya tengah malam dan sangat kecil. Nomor pelanggan {nopel}. Mohon "
            "segera diperbaiki.",
            (
                "Petugas kami telah memperbaiki kebocoran pipa distribusi di {jalan2} pada "
                "{tanggal} yang menyebabkan tekanan air turun. Aliran air di wilayah {sapaan} "
                "sudah normal kembali sejak pukul ((16.00|17.30|19.00)).",
                "Gangguan disebabkan perbaikan pompa di sumur dalam; pompa telah selesai "
                "diperbaiki pada {tanggal}. Selama gangguan, kami menyiapkan bantuan air bersih "
                "dengan mobil tangki.",
            ),
            wa="min air pdam di rmh sy {jalan} {kel} mboten mili {sejak_wa}. klo keluar cm "
            "tengah malem itu jg kecil bgt. no pelanggan {nopel}. tlg min",
            ask="Mohon informasikan nomor pelanggan PDAM yang tertera pada rekening air.",
            answer="Nomor pelanggan {nopel}, atas nama {nama}.",
            unhappy="Air memang sempat mengalir tapi sejak kemarin mati lagi.",
        ),
        _I(
            "air_keruh",
            "Air PDAM keruh dan berbau",
            "Air PDAM di {rt} {kel} dalam ((tiga|lima)) hari terakhir keruh kecokelatan dan "
            "berbau ((kaporit|lumpur)), tidak bisa dipakai untuk memasak. Mohon dicek kualitas "
            "airnya.",
            (
                "Kekeruhan disebabkan pengurasan pipa transmisi; petugas telah melakukan "
                "penggelontoran jaringan di wilayah {kel_resmi} pada {tanggal}. Hasil uji sampel "
                "air setelah penggelontoran memenuhi syarat; mohon buka kran beberapa menit "
                "sebelum digunakan.",
            ),
            unhappy="Pagi hari air masih keruh, apalagi setelah mati bergilir.",
        ),
        _I(
            "tagihan_naik",
            "Tagihan PDAM melonjak",
            "Tagihan PDAM saya bulan ini ((Rp387.500|Rp412.000|Rp295.000)), naik hampir tiga "
            "kali lipat dari biasanya padahal pemakaian tidak berubah. Nomor pelanggan {nopel}. "
            "Mohon dicek meteran dan tagihannya.",
            (
                "Petugas kami telah memeriksa meter air {sapaan} pada {tanggal}. Terdapat "
                "kesalahan pembacaan angka meter; tagihan telah dikoreksi dan {sapaan} cukup "
                "membayar sesuai pemakaian rata-rata.",
            ),
            ask="Mohon kirimkan foto angka meter air saat ini dan rekening bulan lalu.",
            answer="Foto meter dan rekening sudah saya kirim lewat WhatsApp, nomor pelanggan "
            "{nopel}.",
        ),
        _I(
            "pipa_bocor",
            "Pipa PDAM bocor di {jalan}",
            "Pipa PDAM di {jalan} dekat {tempat} bocor dan air menyembur ke jalan {sejak}. Air "
            "terbuang percuma dan jalan jadi licin.",
            (
                "Kebocoran pipa telah kami perbaiki pada {tanggal}; bekas galian akan dirapikan "
                "pada {tanggal2}.",
            ),
        ),
    ),
    "pju": (
        _I(
            "pju_mati",
            "Lampu PJU mati di {jalan}",
            "Lampu penerangan jalan umum di {jalan} ((dekat {tempat}|sepanjang ±200 meter)) mati "
            "{sejak}. Jalan menjadi gelap dan rawan kecelakaan serta kejahatan.",
            (
                "Tim PJU Dishub telah mengganti ((lampu|tiga lampu LED|panel dan kabel)) di "
                "{jalan} pada {tanggal}; lampu sudah menyala kembali.",
            ),
            wa="min lampu jalan di {jalan} mati {sejak_wa}, peteng bgt klo malem. rawan jambret. "
            "tlg dibenerin",
            unhappy="Lampunya cuma nyala dua malam, sekarang mati lagi.",
            forward_from="dpupr",
            forward_reason="Penerangan jalan umum dikelola Dinas Perhubungan; mohon "
            "ditindaklanjuti Dishub.",
        ),
        _I(
            "pju_tambah",
            "Usul penambahan lampu PJU di {rt}",
            "Kami mengusulkan penambahan lampu PJU di jalan kampung {rt} Kelurahan {kel}. Jalan "
            "sepanjang ±300 meter itu gelap total dan sering dilewati ibu-ibu pulang kerja dari "
            "konveksi.",
            (
                "Tim kami telah mensurvei lokasi pada {tanggal}. Dua titik lampu dapat dipasang "
                "dengan memanfaatkan tiang yang ada pada {tanggal2}; titik lainnya masuk usulan "
                "tahun {tahun_depan}.",
            ),
            report_type=_ASP,
        ),
    ),
    "lalu_lintas": (
        _I(
            "parkir_liar",
            "Parkir liar di depan {tempat}",
            "Banyak kendaraan parkir di badan jalan depan {tempat} sehingga jalan menyempit dan "
            "macet, terutama ((pagi hari|sore hari|saat jam pulang sekolah)). Mohon ditertibkan.",
            (
                "Petugas Dishub telah melakukan penertiban parkir di depan {tempat} pada {tanggal} "
                "dan memasang rambu larangan parkir. Patroli akan dilakukan secara berkala.",
            ),
            forward_from="satpol-p3kp",
            forward_reason="Penertiban parkir di badan jalan merupakan kewenangan Dishub.",
        ),
        _I(
            "jukir",
            "Juru parkir menarik tarif di atas ketentuan",
            "Juru parkir di {tempat} meminta ((Rp5.000|Rp10.000)) untuk sepeda motor tanpa "
            "memberikan karcis, padahal tarif resmi jauh lebih murah. Mohon ditertibkan.",
            (
                "Kami telah memanggil dan membina juru parkir di lokasi tersebut pada {tanggal}. "
                "Juru parkir wajib memberikan karcis dan menarik tarif sesuai Perda; bila masih "
                "terjadi, mohon laporkan kembali dengan foto dan waktu kejadian.",
            ),
            wa="min jukir di {tempat} narik ((5rb|10rb)) buat motor, karcis gk dikasih. tlg "
            "ditertibkan",
        ),
        _I(
            "apill_mati",
            "Lampu lalu lintas mati di simpang {jalan}",
            "Lampu lalu lintas di simpang {jalan} – {jalan2} mati {sejak}, kendaraan saling "
            "serobot dan hampir terjadi tabrakan.",
            (
                "Lampu lalu lintas di simpang tersebut telah diperbaiki pada {tanggal}; sementara "
                "perbaikan, petugas Dishub mengatur lalu lintas di lokasi.",
            ),
        ),
    ),
    "ketertiban": (
        _I(
            "pkl_trotoar",
            "PKL berjualan di trotoar {jalan}",
            "Pedagang kaki lima berjualan di trotoar {jalan} dekat {tempat} hingga memakan badan "
            "jalan. Pejalan kaki terpaksa berjalan di jalan raya.",
            (
                "Satpol P3KP telah melakukan penertiban dan pendataan PKL di lokasi tersebut pada "
                "{tanggal}. Pedagang diarahkan berjualan di lokasi yang disediakan; pengawasan "
                "akan dilakukan secara rutin.",
            ),
            forward_from="dishub",
            forward_reason="Penertiban PKL di trotoar merupakan kewenangan Satpol P3KP.",
        ),
        _I(
            "balap_liar",
            "Balap liar di {jalan} tiap malam Minggu",
            "Setiap malam Minggu ada balap liar di {jalan} mulai pukul 23.00 sampai dini hari. "
            "Suara knalpot sangat mengganggu dan membahayakan pengguna jalan.",
            (
                "Satpol P3KP bersama kepolisian telah melaksanakan patroli dan penyekatan di "
                "{jalan} pada {tanggal} malam; beberapa kendaraan berknalpot brong diamankan. "
                "Patroli akan dilanjutkan setiap malam Minggu.",
            ),
            wa="min tiap malem minggu ada balap liar di {jalan} jam 11an smp subuh. knalpot brong "
            "rame bgt, warga gk iso turu. tlg ditertibkan",
        ),
        _I(
            "warung_miras",
            "Warung diduga menjual minuman keras",
            "Ada warung di {rt} {kel} yang diduga menjual minuman keras dan sering dipakai "
            "nongkrong sampai larut malam. Warga resah tetapi takut menegur.",
            (
                "Satpol P3KP telah melakukan pemeriksaan ke warung tersebut pada {tanggal} dan "
                "mengamankan sejumlah minuman beralkohol tanpa izin. Pemilik telah dibuatkan surat "
                "pernyataan; pengawasan dilanjutkan bersama kelurahan.",
            ),
            note="Identitas pelapor rahasia; jangan disebut saat pemeriksaan.",
        ),
    ),
    "perizinan": (
        _I(
            "pbg",
            "Permohonan PBG belum diproses",
            "Permohonan PBG untuk rumah tinggal saya di {kel} sudah diajukan melalui SIMBG sejak "
            "{tgl_lalu}, tetapi statusnya belum berubah dan belum ada jadwal konsultasi.",
            (
                "Permohonan PBG {sapaan} telah kami periksa pada {tanggal}. Berkas gambar teknis "
                "perlu dilengkapi; jadwal konsultasi dengan tim profesi ahli ditetapkan {tanggal2} "
                "pukul 09.00 di Mal Pelayanan Publik.",
            ),
            ask="Mohon informasikan nomor registrasi permohonan PBG di SIMBG.",
            answer="Nomor registrasinya PBG-3375-{nomor}.",
        ),
        _I(
            "nib_batik",
            "Cara mengurus NIB untuk usaha batik rumahan",
            "Saya punya usaha batik rumahan dan ingin mengurus NIB agar bisa ikut pameran dan "
            "mengajukan KUR. Bagaimana caranya dan apakah berbayar?",
            (
                "NIB dapat diurus gratis secara daring melalui OSS menggunakan NIK dan e-mail "
                "aktif. Bila memerlukan pendampingan, petugas kami di Mal Pelayanan Publik siap "
                "membantu setiap hari kerja; {sapaan} juga dapat mengikuti klinik perizinan UMKM "
                "pada {tanggal2}.",
            ),
            report_type=_INF,
        ),
    ),
    "pajak": (
        _I(
            "pbb_naik",
            "SPPT PBB naik tinggi",
            "SPPT PBB-P2 rumah saya di {kel} tahun ini naik hampir dua kali lipat dibanding "
            "tahun lalu tanpa ada sosialisasi. Bagaimana cara mengajukan keberatan atau "
            "keringanan?",
            (
                "Kenaikan disebabkan penyesuaian NJOP. {sapaan} dapat mengajukan permohonan "
                "pengurangan PBB-P2; petugas kami telah membantu menyiapkan berkas pada {tanggal} "
                "dan permohonan akan diputuskan paling lambat {tanggal2}.",
            ),
        ),
        _I(
            "pbb_lunas",
            "PBB sudah dibayar tetapi tercatat belum lunas",
            "PBB tahun lalu sudah saya bayar melalui ((bank|minimarket|dompet digital)) dan ada "
            "buktinya, tetapi di SPPT tahun ini tercatat masih ada tunggakan. Mohon diperbaiki.",
            (
                "Pembayaran {sapaan} telah kami cocokkan dengan data bank pada {tanggal}; status "
                "PBB tahun lalu kini tercatat lunas dan tunggakan telah dihapus dari SPPT.",
            ),
            ask="Mohon kirimkan foto bukti pembayaran dan NOP yang tertera di SPPT.",
            answer="Foto bukti bayar dan NOP sudah saya kirim lewat WhatsApp.",
        ),
    ),
    "pelayanan_kelurahan": (
        _I(
            "surat_lambat",
            "Pelayanan surat di kantor kelurahan lambat",
            "Saya mengurus surat keterangan ((tidak mampu|domisili|usaha)) di Kantor Kelurahan "
            "{kel}, tetapi disuruh datang lagi ((dua|tiga)) kali karena pejabat yang "
            "menandatangani tidak ada di tempat.",
            (
                "Surat keterangan {sapaan} telah selesai pada {tanggal} dan dapat diambil di "
                "Kantor Kelurahan {kel_resmi}. Mulai {tanggal2}, penandatanganan surat dapat "
                "dilakukan secara elektronik sehingga warga tidak perlu menunggu pejabat di "
                "tempat.",
            ),
            wa="min ngurus surat ((sktm|domisili)) di kelurahan {kel} disuruh bali maneh trs, "
            "pejabate gk ono. udh ((2|3)) kali bolak balik",
        ),
        _I(
            "kantor_tutup",
            "Kantor kelurahan tutup pada jam kerja",
            "Pada hari ((Senin|Selasa|Kamis)) pukul 13.30 saya datang ke Kantor Kelurahan {kel} "
            "untuk mengurus surat pengantar, tetapi kantor sudah tutup dan tidak ada petugas "
            "piket.",
            (
                "Kami telah mengevaluasi jadwal piket pelayanan pada {tanggal}. Kantor Kelurahan "
                "{kel_resmi} melayani Senin–Kamis pukul 07.30–15.30 dan Jumat pukul 07.30–11.00, "
                "dan kini selalu ada petugas piket pada jam istirahat.",
            ),
        ),
    ),
    "aparatur": (
        _I(
            "pungli",
            "Dugaan pungutan liar dalam pengurusan berkas",
            "Saat mengurus ((berkas di sebuah kantor layanan|surat di kantor kelurahan|izin "
            "usaha)), ada oknum yang meminta uang ((Rp150.000|Rp300.000|Rp500.000)) agar berkas "
            "saya cepat selesai, tanpa kuitansi. Saya keberatan dan mohon ditindak.",
            (
                "Laporan {sapaan} telah kami tindak lanjuti dengan pemeriksaan oleh Inspektorat "
                "pada {tanggal}. Identitas pelapor kami rahasiakan. Hasil pemeriksaan disampaikan "
                "kepada pimpinan untuk penjatuhan sanksi sesuai ketentuan, dan pengawasan layanan "
                "diperketat.",
            ),
            ask="Mohon informasikan waktu kejadian, lokasi layanan, dan ciri-ciri petugas yang "
            "dimaksud. Identitas Anda tetap kami rahasiakan.",
            answer="Kejadian hari ((Senin|Rabu)) sekitar pukul 10.00, petugas laki-laki "
            "berseragam ((cokelat|batik)). Bukti percakapan sudah saya simpan.",
            note="Laporan sensitif: batasi akses, identitas pelapor jangan dibuka ke unit "
            "terlapor.",
        ),
        _I(
            "tidak_ditempat",
            "Petugas tidak ada di tempat pada jam pelayanan",
            "Pada jam pelayanan pukul 10.00 loket ((pelayanan|informasi)) di ((sebuah kantor "
            "dinas|kantor kecamatan)) kosong dan tidak ada petugas selama hampir satu jam. Warga "
            "yang antre dibiarkan menunggu.",
            (
                "Inspektorat telah melakukan klarifikasi kepada pimpinan unit pada {tanggal}. "
                "Petugas yang bersangkutan telah dibina dan jadwal piket loket diperbaiki.",
            ),
        ),
        _I(
            "calo",
            "Calo di sekitar kantor pelayanan",
            "Di sekitar kantor pelayanan ada calo yang menawarkan jasa ((pengurusan KTP cepat|"
            "pengurusan izin usaha)) dengan biaya ((Rp200.000|Rp350.000)). Mohon ditertibkan agar "
            "warga tidak tertipu.",
            (
                "Inspektorat bersama unit terkait telah melakukan pemantauan pada {tanggal} dan "
                "memasang pengumuman bahwa seluruh layanan gratis serta nomor pengaduan. Petugas "
                "yang terbukti bekerja sama dengan calo akan dikenai sanksi.",
            ),
        ),
    ),
    "ketenagakerjaan": (
        _I(
            "upah_umk",
            "Upah di bawah UMK",
            "Saya bekerja di sebuah ((konveksi|pabrik tekstil|usaha garmen)) di wilayah {kel} dan "
            "menerima upah jauh di bawah UMK Kota Pekalongan, tanpa BPJS Ketenagakerjaan. Mohon "
            "pengawasan tanpa menyebut nama saya.",
            (
                "Disnaker telah melakukan pembinaan dan klarifikasi kepada perusahaan pada "
                "{tanggal} bersama pengawas ketenagakerjaan Provinsi Jawa Tengah. Identitas "
                "pelapor tetap kami rahasiakan. Perusahaan diminta menyesuaikan upah dan "
                "mendaftarkan pekerja ke BPJS Ketenagakerjaan.",
            ),
        ),
        _I(
            "thr",
            "THR tidak dibayarkan",
            "Sudah menjelang Lebaran tetapi THR karyawan di tempat saya bekerja ((belum "
            "dibayarkan|hanya dibayar separuh)). Mohon bantuan posko pengaduan THR.",
            (
                "Posko THR Disnaker telah memanggil pihak perusahaan pada {tanggal}. Perusahaan "
                "menyatakan akan membayar THR secara penuh paling lambat {tanggal2}; kami akan "
                "memantau pelaksanaannya.",
            ),
        ),
        _I(
            "ak1",
            "Cara membuat kartu kuning (AK-1)",
            "Bagaimana cara membuat kartu AK-1 (kartu kuning) untuk melamar kerja? Apakah bisa "
            "online dan apa saja syaratnya?",
            (
                "Kartu AK-1 dapat diurus gratis secara daring melalui SIAPkerja atau langsung di "
                "kantor Disnaker dengan membawa KTP-el, ijazah terakhir dan pas foto. Kartu dapat "
                "langsung dicetak pada hari yang sama.",
            ),
            report_type=_INF,
        ),
    ),
    "perumahan": (
        _I(
            "rtlh",
            "Usulan bantuan rumah tidak layak huni",
            "Rumah ((ibu|nenek)) saya di {rt} Kelurahan {kel} sudah tidak layak huni: atap bocor, "
            "dinding retak dan lantai masih tanah. Beliau tinggal sendirian dan tidak mampu "
            "memperbaiki. Mohon dapat diusulkan program RTLH.",
            (
                "Tim Disperkim bersama kelurahan telah melakukan survei kelayakan pada {tanggal}. "
                "Rumah tersebut memenuhi kriteria dan telah kami masukkan dalam daftar penerima "
                "bantuan RTLH.",
            ),
            tapd="Rumah memenuhi kriteria RTLH; kuota tahun berjalan penuh. Diusulkan dalam "
            "anggaran {tahun_depan}.",
            tapd_action="Tim telah melakukan survei pada {tanggal} dan rumah tersebut memenuhi "
            "kriteria. Karena kuota tahun ini sudah terpenuhi, bantuan RTLH telah "
            "kami usulkan melalui TAPD untuk tahun anggaran {tahun_depan}.",
        ),
        _I(
            "taman_rusak",
            "Fasilitas taman rusak di {tempat}",
            "Fasilitas taman di {tempat} banyak yang rusak: ((ayunan patah|lampu taman mati|"
            "bangku lepas)), dan ((rumput tidak terawat|toilet tidak bisa dipakai)). Taman ini "
            "ramai dipakai anak-anak setiap sore.",
            (
                "Tim pemeliharaan taman telah memperbaiki fasilitas yang rusak pada {tanggal}; "
                "penggantian permainan anak yang patah dijadwalkan {tanggal2}.",
            ),
            forward_from="dpupr",
            forward_reason="Pemeliharaan taman dan fasilitas umum permukiman kewenangan Disperkim.",
        ),
        _I(
            "makam",
            "Akses ke makam umum tergenang",
            "Jalan menuju makam umum di {kel} selalu tergenang ((air hujan|rob)) sehingga warga "
            "kesulitan saat ada pemakaman.",
            (
                "Tim Disperkim telah menimbun dan meratakan jalan akses makam pada {tanggal} agar "
                "dapat dilalui.",
            ),
            tapd="Perlu peninggian jalan akses makam ±((60|90)) m; diusulkan ke TAPD.",
            tapd_action="Penimbunan sementara telah dilakukan pada {tanggal}. Peninggian dan "
            "perkerasan jalan akses makam telah kami usulkan melalui TAPD untuk "
            "{apbd}.",
        ),
        _I(
            "psu",
            "Jalan perumahan rusak, PSU belum diserahkan",
            "Jalan dan saluran di perumahan kami di {kel} rusak, tetapi setiap mengadu dijawab "
            "PSU belum diserahkan pengembang ke Pemkot. Pengembang sudah tidak bisa dihubungi.",
            (
                "Kami telah memverifikasi status PSU perumahan tersebut pada {tanggal}. Proses "
                "penyerahan PSU dari pengembang sedang kami fasilitasi; setelah tercatat sebagai "
                "aset daerah, perbaikan jalan dan saluran dapat dianggarkan.",
            ),
            tapd="PSU perumahan dalam proses penyerahan; perbaikan perlu dianggarkan setelah "
            "tercatat sebagai aset. Diusulkan ke TAPD.",
            tapd_action="Verifikasi status PSU telah kami lakukan pada {tanggal}. Penyerahan PSU "
            "sedang difasilitasi dan perbaikan jalan serta saluran telah kami "
            "usulkan melalui TAPD untuk {apbd}.",
        ),
    ),
    "lainnya": (
        _I(
            "website",
            "Situs web Pemkot tidak bisa dibuka",
            "Sejak ((kemarin|dua hari lalu)) situs web Pemkot Pekalongan ((tidak bisa dibuka|"
            "lambat sekali)) sehingga saya tidak dapat mengunduh formulir yang dibutuhkan.",
            (
                "Gangguan server telah kami perbaiki pada {tanggal}; situs web sudah dapat diakses "
                "kembali.",
            ),
        ),
        _I(
            "wifi_alun",
            "WiFi publik di Alun-alun tidak tersambung",
            "WiFi publik di Alun-alun Kota Pekalongan tidak bisa tersambung {sejak}. Biasanya "
            "dipakai pelajar untuk mengerjakan tugas.",
            (
                "Perangkat akses WiFi di Alun-alun telah kami ganti pada {tanggal}; layanan sudah "
                "normal kembali.",
            ),
            places=("kauman",),
        ),
        _I(
            "cfd",
            "Usul rute car free day diperpanjang",
            "Saya mengusulkan agar rute car free day hari Minggu diperpanjang dan ditambah "
            "kegiatan UMKM batik, supaya makin ramai dan ekonomi warga bergerak.",
            (
                "Terima kasih atas usulannya. Usulan tersebut telah kami sampaikan kepada "
                "perangkat daerah terkait dan akan dibahas dalam rapat koordinasi pada {tanggal2}.",
            ),
            report_type=_ASP,
        ),
    ),
}

#: Category codes by how often citizens report them (adminduk, bansos and infrastructure
#: lead, as in the city's figures).
CATEGORY_WEIGHTS: dict[str, float] = {
    "adminduk": 16,
    "bansos": 11,
    "jalan": 11,
    "banjir_rob": 8,
    "sampah": 8,
    "air_bersih": 8,
    "drainase": 6,
    "kesehatan": 5,
    "pju": 4,
    "pendidikan": 4,
    "lalu_lintas": 3,
    "ketertiban": 3,
    "pencemaran": 3,
    "pelayanan_kelurahan": 3,
    "perizinan": 2,
    "pajak": 2,
    "aparatur": 2,
    "ketenagakerjaan": 1.5,
    "perumahan": 2,
    "lainnya": 2,
}

#: Categories in which several citizens report the same thing (candidates for merging).
_MERGEABLE = (
    "jalan",
    "drainase",
    "banjir_rob",
    "sampah",
    "air_bersih",
    "pju",
    "pencemaran",
    "lalu_lintas",
)

STATUS_WEIGHTS: dict[str, float] = {
    S.SELESAI: 40,
    S.DIPROSES: 8,
    S.DITINDAKLANJUTI: 7,
    S.DIDISPOSISIKAN: 5,
    S.BARU: 4,
    S.MENUNGGU_INFO: 4,
    S.DITUNDA: 3,
    S.DIRUJUK: 5,
    S.DIARSIPKAN: 7,
    S.DIGABUNG: 4,
    S.DIBUKA_KEMBALI: 3,
}

CHANNEL_WEIGHTS: dict[str, float] = {
    Channel.WHATSAPP: 40,
    Channel.WEB: 22,
    Channel.LAPOR: 10,
    Channel.PHONE: 7,
    Channel.WALK_IN: 6,
    Channel.EMAIL: 7,
    Channel.OPEN311: 8,
}


@dataclass(frozen=True)
class Referral:
    """A report outside the city's authority, referred to an external body."""

    category: str
    body: str
    title: str
    text: str
    note: str


REFERRALS = (
    Referral(
        "lainnya",
        "pln-up3-pekalongan",
        "Listrik padam di {kel}",
        "Listrik di {rt} Kelurahan {kel} padam sejak ((semalam|tadi pagi)) dan belum "
        "menyala sampai sekarang. ((Usaha jahit|Freezer dagangan|Pompa air)) kami tidak "
        "bisa jalan.",
        "Terima kasih atas laporannya. Gangguan listrik merupakan kewenangan PT PLN "
        "(Persero) UP3 Pekalongan. Silakan melapor melalui aplikasi PLN Mobile atau Contact "
        "Center PLN 123 agar segera ditangani petugas PLN.",
    ),
    Referral(
        "kesehatan",
        "bpjs-kesehatan-pekalongan",
        "Iuran BPJS mandiri menunggak",
        "Iuran BPJS Kesehatan mandiri keluarga saya menunggak ((enam|sembilan)) bulan "
        "karena usaha sepi. Apakah tunggakan bisa dicicil? Anak saya harus segera "
        "berobat.",
        "Terima kasih atas laporannya. Tunggakan iuran peserta mandiri merupakan kewenangan "
        "BPJS Kesehatan Kantor Cabang Pekalongan; silakan menghubungi Care Center 165 atau "
        "datang ke kantor cabang untuk program cicilan. Bila keluarga tidak mampu, "
        "Bapak/Ibu dapat mengajukan PBI melalui kelurahan.",
    ),
    Referral(
        "ketertiban",
        "polres-pekalongan-kota",
        "Sepeda motor hilang",
        "Sepeda motor saya hilang di parkiran dekat {tempat} pada ((malam hari|siang "
        "hari)). Mohon bantuan untuk dicari.",
        "Kami turut prihatin atas kejadian yang Bapak/Ibu alami. Tindak pidana pencurian "
        "merupakan kewenangan kepolisian; silakan membuat laporan polisi di SPKT Polres "
        "Pekalongan Kota atau polsek terdekat dengan membawa STNK dan BPKB.",
    ),
    Referral(
        "pendidikan",
        "pemprov-jateng",
        "Pungutan di SMA negeri",
        "Di SMA Negeri tempat anak saya sekolah ada tarikan sumbangan pembangunan "
        "((Rp1.500.000|Rp2.000.000)) yang diwajibkan. Mohon ditindak.",
        "Terima kasih atas laporannya. Pengelolaan SMA/SMK negeri merupakan kewenangan "
        "Pemerintah Provinsi Jawa Tengah; laporan ini kami rujuk dan Bapak/Ibu dapat "
        "memantau tindak lanjutnya melalui LaporGub.",
    ),
    Referral(
        "perumahan",
        "bpn-pekalongan",
        "Sertifikat tanah PTSL belum jadi",
        "Sertifikat tanah program PTSL milik orang tua saya di {kel} belum jadi sejak "
        "diukur ((tahun lalu|dua tahun lalu)). Mohon kejelasan.",
        "Terima kasih atas laporannya. Penerbitan sertifikat tanah merupakan kewenangan "
        "Kantor Pertanahan Kota Pekalongan (BPN); silakan menanyakan langsung ke loket BPN "
        "dengan membawa bukti pengukuran.",
    ),
)

_SPAM = (
    "tes tes coba kirim laporan dari hp",
    "Dapatkan pinjaman dana cepat cair tanpa jaminan, bunga rendah! Hubungi admin kami "
    "sekarang juga.",
    "Jual followers dan likes murah meriah, proses cepat, amanah. Minat chat.",
    "Selamat! Nomor Anda terpilih mendapat hadiah uang tunai, klik tautan untuk klaim.",
    "halo halo apakah ini nomor admin? cuma mau tanya aja",
)

_INCOMPLETE = (
    ("jalan", "jalan rusak parah tolong diperbaiki segera"),
    ("sampah", "sampah numpuk bau bgt tolong diangkut"),
    ("drainase", "selokan mampet banjir terus tiap hujan min"),
    ("pju", "lampu jalan mati semua gelap banget"),
    ("adminduk", "ktp saya kok belum jadi jadi ya min"),
)

_HOLD_REASONS = (
    "Laporan kami tunda sementara untuk memastikan kewenangan penanganannya, karena lokasi "
    "yang disebut berada di perbatasan dengan Kabupaten Pekalongan.",
    "Laporan sedang kami koordinasikan dengan beberapa perangkat daerah untuk menentukan unit "
    "yang menangani.",
    "Masih menunggu hasil peninjauan lapangan bersama kelurahan sebelum diteruskan.",
    "Laporan serupa sedang ditangani dalam rapat koordinasi lintas perangkat daerah; kami "
    "tunda sampai ada keputusan.",
)

_VERIFIER_ASK = (
    "Terima kasih atas laporannya. Mohon dilengkapi lokasi persisnya (nama jalan/gang, RT/RW, "
    "kelurahan) dan bila memungkinkan foto kondisi terkini agar dapat segera kami teruskan ke "
    "unit terkait.",
    "Terima kasih. Agar dapat kami tindak lanjuti, mohon jelaskan sejak kapan masalah terjadi "
    "dan lokasinya secara lengkap.",
)
_VERIFIER_ANSWER = (
    "Lokasinya di {jalan}, {rt}, Kel. {kel}, dekat {tempat}. Foto sudah saya kirim lewat WA.",
    "Di {kel}, {rt}, masuk dari {jalan} dekat {tempat}. {sejak_plain}.",
)
#: The same for reports about a person's own matter rather than a place.
_VERIFIER_ASK_PERSONAL = (
    "Terima kasih atas laporannya. Mohon dilengkapi kronologi singkat, waktu kejadian, dan "
    "kantor layanan yang dimaksud agar dapat kami teruskan ke unit yang berwenang.",
)
_VERIFIER_ANSWER_PERSONAL = (
    "Kejadiannya hari ((Senin|Selasa|Rabu|Kamis)) ((pagi|siang)), sekitar pukul ((09.00|10.30|"
    "13.00)). Saya tinggal di {kel}, {rt}, dan bisa dihubungi di nomor ini.",
)
_DISPOSE_NOTES = (
    "Laporan telah kami verifikasi dan kami teruskan kepada {unit_nama} untuk ditindaklanjuti "
    "sesuai kewenangan.",
    "Terima kasih, laporan Anda sudah diverifikasi dan diteruskan ke {unit_nama}.",
    "Diteruskan ke {unit_nama}.",
    "",
)
_VERIFIER_NOTES = (
    "Pelapor sudah dihubungi lewat WA untuk konfirmasi lokasi.",
    "Laporan serupa pernah masuk dari wilayah yang sama; pantau kemungkinan duplikat.",
    "Identitas pelapor sudah dicek, nomor aktif.",
)
_OFFICER_NOTES = {
    "public": (
        "Sudah koordinasi dengan Lurah {kel_resmi}; cek lapangan dijadwalkan {tanggal2}.",
        "Pelapor sudah dihubungi lewat telepon untuk memastikan lokasi.",
        "Masuk rekap mingguan untuk dilaporkan ke pimpinan.",
        "Tim lapangan sudah dijadwalkan; menunggu ketersediaan kendaraan operasional.",
    ),
    "personal": (
        "Pelapor sudah dihubungi lewat telepon untuk klarifikasi.",
        "Masuk rekap mingguan untuk dilaporkan ke pimpinan.",
        "Berkas pelapor sudah ditemukan; tinggal menunggu tanda tangan kepala bidang.",
    ),
}
_HEAD_NOTES = (
    "Mohon diprioritaskan dan laporkan hasilnya kepada saya sebelum {tanggal2}.",
    "Koordinasikan dengan bidang terkait, jangan sampai melewati batas waktu.",
    "Pastikan jawaban ke pelapor disertai foto hasil pekerjaan.",
)
#: (the unit's question, the reporter's answer) when the issue has none of its own.
_GENERIC_QA: dict[str, tuple[tuple[str, str], ...]] = {
    "public": (
        (
            "Mohon informasikan lokasi lengkap (nama jalan/gang dan RT/RW) serta lampirkan foto "
            "kondisi terkini agar petugas dapat langsung menuju lokasi.",
            "Lokasinya di {jalan}, {rt}, Kel. {kel}, dekat {tempat}. Fotonya sudah saya kirim.",
        ),
        (
            "Mohon kirimkan nomor telepon yang dapat dihubungi petugas lapangan dan waktu yang "
            "tepat untuk peninjauan.",
            "Bisa dihubungi di nomor ini kapan saja, saya di rumah setiap sore.",
        ),
    ),
    "personal": (
        (
            "Mohon kirimkan nomor yang dapat dihubungi dan waktu yang tepat agar petugas kami "
            "dapat mengklarifikasi langsung kepada Bapak/Ibu.",
            "Bisa dihubungi di nomor ini, paling enak setelah pukul 16.00.",
        ),
    ),
}
_GENERIC_UNHAPPY: dict[str, tuple[str, ...]] = {
    "public": (
        "Belum ada perubahan di lokasi, kondisinya masih sama seperti saat saya melapor.",
        "Petugas hanya datang melihat, belum ada perbaikan sama sekali.",
    ),
    ReportType.ADUAN: (
        "Sampai sekarang masalah saya belum selesai, mohon dicek lagi.",
        "Belum ada kabar lanjutan dari petugas, mohon kejelasannya.",
    ),
    ReportType.ASPIRASI: ("Mohon kepastian kapan usulan ini dilaksanakan.",),
    ReportType.INFORMASI: (
        "Jawabannya belum menjawab pertanyaan saya.",
        "Mohon penjelasan lebih rinci, saya masih bingung prosedurnya.",
    ),
}
_THANKS: dict[str, tuple[str, ...]] = {
    ReportType.ADUAN: (
        "Terima kasih atas laporan yang {sapaan} sampaikan melalui {layanan}.",
        "Terima kasih telah menyampaikan laporan kepada kami.",
        "Terima kasih atas kepedulian {sapaan} dan kesediaannya melapor.",
    ),
    ReportType.ASPIRASI: (
        "Terima kasih atas usulan yang {sapaan} sampaikan melalui {layanan}.",
        "Terima kasih atas kepedulian {sapaan} untuk kemajuan lingkungan.",
    ),
    ReportType.INFORMASI: (
        "Terima kasih atas pertanyaan yang {sapaan} sampaikan melalui {layanan}.",
        "Terima kasih telah menghubungi kami.",
    ),
}
#: Categories about a shared place (street, river, neighbourhood) rather than one person.
_PUBLIC = frozenset(
    {
        "jalan",
        "drainase",
        "banjir_rob",
        "sampah",
        "pencemaran",
        "pju",
        "lalu_lintas",
        "ketertiban",
        "perumahan",
    }
)
_EMPATHY: dict[str, tuple[str, ...]] = {
    "": (
        "Kami mohon maaf atas ketidaknyamanan yang {sapaan} alami.",
        "Kami memahami hal tersebut sangat merepotkan {sapaan}.",
    ),
    "public": (
        "Kami memahami kondisi tersebut sangat mengganggu aktivitas warga.",
        "Kami memahami keresahan {sapaan} dan warga sekitar.",
        "Kami mohon maaf atas ketidaknyamanan yang {sapaan} alami.",
    ),
    "adminduk": (
        "Kami memahami dokumen kependudukan sangat dibutuhkan untuk berbagai "
        "keperluan, dan kami mohon maaf atas lamanya proses.",
    ),
    "bansos": ("Kami memahami bantuan tersebut sangat berarti bagi keluarga {sapaan}.",),
    "banjir_rob": ("Kami turut prihatin atas musibah rob yang dialami {sapaan} dan warga.",),
    "jalan": ("Kami memahami kerusakan jalan tersebut membahayakan pengguna jalan.",),
    "kesehatan": ("Kami mohon maaf atas pengalaman pelayanan yang kurang menyenangkan.",),
    "air_bersih": ("Kami mohon maaf atas terganggunya pasokan air bersih di rumah {sapaan}.",),
}
_CLOSINGS = (
    "Apabila masih terdapat kendala, silakan sampaikan kembali melalui WhatsApp {layanan} {wa}.",
    "Mohon konfirmasi kepada kami apabila permasalahan sudah teratasi.",
    "Semoga informasi ini bermanfaat. Kami terus berupaya memperbaiki pelayanan.",
)
_SATISFIED = (
    "Terima kasih, sudah beres.",
    "Matur nuwun, sudah ditangani dengan cepat.",
    "Terima kasih atas respons cepatnya, semoga pelayanan seperti ini dipertahankan.",
    "",
    "",
    "mksh min udh beres 👍",
    "Alhamdulillah sudah selesai, terima kasih petugas.",
)
_SECOND_ACTION = (
    "Menindaklanjuti tanggapan {sapaan}, petugas kami telah kembali ke lokasi pada {tanggal} "
    "dan menuntaskan pekerjaan yang belum sempurna.",
    "Atas tanggapan {sapaan}, kami telah melakukan pengecekan ulang pada {tanggal} dan "
    "memperbaiki kekurangan penanganan sebelumnya.",
)
_WA_OPEN = (
    "Assalamualaikum min",
    "Permisi min, mau lapor",
    "Pagi min",
    "Min tlg",
    "Halo admin",
    "Nuwun sewu min",
    "",
    "",
    "min",
)
_WA_CLOSE = (
    "Tlg dibantu ya min, suwun",
    "Mksh min",
    "Matur nuwun 🙏",
    "tolong segera ditindak ya min",
    "suwun",
    "Nggih matur nuwun sanget",
    "",
    "makasih bgt min",
)
_FORMAL_CLOSE = (
    "Mohon segera ditindaklanjuti. Terima kasih.",
    "Atas perhatian dan tindak lanjutnya saya ucapkan terima kasih.",
    "Mohon bantuan Bapak/Ibu. Terima kasih.",
    "Terima kasih.",
    "",
)

_INFORMAL = (
    (r"\byang\b", ("yg",)),
    (r"\btidak\b", ("gk", "ga", "nggak")),
    (r"\bsudah\b", ("udh", "sdh", "udah")),
    (r"\btolong\b", ("tlg",)),
    (r"\bdengan\b", ("dgn",)),
    (r"\bkarena\b", ("krn",)),
    (r"\bsampai\b", ("smp", "sampe")),
    (r"\bsaya\b", ("sy", "aku")),
    (r"\bbelum\b", ("blm",)),
    (r"\bsekarang\b", ("skrg",)),
    (r"\bjuga\b", ("jg",)),
    (r"\buntuk\b", ("utk", "buat")),
    (r"\bdari\b", ("dr",)),
    (r"\bkalau\b", ("klo",)),
    (r"\bbagaimana\b", ("gmn",)),
    (r"\bmohon\b", ("tlg",)),
    (r"\bsangat (\w+)", (r"\1 bgt",)),
    (r"\bterima kasih\b", ("makasih",)),
    (r"\bhari\b", ("hr",)),
)

_OPTION = re.compile(r"\(\(([^()]*)\)\)")


# =========================================================================== planning


@dataclass
class Step:
    at: datetime
    action: str
    actor: User | None = None
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class Plan:
    n: int
    status: str
    category: Category | None  # as submitted (None: the verifier chooses it)
    final_category: Category | None  # as disposed
    issue: Issue | None
    channel: str
    privacy: str
    report_type: str
    area: Area | None
    ctx: dict[str, str]
    submit: dict[str, Any] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    complaint: Complaint | None = None


class _Builder:
    def __init__(
        self, jurisdiction: Jurisdiction, users: dict[str, User], rng: random.Random, now: datetime
    ) -> None:
        self.j = jurisdiction
        self.rng = rng
        self.now = now
        self.users = users
        self.categories = {c.code: c for c in Category.objects.filter(jurisdiction=jurisdiction)}
        missing = set(CATALOGUE) - set(self.categories)
        if missing:
            raise DemoError(
                f"Kategori belum ada: {', '.join(sorted(missing))}. Jalankan dulu "
                f"`aduan load-defaults`. / Categories missing; run load-defaults first."
            )
        self.units = {u.code: u for u in Unit.objects.filter(jurisdiction=jurisdiction)}
        areas = Area.objects.filter(jurisdiction=jurisdiction).select_related("parent")
        self.kelurahan = sorted(
            (a for a in areas if a.kind == AreaKind.KELURAHAN), key=lambda a: a.code
        )
        self.aliases: dict[int, list[str]] = {}
        for area in self.kelurahan:
            self.aliases[area.pk] = [a.name for a in area.aliases.all() if len(a.name.split()) <= 2]
        self.unused_areas = [a.code for a in self.kelurahan]
        rng.shuffle(self.unused_areas)
        self.area_by_code = {a.code: a for a in self.kelurahan}
        self.puskesmas = {u.code: u for u in self.units.values() if u.kind == "puskesmas"}
        self.coverage: dict[int, list[Unit]] = {}
        through = Unit.covered_areas.through.objects.filter(unit__jurisdiction=jurisdiction)
        for unit_id, area_id in through.values_list("unit_id", "area_id").order_by("pk"):
            unit = next((u for u in self.puskesmas.values() if u.pk == unit_id), None)
            if unit is not None:
                self.coverage.setdefault(area_id, []).append(unit)
        self.seen_categories: set[str] = set()
        # Features each shown at least once: the first plan that can have one gets it.
        self.pending = {
            "forward",
            "verifier_info",
            "unit_info",
            "tapd",
            "note",
            "head_note",
            "hold_then_dispose",
            "skip_start",
            "reopen",
            "resolve",
            "system",
            "satisfied",
        }
        self.pending_channels = [c for c in CHANNEL_WEIGHTS]
        self.pending_privacy = [Privacy.ANONIM, Privacy.RAHASIA]
        self.pending_types = [ReportType.ASPIRASI, ReportType.INFORMASI]
        # unit code -> users who work its inbox (officers first) and its heads
        self.workers: dict[str, list[User]] = {}
        self.heads: dict[str, list[User]] = {}
        for account in DEMO_ACCOUNTS:
            for code, mrole in account.units:
                target = self.heads if mrole == _H else self.workers
                target.setdefault(code, []).append(users[account.username])
        self.verifiers = [users["verifikator"], users["verifikator2"]]
        self.service = jurisdiction.service_name or "layanan pengaduan"
        self.wa = jurisdiction.contact_whatsapp or ""

    # ------------------------------------------------------------------ small helpers

    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[self.rng.randrange(len(seq))]

    def want(self, feature: str, probability: float) -> bool:
        """True with ``probability``, and always the first time ``feature`` is asked for."""
        if feature in self.pending:
            self.pending.discard(feature)
            return True
        return self.rng.random() < probability

    def weighted(self, weights: dict[str, float]) -> str:
        keys = list(weights)
        return self.rng.choices(keys, weights=[weights[k] for k in keys])[0]

    def fill(self, template: str, ctx: dict[str, str]) -> str:
        text = _OPTION.sub(lambda m: self.pick(m.group(1).split("|")), template)
        return text.format_map(ctx)

    def informal(self, text: str) -> str:
        for pattern, choices in _INFORMAL:
            if self.rng.random() < 0.75:
                text = re.sub(pattern, self.pick(choices), text, flags=re.IGNORECASE)
        if self.rng.random() < 0.6:
            text = text.lower()
        return text.rstrip(".")

    @staticmethod
    def local(at: datetime) -> datetime:
        return at.astimezone(WIB)

    @staticmethod
    def day_text(day: date) -> str:
        return f"{_DAYS[day.weekday()]}, {day.day} {_MONTHS[day.month - 1]} {day.year}"

    def greeting_time(self, at: datetime) -> str:
        hour = self.local(at).hour
        return "pagi" if hour < 11 else "siang" if hour < 15 else "sore" if hour < 18 else "malam"

    # ------------------------------------------------------------------ time

    def office(self, at: datetime) -> datetime:
        """Move ``at`` into office hours (working days, 07:30–16:00 WIB)."""
        local = self.local(at)
        minutes = local.hour * 60 + local.minute
        if is_working_day(local.date()) and 450 <= minutes < 960:
            return at
        day = local.date()
        if minutes >= 960 or not is_working_day(day):
            day += timedelta(days=1)
        while not is_working_day(day):
            day += timedelta(days=1)
        start = datetime(day.year, day.month, day.day, 7, 30, tzinfo=WIB)
        # Mostly in the morning, some later in the day.
        return start + timedelta(
            minutes=self.rng.triangular(0, 500, 60), seconds=self.rng.randint(0, 59)
        )

    def staff(self, at: datetime, lo_h: float, hi_h: float, *, urgent: bool = False) -> datetime:
        moved = at + timedelta(hours=self.rng.uniform(lo_h, hi_h))
        moved = moved if urgent else self.office(moved)
        return max(moved, at + timedelta(minutes=self.rng.randint(3, 40)))

    def citizen(self, at: datetime, lo_h: float, hi_h: float) -> datetime:
        moved = at + timedelta(hours=self.rng.uniform(lo_h, hi_h))
        hour = self.local(moved).hour
        if hour < 5 or hour >= 23:
            moved += timedelta(hours=(7 - hour) % 24, minutes=self.rng.randint(0, 90))
        return max(moved, at + timedelta(minutes=self.rng.randint(5, 60)))

    def submit_time(self, status: str) -> datetime:
        windows: dict[str, tuple[float, float]] = {
            S.BARU: (0.05, 2.5),
            S.DITUNDA: (2, 12),
            S.MENUNGGU_INFO: (1.5, 9),
            S.DIDISPOSISIKAN: (0.5, 6),
            S.DIPROSES: (2, 25),
            S.DITINDAKLANJUTI: (3, 11),
            S.DIBUKA_KEMBALI: (6, 40),
        }
        if status in windows:
            lo, hi = windows[status]
            days = self.rng.uniform(lo, hi)
        else:
            # Closed ones over ~14 months, denser in recent months.
            days = 3 + 422 * (1 - self.rng.random() ** 0.7)
        at = self.now - timedelta(days=days)
        local = self.local(at)
        # Citizens write from early morning to late evening.
        if local.hour < 6 or local.hour >= 22:
            at += timedelta(hours=self.rng.randint(8, 12))
        return min(at, self.now - timedelta(minutes=30))

    # ------------------------------------------------------------------ people and places

    def person(self) -> tuple[str, str, bool]:
        """(first name, full name, is_female)"""
        female = self.rng.random() < 0.55
        first = self.pick(_FEMALE if female else _MALE)
        last = self.pick(_FEMALE_LAST if female else _MALE_LAST)
        if first == "Muhammad" and not last:
            last = self.pick(("Rizki", "Ikhsan", "Ali", "Nur"))
        return first, f"{first} {last}".strip(), female

    def phone(self) -> str:
        return f"08{self.pick(_PHONE_PREFIX)}-5550-{self.rng.randint(0, 9999):04d}"

    def email(self, full_name: str) -> str:
        slug = re.sub(r"[^a-z]+", ".", full_name.lower()).strip(".")
        return f"{slug}{self.rng.randint(1, 99)}@{self.pick(_EMAIL_DOMAINS)}"

    def choose_area(self, category: str, issue: Issue | None) -> Area:
        if issue is not None and issue.places:
            return self.area_by_code[self.pick(issue.places)]
        if category == "banjir_rob" and self.rng.random() < 0.85:
            return self.area_by_code[self.pick(_COASTAL)]
        if self.unused_areas:
            return self.area_by_code[self.unused_areas.pop()]
        return self.pick(self.kelurahan)

    def context(self, area: Area | None, submitted: datetime) -> dict[str, str]:
        rng = self.rng
        code = area.code if area else ""
        kel_resmi = area.name if area else "Kota Pekalongan"
        aliases = self.aliases.get(area.pk, []) if area else []
        kel = self.pick(aliases) if aliases and rng.random() < 0.35 else kel_resmi
        local_streets = [s for s, where in _STREETS if code in where]
        anywhere = [s for s, where in _STREETS if not where]
        streets = local_streets if local_streets and rng.random() < 0.7 else anywhere
        jalan = self.pick(streets)
        if rng.random() < 0.25:
            jalan = f"Gg. {self.pick(_GANG_NAMES)} {rng.randint(1, 9)}, {jalan}"
        jalan2 = self.pick([s for s in anywhere if s not in jalan])
        rt_no, rw = rng.randint(1, 9), rng.randint(1, 12)
        landmarks = [name for name, where in _LANDMARKS if code in where]
        gang = self.pick(_GANG_NAMES)
        if landmarks and rng.random() < 0.6:
            tempat = self.pick(landmarks)
        else:
            tempat = self.pick(_GENERIC_PLACES).format(
                rw=f"{rw:02d}", rt_no=f"{rt_no:02d}", kel_resmi=kel_resmi, gang=gang
            )
        sejak, sejak_wa = self.pick(_SINCE)
        pkm_units = self.coverage.get(area.pk, []) if area is not None else []
        pkm_unit = self.pick(pkm_units) if pkm_units else self.pick(list(self.puskesmas.values()))
        past = self.local(submitted).date() - timedelta(days=rng.randint(12, 60))
        return {
            "kel": kel,
            "kel_resmi": kel_resmi,
            "kec": area.parent.name if area and area.parent else "",
            "jalan": jalan,
            "jalan2": jalan2,
            "rt": f"RT {rt_no:02d} RW {rw:02d}",
            "tempat": tempat,
            "sejak": sejak,
            "sejak_wa": sejak_wa,
            "sejak_plain": sejak[0].upper() + sejak[1:],
            "pkm": pkm_unit.name.replace("Puskesmas ", ""),
            "pkm_code": pkm_unit.code,
            "nopel": f"{rng.randint(1, 12):02d}.{rng.randint(1000, 9999)}.{rng.randint(10, 99)}",
            "nomor": str(rng.randint(100000, 999999)),
            "nik4": f"{rng.randint(0, 9999):04d}",
            "sd": f"SD Negeri {kel_resmi} {rng.randint(1, 3):02d}",
            "smp": f"SMP Negeri {rng.randint(1, 17)} Pekalongan",
            "tgl_lalu": f"{past.day} {_MONTHS[past.month - 1]}",
            "layanan": self.service,
            "wa": self.wa,
        }

    def timed(
        self,
        ctx: dict[str, str],
        at: datetime,
        *,
        earliest: datetime | None = None,
        unit: Unit | None = None,
    ) -> dict[str, str]:
        """``ctx`` plus the dates a message written at ``at`` speaks of."""
        day = self.local(at).date()
        done = day
        if self.rng.random() < 0.45:
            done = day - timedelta(days=1)
            while not is_working_day(done):
                done -= timedelta(days=1)
            if earliest is not None and done < self.local(earliest).date():
                done = day
        later = day
        for _ in range(self.rng.randint(1, 4)):
            later += timedelta(days=1)
            while not is_working_day(later):
                later += timedelta(days=1)
        year = self.local(at).year
        month = self.local(at).month
        return {
            **ctx,
            "tanggal": self.day_text(done),
            "tanggal2": self.day_text(later),
            "tahun": str(year),
            "tahun_depan": str(year + 1),
            "apbd": f"APBD Perubahan {year}" if month <= 6 else f"APBD {year + 1}",
            "waktu": self.greeting_time(at),
            "unit_nama": unit.name if unit else "unit terkait",
        }

    # ------------------------------------------------------------------ texts

    def citizen_text(self, p: Plan, issue_text: str, wa_text: str) -> str:
        ctx = p.ctx
        channel = p.channel
        if channel == Channel.WHATSAPP:
            body = (
                self.fill(wa_text, ctx)
                if wa_text and self.rng.random() < 0.8
                else self.informal(self.fill(issue_text, ctx))
            )
            opener, closer = self.pick(_WA_OPEN), self.pick(_WA_CLOSE)
            if opener.endswith("min") and body.lower().startswith("min "):
                body = body[4:]
            if opener and body[:1].isupper() and body[1:2].islower():
                body = body[0].lower() + body[1:]
            text = f"{opener}, {body}" if opener else body
            if closer:
                sep = self.pick(("\n", ". ", " "))
                if sep == " ":
                    closer = closer[0].lower() + closer[1:]
                text = f"{text}{sep}{closer}"
            return text
        body = self.fill(issue_text, ctx)
        if channel == Channel.EMAIL:
            name = p.submit.get("reporter_name")
            parts = [
                "Dengan hormat,",
                body,
                self.pick(_FORMAL_CLOSE),
                f"Hormat saya,\n{name}" if name else "",
            ]
            return "\n\n".join(part for part in parts if part)
        if channel == Channel.LAPOR:
            return f"Yth. Pemerintah Kota Pekalongan,\n{body} {self.pick(_FORMAL_CLOSE)}".strip()
        if channel == Channel.PHONE:
            return f'Laporan melalui telepon, dicatat petugas. Pelapor menyampaikan: "{body}"'
        if channel == Channel.WALK_IN:
            place = self.pick(("Mal Pelayanan Publik", "kantor Dinkominfo"))
            return f'Pelapor datang langsung ke {place} dan menyampaikan: "{body}"'
        if channel == Channel.OPEN311:
            return body
        greeting = self.pick(
            ("Selamat {waktu}.", "Yth. Admin {layanan},", "Assalamualaikum wr. wb.", "")
        )
        greeting = greeting.format(
            waktu=self.greeting_time(p.steps[0].at) if p.steps else "pagi", layanan=self.service
        )
        return " ".join(x for x in (greeting, body, self.pick(_FORMAL_CLOSE)) if x)

    def citizen_reply(self, p: Plan, text: str) -> str:
        return self.informal(text) if p.channel == Channel.WHATSAPP else text

    def sapaan(self, p: Plan) -> str:
        first = p.ctx.get("first_name", "")
        if not first or p.privacy == Privacy.ANONIM:
            return "Bapak/Ibu"
        return f"{'Ibu' if p.ctx.get('female') == '1' else 'Bapak'} {first}"

    def reply(self, p: Plan, action: str, at: datetime, unit: Unit, *, earliest: datetime) -> str:
        ctx = self.timed(p.ctx, at, earliest=earliest, unit=unit)
        category = p.final_category.code if p.final_category else ""
        general = _EMPATHY["public"] if category in _PUBLIC else _EMPATHY[""]
        empathy = self.pick(_EMPATHY.get(category, ()) + general)
        parts = [
            f"Selamat {ctx['waktu']} {ctx['sapaan']},",
            " ".join(
                [
                    self.fill(self.pick(_THANKS[p.report_type]), ctx),
                    self.fill(empathy, ctx) if p.report_type == ReportType.ADUAN else "",
                ]
            ),
            self.fill(action, ctx),
            self.fill(self.pick(_CLOSINGS), ctx),
            f"Hormat kami,\n{unit.short_name or unit.name}",
        ]
        return "\n\n".join(part.strip() for part in parts if part.strip())

    # ------------------------------------------------------------------ plans

    def new_plan(
        self,
        n: int,
        status: str,
        category: str | None,
        issue: Issue | None,
        area: Area | None,
        *,
        channel: str | None = None,
        place: dict[str, str] | None = None,
        privacy: str | None = None,
    ) -> Plan:
        """A plan with its reporter and submission; ``place`` overrides the location words
        (a duplicate speaks of the same place as the report it duplicates)."""
        rng = self.rng
        submitted = self.submit_time(status)
        channel = channel or self.weighted(CHANNEL_WEIGHTS)
        sensitive = category in ("aparatur", "ketenagakerjaan") or (
            issue is not None and issue.key in ("salah_sasaran", "pungutan_sd", "warung_miras")
        )
        roll = rng.random()
        forced_privacy = privacy
        if sensitive:
            privacy = (
                Privacy.RAHASIA if roll < 0.45 else Privacy.ANONIM if roll < 0.8 else Privacy.BIASA
            )
        else:
            privacy = (
                Privacy.RAHASIA if roll < 0.03 else Privacy.ANONIM if roll < 0.13 else Privacy.BIASA
            )
        if channel in (Channel.PHONE, Channel.WALK_IN) and privacy == Privacy.ANONIM:
            privacy = Privacy.BIASA
        privacy = forced_privacy or privacy
        if channel == Channel.WALK_IN or (channel == Channel.PHONE and self.rng.random() < 0.8):
            submitted = self.office(submitted)
            if submitted > self.now - timedelta(minutes=30):
                submitted -= timedelta(days=7)
        first, full, female = self.person()
        ctx = self.context(area, submitted)
        ctx.update(place or {})
        ctx.update(nama=full, first_name=first, female="1" if female else "")
        cat = self.categories[category] if category else None
        p = Plan(
            n=n,
            status=status,
            category=cat,
            final_category=cat,
            issue=issue,
            channel=channel,
            privacy=privacy,
            report_type=issue.report_type if issue else ReportType.ADUAN,
            area=area,
            ctx=ctx,
        )
        ctx["sapaan"] = self.sapaan(p)
        name = "" if privacy == Privacy.ANONIM and rng.random() < 0.6 else full
        phone = self.phone() if channel != Channel.EMAIL or rng.random() < 0.3 else ""
        if privacy == Privacy.ANONIM and rng.random() < 0.3:
            phone = ""
        email = (
            self.email(full)
            if channel == Channel.EMAIL or (channel == Channel.WEB and rng.random() < 0.3)
            else ""
        )
        if privacy == Privacy.BIASA and not (phone or email):
            phone = self.phone()
        address = ""
        if area is not None and channel != Channel.WHATSAPP or rng.random() < 0.3:
            address = f"{ctx['jalan']}, {ctx['rt']}, Kel. {ctx['kel']}" if area else ctx["jalan"]
        latitude = longitude = None
        if (
            area is not None
            and area.latitude is not None
            and area.longitude is not None
            and channel in (Channel.OPEN311, Channel.WEB)
            and rng.random() < 0.7
        ):
            latitude = round(area.latitude + rng.uniform(-0.004, 0.004), 6)
            longitude = round(area.longitude + rng.uniform(-0.004, 0.004), 6)
        p.submit = {
            "reporter_name": name,
            "reporter_phone": phone,
            "reporter_email": email,
            "address": address,
            "latitude": latitude,
            "longitude": longitude,
        }
        p.steps.append(Step(submitted, "submit"))
        return p

    def finish_submit(self, p: Plan, text: str, wa: str, title: str) -> None:
        """Write the citizen's text once the submission moment is known."""
        description = self.citizen_text(p, text, wa)
        has_title = p.channel in (Channel.WEB, Channel.OPEN311, Channel.EMAIL, Channel.LAPOR)
        p.submit.update(
            jurisdiction=self.j,
            description=description,
            channel=p.channel,
            report_type=p.report_type,
            category=p.category,
            area=p.area,
            privacy=p.privacy,
            title=self.fill(title, p.ctx) if has_title and title else "",
            submission_key=f"{DEMO_KEY_PREFIX}{p.n}",
        )
        p.steps[0].args = p.submit

    # --- steps

    def verifier(self) -> User:
        return self.verifiers[0] if self.rng.random() < 0.6 else self.verifiers[1]

    def worker(self, unit: Unit) -> User:
        return self.workers[unit.code][0]

    def add(
        self, p: Plan, at: datetime, action: str, actor: User | None = None, **args: Any
    ) -> datetime:
        p.steps.append(Step(at, action, actor, args))
        return at

    def handling_unit(self, p: Plan, *, unstaffed: bool = False) -> Unit:
        """The unit the verifier sends it to: where routing points when a demo officer works
        there (or ``unstaffed``: the complaint will only wait in that unit's inbox), else the
        category's default unit."""
        category = p.final_category
        if category is None:  # pragma: no cover - plans always carry one
            raise DemoError("plan without category")
        code = ""
        if p.issue is not None and p.issue.unit:
            code = p.issue.unit
        elif category.code == "pelayanan_kelurahan" and p.area is not None:
            code = f"kel-{p.area.code}"
        elif category.code == "kesehatan" and p.issue is not None and "{pkm}" in p.issue.text:
            code = p.ctx["pkm_code"]
        if unstaffed and code in self.units:
            return self.units[code]
        if code not in self.workers:
            code = category.default_unit.code if category.default_unit else "dinkominfo"
        if code not in self.workers:
            code = "dinkominfo"
        return self.units[code]

    def path(self, p: Plan) -> None:
        """Add the steps that take a submitted complaint to ``p.status``."""
        rng = self.rng
        status = p.status
        urgent = p.final_category is not None and p.final_category.code == "banjir_rob"
        t = p.steps[0].at
        issue = p.issue
        if issue is None:  # pragma: no cover - only normal plans take a path
            raise DemoError("plan without issue")
        # --- verifier stage
        if status == S.BARU:
            if rng.random() < 0.25:
                self.add(
                    p,
                    self.staff(t, 0.2, 3),
                    "note",
                    self.verifier(),
                    text=self.pick(_VERIFIER_NOTES),
                )
            return
        if status == S.MENUNGGU_INFO and rng.random() < 0.5:
            self.add(
                p,
                self.staff(t, 0.5, 20),
                "request_info",
                self.verifier(),
                question=self.pick(_VERIFIER_ASK),
            )
            return
        if status == S.DITUNDA or (
            status != S.MENUNGGU_INFO and self.want("hold_then_dispose", 0.05)
        ):
            t = self.add(
                p, self.staff(t, 1, 24), "hold", self.verifier(), reason=self.pick(_HOLD_REASONS)
            )
            if status == S.DITUNDA:
                return
        public = p.final_category is not None and p.final_category.code in _PUBLIC
        if self.want("verifier_info", 0.12):
            if public:
                ask, answer = self.pick(_VERIFIER_ASK), self.pick(_VERIFIER_ANSWER)
            elif issue.ask:
                ask, answer = issue.ask, issue.answer
            else:
                ask = self.pick(_VERIFIER_ASK_PERSONAL)
                answer = self.pick(_VERIFIER_ANSWER_PERSONAL)
            t = self.add(
                p,
                self.staff(t, 0.5, 20),
                "request_info",
                self.verifier(),
                question=self.fill(ask, p.ctx),
            )
            t = self.add(
                p,
                self.citizen(t, 1, 48),
                "add_info",
                message=self.citizen_reply(p, self.fill(answer, p.ctx)),
            )
        right = self.handling_unit(p, unstaffed=status == S.DIDISPOSISIKAN)
        first = right
        forward = (
            issue.forward_from in self.workers
            and issue.forward_from != right.code
            and right.code in self.workers
            and self.want("forward", 0.5 if issue.unit else 0.15)
        )
        if forward:
            first = self.units[issue.forward_from]
        if p.category is None:
            p.final_category = p.final_category or self.categories["lainnya"]
        t = self.add(
            p,
            self.staff(t, 0.3, 20, urgent=urgent),
            "dispose",
            self.verifier(),
            unit=first,
            category=p.final_category,
            note_tpl=self.pick(_DISPOSE_NOTES),
        )
        disposed_at = t
        if status == S.DIDISPOSISIKAN and not forward:
            return
        if forward:
            if rng.random() < 0.3:
                t = self.add(p, self.staff(t, 1, 20), "start", self.worker(first))
            t = self.add(
                p,
                self.staff(t, 1, 30),
                "forward",
                self.worker(first),
                unit=right,
                reason=issue.forward_reason,
            )
            if status == S.DIDISPOSISIKAN:
                return
        officer = self.worker(right)
        ask, answer = (
            (issue.ask, issue.answer)
            if issue.ask
            else self.pick(_GENERIC_QA["public" if public else "personal"])
        )
        if status == S.MENUNGGU_INFO:
            t = self.add(p, self.staff(t, 1, 24, urgent=urgent), "start", officer)
            self.add(
                p, self.staff(t, 1, 30), "request_info", officer, question=self.fill(ask, p.ctx)
            )
            return
        if status == S.DIPROSES or not self.want("skip_start", 0.15):
            t = self.add(p, self.staff(t, 0.5, 30, urgent=urgent), "start", officer)
        if self.want("note", 0.3):
            heads = self.heads.get(right.code)
            if heads and self.want("head_note", 0.5):
                t = self.add(
                    p, self.staff(t, 0.5, 8), "note", heads[0], text_tpl=self.pick(_HEAD_NOTES)
                )
            else:
                t = self.add(
                    p,
                    self.staff(t, 0.5, 8),
                    "note",
                    officer,
                    text_tpl=issue.note
                    or self.pick(_OFFICER_NOTES["public" if public else "personal"]),
                )
        if self.want("unit_info", 0.12):
            t = self.add(
                p, self.staff(t, 1, 24), "request_info", officer, question=self.fill(ask, p.ctx)
            )
            t = self.add(
                p,
                self.citizen(t, 1, 60),
                "add_info",
                message=self.citizen_reply(p, self.fill(answer, p.ctx)),
            )
        planning = p.final_category is not None and p.final_category.typically_needs_planning
        tapd = bool(issue.tapd) and self.want("tapd", 0.6 if planning else 0.2)
        if tapd:
            t = self.add(p, self.staff(t, 4, 72), "flag_tapd", officer, reason_tpl=issue.tapd)
        if status == S.DIPROSES:
            return
        sla = p.final_category.sla_days if p.final_category else 5
        if urgent:
            t_follow = self.staff(t, 2, 20, urgent=True)
        else:
            factor = rng.uniform(0.2, 1.0) if rng.random() < 0.85 else rng.uniform(1.1, 2.0)
            t_follow = self.staff(t, 4, max(6.0, sla * 24 * factor))
        action = issue.tapd_action if tapd and issue.tapd_action else self.pick(issue.action)
        t = self.add(
            p, t_follow, "follow_up", officer, action_tpl=action, unit=right, earliest=disposed_at
        )
        if status == S.DITINDAKLANJUTI:
            return
        kind = (
            "public"
            if (
                p.report_type == ReportType.ADUAN
                and p.final_category is not None
                and p.final_category.code in _PUBLIC
            )
            else p.report_type
        )
        unhappy = issue.unhappy or self.pick(_GENERIC_UNHAPPY[kind])
        if status == S.DIBUKA_KEMBALI:
            t = self.add(
                p,
                self.citizen(t, 3, 120),
                "respond",
                satisfied=False,
                reason=self.citizen_reply(p, self.fill(unhappy, p.ctx)),
            )
            if rng.random() < 0.4:
                self.add(
                    p,
                    self.staff(t, 1, 24),
                    "note",
                    officer,
                    text_tpl=self.pick(_OFFICER_NOTES["public" if public else "personal"]),
                )
            return
        # --- SELESAI
        ending = self.weighted({"satisfied": 50, "resolve": 20, "system": 15, "reopen": 15})
        for forced in ("reopen", "resolve", "system", "satisfied"):
            if forced in self.pending:
                self.pending.discard(forced)
                ending = forced
                break
        if ending == "reopen":
            t = self.add(
                p,
                self.citizen(t, 3, 120),
                "respond",
                satisfied=False,
                reason=self.citizen_reply(p, self.fill(unhappy, p.ctx)),
            )
            t = self.add(p, self.staff(t, 2, 30), "start", officer)
            t = self.add(
                p,
                self.staff(t, 8, 96),
                "follow_up",
                officer,
                action_tpl=self.pick(_SECOND_ACTION),
                unit=right,
                earliest=t,
            )
            ending = "satisfied"
        if ending == "satisfied":
            self.add(
                p,
                self.citizen(t, 2, 140),
                "respond",
                satisfied=True,
                reason=self.citizen_reply(p, self.pick(_SATISFIED)),
            )
        elif ending == "resolve":
            note = ""
            if p.report_type == ReportType.ADUAN:
                note = (
                    "Pekerjaan telah selesai dan sudah dicek di lapangan."
                    if public
                    else "Permasalahan pelapor telah selesai ditangani."
                )
            self.add(p, self.staff(t, 24, 120), "resolve", officer, note=note)
        else:
            at = t + timedelta(days=10, hours=rng.uniform(1, 6))
            self.add(
                p,
                at,
                "resolve",
                None,
                note="Laporan ditutup otomatis karena tidak ada tanggapan dari pelapor "
                "dalam 10 hari setelah tindak lanjut.",
            )

    def fit_before_now(self, p: Plan) -> None:
        """Shift the whole plan back when its last step would be in the future; a complaint
        left waiting for the citizen ends in the last week, as the worker would otherwise
        have archived or closed it already."""
        last = p.steps[-1].at
        limit = self.now - timedelta(minutes=5)
        if p.status in (S.MENUNGGU_INFO, S.DITINDAKLANJUTI):
            recent = self.now - timedelta(days=6)
            if last < recent:
                weeks = (recent - last) // timedelta(days=7) + 1
                for step in p.steps:
                    step.at += timedelta(days=7 * weeks)
                last = p.steps[-1].at
        if last > limit:
            # Whole weeks keep every step's weekday and time of day (office hours).
            weeks = (last - limit) // timedelta(days=7) + 1
            for step in p.steps:
                step.at -= timedelta(days=7 * weeks)
        for before, after in zip(p.steps, p.steps[1:], strict=False):
            if after.at <= before.at:
                after.at = before.at + timedelta(minutes=1)

    def render(self, p: Plan) -> None:
        """Turn templates into texts now that the moments are fixed."""
        for step in p.steps:
            args = step.args
            if "note_tpl" in args:
                unit = args["unit"]
                args["note"] = self.fill(
                    args.pop("note_tpl"), self.timed(p.ctx, step.at, unit=unit)
                )
            if "text_tpl" in args:
                args["text"] = self.fill(args.pop("text_tpl"), self.timed(p.ctx, step.at))
            if "reason_tpl" in args:
                args["reason"] = self.fill(args.pop("reason_tpl"), self.timed(p.ctx, step.at))
            if "action_tpl" in args:
                args["text"] = self.reply(
                    p,
                    args.pop("action_tpl"),
                    step.at,
                    args.pop("unit"),
                    earliest=args.pop("earliest"),
                )

    # --- whole plans per scenario

    def normal(self, n: int, status: str, category: str) -> Plan:
        rng = self.rng
        issues = CATALOGUE[category]
        weights = [1.0 if i.report_type == ReportType.ADUAN else 0.35 for i in issues]
        issue = rng.choices(issues, weights=weights)[0]
        for report_type in self.pending_types:
            typed = [i for i in issues if i.report_type == report_type]
            if typed:
                issue = self.pick(typed)
                self.pending_types.remove(report_type)
                break
        if category == "pelayanan_kelurahan" and status not in (
            S.BARU,
            S.DITUNDA,
            S.DIDISPOSISIKAN,
        ):
            area = self.area_by_code["kauman"]  # the demo kelurahan with an officer
        else:
            area = self.choose_area(category, issue)
        channel = (
            self.pending_channels.pop(0)
            if self.pending_channels
            else self.weighted(CHANNEL_WEIGHTS)
        )
        privacy = None
        if self.pending_privacy and channel not in (Channel.PHONE, Channel.WALK_IN):
            privacy = self.pending_privacy.pop(0)
        # Some WhatsApp and phone reports come without a category: the verifier picks it (but
        # the first complaint of each category keeps it, so that every category shows).
        unclassified = (
            channel in (Channel.WHATSAPP, Channel.PHONE)
            and rng.random() < 0.3
            and category in self.seen_categories
        )
        self.seen_categories.add(category)
        p = self.new_plan(n, status, category, issue, area, channel=channel, privacy=privacy)
        if unclassified:
            p.category = None
        if (
            not self.unused_areas
            and rng.random() < 0.05
            and channel == Channel.WHATSAPP
            and category != "pelayanan_kelurahan"
        ):
            p.area = None
        self.path(p)
        self.fit_before_now(p)
        # the submission text may greet by the time of day: write it after fitting
        self.finish_submit(p, issue.text, issue.wa, issue.title)
        self.render(p)
        return p

    def referral(self, n: int) -> Plan:
        ref = self.pick(REFERRALS)
        area = self.choose_area(ref.category, None)
        p = self.new_plan(n, S.DIRUJUK, ref.category, None, area)
        t = p.steps[0].at
        if self.rng.random() < 0.2:
            t = self.add(
                p, self.staff(t, 1, 20), "hold", self.verifier(), reason=self.pick(_HOLD_REASONS)
            )
        self.add(
            p,
            self.staff(t, 0.5, 24),
            "refer",
            self.verifier(),
            note_to_citizen=ref.note,
            body=self.units.get(ref.body),
        )
        self.fit_before_now(p)
        self.finish_submit(p, ref.text, "", ref.title)
        return p

    def junk(self, n: int) -> Plan:
        """Spam, or an incomplete report whose reporter never answered."""
        rng = self.rng
        if rng.random() < 0.5:
            p = self.new_plan(
                n,
                S.DIARSIPKAN,
                None,
                None,
                None,
                channel=self.pick((Channel.WHATSAPP, Channel.WEB, Channel.EMAIL)),
            )
            self.add(
                p,
                self.staff(p.steps[0].at, 0.3, 10),
                "archive",
                self.verifier(),
                reason=ArchiveReason.SPAM,
                note="Pesan tidak berisi pengaduan pelayanan publik.",
            )
            self.fit_before_now(p)
            text = self.pick(_SPAM)
            self.finish_submit(p, text, text, "")
            p.submit["description"] = text
            return p
        category, text = self.pick(_INCOMPLETE)
        p = self.new_plan(n, S.DIARSIPKAN, category, None, None, channel=Channel.WHATSAPP)
        t = self.add(
            p,
            self.staff(p.steps[0].at, 0.5, 20),
            "request_info",
            self.verifier(),
            question=self.pick(_VERIFIER_ASK),
        )
        self.add(
            p,
            t + timedelta(days=10, hours=rng.uniform(1, 5)),
            "archive",
            None,
            reason=ArchiveReason.INCOMPLETE,
            note="Diarsipkan otomatis karena informasi tambahan tidak diterima dalam 10 "
            "hari kalender. Silakan kirim laporan baru bila masalah masih terjadi.",
        )
        self.fit_before_now(p)
        self.finish_submit(p, text, text, "")
        p.submit["description"] = text
        return p

    def duplicate(self, n: int, parents: list[Plan], *, merge: bool) -> Plan | None:
        """Another citizen reports what a parent plan already reports: merged or archived."""
        rng = self.rng
        candidates = [
            q
            for q in parents
            if q.issue is not None
            and q.final_category is not None
            and q.final_category.code in _MERGEABLE
            and q.issue.report_type == ReportType.ADUAN
            and q.area is not None
        ]
        rng.shuffle(candidates)
        for parent in candidates:
            closes = parent.steps[-1].at if parent.status in (S.SELESAI,) else None
            start = parent.steps[0].at + timedelta(hours=rng.uniform(2, 72))
            if start > self.now - timedelta(hours=3):
                continue
            issue = parent.issue
            if issue is None:
                continue
            same_place = {
                key: parent.ctx[key]
                for key in (
                    "kel",
                    "kel_resmi",
                    "kec",
                    "jalan",
                    "jalan2",
                    "rt",
                    "tempat",
                    "pkm",
                    "pkm_code",
                )
            }
            p = self.new_plan(
                n,
                S.DIGABUNG if merge else S.DIARSIPKAN,
                parent.final_category.code if parent.final_category else None,
                issue,
                parent.area,
                place=same_place,
            )
            p.steps[0].at = start
            at = self.staff(start, 0.5, 30)
            if at >= self.now - timedelta(minutes=5) or (closes is not None and at >= closes):
                continue
            if merge:
                self.add(p, at, "merge", self.verifier(), into=parent)
            else:
                self.add(
                    p,
                    at,
                    "archive",
                    self.verifier(),
                    reason=ArchiveReason.DUPLICATE,
                    note=lambda parent=parent: (
                        "Laporan yang sama sudah tercatat dengan kode "
                        f"{parent.complaint.tracking_code if parent.complaint else ''} "
                        "dan sedang ditangani. Perkembangannya dapat dipantau melalui "
                        "laporan tersebut."
                    ),
                )
            self.finish_submit(p, issue.text, issue.wa, issue.title)
            return p
        return None


# =========================================================================== execution

#: The complaint timestamps each kind of step may set (the services stamp "now").
_STAMPED: dict[str, tuple[str, ...]] = {
    "submit": ("submitted_at",),
    "dispose": ("verified_at",),
    "follow_up": ("first_follow_up_at",),
    "flag_tapd": ("tapd_flagged_at",),
    "refer": ("closed_at",),
    "archive": ("closed_at",),
    "merge": ("closed_at",),
    "resolve": ("resolved_at", "closed_at"),
    "respond": ("resolved_at", "closed_at"),
}


class _Runner:
    """Runs the steps through the services and moves their timestamps to the planned time."""

    def __init__(self, jurisdiction: Jurisdiction, started: datetime) -> None:
        self.j = jurisdiction
        self.started = started
        self.year_now = timezone.localtime(started, WIB).year

    def run(self, p: Plan, step: Step) -> None:
        with clock.at(step.at):
            self._run(p, step)
        self.backdate(p, step)

    def _run(self, p: Plan, step: Step) -> None:
        a = step.args
        # The submit step comes first, and every staff step has an actor.
        c: Any = p.complaint
        actor: Any = step.actor
        if step.action == "submit":
            result = services.complaint_submit(**a)
            p.complaint = result.complaint
        elif step.action == "dispose":
            services.complaint_dispose(
                complaint=c,
                actor=actor,
                unit=a["unit"],
                category=a.get("category"),
                note=a.get("note", ""),
            )
        elif step.action == "hold":
            services.complaint_hold(complaint=c, actor=actor, reason=a["reason"])
        elif step.action == "refer":
            services.complaint_refer(
                complaint=c, actor=actor, note_to_citizen=a["note_to_citizen"], body=a.get("body")
            )
        elif step.action == "archive":
            note = a.get("note", "")
            services.complaint_archive(
                complaint=c,
                actor=actor,
                reason=a["reason"],
                note=note() if callable(note) else note,
            )
        elif step.action == "merge":
            services.complaint_merge(complaint=c, actor=actor, into=a["into"].complaint)
        elif step.action == "start":
            services.complaint_start(complaint=c, actor=actor)
        elif step.action == "request_info":
            services.complaint_request_info(complaint=c, actor=actor, question=a["question"])
        elif step.action == "add_info":
            services.complaint_add_info(complaint=c, message=a["message"])
        elif step.action == "forward":
            services.complaint_forward(complaint=c, actor=actor, unit=a["unit"], reason=a["reason"])
        elif step.action == "note":
            services.complaint_add_note(complaint=c, actor=actor, text=a["text"])
        elif step.action == "follow_up":
            services.complaint_follow_up(complaint=c, actor=actor, text=a["text"])
        elif step.action == "flag_tapd":
            services.complaint_flag_tapd(complaint=c, actor=actor, reason=a["reason"])
        elif step.action == "resolve":
            services.complaint_resolve(complaint=c, actor=actor, note=a.get("note", ""))
        elif step.action == "respond":
            services.complaint_citizen_respond(
                complaint=c, satisfied=a["satisfied"], reason=a.get("reason", "")
            )
        else:  # pragma: no cover - programming error
            raise ValueError(step.action)

    def backdate(self, p: Plan, step: Step) -> None:
        at = step.at
        complaint = p.complaint
        if complaint is None:  # pragma: no cover - the submit step runs first
            raise DemoError("step before submission")
        pk = complaint.pk
        # What the service just wrote carries the real time, at or after ``started``; what
        # earlier steps wrote has already been moved into the past.
        involved = [pk]
        if step.action == "merge":
            involved.append(step.args["into"].complaint.pk)
            Supporter.objects.filter(source_id=pk).update(created_at=at)
        ComplaintEvent.objects.filter(
            complaint_id__in=involved, created_at__gte=self.started
        ).update(created_at=at)
        changes: dict[str, Any] = {
            name: Case(When(**{f"{name}__gte": self.started}, then=Value(at)), default=F(name))
            for name in _STAMPED.get(step.action, ())
        }
        changes["updated_at"] = at
        if step.action == "submit":
            year = timezone.localtime(at, WIB).year
            if year != self.year_now:
                changes["tracking_code"] = self.code_for_year(year)
        Complaint.objects.filter(pk=pk).update(**changes)
        if "tracking_code" in changes:
            complaint.tracking_code = changes["tracking_code"]

    def code_for_year(self, year: int) -> str:
        """A tracking number of ``year`` for a backdated complaint (the number it took from
        this year's sequence stays unused)."""
        (number,) = services.tracking_numbers_take(jurisdiction=self.j, year=year, count=1)
        return f"{self.j.tracking_prefix}-{year}-{number:06d}"


# =========================================================================== entry point


def _ensure_accounts(jurisdiction: Jurisdiction) -> tuple[dict[str, User], int, list[str]]:
    units = {u.code: u for u in Unit.objects.filter(jurisdiction=jurisdiction)}
    missing = sorted({code for a in DEMO_ACCOUNTS for code, _ in a.units} - set(units))
    if missing:
        raise DemoError(
            f"Unit belum ada: {', '.join(missing)}. Jalankan dulu "
            f"`aduan load-defaults`. / Units missing; run load-defaults first."
        )
    hashed = make_password(DEMO_PASSWORD)
    users: dict[str, User] = {}
    created_count = 0
    warnings: list[str] = []
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "password": hashed,
                "jurisdiction": jurisdiction,
                "role": account.role,
                "first_name": account.first_name,
                "last_name": account.last_name,
                "is_staff": account.superuser,
                "is_superuser": account.superuser,
                "email": f"{account.username.replace('.', '-')}@example.com",
            },
        )
        if created:
            created_count += 1
        elif user.jurisdiction_id != jurisdiction.pk or user.role != account.role:
            if account.superuser:
                warnings.append(f"Akun '{account.username}' sudah ada dan tidak diubah.")
            else:
                raise DemoError(
                    f"Akun '{account.username}' sudah ada dengan yurisdiksi atau peran lain; "
                    f"ganti nama atau hapus akun itu dulu. / User exists with another "
                    f"jurisdiction or role."
                )
        for code, mrole in account.units:
            Membership.objects.get_or_create(user=user, unit=units[code], defaults={"role": mrole})
        users[account.username] = user
    return users, created_count, warnings


def _slots(rng: random.Random, count: int) -> list[str]:
    """Final statuses: each at least once (when count allows), the rest by weight."""
    statuses = list(S.values) if count >= len(S.values) else []
    keys = list(STATUS_WEIGHTS)
    statuses += rng.choices(
        keys, weights=[STATUS_WEIGHTS[k] for k in keys], k=count - len(statuses)
    )
    rng.shuffle(statuses)
    return statuses


def load_demo(
    *,
    jurisdiction_slug: str = "pekalongan",
    count: int = 300,
    seed: int = 2026,
    stdout: Writer | None = None,
) -> dict[str, Any]:
    """Create the demo accounts and ``count`` demo complaints for ``jurisdiction_slug``.

    Idempotent: accounts are matched by username, and no complaints are created when the
    jurisdiction already has demo complaints. Returns counts and the logins.
    """
    timer = time.monotonic()
    jurisdiction = Jurisdiction.objects.filter(slug=jurisdiction_slug).first()
    if jurisdiction is None:
        raise DemoError(
            f"Yurisdiksi '{jurisdiction_slug}' belum ada. Jalankan dulu "
            f"`aduan load-defaults`. / Jurisdiction not found; run load-defaults."
        )
    result: dict[str, Any] = {
        "jurisdiction": jurisdiction_slug,
        "users_created": 0,
        "complaints_created": 0,
        "skipped": False,
        "warnings": [],
    }
    with transaction.atomic():
        users, result["users_created"], result["warnings"] = _ensure_accounts(jurisdiction)
        exists = Complaint.objects.filter(
            jurisdiction=jurisdiction, submission_key__startswith=DEMO_KEY_PREFIX
        ).exists()
        if exists:
            result["skipped"] = True
        elif count > 0:
            result["complaints_created"] = _create_complaints(jurisdiction, users, count, seed)
            _add_satisfaction(jurisdiction, random.Random(seed + 1))
            _quiet_outbox(jurisdiction)
            # The history was backdated after the services wrote it: count it again.
            rollups.rebuild(jurisdiction.pk)
    result["logins"] = demo_logins()
    result["seconds"] = round(time.monotonic() - timer, 1)
    if stdout is not None:
        for warning in result["warnings"]:
            stdout.write(f"Peringatan: {warning}\n")
        stdout.write(f"Akun demo baru: {result['users_created']}.\n")
        if result["skipped"]:
            stdout.write("Laporan demo sudah ada untuk yurisdiksi ini; tidak ada yang dibuat.\n")
        else:
            stdout.write(
                f"Laporan demo dibuat: {result['complaints_created']} "
                f"({result['seconds']} detik).\n"
            )
    return result


#: How demo citizens rate a closed complaint (score, weight) and how IKM respondents answer
#: (answer 1–4, weight): mostly content, a few not, as in a real service.
DEMO_SCORES = ((5, 35), (4, 35), (3, 15), (2, 10), (1, 5))
DEMO_IKM_ANSWERS = ((4, 35), (3, 50), (2, 12), (1, 3))
DEMO_IKM_UNITS = (
    "disdukcapil", "dpupr", "dinkes", "pdam-tirtayasa", "dlh", "kel-kauman", "pkm-tirto",
)  # fmt: skip


def _weighted(rng: random.Random, table: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([value for value, _ in table], weights=[w for _, w in table])[0]


def _add_satisfaction(jurisdiction: Jurisdiction, rng: random.Random) -> None:
    """Ratings for most complaints closed as selesai, and IKM questionnaires for a few units,
    so that the satisfaction panels and the IKM report have something to show."""
    from aduan.surveys import services as surveys
    from aduan.surveys.choices import AgeBand, Education, Occupation, Sex

    closed = Complaint.objects.filter(
        jurisdiction=jurisdiction,
        status=ComplaintStatus.SELESAI,
        submission_key__startswith=DEMO_KEY_PREFIX,
    ).order_by("pk")
    for complaint in closed:
        if rng.random() < 0.65:
            score = _weighted(rng, DEMO_SCORES)
            surveys.rating_submit(complaint=complaint, score=score, resolved=score >= 3)
    units = Unit.objects.filter(jurisdiction=jurisdiction, code__in=DEMO_IKM_UNITS)
    for unit in units.order_by("code"):
        for _ in range(rng.randint(25, 60)):
            surveys.ikm_submit(
                unit=unit,
                answers={f"u{i}": _weighted(rng, DEMO_IKM_ANSWERS) for i in range(1, 10)},
                profile={
                    "age_band": rng.choice(AgeBand.values),
                    "sex": rng.choice(Sex.values),
                    "education": rng.choice(Education.values),
                    "occupation": rng.choice(Occupation.values),
                },
            )


def _quiet_outbox(jurisdiction: Jurisdiction) -> None:
    """The history was replayed through the services, which queued the messages it would
    have sent: drop those to (fictional) citizens and staff mailboxes, keep the staff's
    in-app notifications of the last three days unread and the older ones read."""
    from aduan.notifications.choices import OutboxChannel, OutboxStatus
    from aduan.notifications.models import OutboxMessage

    demo = OutboxMessage.objects.filter(
        complaint__jurisdiction=jurisdiction,
        complaint__submission_key__startswith=DEMO_KEY_PREFIX,
    )
    demo.exclude(channel=OutboxChannel.INAPP).delete()
    now = timezone.now()
    demo.update(status=OutboxStatus.SENT, sent_at=now)
    demo.filter(complaint__updated_at__lt=now - timedelta(days=3)).update(read_at=now)


def _create_complaints(
    jurisdiction: Jurisdiction, users: dict[str, User], count: int, seed: int
) -> int:
    rng = random.Random(seed)
    now = timezone.now()
    builder = _Builder(jurisdiction, users, rng, now)
    statuses = _slots(rng, count)
    special = {S.DIRUJUK, S.DIARSIPKAN, S.DIGABUNG}
    normal_count = sum(1 for s in statuses if s not in special)
    categories = list(CATALOGUE) if normal_count >= len(CATALOGUE) else []
    keys = list(CATEGORY_WEIGHTS)
    categories += rng.choices(
        keys, weights=[CATEGORY_WEIGHTS[k] for k in keys], k=max(0, normal_count - len(categories))
    )
    rng.shuffle(categories)
    plans: list[Plan] = []
    later: list[tuple[int, str]] = []
    for n, status in enumerate(statuses, start=1):
        if status == S.DIRUJUK:
            plans.append(builder.referral(n))
        elif status in (S.DIGABUNG, S.DIARSIPKAN):
            later.append((n, status))
        else:
            plans.append(builder.normal(n, status, categories.pop()))
    parents = list(plans)
    for n, status in later:
        plan = None
        if status == S.DIGABUNG:
            plan = builder.duplicate(n, parents, merge=True)
        elif rng.random() < 0.2:
            plan = builder.duplicate(n, parents, merge=False)
        plans.append(plan or builder.junk(n))
    steps = sorted(
        ((step.at, p.n, i, p, step) for p in plans for i, step in enumerate(p.steps)),
        key=lambda item: item[:3],
    )
    runner = _Runner(jurisdiction, now)
    for _at, _n, _i, plan, step in steps:
        runner.run(plan, step)
    final = dict(
        Complaint.objects.filter(
            pk__in=[p.complaint.pk for p in plans if p.complaint is not None]
        ).values_list("pk", "status")
    )
    wrong = [p.n for p in plans if p.complaint is None or final[p.complaint.pk] != p.status]
    if wrong:  # pragma: no cover - a planning mistake
        raise DemoError(f"demo plans ended in another status: {wrong[:10]}")
    _decide_planning(users["tapd"], now, rng)
    return len(plans)


#: What TAPD decided on older flagged complaints, in turn.
_TAPD_DECISIONS = (
    (TapdDecision.SCHEDULED, "Rehabilitasi jalan dan saluran lingkungan (Program PUPR)", ""),
    (TapdDecision.ROUTINE, "", "Ditangani tim pemeliharaan rutin DPUPR bulan ini."),
    (TapdDecision.SCHEDULED, "Penanganan rob: peninggian tanggul dan pompa (Program BPBD)", ""),
    (
        TapdDecision.NOT_FEASIBLE,
        "",
        "Lokasi berada di atas lahan milik provinsi; usulan kami teruskan ke Pemprov Jateng.",
    ),
)


def _decide_planning(tapd: User, now: datetime, rng: random.Random) -> None:
    """TAPD decides on the flagged complaints older than a month, two weeks after the flag.
    The demo shows at least one decision: when no flag is a month old (a small demo; the
    complaints drawn depend on the time it is loaded), on the oldest, at the latest an hour
    ago."""
    from aduan.complaints.models import PlanningItem

    items = list(
        PlanningItem.objects.filter(decision="").select_related("complaint").order_by("flagged_at")
    )
    due = [item for item in items if item.flagged_at < now - timedelta(days=30)] or items[:1]
    latest = now - timedelta(hours=1)
    decided = 0
    for n, item in enumerate(due):
        decision, programme, reason = _TAPD_DECISIONS[n % len(_TAPD_DECISIONS)]
        last = item.complaint.events.order_by("-created_at").values_list("created_at", flat=True)
        moment = max(
            item.flagged_at + timedelta(days=14, hours=rng.randint(0, 48)),
            last[0] + timedelta(hours=2),
        )
        if moment > latest:
            if decided or last[0] + timedelta(hours=2) > latest:
                continue
            moment = latest
        with clock.at(moment):
            year = timezone.localtime(moment, WIB).year + 1
            services.complaint_tapd_decide(
                complaint=item.complaint,
                actor=tapd,
                decision=decision,
                budget_year=year if decision == TapdDecision.SCHEDULED else None,
                programme=programme,
                estimated_cost=Decimal(rng.randrange(50, 900) * 1_000_000)
                if decision == TapdDecision.SCHEDULED
                else None,
                reason=reason,
            )
        decided += 1
