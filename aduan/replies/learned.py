"""A learned layer over the reply-tone rules, and its cross-author evaluation.

For the flaws whose meaning often lies in content rather than in a fixed phrase
(``LEARNED``), a per-flaw logistic regression reads TF-IDF word 1–2-grams of the normalised
reply, character 2–5-grams, and the rules' own signals (which flaws the rules found, how
many words they quoted, second-person address, imperatives, negations, particles, "!" and
"?"). The **hybrid** flags a flaw when the rules do, or when the classifier's probability is
above a threshold chosen by inner cross-validation over groups of whole training authors
for the hybrid's F1 (``TARGET_PRECISION``). Every labelled writer trains it; the sets
labelled by four people teach their majority (``training_rows``).

``cross_author()`` is the honest estimate for an unseen writer: for each author k, train on
the other authors' sets only and score rules, classifier and hybrid on author k's sets.

Inference needs only numpy and the artefact (``artefacts/learned.npz``): vocabulary, IDF
and weights; the analyzers below are the ones used in training, so a rebuild is exact.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from aduan.replies.checker import FLAWS, Verdict, _prepare, check_rules

DATA = Path(__file__).resolve().parent / "data"
ARTEFACT = Path(__file__).resolve().parent / "artefacts" / "learned.npz"

AUTHORS: dict[str, tuple[str, ...]] = {
    "author1": ("dev", "heldout", "fresh", "final", "blind"),
    "author2": ("independent", "independent_b", "independent_c", "independent_d"),
    "author3": ("independent_e", "independent_f"),
    "author4": ("independent_g",),
    "author5": ("independent_h",),
    "author6": ("independent_i",),
    "author7": ("independent_j",),
    "author8": ("independent_k",),
    "author9": ("independent_l",),
    "author10": ("independent_m",),
    "author11": ("independent_n",),
    "author12": ("independent_o",),
    "author13": ("independent_p",),
    "author14": ("independent_r",),
    "author15": ("independent_s",),
    "author16": ("independent_t",),
    # The fourteenth writer's set, kept out of training until every writer joined it.
    "author17": ("independent_q",),
    # One writer each, written blind (docs/replies.md, "Labelled sets"): writers 18–38.
    **{
        f"author{18 + i}": (f"independent_{name}",)
        for i, name in enumerate("u v w x y z aa ab ac ad ae af ag ah ai aj ak al am an ao".split())
    },
}
# Sets labelled again by three more people (``data/agreement/``): the layer learns their
# majority (a flaw chosen by at least three of the four), not the writer's labels alone.
AGREEMENT_SETS = ("independent_al", "independent_am", "independent_an", "independent_ao")
AGREEMENT_LABELLERS = ("second", "third", "fourth")
LEARNED = (
    "blames_citizen",
    "rude",
    "dismissive",
    "wrong_unit_deflection",
    "no_action",
    "vague",
)
# How each flaw's threshold is chosen on the inner cross-validation's predictions: None, the
# cut that maximises the hybrid's F1 (precision and recall both count, as in the per-flaw
# target of 0.80 for each); a number, the cut that maximises recall at that precision (0.85
# until every writer joined the layer: docs/replies.md, "Every writer in the layer").
TARGET_PRECISION: float | None = None
# Flaws whose rule finding the layer may take back: kept only where the classifier gives it
# at least a floor, chosen with the cut on the inner cross-validation (0 = always kept).
# Brush-offs and ``vague`` are short by precision, and the rules' surplus there is what the
# writers do not label (docs/replies.md, "The layer takes back a brush-off or vague"). For
# the other kinds a floor took back findings the definition requires (rudeness in "Lain
# kali jangan banyak protes", ``no_action`` in a negated action), so they have none.
FLOORED = ("dismissive", "vague")
FLOORS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
# Inner cross-validation for the thresholds: the training authors in this many groups.
INNER_FOLDS = 5
# The rules as they stood before each author's sets were first seen (git commits), for an
# honest "unseen writer" reading of the rules and of the hybrid built on them.
FROZEN = {
    "author2": "b12bda9",
    "author3": "508b674",
    "author4": "012afa3",
    "author5": "ff76f28",
    "author6": "8d21edf",
    "author7": "4851136",
    "author8": "087ed3c",
    "author9": "c398e93",
    "author10": "adecf53",
    "author11": "ed6df9a",
    "author12": "fae3e92",
    "author13": "1f9812b",
    "author14": "e816ed7",
    "author15": "09b1256",
    "author16": "6dc981f",
}

# Flaws whose labels by an author follow a convention that contradicts this page's definition
# (see docs/replies.md): the classifier still learns from them, but they do not choose the
# operating threshold that every other writer gets. Author 13 labels a rude or blaming
# brush-off as rude or blame only, never also dismissive (author 2 and the definition label
# both), which alone raised the pooled brush-off threshold from 0.816 to 0.891.
THRESHOLD_CONVENTIONS: dict[str, tuple[str, ...]] = {"author13": ("dismissive",)}

SWEEP = (0.5, 0.7, 0.9)

Rules = Callable[[str, str], Verdict]
C = 3.0
DENSE_SCALE = 0.0  # weight of the rules' signals against the n-grams (0 = n-grams only)

_SECOND_PERSON = frozenset(
    "bapak ibu anda kamu kau situ lu lo saudara saudari kakak mas mbak adik bpk".split()
)
_IMPERATIVE = frozenset(
    "jangan silakan tunggu ditunggu coba harus baca pahami sabar bersabar diam cek urus "
    "datang ikuti patuhi tolong".split()
)
_NEGATION = frozenset("tidak bukan belum jangan tak enggak tanpa".split())
_PARTICLES = frozenset("kok dong sih kan lah ya deh wong masa memang memangnya saja aja".split())
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def rows_of(splits: Iterable[str]) -> list[dict]:
    import json

    rows: list[dict] = []
    for name in splits:
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def majority(labellings: Sequence[Sequence[str]]) -> list[str]:
    """The flaws that more than half of the people chose for one reply, in the checker's
    order (three of four; two of three)."""
    votes = Counter(code for flaws in labellings for code in flaws)
    return [code for code in FLAWS if votes[code] * 2 > len(labellings)]


def meets_target(m: dict[str, Any]) -> bool:
    """Precision and recall both at least 0.80, the issue's per-flaw target (a measure with
    nothing to count, no flaw predicted or none labelled, counts as met on that side)."""
    return all(m[k] is None or m[k] >= 0.8 for k in ("precision", "recall"))


def training_rows(splits: Iterable[str]) -> list[dict]:
    """The rows the layer learns from: as labelled, except that a set labelled by four
    people carries the flaws most of them chose (``AGREEMENT_SETS``, ``majority``)."""
    rows: list[dict] = []
    for name in splits:
        own = rows_of((name,))
        if name in AGREEMENT_SETS:
            others = [
                {r["id"]: r for r in rows_of((f"agreement/{name}.{who}",))}
                for who in AGREEMENT_LABELLERS
            ]
            for row in own:
                flaws = majority([row["flaws"], *(other[row["id"]]["flaws"] for other in others)])
                rows.append({**row, "flaws": flaws})
        else:
            rows.extend(own)
    return rows


# ----------------------------------------------------------------------------------------
# Features


def word_ngrams(reply: str) -> list[str]:
    """Word 1–2-grams of the normalised reply (informal spellings folded by the rules)."""
    tokens = _prepare(reply).joined.split(" ")
    grams = [t for t in tokens if t and t != "|"]
    grams += [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False) if "|" not in (a, b)]
    return grams


def char_ngrams(reply: str) -> list[str]:
    """Character 2–5-grams of the lower-cased reply, inside padded words."""
    grams: list[str] = []
    for word in _TOKEN.findall(reply.lower()):
        padded = f" {word} "
        size = len(padded)
        grams += [padded[i : i + n] for n in range(2, 6) for i in range(size - n + 1)]
    return grams


DENSE_NAMES: tuple[str, ...] = (
    *(f"rule:{code}" for code in FLAWS),
    *(f"words:{code}" for code in FLAWS),
    "second_person",
    "imperative",
    "negation",
    "particle",
    "exclaim",
    "question",
    "sentences",
    "no_rule_severe",
)


def dense(reply: str, verdict: Verdict) -> np.ndarray:
    """The rules' signals and a few counts, scaled to about 0–1."""
    codes = {f.code: f for f in verdict.flaws}
    tokens = _prepare(reply).joined.split(" ")
    counts = Counter(tokens)
    severe = ("blames_citizen", "rude", "dismissive", "wrong_unit_deflection", "no_action")

    def count(words: frozenset[str]) -> float:
        return min(sum(counts[w] for w in words), 4) / 4

    values = [1.0 if code in codes else 0.0 for code in FLAWS]
    values += [min(len(codes[c].words), 3) / 3 if c in codes else 0.0 for c in FLAWS]
    values += [
        count(_SECOND_PERSON),
        count(_IMPERATIVE),
        count(_NEGATION),
        count(_PARTICLES),
        min(reply.count("!"), 4) / 4,
        min(reply.count("?"), 4) / 4,
        min(counts["|"] + 1, 8) / 8,
        0.0 if any(c in codes for c in severe) else 1.0,
    ]
    return np.asarray(values, dtype=np.float64)


