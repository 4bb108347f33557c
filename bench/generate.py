"""Generate a benchmark database: N complaints of Kota Pekalongan with their timelines.

    python bench/generate.py --size 10k --database-url postgres://postgres@127.0.0.1:5432/aduan_bench_10k
    python bench/generate.py --size 1m  --database-url postgres://postgres@127.0.0.1:5432/aduan_bench_1m

What it makes (all in the default jurisdiction, the worst case for the jurisdiction-scoped
queries: a country's volume behind one government's inbox):

- complaints spread over ``--years`` (default: 1 year at 10k, 3 at 1M, 5 at 10M), more on
  weekdays and office hours; categories by the demo's weights (``CATEGORY_WEIGHTS``),
  channels by ``CHANNEL_WEIGHTS``; texts, categories and kelurahan from the triage corpus
  (8,400 real-sounding reports), an address with street, RT and RW;
- statuses by age: the last days still at the verifier, the last weeks at the units, older
  ones closed (selesai, dirujuk, diarsipkan, digabung) with a small stuck remainder, and the
  SLA columns that the status machine would have left (``stage``, ``due_at``,
  ``resolution_due_at``, ``status_before_wait``; closed rows have no stage and no deadline);
- a timeline of 3-10 events per complaint that walks the same statuses;
- attachment metadata for a quarter of the complaints, ratings for 60 % of those closed
  as selesai, IKM responses; tracking codes ``<PREFIX>-<year>-<n>`` unique, the tracking
  sequences set so that new intake continues after them.

Rows go in with PostgreSQL ``COPY``; secondary indexes are dropped before and rebuilt after,
foreign keys are not checked during the load (the script writes only ids it created or read).
``--jobs`` processes (default: one per core) each generate and copy whole chunks on their
own connection, with ids and a random stream fixed per chunk; the indexes are rebuilt and
the tables vacuumed on as many connections. Each loader counts the dashboards' rollup of
its rows with the functions that compute it from stored rows (``aduan.reports.rollups``),
so no second pass over the complaints is needed; ``--verify`` compares the stored rollup
with one computed from the tables afterwards (small sizes: it reads every row).
SQLite is not supported here: the benchmark is about PostgreSQL.
"""

from __future__ import annotations

import argparse
import bisect
import functools
import io
import json
import os
import random
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
YEARS = {"1k": 1, "10k": 1, "100k": 2, "1m": 3, "10m": 5}
WIB = timedelta(hours=7)
BENCH_PASSWORD = "bench-sandi-2026"  # noqa: S105 - benchmark databases only


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--size", required=True, help="10k | 1m | 10m, or a number")
    p.add_argument("--database-url", required=True, help="postgres://… (created when missing)")
    p.add_argument("--years", type=int, default=0, help="history length (default by size)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--reset", action="store_true", help="drop and recreate the database first")
    p.add_argument("--chunk", type=int, default=50_000, help="complaints per COPY batch")
    p.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="loader processes (default: cores)"
    )
    p.add_argument(
        "--verify", action="store_true", help="check the rollup against the stored rows after"
    )
    return p.parse_args(argv)


def size_of(text: str) -> int:
    text = text.lower()
    if text in SIZES:
        return SIZES[text]
    return int(text.replace("_", ""))


# --------------------------------------------------------------------------- database setup


