"""Hand-written rules: urgency (danger to life or health now) and category keywords.

Urgency is a rule set, not a learned model: the cases are few, the cost of a miss is high
and a verifier must be able to read why a report was flagged (``urgency_reasons``). The
rules run on normalised text (``text.normalise``), so "tanggul e jebol", "TANGGUL JEBOL!!"
and "tanggul jebol" all match.

``keyword_category`` is the high-precision keyword baseline measured against the learned
model in docs/triage.md; the model does not use it at run time.
"""

# ruff: noqa: E501 - a pattern reads better on one line than cut in pieces.
from __future__ import annotations

import re

from aduan.triage.text import normalise

_NOW = r"(sekarang|skrg|saat ini|barusan|tadi|sedang|lagi|malam ini|pagi ini|sore ini|segera|cepat|cepet|darurat|tolong|tulung)"

#: (reason, pattern) — a report is urgent when any pattern matches its normalised text.
URGENT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern))
    for reason, pattern in (
        (
            "tanggul jebol",
            r"\btanggul\w*( \w+){0,6} (jebol|ambrol|ambruk|bocor besar|bobol)",
        ),
        (
            "rob masuk rumah",
            r"\b(rob|air laut|air pasang|banyu rob|banyu laut)\b( \w+){0,4} (masuk|mlebu|naik ke|sampai ke)"
            r"( \w+){0,2} (rumah|omah|kampung|permukiman)|\brob( \w+){0,2} (makin|semakin|terus) (tinggi|naik)",
        ),
        (
            "pompa rob mati",
            r"\bpompa (rob|banjir|air pasang|pengendali banjir)( \w+){0,4} (mati|rusak|tidak bekerja|"
            r"tidak berfungsi|macet)",
        ),
        (
            "banjir sedang terjadi",
            r"\b(banjir|air sungai|sungai)\b( \w+){0,6} (masuk rumah|sepinggang|sedada|seleher|sepinggul|"
            r"setinggi (satu|1) meter|naik terus|naik cepat|terjebak|terkepung)|\bsungai( \w+){0,2} meluap|"
            r"\b(sepinggang|sedada|seleher|sepinggul)\b",
        ),
        (
            "evakuasi",
            r"\b(evakuasi|dievakuasi|mengungsi|ngungsi|perahu karet|butuh perahu|terjebak|terkepung)\b",
        ),
        (
            "pengungsi tanpa logistik",
            r"\b(pengungsi|pengungsian|korban banjir|korban rob)\w*( \w+){0,12} (belum (dapat|mendapat)|kelaparan|"
            r"kedinginan|kurang logistik|kurang (tikar|selimut|makanan|air bersih)|tidak ada)|\bkelaparan\b",
        ),
        (
            "kabel listrik berbahaya",
            r"\bkabel( \w+){0,4} (putus|menjuntai|terkelupas|mengelupas|terbuka|nyetrum|memercikkan|percikan)|"
            r"\b(tersengat listrik|kesetrum|nyetrum)\b|(kabel|trafo|gardu|tiang)( \w+){0,4} (percikan api|korsleting)",
        ),
        (
            "pohon atau bangunan roboh",
            r"\b(pohon|dahan)( \w+){0,3} (tumbang|roboh|ambruk)\w*( \w+){0,3} (menimpa|nimpa|melintang|kabel|rumah)|"
            r"\b(menimpa|tertimpa)\b",
        ),
        (
            "tiang atau jembatan hampir roboh",
            r"\b(tiang|jembatan|kreteg)( \w+){0,8} (hampir|mau|akan|nyaris) (roboh|ambruk|ambrol|runtuh|jatuh)|"
            r"\b(jembatan|kreteg)( \w+){0,8} (ambrol|ambruk|runtuh|patah)|\btiang( \w+){0,6} (doyong|roboh|ambruk|tumbang)",
        ),
        (
            "kebakaran",
            r"\b(kebakaran|api membesar|apinya|damkar|pemadam)\b|\b(rumah|gudang|toko|pasar|kios|pabrik)( \w+){0,3} terbakar",
        ),
        (
            "keracunan atau wabah",
            r"\b(keracunan|wabah|mual dan muntah|muntah dan diare|diare muntah|diare massal|kejadian luar biasa|klb)\b",
        ),
        ("demam berdarah", r"\b(dbd|demam berdarah|kena db|kasus db|db\b|fogging|difogging)"),
        (
            "korban atau kondisi gawat",
            r"\b(tidak sadar|tidak sadarkan diri|kejang|pendarahan|tenggelam|hanyut|korban luka|"
            r"ada yang luka|ada yg luka|ada korban)\b",
        ),
        ("ambulans", r"\b(ambulans|ambulan|ambulance)\b"),
        (
            "orang hilang",
            r"(?<!kia )(?<!buku )(?<!kartu )\b(anak|orang|lansia|balita)( (saya|kami|tetangga|warga))? "
            r"(hilang|belum pulang)\b",
        ),
        ("gas bocor", r"\b(gas|amonia|amoniak)( \w+){0,3} (bocor|menyengat)|kebocoran gas|bau gas"),
        (
            "tawuran",
            r"\b(tawuran|senjata tajam|celurit|clurit|bacok|perkelahian massal|saling lempar)",
        ),
        (
            "longsor",
            r"\blongsor\b( \w+){0,6} (menggantung|penghuni|menimpa|tertimbun)|tanah( \w+){0,4} longsor",
        ),
        (
            "atap runtuh",
            r"\b(atap|plafon)\w*( (?!hampir|mau|nyaris)\w+){0,3} (runtuh|ambrol|ambruk|roboh)",
        ),
        ("angin kencang", r"\b(puting beliung|angin kencang|angin ribut)\b"),
    )
)
#: Words that make a report urgent only together with a word of "now" (``_NOW``).
_WEAK = re.compile(
    r"\b(pingsan|kritis|terperosok|terluka|luka|tertabrak|jatuh|sesak napas|amblas|ambles|ambrol)\b"
)