# ----------------------------------------------------------------------------------------
# Cue lexicon: hand-written word families for each learned flaw, read over the normalised
# reply. One count per family (not per phrase) is a feature, so a phrase no training author
# used ("ojo manja", "kakehan sambat", "silakan ke instansi lain") still lights the family
# whose other members the training authors did use. Written from the language, not from
# the labelled sets.


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?:nya|lah|pun|kah)?(?![\w-])")


_YOU = r"(?:bapak|ibu|anda|saudara|saudari|kakak|mas|mbak|sampeyan|situ|kamu|kau|lu|lo)"
CUES: dict[str, re.Pattern[str]] = {
    # Insults, belittling address, exasperation; Indonesian slang and Javanese ngoko.
    "rude_insult": _cue(
        r"bodoh|goblok|goblog|tolol|bego|dungu|bloon|oon|lemot|ndableg|ndablek|ngeyel|"
        r"kakehan|cerewet|rewel|bawel|lebay|lebai|baper|manja|cengeng|norak|kampungan|katrok|"
        r"udik|sok|nyolot|ngegas|songong|belagu|ngelunjak|kurang ajar|rese|ribet amat|"
        r"karepmu|sakarepmu|sak karepmu|karepe dewe|mbok ya|mbok yo|ra mudeng|ora mudeng|"
        r"tidak mudeng|ora ngerti|ra ngerti|ra sah|ora sah|ora usah|ojo|ojok|aja kakehan|"
        r"nesu|nesu-nesu|sambat|nggresulo|ngomel|ngomel-ngomel|ngedumel|nyinyir|"
        r"ya elah|yaelah|elah|halah|alah|hadeh|hadeuh|weleh|lha wong|lah wong|wong ya|"
        r"gitu saja|begitu saja|gitu kok|kok repot|doang|mikir|otak|situ|lu|lo|elu|gue|gw|"
        r"kamu|kau|ente|kalian|emangnya|memangnya|kira-kira dong|dong|sih|kali|kakean|kebanyakan|"
        r"parno|paranoid|kepo|aneh|lucu|bersyukur|ngaca|berkaca|maunya|segala|gratis|"
        r"paling benar|paling penting|satu-satunya|kapok|gampang nesu|sing sabar|wong gratis"
    ),
    # Sarcastic praise and counting the reporter's complaints.
    "rude_sarcasm": _cue(
        r"hebat|luar biasa|rajin sekali|rajin banget|sangat rajin|pintar sekali|salut|"
        r"wah|wow|kesekian|ke-\d+|ketiga kalinya|keempat kalinya|kelima kalinya|untuk kesekian|"
        r"sudah menganggap|menganggap kami|terima kasih banyak sudah|rela|sumbangan|"
        r"begadang|hafal|sampai hafal|punya mata|kami juga punya|bukan gaji|"
        r"selamat ya|semoga puas|puas sekarang"
    ),
    # The fault put on the reporter or on citizens.
    "blame": _cue(
        r"seharusnya|harusnya|semestinya|mestinya|sepatutnya|makanya|salah sendiri|"
        r"sendiri yang|warga sendiri|sendiri juga|kesadaran|kesadarannya|kurang teliti|"
        r"tidak teliti|lebih teliti|dengan teliti|teliti|lain kali|lebih berhati-hati|"
        r"berhati-hati|hati-hati|ngebut|sembarangan|kalau tahu|kenapa warga|kenapa " + _YOU + r"|"
        r"diam saja|risiko|resiko|ulah|karena warga|akibat warga|oleh warga|ceroboh|lalai|"
        r"kelalaian|teledor|tidak membaca|membaca pengumuman|tidak memperbarui|tidak sesuai "
        r"ketentuan|tidak menjaga|menjaga kebersihan|dirawat|tidak dirawat|bergantung|mandiri|"
        r"tidak hanya melapor|cuma bisa|hanya bisa komplain|hanya bisa protes|dibuang ke|"
        r"buang sampah|membuang sampah|tidak tertib|kurang tertib|tertib|pelapor tidak|"
        r"tidak menyebutkan|tidak jelas|datang lebih|berangkat lebih|lebih awal|lebih pagi|"
        r"mengecek|cek dulu|tidak dipilah|yang memberi izin|mengecor|menutup saluran|"
        r"tinggal di|memilih tinggal|sudah tahu|padahal sudah|sejak awal|dari awal|isi sendiri|"
        r"ketik sendiri|pasang sendiri|kenapa tidak|pada pasang|harusnya sudah|kurang dengar|"
        r"jangan ngebut|ikut jaga|dibebankan"
    ),
    # Brushing the complaint off without help.
    "dismissive": _cue(
        r"tunggu saja|ditunggu saja|sabar saja|yang sabar|bersabar|mohon ditunggu|ditunggu|"
        r"memang begitu|memang sudah begitu|sudah begitu|sudah biasa|biasa saja|hal biasa|"
        r"namanya juga|mau bagaimana lagi|mau gimana lagi|semua juga|semuanya juga|bukan cuma|"
        r"bukan hanya|tidak bisa berbuat|tidak ada yang bisa|hanya bisa menunggu|sudah final|"
        r"tidak bisa diubah|menjalankan aturan|memang aturannya|dimaklumi|maklum|sendiri|"
        r"dicek sendiri|dibaca sendiri|baca sendiri|cari sendiri|urus sendiri|di website|"
        r"di instagram|di ig|di grup|sudah ada di|kekeluargaan|antar tetangga|antartetangga|"
        r"bukan urusan|dudu urusan|dudu urusane|urusane|bukan salah kami|bukan kesalahan|"
        r"secepatnya kok|kok|sing penting|rejeki|rezeki|fenomena alam|dari dulu|memang|"
        r"pasti|sudah risiko|kasihan|cari makan|kapan-kapan|nanti juga|ntar juga|"
        r"tidak perlu|tidak usah|percuma|antrian|antreannya|semua ada|kuotanya|terbatas"
    ),
    # "Not our remit" and sending the citizen elsewhere.
    "deflect": _cue(
        r"bukan wewenang|bukan kewenangan|kewenangan|wewenang|tupoksi|di luar|diluar|"
        r"instansi lain|dinas lain|pihak lain|instansi yang berwenang|yang berwenang|"
        r"berwenang|pihak terkait|dinas terkait|instansi terkait|yang menangani|"
        r"tidak menangani|provinsi|pusat|kementerian|nasional|bukan kami|kami bukan|"
        r"salah alamat|silakan ke|silahkan ke|ditanyakan ke|sampaikan ke|laporkan ke|"
        r"bukan tugas|bukan ranah|ranah|urusan \w+ lain|bukan di sini|ke sana|membidangi|"
        r"yang mengurus|yang mengurusi|tidak mengurusi|instansi asal|sebelah|aparat yang|"
        r"tanggung jawab|kami di daerah|bukan dari kami|bukan kantor"
    ),
}
# Structural families: the same flaw kinds read from the shape of a clause (who is the
# subject of a fault, whose "urusan" a matter is said to be, a reproach aimed at the
# reader) rather than from a word, so that a writer's new vocabulary in a known frame
# still counts. Written from Indonesian and Javanese grammar, not from the labelled sets.
_W = r"(?:[\w-]+ )"  # any one word of the normalised reply
_CITIZEN = (
    r"(?:bapak|ibu|anda|warga|warganya|pelapor|pemohon|peserta|pelanggan|pengendara|pedagang|"
    r"penumpang|pendaftar|penerima|penghuni|pemilik|orang tua|orang tuanya|anak-anak|"
    r"masyarakat|sampeyan|panjenengan|njenengan)"
)
_UNIT = r"(?:kami|kula|kita|dinas|kelurahan|kecamatan|pemkot|pemerintah kota|daerah|puskesmas)"
_OTHER = (
    r"(?:pusat|provinsi|kabupaten|kementerian|kemen\w+|pengembang|developer|provider|"
    r"swasta|panitia|perusahaan|orang lain|pihak lain|instansi lain|dinas lain|mereka|sana|"
    r"yang bersangkutan|pengelolanya|pemiliknya|jakarta|balai|bumn)"
)