def ensure_database(url: str, *, reset: bool) -> None:
    import psycopg
    from psycopg import sql

    base, _, name = url.rpartition("/")
    name = name.split("?")[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reset:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            exists = None
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("ADUAN_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --------------------------------------------------------------------------- vocabulary

STREETS = (
    "Jl. Hayam Wuruk",
    "Jl. Gajah Mada",
    "Jl. Diponegoro",
    "Jl. Sultan Agung",
    "Jl. Dr. Sutomo",
    "Jl. Merdeka",
    "Jl. Imam Bonjol",
    "Jl. Kurinci",
    "Jl. Jlamprang",
    "Jl. Pelita",
    "Jl. Slamet",
    "Jl. Sriwijaya",
    "Jl. Pattimura",
    "Jl. Hos Cokroaminoto",
    "Jl. Veteran",
    "Jl. Ki Mangunsarkoro",
    "Jl. Seruni",
    "Jl. Progo",
    "Jl. Binagriya",
    "Jl. Urip Sumoharjo",
    "Jl. KH Mansyur",
    "Jl. Wahid Hasyim",
    "Jl. Perintis Kemerdekaan",
    "Jl. Jend. Sudirman",
    "Gg. Mawar",
    "Gg. Melati",
    "Gg. Kenanga",
    "Gg. Masjid",
    "Gg. Rukun",
    "Gg. Flamboyan",
)
FIRST = (
    "Budi",
    "Siti",
    "Agus",
    "Dewi",
    "Rina",
    "Slamet",
    "Sri",
    "Eko",
    "Nur",
    "Wahyu",
    "Fitri",
    "Ahmad",
    "Yuli",
    "Teguh",
    "Lestari",
    "Imam",
    "Ratna",
    "Bambang",
    "Ani",
    "Dwi",
)
LAST = (
    "Santoso",
    "Rahayu",
    "Wibowo",
    "Lestari",
    "Hidayat",
    "Susanti",
    "Prasetyo",
    "Handayani",
    "Saputra",
    "Wulandari",
    "Setiawan",
    "Kurniawati",
    "Nugroho",
    "Permata",
)
ACTIONS = (
    "Petugas telah meninjau lokasi dan menjadwalkan perbaikan.",
    "Laporan sudah kami teruskan ke bidang teknis untuk ditindaklanjuti.",
    "Tim lapangan sudah menangani masalah ini pada hari ini.",
    "Data Bapak/Ibu sudah kami periksa dan perbaiki di sistem.",
    "Kami mohon maaf atas ketidaknyamanannya; perbaikan selesai dikerjakan.",
)
NOTES = (
    "Koordinasi dengan kelurahan setempat.",
    "Menunggu jadwal tim lapangan.",
    "Sudah dicek ke lokasi, perlu material tambahan.",
    "Konfirmasi ke pelapor lewat telepon.",
)


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def esc(value: object) -> str:
    """A value in PostgreSQL COPY text format."""
    kind = type(value)
    if kind is str:
        text = value  # type: ignore[assignment]
    elif kind is int:
        return str(value)
    elif value is None:
        return "\\N"
    elif kind is bool:
        return "t" if value else "f"
    elif kind is datetime:
        return value.isoformat()  # type: ignore[attr-defined]
    else:
        text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.translate(_COPY_ESCAPES)
    return text


# --------------------------------------------------------------------------- the world


class World:
    """Ids and lookups read from the database after the defaults are loaded."""

    def __init__(self) -> None:
        from django.conf import settings

        from aduan.complaints.demo import CATEGORY_WEIGHTS, CHANNEL_WEIGHTS
        from aduan.organisation.models import Area, Category, Jurisdiction, Unit

        self.jurisdiction = Jurisdiction.objects.get(slug=settings.ADUAN_DEFAULT_JURISDICTION)
        j = self.jurisdiction
        self.categories = {c.code: c for c in Category.objects.filter(jurisdiction=j)}
        self.units = {u.code: u for u in Unit.objects.filter(jurisdiction=j)}
        self.internal_units = [u for u in self.units.values() if u.kind != "external"]
        self.external_units = [u for u in self.units.values() if u.kind == "external"]
        self.kelurahan = {a.code: a for a in Area.objects.filter(jurisdiction=j, kind="kelurahan")}
        self.area_list = list(self.kelurahan.values())
        codes = [c for c in CATEGORY_WEIGHTS if c in self.categories]
        self.cat_codes = codes
        self.cat_weights = [CATEGORY_WEIGHTS[c] for c in codes]
        self.channels = list(CHANNEL_WEIGHTS)
        self.channel_weights = [CHANNEL_WEIGHTS[c] for c in self.channels]
        fallback = self.internal_units[0]
        self.default_unit = {
            code: (self.units_by_id().get(c.default_unit_id) or fallback)
            for code, c in self.categories.items()
        }
        corpus = ROOT / "aduan" / "triage" / "data" / "corpus.jsonl"
        self.texts: dict[str, list[tuple[str, str | None, str]]] = {}
        for line in corpus.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            self.texts.setdefault(row["category"], []).append(
                (row["text"], row.get("kelurahan"), row.get("type") or "aduan")
            )
        self.all_texts = [t for rows in self.texts.values() for t in rows]

    def units_by_id(self) -> dict[int, object]:
        return {u.pk: u for u in self.units.values()}


# --------------------------------------------------------------------------- timelines

# status -> (stage, the event kinds after "submitted" that led there)
CLOSED = ("selesai", "dirujuk", "diarsipkan", "digabung")


def pick_status(rng: random.Random, age_days: float) -> str:
    r = rng.random()
    if age_days < 3:
        table = (
            ("baru", 0.45),
            ("ditunda", 0.05),
            ("menunggu_info", 0.05),
            ("didisposisikan", 0.25),
            ("diproses", 0.15),
            ("diarsipkan", 0.05),
        )
    elif age_days < 30:
        table = (
            ("didisposisikan", 0.08),
            ("diproses", 0.25),
            ("ditindaklanjuti", 0.22),
            ("menunggu_info", 0.04),
            ("dibuka_kembali", 0.03),
            ("ditunda", 0.01),
            ("selesai", 0.27),
            ("dirujuk", 0.04),
            ("diarsipkan", 0.04),
            ("digabung", 0.02),
        )
    else:
        table = (
            ("selesai", 0.72),
            ("dirujuk", 0.07),
            ("diarsipkan", 0.11),
            ("digabung", 0.06),
            ("diproses", 0.025),
            ("ditindaklanjuti", 0.01),
            ("dibuka_kembali", 0.005),
        )
    acc = 0.0
    for status, share in table:
        acc += share
        if r < acc:
            return status
    return table[-1][0]


OFFICE_HOURS = (7, 8, 8, 9, 9, 10, 10, 11, 13, 14, 15, 19, 20, 21)  # WIB, the hour of a report
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
DAY_US = 86_400_000_000
HOUR_US = 3_600_000_000


def plus_working_days(moment: datetime, days: int) -> datetime:
    """``days`` working days after ``moment`` (weekends skipped), at 16:00 WIB."""
    return _working_day_end((moment + WIB).date(), days)


@functools.cache
def _working_day_end(day: date, days: int) -> datetime:
    added = 0
    while added < days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            added += 1
    return datetime(day.year, day.month, day.day, 16, tzinfo=UTC) - WIB


# --------------------------------------------------------------------------- the generator


class Generator:
    def __init__(self, world: World, *, total: int, years: int, seed: int, now: datetime):
        self.w = world
        self.total = total
        self.seed = seed
        self.rng = random.Random(seed)
        self.now = now
        self.start = now - timedelta(days=365 * years)
        self.span = (now - self.start).total_seconds()
        self.seq_by_year: dict[int, int] = {}
        self.prefix = world.jurisdiction.tracking_prefix
        self.complaint_id = 0
        self.event_id = 0
        self.attachment_id = 0
        self.rating_id = 0
        self.ikm_id = 0
        self.stage_events: list[tuple] = []
        self.rollup: Counter = Counter()
        self.counts: dict[str, int] = {}

    def submitted_moments(self, n: int) -> list[int]:
        """``n`` submission moments (microseconds since 1970, UTC), sorted, uniform over
        the span, fewer on weekends and mostly in office hours (WIB). Integers, so that 10M
        of them take seconds; each loader turns its chunk's into datetimes."""
        rng = self.rng
        start = (self.start - EPOCH) // timedelta(microseconds=1)
        span = int(self.span * 1_000_000)
        last = (self.now - EPOCH) // timedelta(microseconds=1) - 1_000_000
        wib = 7 * HOUR_US
        out = []
        for _ in range(n):
            day = (start + int(rng.random() * span)) // DAY_US
            weekday = (day + 3) % 7  # 1970-01-01 was a Thursday
            if weekday >= 5 and rng.random() < 0.6:  # fewer on weekends
                day -= weekday - 4
            moment = (
                day * DAY_US
                + rng.choice(OFFICE_HOURS) * HOUR_US
                + rng.randrange(60) * 60_000_000
                + rng.randrange(60) * 1_000_000
                + rng.randrange(1_000_000)
                - wib
            )
            out.append(min(moment, last))
        out.sort()
        return out

    def tracking_code(self, moment: datetime) -> str:
        year = (moment + WIB).year
        n = self.seq_by_year.get(year, 0) + 1
        self.seq_by_year[year] = n
        return f"{self.prefix}-{year}-{n:06d}"

    def chunk(self, moments: list[int]) -> tuple[str, str, str, str]:
        """COPY text for complaints, events, attachments, ratings of these moments
        (``submitted_moments``)."""
        rng, w = self.rng, self.w
        jid = w.jurisdiction.pk
        complaints = io.StringIO()
        events = io.StringIO()
        attachments = io.StringIO()
        ratings = io.StringIO()
        snaps: dict[int, dict] = {}
        rated: list[tuple[int, int]] = []
        self.stage_events = []
        for micros in moments:
            submitted = EPOCH + timedelta(microseconds=micros)
            self.complaint_id += 1
            cid = self.complaint_id
            code = rng.choices(w.cat_codes, weights=w.cat_weights)[0]
            category = w.categories[code]
            pool = w.texts.get(code) or w.all_texts
            text, kel_code, report_type = rng.choice(pool)
            area = w.kelurahan.get(kel_code) if kel_code else None
            if area is None and rng.random() < 0.8:
                area = rng.choice(w.area_list)
            street = rng.choice(STREETS)
            rt, rw = rng.randrange(1, 12), rng.randrange(1, 9)
            address = f"{street} No. {rng.randrange(1, 200)}, RT {rt:02d}/RW {rw:02d}"
            description = text if len(text) >= 15 else f"{text} mohon segera ditindaklanjuti"
            title = description[:60].rsplit(" ", 1)[0] if rng.random() < 0.4 else ""
            channel = rng.choices(w.channels, weights=w.channel_weights)[0]
            privacy = rng.choices(("biasa", "anonim", "rahasia"), weights=(85, 12, 3))[0]
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}" if privacy != "anonim" else ""
            phone = f"08{rng.randrange(11, 99)}{rng.randrange(10**7, 10**8)}" if name else ""
            email = (
                f"{name.split()[0].lower()}{rng.randrange(1000)}@example.com"
                if name and channel in ("email", "web")
                else ""
            )
            lat = lon = None
            if channel in ("open311", "web", "whatsapp") and rng.random() < 0.35:
                lat = -6.89 + rng.uniform(-0.03, 0.03)
                lon = 109.675 + rng.uniform(-0.04, 0.04)
            age = (self.now - submitted).total_seconds() / 86400
            status = pick_status(rng, age)
            unit = w.default_unit[code]
            c = self._walk(cid, submitted, status, unit, channel, events)
            self.counts[status] = self.counts.get(status, 0) + 1
            unit_id = c["unit_id"]
            row = (
                cid,
                jid,
                self.tracking_code(submitted),
                f"{rng.getrandbits(64):016x}",
                None,
                report_type if report_type in ("aduan", "aspirasi", "informasi") else "aduan",
                channel,
                privacy,
                category.pk,
                title,
                description,
                area.pk if area else None,
                address,
                "",
                lat,
                lon,
                name,
                phone,
                email,
                status,
                c["status_before_wait"],
                unit_id,
                category.pk,
                round(rng.uniform(0.4, 0.99), 3),
                rng.random() < 0.02,
                unit.pk,
                c["referred_to"],
                c["archive_reason"],
                None,
                c["support_count"],
                c["needs_tapd"],
                submitted,
                c["verified_at"],
                c["first_follow_up_at"],
                c["resolved_at"],
                c["closed_at"],
                None,
                c["stage"],
                c["stage_started_at"],
                c["due_at"],
                None,
                None,
                0,
                c["resolution_due_at"],
                "",
                None,
                c["updated_at"],
            )
            complaints.write("\t".join(esc(v) for v in row))
            complaints.write("\n")
            snaps[cid] = {
                "jurisdiction_id": jid,
                "submitted_at": submitted,
                "unit_id": unit_id,
                "category_id": category.pk,
                "area_id": area.pk if area else None,
                "channel": channel,
                "report_type": row[5],
                "status": status,
                "verified_at": c["verified_at"],
                "first_follow_up_at": c["first_follow_up_at"],
                "resolved_at": c["resolved_at"],
                "stage": c["stage"],
                "due_at": c["due_at"],
            }
            if rng.random() < 0.25:
                for k in range(rng.choice((1, 1, 1, 2, 3))):
                    self.attachment_id += 1
                    sha = f"{rng.getrandbits(256):064x}"
                    ext = rng.choice(("jpg", "jpg", "png", "pdf"))
                    ctype = {"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}[ext]
                    arow = (
                        self.attachment_id,
                        cid,
                        c["first_event"],
                        f"attachments/{submitted:%Y/%m}/{sha[:2]}/{sha}.{ext}",
                        f"foto_{k + 1}.{ext}",
                        ctype,
                        ext,
                        rng.randrange(40_000, 4_000_000),
                        sha,
                        True,
                        privacy != "rahasia",
                        submitted,
                    )
                    attachments.write("\t".join(esc(v) for v in arow) + "\n")
            if status == "selesai" and rng.random() < 0.6:
                self.rating_id += 1
                score = rng.choices((1, 2, 3, 4, 5), weights=(4, 5, 12, 38, 41))[0]
                rrow = (self.rating_id, cid, score, score >= 3, "", c["closed_at"])
                ratings.write("\t".join(esc(v) for v in rrow) + "\n")
                rated.append((cid, score))
        self.rollup = self.rollup_of(snaps, rated)
        return complaints.getvalue(), events.getvalue(), attachments.getvalue(), ratings.getvalue()

    def rollup_of(self, snaps: dict[int, dict], rated: list[tuple[int, int]]) -> Counter:
        """The dashboards' rollup counts of these complaints, by the functions that compute
        it from stored rows (``aduan.reports.rollups``): the load needs no second pass."""
        from aduan.reports import rollups

        total = rollups.new_complaints(snaps.values())
        for snap in snaps.values():
            snap["_month"] = rollups.month_of(snap["submitted_at"]).isoformat()
        self.stage_events.sort(key=lambda e: e[:3])
        total.update(
            rollups.timeline_keys(snaps, ((e[0], e[1], e[3], e[4]) for e in self.stage_events))
        )
        for cid, score in rated:
            total[rollups.rating_key(snaps[cid], score)] += 1
        self.stage_events = []
        return total

    def _walk(
        self, cid: int, t: datetime, status: str, unit, channel: str, out: io.StringIO
    ) -> dict:
        """Write the timeline that leads to ``status`` and return the complaint's columns."""
        rng = self.rng
        c: dict = {
            "unit_id": None,
            "status_before_wait": "",
            "referred_to": None,
            "archive_reason": "",
            "support_count": 0,
            "needs_tapd": False,
            "verified_at": None,
            "first_follow_up_at": None,
            "resolved_at": None,
            "closed_at": None,
            "stage": "",
            "stage_started_at": None,
            "due_at": None,
            "resolution_due_at": None,
        }

        def ev(
            kind: str,
            at: datetime,
            frm: str,
            to: str,
            *,
            public: bool = False,
            message: str = "",
            actor: str = "Petugas",
            data: dict | None = None,
            from_unit=None,
            to_unit=None,
        ) -> int:
            self.event_id += 1
            c["updated_at"] = max(c.get("updated_at") or at, at)
            row = (
                self.event_id,
                cid,
                at,
                kind,
                None,
                actor,
                frm,
                to,
                from_unit,
                to_unit,
                message,
                public,
                json.dumps(data or {}),
            )
            out.write("\t".join(esc(v) for v in row) + "\n")
            if data and "stage" in data:
                self.stage_events.append((cid, at, self.event_id, data, to_unit))
            return self.event_id

        def later(at: datetime, lo_h: float, hi_h: float) -> datetime:
            nxt = at + timedelta(hours=rng.uniform(lo_h, hi_h))
            return min(nxt, self.now - timedelta(seconds=1))

        verify_due = plus_working_days(t, 3)
        c["first_event"] = ev(
            "submitted",
            t,
            "",
            "baru",
            public=True,
            actor="Warga",
            data={"channel": channel, "stage": "verifikasi", "due_at": verify_due.isoformat()},
        )
        now = t
        if status in ("baru", "ditunda") or (status == "menunggu_info" and rng.random() < 0.5):
            c.update(stage="verifikasi", stage_started_at=t, due_at=verify_due)
            if status == "ditunda":
                now = later(now, 1, 30)
                ev(
                    "held",
                    now,
                    "baru",
                    "ditunda",
                    actor="Verifikator",
                    message="Menunggu kejelasan lokasi.",
                )
            if status == "menunggu_info":
                now = later(now, 1, 30)
                ev(
                    "info_requested",
                    now,
                    "baru",
                    "menunggu_info",
                    public=True,
                    actor="Verifikator",
                    message="Mohon lengkapi alamat lokasi.",
                )
                c.update(
                    status_before_wait="baru",
                    stage="menunggu_warga",
                    stage_started_at=now,
                    due_at=now + timedelta(days=10),
                )
            self._pad(ev, now, rng.randrange(2, 5))
            return c
        now = later(now, 2, 48)
        c["verified_at"] = now
        if status == "dirujuk":
            ext = rng.choice(self.w.external_units) if self.w.external_units else None
            c["referred_to"] = ext.pk if ext else None
            ev(
                "referred",
                now,
                "baru",
                "dirujuk",
                public=True,
                actor="Verifikator",
                message="Bukan kewenangan pemerintah kota; dirujuk.",
                to_unit=c["referred_to"],
            )
            c["closed_at"] = now
            self._pad(ev, now, rng.randrange(1, 3))
            return c
        if status == "diarsipkan":
            reason = rng.choice(("spam", "duplikat", "tidak_lengkap"))
            c["archive_reason"] = reason
            ev(
                "archived",
                now,
                "baru",
                "diarsipkan",
                public=True,
                actor="Verifikator",
                message="Laporan diarsipkan.",
            )
            c["closed_at"] = now
            self._pad(ev, now, rng.randrange(1, 3))
            return c
        c["unit_id"] = unit.pk
        resolution_due = plus_working_days(now, 14)
        c["resolution_due_at"] = resolution_due
        first_due = min(plus_working_days(now, 5), resolution_due)
        ev(
            "verified",
            now,
            "baru",
            "didisposisikan",
            public=True,
            actor="Verifikator",
            to_unit=unit.pk,
            data={"stage": "tindak_lanjut_awal", "due_at": first_due.isoformat()},
        )
        if status == "digabung":
            now = later(now, 1, 72)
            ev(
                "merged",
                now,
                "didisposisikan",
                "digabung",
                public=True,
                message="Digabung dengan laporan lain tentang hal yang sama.",
            )
            c.update(closed_at=now, unit_id=unit.pk)
            self._pad(ev, now, rng.randrange(0, 3))
            return c
        if status == "didisposisikan":
            c.update(stage="tindak_lanjut_awal", stage_started_at=now, due_at=first_due)
            self._pad(ev, now, rng.randrange(1, 4))
            return c
        now = later(now, 2, 72)
        ev(
            "processing",
            now,
            "didisposisikan",
            "diproses",
            public=True,
            data={"stage": "penyelesaian", "due_at": resolution_due.isoformat()},
        )
        if status in ("diproses", "menunggu_info"):
            c.update(stage="penyelesaian", stage_started_at=now, due_at=resolution_due)
            if status == "menunggu_info":
                now = later(now, 2, 72)
                ev(
                    "info_requested",
                    now,
                    "diproses",
                    "menunggu_info",
                    public=True,
                    message="Mohon kirim foto lokasi.",
                )
                c.update(
                    status_before_wait="diproses",
                    stage="menunggu_warga",
                    stage_started_at=now,
                    due_at=now + timedelta(days=10),
                )
            self._pad(ev, now, rng.randrange(1, 5))
            return c
        now = later(now, 4, 24 * 10)
        c["first_follow_up_at"] = now
        ev(
            "follow_up",
            now,
            "diproses",
            "ditindaklanjuti",
            public=True,
            message=rng.choice(ACTIONS),
            data={"stage": "tanggapan_warga"},
        )
        if status == "ditindaklanjuti":
            c.update(stage="tanggapan_warga", stage_started_at=now, due_at=now + timedelta(days=10))
            self._pad(ev, now, rng.randrange(0, 3))
            return c
        if status == "dibuka_kembali":
            now = later(now, 4, 24 * 5)
            ev(
                "reopened",
                now,
                "ditindaklanjuti",
                "dibuka_kembali",
                public=True,
                actor="Warga",
                message="Masalah belum selesai.",
            )
            due = plus_working_days(now, 14)
            c.update(stage="penyelesaian", stage_started_at=now, due_at=due, resolution_due_at=due)
            self._pad(ev, now, rng.randrange(0, 3))
            return c
        # selesai
        now = later(now, 4, 24 * 10)
        if rng.random() < 0.6:
            ev(
                "citizen_satisfied",
                now,
                "ditindaklanjuti",
                "selesai",
                public=True,
                actor="Warga",
                message="Terima kasih, sudah beres.",
            )
        else:
            ev(
                "resolved",
                now,
                "ditindaklanjuti",
                "selesai",
                public=True,
                actor="Sistem",
                message="Tidak ada tanggapan warga dalam batas waktu.",
            )
        c.update(resolved_at=now, closed_at=now)
        self._pad(ev, now, rng.randrange(0, 3))
        return c

    def _pad(self, ev, after: datetime, n: int) -> None:
        """Internal notes and reminders so that timelines have 3-10 events."""
        rng = self.rng
        at = after
        for _ in range(n):
            at = min(at + timedelta(minutes=rng.randrange(5, 600)), self.now - timedelta(seconds=1))
            if rng.random() < 0.7:
                ev("note", at, "", "", message=rng.choice(NOTES))
            else:
                ev("reminder", at, "", "", actor="Sistem", message="Pengingat batas waktu.")


# --------------------------------------------------------------------------- loading

COMPLAINT_COLUMNS = (
    "id",
    "jurisdiction_id",
    "tracking_code",
    "access_salt",
    "submission_key",
    "report_type",
    "channel",
    "privacy",
    "category_id",
    "title",
    "description",
    "area_id",
    "address",
    "media_url",
    "latitude",
    "longitude",
    "reporter_name",
    "reporter_phone",
    "reporter_email",
    "status",
    "status_before_wait",
    "unit_id",
    "suggested_category_id",
    "suggestion_confidence",
    "is_urgent",
    "suggested_unit_id",
    "referred_to_id",
    "archive_reason",
    "merged_into_id",
    "support_count",
    "needs_tapd",
    "submitted_at",
    "verified_at",
    "first_follow_up_at",
    "resolved_at",
    "closed_at",
    "tapd_flagged_at",
    "stage",
    "stage_started_at",
    "due_at",
    "remind_at",
    "escalate_at",
    "escalation_count",
    "resolution_due_at",
    "paused_stage",
    "paused_remaining_days",
    "updated_at",
)
EVENT_COLUMNS = (
    "id",
    "complaint_id",
    "created_at",
    "kind",
    "actor_id",
    "actor_label",
    "from_status",
    "to_status",
    "from_unit_id",
    "to_unit_id",
    "message",
    "is_public",
    "data",
)
ATTACHMENT_COLUMNS = (
    "id",
    "complaint_id",
    "event_id",
    "file",
    "original_name",
    "content_type",
    "extension",
    "size",
    "sha256",
    "from_citizen",
    "is_public",
    "uploaded_at",
)
RATING_COLUMNS = ("id", "complaint_id", "score", "resolved", "comment", "created_at")

TABLES = {
    "complaints_complaint": COMPLAINT_COLUMNS,
    "complaints_complaintevent": EVENT_COLUMNS,
    "complaints_attachment": ATTACHMENT_COLUMNS,
    "surveys_rating": RATING_COLUMNS,
}


def extra_columns(cur, table: str, given: tuple[str, ...]) -> list[tuple[str, str]]:
    """NOT NULL columns without a default that the generator does not write (added by other
    migrations): filled with the type's zero value."""
    cur.execute(
        """SELECT column_name, data_type FROM information_schema.columns
           WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL
             AND is_generated = 'NEVER'""",
        [table],
    )
    zero = {
        "integer": "0",
        "smallint": "0",
        "bigint": "0",
        "boolean": "f",
        "jsonb": "{}",
        "double precision": "0",
        "numeric": "0",
    }
    return [(name, zero.get(kind, "")) for name, kind in cur.fetchall() if name not in given]


def drop_secondary_indexes(cur, tables: list[str]) -> list[str]:
    """Drop the indexes that are not behind a constraint; return their definitions."""
    cur.execute(
        """SELECT i.indexname, i.indexdef FROM pg_indexes i
           WHERE i.tablename = ANY(%s) AND i.schemaname = 'public'
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""",
        [tables],
    )
    rows = cur.fetchall()
    for name, _definition in rows:
        cur.execute(f'DROP INDEX IF EXISTS "{name}"')
    return [definition for _name, definition in rows]


# Ids are given per chunk so that chunks can be written in any order by any process: the
# complaints of a chunk starting at complaint ``start`` take ids start+1.., their events
# ids from start * EVENT_IDS, attachments from start * ATTACHMENT_IDS, ratings from start.
EVENT_IDS = 16
ATTACHMENT_IDS = 3

_job: dict = {}  # what the forked loaders share with the parent (set before the fork)


def _chunk_seed(seed: int, start: int) -> int:
    return seed * 1_000_003 + start


def write_chunk(start: int) -> tuple[int, int, int, int, dict[str, int], Counter]:
    """Generate and COPY the complaints from ``start`` (a chunk) on this process's own
    connection; returns (start, events, attachments, ratings, statuses, rollup counts)."""
    import psycopg

    gen: Generator = _job["gen"]
    moments = _job["moments"][start : start + _job["chunk"]]
    gen.rng = random.Random(_chunk_seed(gen.seed, start))
    gen.complaint_id = start
    gen.event_id = start * EVENT_IDS
    gen.attachment_id = start * ATTACHMENT_IDS
    gen.rating_id = start
    gen.seq_by_year = dict(_job["seq_starts"][start])
    gen.counts = {}
    texts = gen.chunk(moments)
    if gen.event_id > (start + len(moments)) * EVENT_IDS:
        raise SystemExit(f"chunk {start}: more than {EVENT_IDS} events a complaint")
    conn = _job.get("conn")
    if conn is None:
        conn = _job["conn"] = psycopg.connect(_job["url"])
        conn.execute("SET session_replication_role = replica")  # no FK triggers during COPY
        conn.commit()
    with conn.cursor() as cur:
        for (table, cols), text in zip(TABLES.items(), texts, strict=True):
            if not text:
                continue
            extra = _job["extras"][table]
            names = [*cols, *(n for n, _ in extra)]
            if extra:
                suffix = "".join("\t" + v for _, v in extra)
                text = "".join(line + suffix + "\n" for line in text.splitlines())
            column_list = ", ".join(f'"{n}"' for n in names)
            with cur.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                copy.write(text)
    conn.commit()
    return (
        start,
        gen.event_id - start * EVENT_IDS,
        gen.attachment_id - start * ATTACHMENT_IDS,
        gen.rating_id - start,
        gen.counts,
        gen.rollup,
    )


def _run_each(url: str, statements: list[str], jobs: int) -> None:
    """Run the statements on ``jobs`` connections at once (index builds, VACUUM: each is
    one backend's work, so two cores build two indexes at a time), longest first."""
    import threading

    import psycopg

    todo = list(statements)
    lock = threading.Lock()
    failures: list[BaseException] = []

    def drain() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("SET maintenance_work_mem = '1GB'")
            while True:
                with lock:
                    if not todo or failures:
                        return
                    sql = todo.pop(0)
                try:
                    conn.execute(sql)
                except BaseException as exc:  # noqa: BLE001 - reported by the caller
                    failures.append(exc)
                    return

    threads = [threading.Thread(target=drain) for _ in range(max(1, jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]


def load(args: argparse.Namespace) -> None:
    import multiprocessing

    total = size_of(args.size)
    years = args.years or YEARS.get(args.size.lower(), 3)
    ensure_database(args.database_url, reset=args.reset)
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    from aduan.organisation.defaults import load_defaults
    from aduan.reports import rollups

    t0 = time.monotonic()
    call_command("migrate", verbosity=0)
    load_defaults("pekalongan")
    make_people()
    world = World()
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM complaints_complaint")
        if cur.fetchone()[0]:
            raise SystemExit("The database already has complaints; use --reset.")
    now = datetime.now(UTC).replace(microsecond=0)
    gen = Generator(world, total=total, years=years, seed=args.seed, now=now)
    print(f"migrated and defaults loaded in {time.monotonic() - t0:.1f}s", flush=True)
    with connection.cursor() as wrapper:
        cur = wrapper.cursor  # psycopg cursor
        dropped = drop_secondary_indexes(cur, list(TABLES))
        extras = {t: extra_columns(cur, t, cols) for t, cols in TABLES.items()}
    moments = gen.submitted_moments(total)
    starts = list(range(0, total, args.chunk))
    # Tracking numbers run per local year: where each chunk starts in each year's count.
    first_year, last_year = (gen.start + WIB).year, (gen.now + WIB).year
    year_starts = {
        y: (datetime(y, 1, 1, tzinfo=UTC) - WIB - EPOCH) // timedelta(microseconds=1)
        for y in range(first_year, last_year + 2)
    }
    bounds = {
        y: (
            bisect.bisect_left(moments, year_starts[y]),
            bisect.bisect_left(moments, year_starts[y + 1]),
        )
        for y in range(first_year, last_year + 1)
    }
    seq_starts = {
        start: {y: min(start, hi) - lo for y, (lo, hi) in bounds.items() if min(start, hi) > lo}
        for start in starts
    }
    seq = {y: hi - lo for y, (lo, hi) in bounds.items() if hi > lo}
    _job.update(
        gen=gen,
        moments=moments,
        chunk=args.chunk,
        seq_starts=seq_starts,
        extras=extras,
        url=args.database_url,
    )
    connection.close()  # the forked loaders open their own
    t1 = time.monotonic()
    jobs = max(1, min(args.jobs, len(starts)))
    events = attachments = ratings = done = 0
    rollup: Counter = Counter()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for _start, n_ev, n_att, n_rat, counts, keys in pool.imap_unordered(write_chunk, starts):
            events, attachments, ratings = events + n_ev, attachments + n_att, ratings + n_rat
            for status, n in counts.items():
                gen.counts[status] = gen.counts.get(status, 0) + n
            rollup.update(keys)
            done += sum(counts.values())
            rate = done / (time.monotonic() - t1)
            print(f"  {done:>10,} complaints, {events:>11,} events ({rate:,.0f}/s)", flush=True)
    t2 = time.monotonic()
    print(
        f"copied in {t2 - t1:.1f}s by {jobs} processes; rebuilding {len(dropped)} indexes",
        flush=True,
    )
    _run_each(args.database_url, dropped, jobs)
    print(f"indexes in {time.monotonic() - t2:.1f}s", flush=True)
    gen.seq_by_year = seq
    gen.rng = random.Random(args.seed)
    connection.ensure_connection()  # closed before the fork
    raw = connection.connection  # psycopg connection
    raw.autocommit = False
    with raw.cursor() as cur:
        for table in TABLES:
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        for year, last in gen.seq_by_year.items():
            cur.execute(
                """INSERT INTO complaints_trackingsequence (jurisdiction_id, year, last)
                   VALUES (%s, %s, %s) ON CONFLICT (jurisdiction_id, year)
                   DO UPDATE SET last = GREATEST(complaints_trackingsequence.last,
                                                 EXCLUDED.last)""",
                [world.jurisdiction.pk, year, last],
            )
        ikm_responses(cur, world, gen)
        raw.commit()
        raw.autocommit = True
        t3 = time.monotonic()
        cur.execute(
            "SELECT relname FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC"
        )
        tables = [name for (name,) in cur.fetchall()]
        _run_each(args.database_url, [f'VACUUM ANALYZE "{t}"' for t in tables], jobs)
        print(f"vacuum analyze in {time.monotonic() - t3:.1f}s", flush=True)
        cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cur.fetchone()[0]
    # The dashboards read the rollup table, which the services keep current; rows copied in
    # bypass them, so the loaders counted their rows' share as they wrote them.
    t4 = time.monotonic()
    rows = rollups.replace(rollup)  # ends with VACUUM ANALYZE of the rollup (index-only scans)
    print(f"dashboard rollup: {rows:,} rows in {time.monotonic() - t4:.1f}s", flush=True)
    if args.verify:
        t5 = time.monotonic()
        if rollups.stored() != rollups.compute():
            raise SystemExit("the rollup differs from the one computed from the stored rows")
        print(f"rollup verified against the stored rows in {time.monotonic() - t5:.1f}s")
    shares = ", ".join(f"{k} {v / total:.1%}" for k, v in sorted(gen.counts.items()))
    print(
        f"done: {total:,} complaints, {events:,} events, {attachments:,} "
        f"attachments, {ratings:,} ratings in {time.monotonic() - t0:.0f}s; "
        f"database {size}\nstatuses: {shares}"
    )


def ikm_responses(cur, world: World, gen: Generator) -> None:
    """A few IKM questionnaire answers per unit per month of history."""
    rng = gen.rng
    buf = io.StringIO()
    months = max(1, int(gen.span / 86400 / 30))
    for unit in world.internal_units[:40]:
        for m in range(months):
            for _ in range(rng.randrange(3, 12)):
                gen.ikm_id += 1
                at = gen.start + timedelta(days=30 * m + rng.random() * 30)
                answers = [rng.choices((1, 2, 3, 4), weights=(3, 12, 55, 30))[0] for _ in range(9)]
                row = (
                    gen.ikm_id,
                    world.jurisdiction.pk,
                    unit.pk,
                    *answers,
                    "",
                    "",
                    "",
                    "",
                    None,
                    at,
                )
                buf.write("\t".join(esc(v) for v in row) + "\n")
    cols = (
        "id",
        "jurisdiction_id",
        "unit_id",
        *(f"u{i}" for i in range(1, 10)),
        "age_band",
        "sex",
        "education",
        "occupation",
        "complaint_id",
        "created_at",
    )
    with cur.copy(f"COPY surveys_ikmresponse ({', '.join(cols)}) FROM STDIN") as copy:
        copy.write(buf.getvalue())
    cur.execute(
        "SELECT setval(pg_get_serial_sequence('surveys_ikmresponse', 'id'), "
        "(SELECT coalesce(max(id), 1) FROM surveys_ikmresponse))"
    )


BENCH_PEOPLE = (
    # username, role, unit codes (the busiest units, so the officer inbox is the heaviest)
    ("bench.verifikator", "verifier", ()),
    ("bench.pengawas", "supervisor", ()),
    ("bench.tapd", "tapd", ()),
    ("bench.petugas", "officer", ("disdukcapil",)),
    ("bench.dpupr", "officer", ("dpupr",)),
)


def make_people() -> None:
    from django.conf import settings
    from django.contrib.auth.hashers import make_password

    from aduan.accounts.models import User
    from aduan.organisation.models import Jurisdiction, Membership, Unit

    j = Jurisdiction.objects.get(slug=settings.ADUAN_DEFAULT_JURISDICTION)
    hashed = make_password(BENCH_PASSWORD)
    for username, role, units in BENCH_PEOPLE:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "password": hashed,
                "jurisdiction": j,
                "role": role,
                "is_active": True,
                "first_name": username.split(".")[1].title(),
            },
        )
        for code in units:
            unit = Unit.objects.filter(jurisdiction=j, code=code).first()
            if unit is not None:
                Membership.objects.get_or_create(user=user, unit=unit, defaults={"role": "officer"})


if __name__ == "__main__":
    load(parse_args())