#: Words of "now" strong enough to make a weak word urgent ("sekarang" also means "by now").
_NOW_STRONG = re.compile(
    r"\b(barusan|tadi|segera|cepat|cepet|darurat|tolong|tulung|saat ini|malam ini|pagi ini)\b"
)
#: A cable that carries no current (fibre, telephone) is not an electrical danger.
_DATA_CABLE = re.compile(r"\b(fiber|fibre|optik|internet|telepon|wifi|provider|indihome)\b")
_POWER = re.compile(r"\b(listrik|pln|pju|lampu|trafo|gardu|tegangan)\b")

#: Phrases that, in a report that matched a rule, show it is not about right now.
_NOT_NOW = re.compile(
    r"\b(tahun lalu|bulan lalu|dulu|sudah surut|telah surut|usul|saran|bagaimana cara|apakah|kapan|"
    r"tiap|setiap|saben|sering|langganan|berapa)\b"
)


#: Words at least one of which every rule above needs: most reports skip the rules at once.
_TRIGGER = re.compile(
    r"tanggul|banjir|sungai|sepinggang|sedada|seleher|sepinggul|evakuasi|ngungsi|perahu|terjebak|"
    r"terkepung|pengungsi|korban|kelaparan|kabel|tersengat|kesetrum|nyetrum|trafo|gardu|tiang|"
    r"pohon|dahan|menimpa|tertimpa|jembatan|kreteg|kebakaran|api|damkar|pemadam|terbakar|"
    r"keracunan|wabah|muntah|diare|klb|dbd|demam|\bdb\b|fogging|sadar|kejang|pendarahan|"
    r"tenggelam|hanyut|luka|ambulan|hilang|pulang|gas|amonia|tawuran|senjata|celurit|clurit|"
    r"bacok|perkelahian|lempar|longsor|atap|plafon|beliung|angin|pingsan|kritis|terperosok|"
    r"tertabrak|jatuh|sesak|amblas|ambles|ambrol|rob|air laut|air pasang|pompa"
)


def urgency_reasons(text: str) -> list[str]:
    """The reasons (rule names) for which ``text`` reports a danger to life or health now."""
    norm = normalise(text)
    if not _TRIGGER.search(norm):
        return []
    now = re.search(_NOW, norm) is not None
    reasons = [reason for reason, pattern in URGENT_RULES if pattern.search(norm)]
    if (
        "kabel listrik berbahaya" in reasons
        and _DATA_CABLE.search(norm)
        and not _POWER.search(norm)
    ):
        reasons.remove("kabel listrik berbahaya")
    if not reasons and _NOW_STRONG.search(norm) and _WEAK.search(norm):
        reasons = ["korban atau kondisi gawat"]
    if reasons and _NOT_NOW.search(norm) and not now:
        # "Kapan tanggul yang jebol tahun lalu diperbaiki?" is not an emergency.
        return []
    return reasons


def is_urgent(text: str) -> bool:
    return bool(urgency_reasons(text))