def _frame(*alternatives: str) -> re.Pattern[str]:
    """A cue family from clause frames; <W> is any one word, <CITIZEN>, <UNIT> and <OTHER>
    the reader or citizens, the answering unit, and another owner."""
    pattern = "|".join(alternatives)
    for name, value in (
        ("<W>", _W),
        ("<CITIZEN>", _CITIZEN),
        ("<UNIT>", _UNIT),
        ("<OTHER>", _OTHER),
    ):
        pattern = pattern.replace(name, value)
    return _cue(pattern)


CUES.update(
    {
        # A reproach or order aimed at the reader: "kok ... ribut", "tidak usah ... lapor",
        # "jangan ... terus", "terlalu parno", "ngapain", "kami bukan robot".
        "rude_reproach": _frame(
            r"ngapain|buat apa",
            r"kok <W>{0,3}(?:ribut|heboh|repot|protes|lapor\w*|dilapor\w*|nuntut|menuntut|"
            r"minta|marah|ngomel|rewel|takut|sewot|ngegas)",
            r"(?:tidak|ora|ndak) usah <W>{0,2}(?:ribut|protes|lapor\w*|dilapor\w*|ditanyakan|"
            r"perhitungan|dibesar-besarkan|ngegas|marah|emosi|sewot|nuntut|menuntut|rewel|manja)",
            r"jangan <W>{0,3}(?:terus|lagi|melulu|mulu|sembarangan|asal|menuduh|nuduh|menilai|"
            r"nyalahin|menyalahkan|manja|cengeng|sok|ngeyel|ngegas)",
            r"terlalu (?:parno|sensitif|perasa|berlebihan|lebay|banyak menuntut)",
            r"kira (?:kami|petugas)",
            r"(?:bukan|kan bukan) (?:robot|malaikat|pembantu|tukang|babu|dukun)",
            r"dikit-dikit|sedikit-sedikit|semua-semua|apa-apa kok|sebelum tahu|tahu apa",
            r"ada apa ada apa|gampang kan|mikir dong|pikir dong",
            r"(?:bapak|ibu|anda) (?:ini|itu) (?:aneh|lucu|gimana|bagaimana|kok)",
        ),
        # Mock courtesy: an honorific or praise that the rest of the sentence undercuts.
        "rude_mock": _frame(
            r"yang budiman|yang teliti|yang terhormat sekali|yang rajin|yang pintar",
            r"begitu besar|sangat besar|yang luar biasa|sampai <W>{0,5}pun",
            r"sudah percaya|sudah sabar ya|sekalian membantu|itung-itung|hitung-hitung|sedekah",
            r"mungkin lain kali|menyempatkan menilai|sangat membangun",
        ),
        # The citizen as the cause or the one who should have acted.
        "blame_agent": _frame(
            r"(?:karena|gara-gara|akibat|sebab|soalnya|dari) <W>{0,3}<CITIZEN>",
            r"(?:kalau|jika|kalo|seandainya|coba) <W>{0,2}<CITIZEN>",
            r"(?:kewajiban|tanggungan|tanggung jawab|kesalahan|salah) <W>{0,1}<CITIZEN>",
            r"<CITIZEN> <W>{0,3}(?:sendiri|juga salah|lupa|telat|terlambat|lalai|tidak pernah|"
            r"jarang|malah|saja yang|yang salah|tidak peduli|tidak mau|maunya)",
            r"(?:lain kali|ke depan|besok-besok) <W>{0,3}(?:jangan|harus|lebih|siapkan|baca|"
            r"dibaca|cek|dicek|datang|daftar|lapor|bawa|perhatikan)",
            r"dulu <W>{0,3}(?:tidak|kenapa|kok)",
            r"(?:kok|kenapa) baru|baru (?:lapor|protes|bingung|sadar|minta|ribut)",
            r"(?:ikut|harus|wajib|mestinya) <W>{0,1}(?:jaga|menjaga|merawat|rawat|ronda|tertib|"
            r"mengawasi|diawasi|sadar)",
            r"kelakuan|ulah|kebiasaan warga",
            r"(?:jangan|tidak usah|ora usah) <W>{0,1}(?:nyalahin|menyalahkan|nyalahke|salahkan|"
            r"playing victim)",
            r"(?:isi|ketik|pilih|pasang|bangun) sendiri",
        ),
        # The matter assigned to another owner, or the unit's own part denied.
        "deflect_owner": _frame(
            r"(?:urusan|urusannya|urusane|ranah|ranahnya|kewenangan|kewenangannya|wewenang|"
            r"tanggungan|aset|asetnya|milik|miliknya|program|programnya|proyek|proyeknya|"
            r"kerjaan|kerjaannya|tugasnya) <W>{0,2}<OTHER>",
            r"(?:bukan|sanes|dudu|ora) <W>{0,2}(?:urusan|urusane|kerjaan|proyek|tugas|wewenang|"
            r"kewenangan|ranah|tanggung jawab|tanggungan|yang mengurus|yang mengelola|"
            r"yang ngurus) <W>{0,1}<UNIT>",
            r"<UNIT> <W>{0,2}(?:tidak|bukan|ora|sanes|belum punya) <W>{0,1}(?:pegang|ngurus|"
            r"ngurusi|ngurusin|mengurus|mengelola|menangani|berwenang|wewenang|kewenangan|"
            r"yang mengelola|yang ngurus|yang mengurus)",
            r"(?:dikelola|diatur|ditetapkan|ditentukan|diurus|dipegang|dibangun|dari) "
            r"(?:oleh )?<W>{0,1}<OTHER>",
            r"(?:lapor|laporkan|sampaikan|tanyakan|tanya|komplain|ditanyakan|diajukan|"
            r"disampaikan)(?:kan)? <W>{0,3}(?:ke|kepada) <W>{0,1}<OTHER>",
            r"(?:lapor|dilaporkan|laporkan) ke sini|salah alamat",
            r"di luar (?:kewenangan|wewenang|tupoksi|tanggung jawab)",
        ),
        # The trouble made small, normal or already fine.
        "dismissive_minimise": _frame(
            r"(?:belum|tidak) seberapa|tidak apa-apa|tidak parah|tidak separah|segitu",
            r"sudah sesuai|tidak ada yang salah|perlu <W>{0,1}luruskan|tidak benar",
            r"masih baik|masih wajar|belum lama|belum terlambat|setahun sekali|sekali setahun",
            r"toleransi|malah (?:lebih|sampai)|daerah lain|wilayah lain|yang lain juga",
            r"anggaran negara|kalau ada anggaran|kalau semua",
        ),
    }
)
# Seventh round: the reader told to cope alone, scolded for not listening, praised past
# belief, or named as the cause by a clause (a guess, a counterfactual, a citizen doing the
# damage). Frames, not phrases: a new verb in the same frame still lights the family.
_FAULT_VERB = (
    r"(?:buang|membuang|dibuang|digali|menggali|membangun|dibangun|memasang|dipasang|menaruh|"
    r"menggantung|mengikat|memaku|ngebut|ugal-ugalan|parkir|melanggar|mengunggah|diunggah|"
    r"salah|lalai|lupa|terlambat|telat|menutup|merusak|dirusak|mencoret|membakar|menebang|"
    r"kotor|mengisi|diisi|tidak|kurang|malas|jarang)"
)
CUES.update(
    {
        "rude_cope": _frame(
            r"tinggal (?:nunduk|menunduk|minggir|pindah|lewat|pakai|tutup|beli|bayar|ajak)",
            r"pakai mata|(?:pindah|pergi|keluar|cari) <W>{0,1}(?:saja|aja) kalau",
            r"kalau (?:tidak|nggak|ndak|gak|ora) (?:kuat|tahan|betah|suka|mau|sanggup)",
            r"(?:pasang|beli|bikin|tutup|sediakan|bersihin|bersihkan|urus|benahi|ajak|anggap) "
            r"<W>{0,3}(?:sendiri|saja|aja)(?: lah| dong| dulu)?",
            r"mending <W>{0,4}(?:sendiri|saja|dulu)",
            r"kalau <W>{1,5}(?:ya|yo) jangan|macam-macam",
        ),
        "rude_scold": _frame(
            r"(?:sudah|sering|berkali-kali|berulang kali|berulang-ulang) <W>{0,1}(?:di|kami )?"
            r"(?:ingatkan|peringatkan|sosialisasikan|umumkan|bilang|kasih tahu|imbau|himbau)",
            r"tidak (?:pernah )?(?:didengar|digubris|dihiraukan|diindahkan)|tidak belajar",
            r"baru (?:ribut|heboh|panik|bingung|ngomel|teriak|sadar)",
            r"(?:tolong|mohon|harap) dibaca|dibaca <W>{0,1}dong|perlu (?:kami )?ingatkan",
            r"jangan (?:apa-apa|bisanya|cuma|hanya|mepet|pas)|berulang-ulang|seratus kali",
        ),
        "rude_overpraise": _frame(
            r"(?:terima kasih|apresiasi|salut|hebat) <W>{0,8}(?:sangat|sekali|banget|luar biasa|"
            r"begitu besar|besar sekali|patut ditiru|tidak semua|jarang ada)",
            r"(?:kami|saya) (?:sangat |jadi |ikut |baru )?(?:terharu|tersanjung|salut|kagum|senang|"
            r"bangga|sadar|tahu ternyata)",
            r"patut ditiru|patut dicontoh|sepeduli|seteliti|serajin|lumayan olahraga|siapa tahu|"
            r"kirain|sudah mau repot|rela <W>{0,2}(?:begadang|menunggu|antre|datang)",
            r"semoga <W>{0,3}(?:berhasil|beruntung|naik sendiri|hilang sendiri|surut sendiri)|"
            r"berdoa semoga",
        ),
        "blame_clause": _frame(
            r"(?:karena|gara-gara|akibat|sebab) <W>{0,3}(?:warga|pedagang|pengendara|pemilik|"
            r"pengguna|pengunjung|pemohon|sopir|<CITIZEN>)(?: sendiri)? <W>{0,1}" + _FAULT_VERB,
            r"mungkin (?:cara <W>)?<CITIZEN> <W>{0,1}(?:tidak|belum|kurang|lupa|salah|yang|saja)",
            r"kalau <CITIZEN> <W>{0,2}(?:rajin|teliti|cermat|datang|daftar|mendaftar|baca|membaca|"
            r"ikut|tertib|disiplin)",
            r"(?:diisi|diunggah|diketik|dipilih|diinput|ditandatangani) sendiri|kesalahan "
            r"(?:pengisian|input|unggah|pengetikan)|(?:dhewe|dewe|piyambak)",
            r"tetangga <CITIZEN> sendiri|masing-masing|wajar (?:kalau|jika) petugas|"
            r"(?:lalu|terus|malah) (?:menyalahkan|nyalahin)|jauh-jauh hari",
        ),
    }
)
# Eighth round: the trouble measured against someone who had it worse or called normal,
# the complaint belittled for being made, condescending counsel, the reader's care
# questioned, and the remit said to have moved or to belong to a named other. Frames from
# the language (the rules' eighth-round families read the same shapes more narrowly).
CUES.update(
    {
        "rude_belittle": _frame(
            r"(?:(?:saja|aja|doang) |baru <W>{1,2})(?:sudah|udah) (?:lapor|melapor|protes|komplain|"
            r"mengeluh|ngeluh|ribut|ngomel)",
            r"(?:sedikit|segini|segitu|cuma|hanya) <W>{0,3}(?:saja|aja|doang) <W>{0,1}"
            r"(?:diributkan|dipermasalahkan|dipersoalkan|dibesar-besarkan|diprotes|dikeluhkan)",
            r"(?:menerima|terima) <W>{0,1}kenyataan|(?:dinikmati|nikmati|disyukuri|syukuri) "
            r"(?:saja|aja)|anggap (?:saja|aja)|kurang (?:update|gaul|piknik)",
            r"(?:heran|bingung) <W>{0,1}(?:kok|kenapa)|makan apa|daripada tidak|untung (?:masih )?"
            r"<UNIT>|campur ?aduk|keluhan (?:rutin|langganan)|(?:dulu|sendiri) baru",
        ),
        "dismissive_worse": _frame(
            r"ada yang <W>{0,3}(?:hari|minggu|bulan|tahun|kali|seminggu|sebulan|setahun|"
            r"berbulan-bulan|bertahun-tahun|tidak protes|tidak lapor|tidak mengeluh)",
            r"(?:masih|sudah|itu) (?:normal|wajar|biasa|murah|cepat|untung)|belum perlu|"
            r"belum tentu|lebih tahu|tidak bisa <W>{0,1}(?:kendalikan|dikendalikan)",
            r"memang (?:panjang|lama|penuh|ramai|padat|antre)|tunggu giliran|"
            r"semuanya <W>{0,1}(?:antre|antri|menunggu)|disuruh (?:sabar|menunggu)",
            r"sesuai (?:sop|prosedur|standar)|untuk (?:menjadi )?maklum|(?:hanya|cuma) "
            r"(?:menerima|pelaksana|menjalankan)",
        ),
        "blame_care": _frame(
            r"(?:dijaga|diawasi|dilarang|dijemput|jaga|awasi) (?:dong|ya|lah|yang benar)",
            r"jangan dibiarkan|(?:pelan-pelan|hati-hati) (?:saja|aja|dong)|kok bisa|"
            r"(?:sekali-sekali|sesekali) <W>{1,3}sendiri|kelihatan jelas|sudah tahu kok",
        ),
        "deflect_moved": _frame(
            r"(?:ditarik|dialihkan|diambil alih|beralih|pindah) <W>{0,1}(?:ke|oleh) <OTHER>",
            r"bukan (?:binaan|naungan|bawahan|mitra|tanggungan|lampu|jalan|aset|fasilitas) "
            r"<W>{0,1}(?:<UNIT>|kota)",
            r"(?:urusannya|tanggung jawabnya|wewenangnya|tugasnya|ranahnya) [\w-]+",
            r"urusan (?:bagian|bidang|seksi|divisi)|masuk (?:ranah|kewenangan|wewenang)|"
            r"swadaya|silakan diurus",
        ),
    }
)
# Ninth round: the reader lectured on duty or told to learn first, the trouble made small or
# said to pass by itself, others who "did not complain" held up, complaining called futile,
# and an asset or decision said to belong to another level. Frames from the language.
CUES.update(
    {
        "rude_lecture": _frame(
            r"sebagai (?:<CITIZEN>|anak|pengguna <W>|warga negara) <W>{0,1}yang (?:baik|cerdas|"
            r"bijak|taat|dewasa|bertanggung jawab|peduli)",
            r"sebagai (?:<CITIZEN>|anak|pengguna <W>) <W>{0,3}(?:kewajiban|wajib|harus|mestinya|"
            r"seharusnya)",
            r"belajar (?:dulu|lagi|dong)|sebelum (?:protes|lapor|melapor|mengeluh|komplain|"
            r"menuntut|bicara|berkomentar|menyalahkan)",
            r"(?:harusnya|seharusnya|mestinya|semestinya) <W>{0,3}(?:tahu|paham|mengerti|sadar) "
            r"(?:mana|bahwa|dong|sendiri)",
            r"dasar (?:<CITIZEN>|orang|kalian|pedagang|pengendara)|(?:tidak|ora) (?:tahu|pernah) "
            r"(?:syukur|bersyukur|berterima kasih)",
        ),
        "dismissive_small": _frame(
            r"(?:hanya|cuma|sekadar|sekedar) <W>{0,2}(?:kecil|sedikit|sebentar|ringan|sekali|"
            r"satu|beberapa)",
            r"(?:masih|sudah) (?:aman|layak|bisa dipakai|bisa digunakan|bisa dilewati|cukup)",
            r"belum (?:berbahaya|parah|darurat|mendesak)|tidak perlu (?:panik|khawatir|cemas|"
            r"takut|heboh)",
            r"(?:surut|hilang|reda|bosan|kering|selesai|berhenti|membaik) sendiri",
            r"(?:orang|warga|pedagang|orang tua|pasien|pelanggan|yang) lain <W>{0,2}(?:tidak|ora|"
            r"belum) (?:protes|mengeluh|lapor|melapor|keberatan|komplain|ribut|masalah)",
            r"(?:lapor|melapor|protes|mengeluh|komplain) (?:terus|lagi|berkali-kali)",
        ),
        "deflect_level": _frame(
            r"(?:jalan|aset|tanggul|sungai|saluran|lampu|program|data|sistem|bantuan|sekolah|"
            r"pasar|gedung|jaringan) (?:milik )?(?:provinsi|pusat|nasional|negara|swasta|<OTHER>)",
            r"(?:instansi|lembaga|kantor) (?:pusat|vertikal|provinsi)|pihak (?:ketiga|swasta|"
            r"pengelola)",
            r"(?:ditentukan|diputuskan|ditetapkan|diatur) <W>{0,1}(?:pusat|provinsi|kementerian|"
            r"jakarta)|bukan (?:kota|pemkot|kelurahan|kecamatan|daerah)",
        ),
    }
)
# Tenth round: the reader's word or wits doubted, exasperation at being asked, curt counsel
# to give up, and threats. Frames from the language (see the tenth-round rules).
CUES.update(
    {
        "rude_doubt": _frame(
            r"(?:^|(?<=\| ))" + _YOU + r" (?:sudah |benar |betul )?yakin",
            r"jangan-jangan|ngaku-ngaku|mengaku-ngaku|asal (?:tuduh|menuduh|lapor|ngomong|"
            r"bicara)|tidak jujur|bukan salah satu\w*",
            r"(?:saya|kami) ulangi|pelan-pelan|(?:kurang|tidak) (?:memahami|paham|mengerti) "
            r"<W>{0,2}(?:alur|aturan|prosedur|cara|maksud)|(?:bisa|tinggal) (?:baca|lihat|cek) "
            r"<W>{0,2}sendiri|(?:masih|terus) (?:saja )?(?:tanya|bertanya|nanya)|dari tadi",
            r"(?:kerjaan|pekerjaan|kesibukan) lain|kapan kami|sabar (?:sedikit|dikit)|"
            r"(?:usah|perlu|sah) (?:di |dipun )?"
            r"(?:ajari|diajari|mengajari|diulang|diulangi|ulangi)|"
            r"bukan (?:grup|tempat|forum|ajang) <W>{0,1}(?:curhat|ngomel|mengomel|marah-marah)|"
            r"baru (?:sadar|protes|ngomong|ribut) sekarang|sudah tahu <W>{1,5}kok",
            r"(?:keluar|pindah|berhenti|jual) <W>{0,2}saja|jangan (?:manja|cengeng|boros)|"
            r"(?:laporkan|tuntut|polisikan) balik|nama baik|dipidana|menggantikan (?:petugas|kami)",
        ),
    }
)
# Fourteenth round: the matter declared settled or parked in a procedure by a reply that
# does nothing ("sudah punya izin lengkap", "masih di bawah ambang", "menunggu DED dan
# alokasi APBD", "ya begitulah"), and the duty handed back to the citizens ("orang tua harus
# mengawasi", "warga mohon ikut menjaga", "tanggung jawab orang tua", "mungkin di tempat
# Bapak saja"). Frames from the language (see the fourteenth-round rules).
CUES.update(
    {
        "dismissive_settled": _frame(
            r"(?:sudah|telah) (?:punya|memiliki|mengantongi) <W>{0,1}izin|izin <W>{0,2}lengkap|"
            r"(?:masih )?(?:di bawah|dalam) (?:ambang|batas|baku mutu)|memenuhi (?:syarat|"
            r"standar|baku mutu)|bukan pungutan",
            r"sesuai (?:angka|hasil|njop|tarif|perwal|perda|permen\w*|uu|regulasi|peraturan|"
            r"kesepakatan)|(?:sudah|telah) (?:di)?tetapkan|aturan (?:dari|pusat)|bukan <W>{0,1}"
            r"yang (?:bikin|buat|membuat|menetapkan|menentukan)",
            r"menunggu <W>{0,2}(?:ded|anggaran|alokasi|apbd|apbn|sk|pengadaan|lelang|tender|"
            r"juknis|keputusan|persetujuan|pencairan)|di luar (?:pagu|anggaran)|(?:belum|tidak) "
            r"(?:ada|tersedia) (?:anggaran|alokasi|dana)",
            r"begitulah|tidak bisa <W>{0,1}(?:intervensi|disalahkan|sembarangan)|bukan salah "
            r"<W>|(?:sudah|kan sudah) <W>{0,1}(?:diumumkan|diinformasikan|disosialisasikan|"
            r"diposting|dishare)|masukan <W>{0,1}diterima",
        ),
        "blame_duty": _frame(
            r"(?:orang tua|warga|masyarakat|pengendara|pelanggan|pedagang|pengunjung|penghuni)"
            r"<W>{0,2}(?:mohon|harap|harus|wajib|diharapkan|hendaknya|perlu) <W>{0,2}"
            r"(?:mengawasi|menjaga|jaga|berhati-hati|hati-hati|waspada|sadar|tertib|memantau|"
            r"mengurangi|kurangi)",
            r"tanggung ?jawab (?:orang tua|pelanggan|pemilik|pengguna|penghuni)|kok (?:di)?biarkan|"
            r"(?:tidak|belum) berhak <W>{0,1}(?:komplain|protes|mengeluh|menuntut|lapor)",
            r"mungkin <W>{0,2}(?:tempat|rumah|lokasi|pipa|meteran|instalasi) <CITIZEN>|"
            r"(?:gambar|dokumen|berkas|data|laporan|isian) <W>{0,3}<CITIZEN> <W>{0,1}(?:tidak|"
            r"kurang|belum) (?:sesuai|lengkap|valid|jelas)|mohon kesadaran",
        ),
    }
)
# Read on the raw reply: smiling emoji (mock courtesy) and "!" (a raised voice).
RAW_CUES: dict[str, re.Pattern[str]] = {
    "smile": re.compile(
        "[\U0001f600-\U0001f606\U0001f609-\U0001f60a\U0001f60f\U0001f642\U0001f643\U0001f92d]"
        # fourteenth round: text emoticons (":)", ":-)", ";)", ":D", "^_^")
        r"|(?<![\w:;])[:;]-?[)D](?![\w)])|\^_?\^"
    ),
    "exclaim": re.compile(r"!"),
}
# Conjunctions a linear model cannot form by itself: praise past belief, a clause that puts
# the fault on the reader, or any rudeness family, in a reply that apologises for nothing.
JOINT_CUES = ("overpraise_unapologetic", "blame_unapologetic", "rude_unapologetic")
CUE_NAMES: tuple[str, ...] = (*CUES, *RAW_CUES, *JOINT_CUES)
# Every rudeness family: any of them in a reply that apologises for nothing.
_RUDE_FAMILIES = tuple(name for name in CUES if name.startswith("rude_"))
CUE_SCALE = 1.0


def cues(reply: str) -> np.ndarray:
    """How often each cue family occurs in the normalised reply, scaled to 0–1."""
    from aduan.replies.checker import _EMPATHY

    joined = _prepare(reply).joined
    counts = {name: min(len(rx.findall(joined)), 3) / 3 for name, rx in CUES.items()}
    unapologetic = 0.0 if _EMPATHY.search(joined) else 1.0
    return np.asarray(
        list(counts.values())
        + [min(len(rx.findall(reply)), 3) / 3 for rx in RAW_CUES.values()]
        + [
            unapologetic * counts["rude_overpraise"],
            unapologetic * max(counts["blame_clause"], counts["blame_agent"]),
            unapologetic * max(counts[name] for name in _RUDE_FAMILIES),
        ],
        dtype=np.float64,
    )


def _tfidf(
    grams: Sequence[str], vocab: dict[str, int], idf: np.ndarray | list[float]
) -> dict[int, float]:
    """Sublinear TF × IDF, L2-normalised, as a sparse {column: value} map (``idf`` as a
    list reads each value several times faster than from the array, with the same value)."""
    get = vocab.get
    tf = Counter(j for j in map(get, grams) if j is not None)
    log = math.log  # log(1) is 0: most n-grams occur once
    values = {j: (1.0 + log(n) if n > 1 else 1.0) * float(idf[j]) for j, n in tf.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {j: v / norm for j, v in values.items()}


def gate(reply: str) -> np.ndarray:
    """1 where the layer may add a flaw, 0 where the definition rules it out: a reply that
    names where the report went or whom to contact (a referral) is not a deflection, and
    the body it names is help, so it is not "no action" either."""
    from aduan.replies.checker import referred

    allowed = np.ones(len(LEARNED))
    if referred(reply):
        allowed[LEARNED.index("wrong_unit_deflection")] = 0.0
        allowed[LEARNED.index("no_action")] = 0.0
    return allowed


# ----------------------------------------------------------------------------------------
# Training


@dataclass
class Model:
    word_vocab: dict[str, int]
    word_idf: np.ndarray
    char_vocab: dict[str, int]
    char_idf: np.ndarray
    coef: np.ndarray  # (len(LEARNED), n_word + n_char + n_dense)
    intercept: np.ndarray  # (len(LEARNED),)
    thresholds: np.ndarray  # (len(LEARNED),); > 1 means "never"
    floors: np.ndarray  # (len(LEARNED),); a rule's finding below it is taken back; 0 = kept

    @cached_property
    def _idf(self) -> tuple[list[float], list[float]]:
        return self.word_idf.tolist(), self.char_idf.tolist()

    def probabilities(self, reply: str, verdict: Verdict) -> np.ndarray:
        """P(flaw) for each code in LEARNED."""
        nw = len(self.word_vocab)
        nc = len(self.char_vocab)
        word_idf, char_idf = self._idf
        words = _tfidf(word_ngrams(reply), self.word_vocab, word_idf)
        chars = _tfidf(char_ngrams(reply), self.char_vocab, char_idf)
        cols = np.fromiter((*words, *(nw + j for j in chars)), dtype=np.intp)
        values = np.fromiter((*words.values(), *chars.values()), dtype=np.float64)
        z = self.intercept + self.coef[:, cols] @ values
        nd = len(DENSE_NAMES)
        if DENSE_SCALE:
            z = z + self.coef[:, nw + nc : nw + nc + nd] @ (dense(reply, verdict) * DENSE_SCALE)
        if CUE_SCALE:
            z = z + self.coef[:, nw + nc + nd :] @ (cues(reply) * CUE_SCALE)
        return np.asarray(1.0 / (1.0 + np.exp(-z)))

    def top_words(self, reply: str, flaw_index: int, limit: int = 2) -> tuple[str, ...]:
        """The word n-grams that pushed this flaw most, quoted from the reply."""
        text = _prepare(reply)
        weights = _tfidf(word_ngrams(reply), self.word_vocab, self._idf[0])
        grams = {self.word_vocab[g]: g for g in word_ngrams(reply) if g in self.word_vocab}
        contrib = {grams[j]: self.coef[flaw_index, j] * v for j, v in weights.items()}
        quoted: list[str] = []
        for gram, weight in sorted(contrib.items(), key=lambda kv: (-kv[1], kv[0])):
            if weight <= 0 or len(quoted) >= limit:
                break
            m = re.search(r"(?<![\w-])" + re.escape(gram) + r"(?![\w-])", text.joined)
            if m:
                words = text.words(m)
                if words and words not in quoted:
                    quoted.append(words)
        return tuple(quoted)


def _fit_vocab(docs: list[list[str]], min_df: int = 2) -> tuple[dict[str, int], np.ndarray]:
    df: Counter[str] = Counter()
    for grams in docs:
        df.update(set(grams))
    terms = sorted(t for t, n in df.items() if n >= min_df)
    vocab = {t: i for i, t in enumerate(terms)}
    n = len(docs)
    idf = np.asarray([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms])
    return vocab, idf


def _matrix(
    rows: list[dict],
    verdicts: list[Verdict],
    word: tuple[dict[str, int], np.ndarray],
    char: tuple[dict[str, int], np.ndarray],
) -> Any:
    from scipy import sparse

    data: list[float] = []
    cols: list[int] = []
    indptr = [0]
    nw, nc = len(word[0]), len(char[0])
    for row, verdict in zip(rows, verdicts, strict=True):
        reply = row["reply"]
        for j, v in sorted(_tfidf(word_ngrams(reply), *word).items()):
            cols.append(j)
            data.append(v)
        for j, v in sorted(_tfidf(char_ngrams(reply), *char).items()):
            cols.append(nw + j)
            data.append(v)
        for j, v in enumerate(dense(reply, verdict)):
            if v and DENSE_SCALE:
                cols.append(nw + nc + j)
                data.append(float(v) * DENSE_SCALE)
        for j, v in enumerate(cues(reply)):
            if v and CUE_SCALE:
                cols.append(nw + nc + len(DENSE_NAMES) + j)
                data.append(float(v) * CUE_SCALE)
        indptr.append(len(cols))
    shape = (len(rows), nw + nc + len(DENSE_NAMES) + len(CUE_NAMES))
    return sparse.csr_matrix((data, cols, indptr), shape=shape)


def _classifiers(
    rows: list[dict], verdicts: list[Verdict]
) -> tuple[Any, Any, np.ndarray, np.ndarray]:
    """Fit vocabularies and one logistic regression per learned flaw."""
    from sklearn.linear_model import LogisticRegression

    word = _fit_vocab([word_ngrams(r["reply"]) for r in rows])
    char = _fit_vocab([char_ngrams(r["reply"]) for r in rows])
    x = _matrix(rows, verdicts, word, char)
    coef = np.zeros((len(LEARNED), x.shape[1]))
    intercept = np.zeros(len(LEARNED))
    for i, code in enumerate(LEARNED):
        y = np.asarray([code in r["flaws"] for r in rows], dtype=int)
        if y.sum() == 0:
            intercept[i] = -20.0
            continue
        # The dual form reaches the same optimum (probabilities within 1e-4) several times
        # faster here, where the n-grams far outnumber the replies.
        clf = LogisticRegression(
            C=C,
            class_weight="balanced",
            solver="liblinear",
            dual=True,
            random_state=0,
            max_iter=1000,
        )
        clf.fit(x, y)
        coef[i] = clf.coef_[0]
        intercept[i] = clf.intercept_[0]
    return word, char, coef, intercept


def hybrid(
    rule: np.ndarray, probs: np.ndarray, floors: np.ndarray | float, cuts: np.ndarray | float
) -> np.ndarray:
    """The layer's reading: a rule's finding kept where the classifier gives it at least the
    floor, and every flaw the classifier gives at least the cut."""
    return (rule & (probs >= floors)) | (probs >= cuts)


def _threshold(
    probs: np.ndarray,
    rule: np.ndarray,
    truth: np.ndarray,
    target: float | None = TARGET_PRECISION,
    floors: Sequence[float] = (0.0,),
) -> tuple[float, float]:
    """The floor (of ``floors``) and the cut (≥ 0.5; 1.01 = the rules alone) that maximise
    the hybrid's F1, or with a ``target``, the lowest cut that keeps its precision
    ≥ ``target`` at the highest recall. Ties go to the lower floor and the higher cut."""
    cuts = sorted({round(float(p), 4) for p in probs if p >= 0.5}, reverse=True)
    support = int(truth.sum())
    best, best_score = (0.0, 1.01), -1.0
    for floor in floors:
        for t in [1.01, *cuts] if target is None else cuts:
            pred = hybrid(rule, probs, floor, t)
            tp, predicted = int((pred & truth).sum()), int(pred.sum())
            if target is None:
                score = 2 * tp / (predicted + support) if predicted + support else 0.0
            elif not predicted or tp / predicted < target:
                continue
            else:
                score = tp / support if support else 0.0
            if score > best_score:
                best, best_score = (floor, t), score
    return best


def train(
    authors: Sequence[str],
    verdicts: dict[str, Verdict] | None = None,
    rules: Rules = check_rules,
) -> Model:
    """Train on the given authors' sets; thresholds by an inner cross-validation that holds
    out ``INNER_FOLDS`` groups of whole authors in turn (the i-th author in group i mod
    ``INNER_FOLDS``, in the order given), so no threshold is chosen on an author's own
    predictions."""
    verdicts = verdicts if verdicts is not None else {}
    by_author = {a: training_rows(AUTHORS[a]) for a in authors}

    def verdicts_of(rows: list[dict]) -> list[Verdict]:
        out = []
        for r in rows:
            if r["id"] not in verdicts:
                verdicts[r["id"]] = rules(r["reply"], r.get("complaint", ""))
            out.append(verdicts[r["id"]])
        return out

    rows = [r for a in authors for r in by_author[a]]
    # Inner cross-validation: out-of-author probabilities for each training reply.
    oof_probs, oof_rule, oof_truth, oof_used = [], [], [], []
    groups = [list(authors[i::INNER_FOLDS]) for i in range(INNER_FOLDS)]
    if len(authors) > 1:
        for group in filter(None, groups):
            inner_train = [r for a in authors if a not in group for r in by_author[a]]
            model = _model(inner_train, verdicts_of(inner_train), np.full(len(LEARNED), 1.01))
            for inner in group:
                held = by_author[inner]
                for r, v in zip(held, verdicts_of(held), strict=True):
                    oof_probs.append(model.probabilities(r["reply"], v) * gate(r["reply"]))
                    oof_rule.append([code in v.codes for code in LEARNED])
                    oof_truth.append([code in r["flaws"] for code in LEARNED])
                    skip = THRESHOLD_CONVENTIONS.get(inner, ())
                    oof_used.append([code not in skip for code in LEARNED])
    chosen = [(0.0, 1.01)] * len(LEARNED)
    if oof_probs:
        p, ru, tr = np.asarray(oof_probs), np.asarray(oof_rule), np.asarray(oof_truth)
        used = np.asarray(oof_used)
        chosen = [
            _threshold(
                p[used[:, i], i],
                ru[used[:, i], i],
                tr[used[:, i], i],
                floors=FLOORS if code in FLOORED else (0.0,),
            )
            for i, code in enumerate(LEARNED)
        ]
    floors, thresholds = (np.asarray(c) for c in zip(*chosen, strict=True))
    return _model(rows, verdicts_of(rows), thresholds, floors)


def _model(
    rows: list[dict],
    verdicts: list[Verdict],
    thresholds: np.ndarray,
    floors: np.ndarray | None = None,
) -> Model:
    word, char, coef, intercept = _classifiers(rows, verdicts)
    floors = floors if floors is not None else np.zeros(len(LEARNED))
    return Model(word[0], word[1], char[0], char[1], coef, intercept, thresholds, floors)


# ----------------------------------------------------------------------------------------
# Artefact


def save(model: Model, path: Path | None = None) -> None:
    path = path or ARTEFACT
    path.parent.mkdir(parents=True, exist_ok=True)
    words = sorted(model.word_vocab, key=model.word_vocab.__getitem__)
    chars = sorted(model.char_vocab, key=model.char_vocab.__getitem__)
    with path.open("wb") as fh:
        np.savez_compressed(
            fh,
            learned=np.asarray(LEARNED),
            word_terms=np.asarray(words),
            word_idf=model.word_idf.astype(np.float32),
            char_terms=np.asarray(chars),
            char_idf=model.char_idf.astype(np.float32),
            coef=model.coef.astype(np.float32),
            intercept=model.intercept.astype(np.float32),
            thresholds=model.thresholds.astype(np.float32),
            floors=model.floors.astype(np.float32),
        )


def load(path: Path | None = None) -> Model:
    path = path or ARTEFACT
    with np.load(path) as z:
        if tuple(z["learned"]) != LEARNED:
            raise ValueError(f"{path}: flaw list differs from LEARNED; rebuild it.")
        if "floors" not in z:
            raise ValueError(f"{path}: made before the layer's floors; rebuild it.")
        return Model(
            {str(t): i for i, t in enumerate(z["word_terms"])},
            z["word_idf"].astype(np.float64),
            {str(t): i for i, t in enumerate(z["char_terms"])},
            z["char_idf"].astype(np.float64),
            z["coef"].astype(np.float64),
            z["intercept"].astype(np.float64),
            z["thresholds"].astype(np.float64),
            z["floors"].astype(np.float64),
        )


@lru_cache(maxsize=1)
def shipped() -> Model | None:
    """The committed model, loaded once; None when no artefact is shipped."""
    return load() if ARTEFACT.exists() else None


# ----------------------------------------------------------------------------------------
# Cross-author evaluation


def _pr(pred: np.ndarray, truth: np.ndarray) -> dict[str, Any]:
    tp = int((pred & truth).sum())
    npred, nsup = int(pred.sum()), int(truth.sum())
    return {
        "precision": round(tp / npred, 3) if npred else None,
        "recall": round(tp / nsup, 3) if nsup else None,
        "support": nsup,
        "predicted": npred,
    }


def frozen_rules(commit: str) -> Rules:
    """The rules of aduan/replies/checker.py as they were at ``commit`` (needs git)."""
    import shutil
    import subprocess
    import sys
    import types

    root = Path(__file__).resolve().parents[2]
    try:
        source = subprocess.run(  # noqa: S603 - fixed git command, commit from FROZEN
            [shutil.which("git") or "git", "show", f"{commit}:aduan/replies/checker.py"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RuntimeError(
            f"Aturan versi {commit} tidak dapat dibaca dari riwayat git: {exc}"
        ) from exc
    name = f"_aduan_checker_{commit}"
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(compile(source, f"checker@{commit}", "exec"), module.__dict__)  # noqa: S102
    # Versions that already had the learned layer expose the rules alone as ``check_rules``
    # (their ``check`` would add today's shipped model, trained on the held-out author too).
    return module.__dict__.get("check_rules") or module.__dict__["check"]


def cross_author(
    authors: Sequence[str] = tuple(AUTHORS),
    frozen: bool = False,
    quick: bool = False,
    unseen: Sequence[str] = (),
    held: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Leave-one-author-out scores of rules, classifier and hybrid for each LEARNED flaw.

    ``held`` names the authors to hold out in turn (default every author); each is still
    scored after training on all the others. A held-out set labelled by four people
    (``AGREEMENT_SETS``) is also scored against their majority. ``meets`` counts, per flaw,
    the references (each held-out author's labels and each majority) on which the hybrid
    reaches precision and recall of at least 0.80, the issue's per-flaw target.

    With ``frozen``, each held-out author is read by the rules as they stood before that
    author's sets were seen (``FROZEN``; authors without a frozen version are left out),
    and the classifier is trained on those rules' signals.

    With ``quick``, each fold fits one classifier and uses the shipped artefact's
    thresholds instead of choosing them by the inner cross-validation (one fit per
    held-out author instead of ``INNER_FOLDS + 1``; the shipped thresholds were chosen
    with the held-out author among the training authors, so slightly optimistic).
    ``unseen`` names further keys of ``AUTHORS`` that are scored but never trained on.
    """
    result: dict[str, Any] = {"frozen": frozen, "quick": quick, "authors": {}, "macro": {}}
    current: dict[str, Verdict] = {}
    held_out = [a for a in authors if a in FROZEN] if frozen else list(authors)
    if held is not None:
        held_out = [a for a in held_out if a in held]
    held_out += [a for a in unseen if a not in held_out]
    fixed = shipped() if quick else None
    references: list[dict[str, Any]] = []
    for held_author in held_out:
        rules = frozen_rules(FROZEN[held_author]) if frozen else check_rules
        verdicts = {} if frozen else current
        training = [a for a in authors if a != held_author]
        if fixed is not None:
            train_rows = [r for a in training for r in training_rows(AUTHORS[a])]
            train_verdicts = [
                verdicts.setdefault(r["id"], rules(r["reply"], r.get("complaint", "")))
                for r in train_rows
            ]
            model = _model(train_rows, train_verdicts, fixed.thresholds, fixed.floors)
        else:
            model = train(training, verdicts, rules)
        rows = rows_of(AUTHORS[held_author])
        agreed = any(name in AGREEMENT_SETS for name in AUTHORS[held_author])
        probs, rule, truth, acc = [], [], [], {"rules": 0, "hybrid": 0}
        for r in rows:
            v = verdicts.setdefault(r["id"], rules(r["reply"], r.get("complaint", "")))
            p = model.probabilities(r["reply"], v) * gate(r["reply"])
            probs.append(p)
            rule.append([c in v.codes for c in LEARNED])
            truth.append([c in r["flaws"] for c in LEARNED])
            acc["rules"] += v.acceptable == r["acceptable"]
            acc["hybrid"] += apply(v, r["reply"], model, p).acceptable == r["acceptable"]
        p, ru, tr = np.asarray(probs), np.asarray(rule, dtype=bool), np.asarray(truth, dtype=bool)
        flaws = {}
        # The layer's reading, one column per kind.
        layered = hybrid(ru, p, model.floors, model.thresholds)
        for i, code in enumerate(LEARNED):
            clf = p[:, i] >= 0.5
            hyb = layered[:, i]
            flaws[code] = {
                "rules": _pr(ru[:, i], tr[:, i]),
                "learned": _pr(clf, tr[:, i]),
                "hybrid": _pr(hyb, tr[:, i]),
                "threshold": round(float(model.thresholds[i]), 3),
                "floor": round(float(model.floors[i]), 3),
                # Diagnostic only (not used to choose anything): the hybrid at fixed cuts.
                "sweep": {
                    str(t): _pr(hybrid(ru[:, i], p[:, i], model.floors[i], t), tr[:, i])
                    for t in SWEEP
                },
            }
        result["authors"][held_author] = {
            "replies": len(rows),
            "accuracy": {k: round(n / len(rows), 3) for k, n in acc.items()},
            "flaws": flaws,
        }
        references.append({code: flaws[code]["hybrid"] for code in LEARNED})
        if agreed:
            most_of = {r["id"]: r["flaws"] for r in training_rows(AUTHORS[held_author])}
            most = np.asarray([[c in most_of[r["id"]] for c in LEARNED] for r in rows], dtype=bool)
            result["authors"][held_author]["majority"] = {
                code: _pr(layered[:, i], most[:, i]) for i, code in enumerate(LEARNED)
            }
            references.append(result["authors"][held_author]["majority"])
    result["meets"] = {
        code: {
            "references": len(references),
            "met": sum(meets_target(ref[code]) for ref in references),
        }
        for code in LEARNED
    }
    for code in LEARNED:
        result["macro"][code] = {}
        for kind in ("rules", "learned", "hybrid"):
            for metric in ("precision", "recall"):
                vals = [
                    m["flaws"][code][kind][metric]
                    for m in result["authors"].values()
                    if m["flaws"][code][kind][metric] is not None
                ]
                result["macro"][code][f"{kind}_{metric}"] = (
                    round(sum(vals) / len(vals), 3) if vals else None
                )
    result["macro"]["accuracy"] = {
        k: round(sum(m["accuracy"][k] for m in result["authors"].values()) / len(held_out), 3)
        for k in ("rules", "hybrid")
    }
    return result


# ----------------------------------------------------------------------------------------
# The layer in check()


def apply(
    verdict: Verdict,
    reply: str,
    model: Model | None = None,
    probs: np.ndarray | None = None,
) -> Verdict:
    """Add the flaws the classifier is confident about and the rules missed, and take back
    a rule's finding of a ``FLOORED`` kind that the classifier gives less than its floor.
    ``probs``: the gated probabilities when already computed."""
    from aduan.replies.checker import Flaw, _flaw
    from aduan.replies.checker import verdict as verdict_of

    model = model if model is not None else shipped()
    if model is None or not reply.strip():
        return verdict
    if probs is None:
        probs = model.probabilities(reply, verdict) * gate(reply)
    found = np.asarray([code in verdict.codes for code in LEARNED])
    keep = hybrid(found, probs, model.floors, model.thresholds)
    if np.array_equal(keep, found):
        return verdict
    dropped = {code for i, code in enumerate(LEARNED) if found[i] and not keep[i]}
    added: list[Flaw] = []
    for i, code in enumerate(LEARNED):
        if keep[i] and not found[i]:
            words = model.top_words(reply, i) or (_first_sentence(reply),)
            added.append(_flaw(code, words))
    return verdict_of((*(f for f in verdict.flaws if f.code not in dropped), *added))


def _first_sentence(reply: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s+|\n", reply.strip(), maxsplit=1)[0]
    return sentence if len(sentence) <= 80 else sentence[:77].rstrip() + "..."