#: High-precision keywords per category (the keyword baseline).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "adminduk": (
        "ktp",
        "kartu keluarga",
        "akta",
        "akte",
        "kia",
        "dukcapil",
        "capil",
        "nik",
        "pindah datang",
        "ikd",
        "skpwni",
        "blanko",
    ),
    "bansos": (
        "pkh",
        "bpnt",
        "bansos",
        "bantuan sosial",
        "dtks",
        "dtsen",
        "pbi",
        "kks",
        "blt",
        "sembako",
        "kpm",
        "e warong",
    ),
    "kesehatan": (
        "puskesmas",
        "rsud",
        "rumah sakit",
        "dokter",
        "bidan",
        "posyandu",
        "imunisasi",
        "fogging",
        "dbd",
        "demam berdarah",
        "ambulans",
        "obat",
        "igd",
        "pasien",
    ),
    "pendidikan": (
        "sekolah",
        "spmb",
        "ppdb",
        "zonasi",
        "guru",
        "murid",
        "siswa",
        "ijazah",
        "pip",
        "beasiswa",
        "sd negeri",
        "smp",
        "paud",
    ),
    "jalan": (
        "jalan berlubang",
        "jalan rusak",
        "aspal",
        "lubang",
        "jembatan",
        "trotoar",
        "paving",
        "ambles",
        "amblas",
        "berlubang",
    ),
    "drainase": (
        "saluran",
        "gorong gorong",
        "drainase",
        "tersumbat",
        "genangan",
        "tergenang",
        "normalisasi",
    ),
    "banjir_rob": (
        "rob",
        "banjir",
        "tanggul",
        "pompa rob",
        "evakuasi",
        "pengungsi",
        "puting beliung",
        "bencana",
        "kebakaran",
        "tumbang",
    ),
    "sampah": ("sampah", "tps", "tpa", "gerobak sampah", "truk sampah", "kebersihan"),
    "pencemaran": (
        "limbah",
        "pencemaran",
        "tercemar",
        "asap",
        "bising",
        "bau busuk",
        "ipal",
        "cerobong",
        "debu",
    ),
    "air_bersih": (
        "pdam",
        "tirtayasa",
        "air bersih",
        "air ledeng",
        "meteran air",
        "tagihan air",
        "pipa bocor",
        "air keruh",
    ),
    "pju": ("lampu jalan", "pju", "penerangan jalan", "lampu penerangan", "tiang lampu"),
    "lalu_lintas": (
        "parkir",
        "jukir",
        "lampu lalu lintas",
        "lampu merah",
        "traffic light",
        "rambu",
        "marka",
        "macet",
        "angkot",
        "zebra cross",
        "bangjo",
    ),
    "ketertiban": (
        "pkl",
        "pedagang kaki lima",
        "miras",
        "mabuk",
        "balap liar",
        "judi",
        "pengemis",
        "knalpot",
        "karaoke",
        "bangunan liar",
        "tawuran",
    ),
    "perizinan": (
        "pbg",
        "imb",
        "nib",
        "oss",
        "izin",
        "perizinan",
        "reklame",
        "billboard",
        "dpmptsp",
    ),
    "pajak": ("pbb", "sppt", "bphtb", "pajak", "retribusi", "njop"),
    "pelayanan_kelurahan": (
        "kantor kelurahan",
        "surat pengantar",
        "surat keterangan",
        "lurah",
        "ketua rt",
        "sktm",
        "domisili",
    ),
    "aparatur": (
        "pungli",
        "calo",
        "oknum",
        "asn",
        "pns",
        "uang rokok",
        "pungutan liar",
        "maladministrasi",
        "mobil dinas",
    ),
    "ketenagakerjaan": (
        "umk",
        "gaji",
        "upah",
        "thr",
        "phk",
        "pesangon",
        "lembur",
        "buruh",
        "karyawan",
        "kartu kuning",
        "disnaker",
        "bpjs ketenagakerjaan",
    ),
    "perumahan": (
        "rtlh",
        "bedah rumah",
        "tidak layak huni",
        "rusunawa",
        "rusun",
        "taman",
        "makam",
        "pemakaman",
        "fasum",
        "psu",
    ),
    "lainnya": (
        "pln",
        "listrik padam",
        "sinyal",
        "pinjol",
        "polisi",
        "maling",
        "anjing liar",
        "ular",
        "elpiji",
        "bpn",
    ),
}

_KEYWORD_PATTERNS = {
    cat: re.compile(r"\b(" + "|".join(re.escape(k) for k in words) + r")\b")
    for cat, words in KEYWORDS.items()
}


def keyword_scores(text: str) -> dict[str, int]:
    """Number of keyword hits per category in ``text``."""
    norm = normalise(text)
    return {cat: len(p.findall(norm)) for cat, p in _KEYWORD_PATTERNS.items()}


def keyword_category(text: str) -> str:
    """The category with the most keyword hits; "lainnya" when none matched."""
    scores = keyword_scores(text)
    best = max(scores.items(), key=lambda kv: kv[1])
    return best[0] if best[1] > 0 else "lainnya"
