"""The triage model: features, training, the saved artefact and prediction.

Features (``Featuriser``): the text is normalised (``text.normalise``); word unigrams and
bigrams plus three flags (question mark, exclamation, mostly capitals), and character
n-grams of 2 to 5 inside word boundaries; each block TF-IDF weighted (sublinear tf, smoothed
idf) and L2-normalised. Category and report type are linear one-vs-rest SVMs on those
features (scikit-learn's LinearSVC, at training time only; chosen over logistic regression
by measurement, see docs/triage.md), their scores turned into probabilities by a softmax
with a temperature fitted on out-of-fold predictions (phrasings held out by group), so that
"confidence" means what it says on text the model has not seen.

The duplicate scorer is a small logistic regression over ``PAIR_FEATURES``: cosines of the
word and character vectors of the two texts without their place names, of their content words
and of their words with the phrases of ``data/concepts.toml`` turned into concept ids
(``concepts.py``: the same object, the same problem, in any words: "pungli" / "ditarik
uang"), agreement of the category distributions, the same or conflicting objects and
problems, and, each kind on its own, the same or different street, landmark, gang, RT/RW,
school or house number, amount and kind of place (one differing detail is another place).
It learns from the generated pairs and the hand-written pair sets (``training.fit_pairs``).

The artefact is one ``.npz`` file of plain arrays (vocabularies as UTF-8 text, weights as
float32), no pickled code: loading it is ``numpy.load(allow_pickle=False)``, it does not
depend on the scikit-learn version, and prediction needs only numpy and scipy.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import pickle
import re
import threading
import time
import tomllib
import unicodedata
import zlib
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from aduan.lib.pii import MASK as PII_MASK
from aduan.lib.pii import mask_text
from aduan.triage.concepts import CONCEPTS_PATH, concepts, lexicon
from aduan.triage.places import Gazetteer, default_gazetteer
from aduan.triage.rules import urgency_reasons
from aduan.triage.text import fold, normalise, rt_rw, word_map

ARTEFACT_DIR = Path(__file__).resolve().parent / "artefacts"
ARTEFACT_PATH = ARTEFACT_DIR / "triage.npz"
FORMAT_VERSION = 3

CATEGORIES = (
    "adminduk", "bansos", "kesehatan", "pendidikan", "jalan", "drainase", "banjir_rob",
    "sampah", "pencemaran", "air_bersih", "pju", "lalu_lintas", "ketertiban", "perizinan",
    "pajak", "pelayanan_kelurahan", "aparatur", "ketenagakerjaan", "perumahan", "lainnya",
)  # fmt: skip
REPORT_TYPES = ("aduan", "aspirasi", "informasi")

#: Below this top-1 probability the suggestion is shown as uncertain and the verifier
#: chooses the category (``Suggestion.needs_review``).
REVIEW_THRESHOLD = 0.55
#: Texts shorter than this many words get softer probabilities (see category_probabilities).
SHORT_TEXT_WORDS = 5


@dataclass(frozen=True)
class Config:
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    min_df: int = 2
    max_char_features: int = 120_000
    max_word_features: int = 60_000
    char_weight: float = 1.0
    learner: str = "svc"  # "svc" (LinearSVC) or "logreg" (LogisticRegression)
    #: Add the concept ids of ``data/concepts.toml`` (and the word pairs around them) to the
    #: word features, so that synonyms the corpus never uses count like the words it does
    #: use. Measured and left off (docs/triage.md, "Set E"): better with phrasings
    #: held out, not on the held-out sets, and it ties the classifier to the duplicate
    #: scorer's lexicon.
    concept_words: bool = False
    C: float = 0.5
    type_C: float = 0.5
    seed: int = 13


# =========================================================================== features

_FLAG_Q = "__tanya__"
_FLAG_EXCL = "__seru__"
_FLAG_CAPS = "__kapital__"


def word_features(norm: str, raw: str, ngrams: tuple[int, int] = (1, 2)) -> list[str]:
    words = norm.split()
    out: list[str] = []
    lo, hi = ngrams
    for n in range(lo, hi + 1):
        if n == 1:
            out.extend(words)
        else:
            out.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    if "?" in raw:
        out.append(_FLAG_Q)
    if "!" in raw:
        out.append(_FLAG_EXCL)
    letters = [c for c in raw if c.isalpha()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.7 * len(letters):
        out.append(_FLAG_CAPS)
    return out


def concept_words(norm: str) -> list[str]:
    """The concept ids named in normalised text ``norm`` ("@pungli") and each pair of
    neighbouring words one of which is a concept ("@lampu @mati", "@jalan kampung")."""
    canon = lexicon().canonical(norm)
    out = [w for w in canon if w.startswith("@")]
    out.extend(
        f"{a} {b}"
        for a, b in zip(canon, canon[1:], strict=False)
        if a.startswith("@") or b.startswith("@")
    )
    return out


def char_features(norm: str, ngrams: tuple[int, int] = (2, 5)) -> list[str]:
    lo, hi = ngrams
    out: list[str] = []
    for word in norm.split():
        padded = f" {word} "
        length = len(padded)
        for n in range(lo, hi + 1):
            if n > length:
                break
            out.extend(padded[i : i + n] for i in range(length - n + 1))
    return out


def _tf_idf_row(cols_of_doc: Sequence[int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One document's sublinear TF-IDF row, L2-normalised: its columns (in the order of
    their first occurrence) and their values (float64)."""
    counts = Counter(cols_of_doc)
    cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    vals = (1.0 + np.log(tf)) * idf[cols]
    norm = math.sqrt(float(vals @ vals))
    if norm > 0:
        vals /= norm
    return cols, vals


def _block(docs: Sequence[list[int]], n_cols: int, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF-IDF rows, L2-normalised, from each document's column indices (a row's
    columns in the order of their first occurrence)."""
    indptr = np.zeros(len(docs) + 1, dtype=np.int64)
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    for k, cols_of_doc in enumerate(docs):
        cols, vals = _tf_idf_row(cols_of_doc, idf)
        if len(cols):
            indices.append(cols)
            data.append(vals)
        indptr[k + 1] = indptr[k] + len(cols)
    # Kept as arrays and converted once (not as lists of Python numbers: a third less time
    # for a character row, the same float32 values)
    return sparse.csr_matrix(
        (
            np.concatenate(data).astype(np.float32) if data else np.zeros(0, np.float32),
            np.concatenate(indices).astype(np.int32) if indices else np.zeros(0, np.int32),
            indptr,
        ),
        shape=(len(docs), n_cols),
    )


def _fit_vocab(
    docs: Sequence[list[str]], min_df: int, max_features: int
) -> tuple[dict[str, int], np.ndarray]:
    df: Counter[str] = Counter()
    for tokens in docs:
        df.update(set(tokens))
    kept = [(t, c) for t, c in df.items() if c >= min_df]
    # Most frequent first, ties by the token itself: deterministic whatever the hash seed.
    kept.sort(key=lambda tc: (-tc[1], tc[0]))
    kept = kept[:max_features]
    kept.sort(key=lambda tc: tc[0])
    vocab = {t: i for i, (t, _) in enumerate(kept)}
    n = len(docs)
    idf = np.array([math.log((1 + n) / (1 + c)) + 1.0 for _, c in kept], dtype=np.float64)
    return vocab, idf


@dataclass
class Featuriser:
    config: Config
    word_vocab: dict[str, int]
    word_idf: np.ndarray
    char_vocab: dict[str, int]
    char_idf: np.ndarray
    #: word -> column indices of its character n-grams (words repeat; n-grams are costly)
    _char_cache: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def fit(cls, texts: Sequence[str], config: Config) -> Featuriser:
        norms = [normalise(t) for t in texts]
        words = [word_features(n, t, config.word_ngrams) for n, t in zip(norms, texts, strict=True)]
        if config.concept_words:
            words = [w + concept_words(n) for w, n in zip(words, norms, strict=True)]
        chars = [char_features(n, config.char_ngrams) for n in norms]
        wv, wi = _fit_vocab(words, config.min_df, config.max_word_features)
        cv, ci = _fit_vocab(chars, config.min_df, config.max_char_features)
        return cls(config, wv, wi, cv, ci)

    @property
    def n_features(self) -> int:
        return len(self.word_vocab) + len(self.char_vocab)

    def _char_columns(self, norm: str) -> list[int]:
        cache, vocab, ngrams = self._char_cache, self.char_vocab, self.config.char_ngrams
        out: list[int] = []
        for word in norm.split():
            cols = cache.get(word)
            if cols is None:
                cols = [vocab[g] for g in char_features(word, ngrams) if g in vocab]
                if len(cache) < 200_000:
                    cache[word] = cols
            out.extend(cols)
        return out

    def blocks(self, texts: Sequence[str]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        norms = [normalise(t) for t in texts]
        wv = self.word_vocab
        words = [
            [wv[f] for f in word_features(n, t, self.config.word_ngrams) if f in wv]
            for n, t in zip(norms, texts, strict=True)
        ]
        if self.config.concept_words:
            for cols, n in zip(words, norms, strict=True):
                cols.extend(wv[f] for f in concept_words(n) if f in wv)
        chars = [self._char_columns(n) for n in norms]
        return (
            _block(words, len(wv), self.word_idf),
            _block(chars, len(self.char_vocab), self.char_idf),
        )

    def word_rows(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The word block of ``blocks`` alone (no character n-grams) for texts of plain
        lower-case words (no punctuation, no capitals: no flags to read)."""
        norms = [normalise(t) for t in texts]
        wv = self.word_vocab
        words = [
            [wv[f] for f in word_features(n, "", self.config.word_ngrams) if f in wv] for n in norms
        ]
        if self.config.concept_words:
            for cols, n in zip(words, norms, strict=True):
                cols.extend(wv[f] for f in concept_words(n) if f in wv)
        return _block(words, len(wv), self.word_idf)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        w, c = self.blocks(texts)
        if self.config.char_weight != 1.0:
            c = c * self.config.char_weight
        return sparse.hstack([w, c], format="csr")


# =========================================================================== pair features

#: An RT or RW number; not an amount after "Pak RT" ("disunat Pak RT 50 ribu").
_RT = re.compile(r"\b(rt|rw)\s*0*(\d{1,3})\b(?!\s*(?:ribu|rb|rebu|juta|jt|ratus|rupiah)\b)")
#: A gang: its first name word and/or its number ("gang Kenanga 3", "gang 3", "gang Mawar"),
#: kept as "name|number" and compared by ``_gang_agree``.
#: Words after "gang" that are not its name ("gang menuju makam", "gang sebelah masjid",
#: "gang sempit"): such a gang is nameless and says nothing against another.
_GANG_NOT_NAME = (
    "menuju|ke|di|dekat|depan|sebelah|samping|belakang|arah|yang|dari|dan|itu|ini|tersebut|"
    "masuk|sempit|kecil|buntu|kampung|rumah|kami|saya|kita|tembus|utama|sini|situ|"
    # an RT / RW after "gang" ("gang RW 09") and what is wrong with it ("gang rusak"), not a
    # name
    "rt|rw|rusak|ambles|amblas|berlubang|banjir|becek|gelap|macet|mampet|tergenang|licin|"
    "penuh|kotor|bau|jadi|sudah|tidak|belum|juga|lagi|ada"
)
#: A run of RT or RW numbers ("RW 01 sampai RW 03", "RT 1-4", "RT 01 s/d 05"): every number
#: in it is named (a flood over RW 1 to 3 is the flood of RW 2; the set AH round). Read on
#: the text as written, before the dash is folded away.
_RT_RANGE = re.compile(
    r"\b(rt|rw)\.?\s*0*(\d{1,3})\s*(?:-|\u2013|\u2014|s\.\s*d\.?|s/d|sampai|sampe|hingga)"
    r"\s*(?:\1\.?\s*)?0*(\d{1,3})\b"
)
_GANG = re.compile(rf"\b(?:gang|gg)\s+(?!(?:{_GANG_NOT_NAME})\b)([a-z0-9]+)(?:\s+0*(\d{{1,3}})\b)?")
#: A number that tells one place or thing from another: "SD Negeri Medono 1", "SMPN 3",
#: "no 12", "kelas 4" (at most two name words between the kind and the number).
_NUMBER = re.compile(
    r"\b(no|nomor|nomer|nmr|blok|sd|sdn|smp|smpn|sma|sman|smk|smkn|mi|mts|tk|negeri|kelas|tiang)"
    r"(?:\s+(?!rt\b|rw\b|gang\b|gg\b|no\b)[a-z]+){0,2}?\s+0*(\d{1,3})\b"
)
#: The kind a place number belongs to: "kelas 4" and "SD 4" are two kinds of number, and
#: "kelas 4 SD 1" against "kelas 4 SD 3" are two schools though the class agrees.
_NUMBER_KIND = {
    "nomor": "no", "nomer": "no", "nmr": "no", "sdn": "sd", "mi": "sd", "smpn": "smp",
    "mts": "smp", "sman": "sma", "smk": "sma", "smkn": "sma", "negeri": "sekolah",
}  # fmt: skip
#: A time of day ("jam 7", "pukul 23.00"): when, not how much; two reports that both came
#: "jam 7" share no amount.
_CLOCK = re.compile(r"\b(?:jam|pukul|pkl)\s*\d{1,2}(?:[.:]\d{2})?\b")
#: A report that names another incident only to deny it: "bukan asap yang kami keluhkan,
#: tapi bau", "dudu banyune, nanging ..." (not "bukan cuma X tapi juga Y", which asserts X).
_DENIED = re.compile(
    r"(?i)\b(?:bukan(?:nya)?|bkn|dudu)\s+(?!cuma\b|hanya\b|saja\b|sekadar\b|cuman\b|mung\b)"
    r"[^.;!?]{1,80}?\s*,?\s*\b(?:tapi|tetapi|tp|melainkan|namun|nanging)\b"
)
#: A report that says it is about another incident than one it names: "lain dengan yang di
#: gang 3 kemarin", "beda orang dengan Pak Suyono yang sudah dilaporkan", "berbeda dari
#: kejadian bulan lalu", "bukan yang dekat TPI". The named incident is left out of what the
#: report says (``_said_text``), and the pair counts as two incidents (``_told_other``). Not
#: "beda dengan yang di tagihan" (a meter reading against a bill): what follows must be an
#: earlier report, a person, or a place. "beda orang" alone names an earlier incident only
#: with an earlier time or report in its clause: "ditarik dua kali, pagi & siang, beda
#: orang" tells who did what in one incident (the set AL round). And a place said to be
#: another: "ini lokasi yang berbeda dari TPS depan SMK", "juga ... di ujung gang yang lain"
#: (the set AN and AO round).
_OTHER_INCIDENT = re.compile(
    r"(?i)\b(?:(?:lain|beda|berbeda|bukan)(?:\s+orang)?\s+(?:dengan|dari|dr|sama|ama)\s+"
    r"(?:(?:pak|bu|bapak|ibu|mbah)\s+\w+|(?:yang|yg|kejadian|laporan|kasus|aduan)\b"
    r"(?=[^.;!?]{0,60}?\b(?:kemarin|kmrn|lalu|sebelumnya|dulu|tadi|dilaporkan|dilaporin|"
    r"diadukan|di\s*(?:gang|gg|rt|rw|jalan|jl))\b))"
    r"|beda\s+orang(?=[^.;!?]{0,60}?\b(?:kemarin|kmrn|lalu|sebelumnya|dulu|tadi|dilaporkan|"
    r"dilaporin|diadukan)\b)"
    r"|bukan\s+(?:yang|yg)\s+(?:kemarin|sebelumnya|dulu|tadi|sudah|dilaporkan|"
    r"di|dekat|depan|dkt|dpn)"
    r"|(?:lokasi|tempat|titik)\s+(?:yang\s+|yg\s+)?(?:berbeda|beda)\s+(?:dengan|dari|dr|sama)"
    r"|(?:di|ke)\s+(?:ujung|sisi|bagian)\s+(?:\w+\s+)?(?:yang|yg)\s+lain\b)[^.;!?]*"
)
#: Another RT, RW or gang named only to contrast it: "RT 01 justru kering", "gang 5 malah
#: aman" (the report is about the other place; the one named here is not flooded).
_CONTRAST_PLACE = re.compile(
    r"(?i)(?:\b(?:sedangkan|sementara|padahal)\s+)?\b(?:rt|rw|gang|gg)\.?\s*\d{1,3}\s+"
    r"(?:justru|malah|tetap|masih|sudah|tidak|gak|nggak)\s+(?:kering|aman|normal|lancar|"
    r"surut|baik|bersih|terang|menyala|apa-apa|kena)\b[^.;!?]*"
)
#: The kind of a civil document or service a report is about ("akta kelahiran" / "akta
#: kematian", "surat pindah" / "legalisir"): compared like a place number, since a birth
#: certificate and a death certificate filed at one office are two requests.
_DOCUMENT_KINDS = {
    "akta kelahiran": "lahir", "akta lahir": "lahir", "akte kelahiran": "lahir",
    "akte lahir": "lahir", "akta kematian": "mati", "akte kematian": "mati",
    "akta perkawinan": "nikah", "akta nikah": "nikah", "buku nikah": "nikah",
    "akta cerai": "cerai", "akta perceraian": "cerai", "surat pindah": "pindah",
    "skpwni": "pindah", "pindah datang": "pindah", "legalisir": "legalisir",
    "legalisasi": "legalisir", "sktm": "sktm", "surat keterangan tidak mampu": "sktm",
    "skck": "skck", "surat keterangan domisili": "domisili", "skdu": "domisili",
    "surat domisili": "domisili", "surat keterangan usaha": "usaha", "sku": "usaha",
    "ahli waris": "waris", "keterangan waris": "waris", "surat kematian": "mati",
    "surat keterangan kematian": "mati", "surat keterangan kelahiran": "lahir",
    # a covering letter names its purpose ("surat pengantar pindah" / "SKTM", "pengantar
    # nikah" / "surat keterangan belum menikah": the set AF and AG round)
    "pengantar pindah": "pindah", "pengantar nikah": "pengantar_nikah",
    "keterangan belum menikah": "belum_menikah", "dilegalisir": "legalisir",
    # and the programme of a benefit or a health service (the set AF and AG round): the PKH
    # of one household and the BPNT of another, the fishing-gear aid and the PKH of one
    # fisherman, are two cases however alike the rest (with the covering letters below, on
    # the studied sets: 28 hard negatives newly told apart, no duplicate)
    "pkh": "pkh", "program keluarga harapan": "pkh", "bpnt": "bpnt", "sembako": "bpnt",
    "blt": "blt", "bst": "blt", "pip": "pip", "kip": "pip", "kartu indonesia pintar": "pip",
    "alat tangkap": "alat_tangkap", "rtlh": "rtlh", "bedah rumah": "rtlh",
    "rumah tidak layak huni": "rtlh", "imunisasi": "imunisasi", "pmt": "pmt",
    "makanan tambahan": "pmt", "tablet tambah darah": "ttd",
    # an identity card, a family card or a child's card (the set AH round): the KTP-el and
    # the KK of one person, lost in one flood, are two requests
    "ktp": "ktp", "ektp": "ktp", "kartu tanda penduduk": "ktp", "kk": "kk",
    "kartu keluarga": "kk", "kia": "kia", "kartu identitas anak": "kia",
}  # fmt: skip
_DOCUMENT = re.compile(r"\b(" + "|".join(sorted(_DOCUMENT_KINDS, key=len, reverse=True)) + r")\b")
#: A document a report says is done ("padahal KK sudah terbit", "aktanya sudah jadi"): the
#: step before, not what it asks for (the set AI round: the KK done, now the KTP-el); its
#: kind is read only when the report names it otherwise too.
_DOCUMENT_DONE = re.compile(
    _DOCUMENT.pattern + r"(?:\s+[a-z]+){0,3}?\s+(?:sudah|sdh|udah|udh|telah|wis)\s+"
    r"(?:jadi|terbit|diterbitkan|selesai|keluar|dicetak|beres|benar|dapat|diterima)\b"
)
#: The level of a school a report names, with or without its number ("SD negeri" / "SMP
#: negeri" of one kelurahan are two schools; the set AH round): compared like two sizes of
#: one thing (``Details.sizes``), so one level named in both is no match.
_SCHOOL_LEVEL = re.compile(r"\b(sd|sdn|smp|smpn|mts|sma|sman|smk|smkn|tk|paud)\b")
_SCHOOL_LEVEL_KIND = {"sdn": "sd", "smpn": "smp", "mts": "smp", "sman": "sma", "smk": "sma",
                      "smkn": "sma", "paud": "tk"}  # fmt: skip
#: A household, not its card: "per KK", "40 KK terdampak", "Nama KK: Taslim" (the head of
#: the family), "usulan DTKS KK Tarmudi"; left out before the documents are read.
_KK_HOUSEHOLD = re.compile(r"\b(?:nama|kepala|per|tiap|setiap|dtks|\d+)\s+kk\b")
#: A named public facility of a kind that has one per area ("Puskesmas Klego" / "Puskesmas
#: Noyontaan", "Kecamatan Pekalongan Utara" / "Selatan"), read from the text as written (the
#: name capitalised: "puskesmas ditelepon" names none). Two reports naming two facilities of
#: one kind (and none in common) are two incidents; one named in both is no match (the hard
#: negatives of a kelurahan often share its puskesmas). The name is cut to its first six
#: letters ("Noyontaan" / "Noyontaansari" agree).
_FACILITY = re.compile(
    r"\b(?:[Pp]uskesmas|PUSKESMAS|[Pp]km|PKM)\s+([A-Z][a-z]{3,})"
    r"|\b(?i:kecamatan|kec)\.?\s+(?i:pekalongan\s+|pkl\s+)?(?i:(utara|selatan|timur|barat))\b"
)
#: One of two things of a kind told apart by size ("pompa besar" / "pompa kecil", "pintu air
#: utama"): compared like a place number (the set Z and AA round). Only things of which a
#: place has several (not a hole, whose size is how a reporter sees it). And a new one
#: against an old one ("saluran baru" / "saluran lama": the set AI round).
_SIZED = re.compile(
    r"\b(pompa|rumah pompa|jembatan|pintu air|saluran|selokan|pipa|tandon|gerbang|pasar|"
    r"masjid|musala|musholla|gedung|lapangan|taman|makam|tpu)\s+(besar|kecil|utama|induk|baru|lama)\b"
)
_SIZE_WORD = {"utama": "besar", "induk": "besar"}
#: The people a posyandu serves ("posyandu lansia" / "posyandu balita"): two services of one
#: RW, compared like two sizes of one thing (the set AH round).
_POSYANDU_GROUP = re.compile(r"\bposyandu\s+(lansia|balita|remaja)\b")
#: A teacher by what they teach ("guru kelas 4" / "guru agama"): two teachers of one school,
#: compared like two sizes of one thing (the set AI round).
_TEACHER = re.compile(
    r"\bguru\s+(kelas|wali|agama|pai|olahraga|penjas|pjok|matematika|mtk|bahasa|ipa|ips|"
    r"seni|sbk|pkn|ppkn|bk|tik)\b"
)
_TEACHER_KIND = {"pai": "agama", "penjas": "olahraga", "pjok": "olahraga", "mtk": "matematika",
                 "sbk": "seni", "ppkn": "pkn", "wali": "kelas"}  # fmt: skip
#: A land and building tax object by its kind ("PBB ... objek sawah" / "objek rumah"): one
#: owner's two tax objects are two cases, compared like two sizes of one thing (the set AL
#: round).
_TAX_OBJECT = re.compile(
    r"\b(?:objek|obyek|op)\s+(?:pajak\s+|pbb\s+|berupa\s+)?(sawah|rumah|tanah|pekarangan|"
    r"toko|ruko|kios|gudang|kebun|tambak|kos|kosan|kost|bangunan)\b"
)
_TAX_OBJECT_KIND = {"pekarangan": "tanah", "kosan": "kos", "kost": "kos"}
#: A housing block by its letter ("blok A" / "blok F"), compared like a place number.
_BLOCK_LETTER = re.compile(r"\bblok\s+([a-z])\b")
#: A person named after a form of address or "atas nama" ("Pak Darto", "Mbah Karsih", "atas
#: nama Warsini"): compared like a place number, since the aid, the prescription or the roof
#: of one named person and of another are two incidents ("Bu Sutini" / "Bu Rokhayah"). A
#: title of a hajj ("H.", "Hj.", "Haji") may stand before the name, and "keluarga" after
#: "atas nama" ("atas nama keluarga Darto"; "a.n. kepala keluarga Slamet" since the set AM
#: round).
_PERSON = re.compile(
    r"\b(?:[Pp]ak|[Bb]apak|[Bb]pk\.?|[Bb]u|[Ii]bu|[Mm]bah|[Mm]bok|[Mm]as|[Mm]bak|[Ss]dr\.?|"
    r"[Ss]dri\.?|(?:[Aa]tas nama|[Aa]\.\s?[Nn]\.)(?:\s+(?:kepala\s+)?keluarga)?|[Aa]lmarhum(?:ah)?|"
    r"[Aa]lmh?\.?)\s+"
    r"(?:(?:[Ii]bu|[Bb]apak|[Bb]pk\.?|[Pp]ak|[Bb]u|[Ss]dr\.?|[Ss]dri\.?)\s+)?"
    r"(?:[Hh][Jj]?\.\s*|[Hh]aji\s+|[Hh]ajah\s+)?([A-Z][a-z']{2,})(?:\s+([A-Z][a-z']{2,}))?"
)
#: Forms of address before a name: no name themselves.
_ADDRESS_FORMS = ("pak", "bapak", "bpk", "bu", "ibu", "mbah", "mbok", "mas", "mbak")
#: A form of address before a name in brackets ("suami saya (Pak Teguh, ...)"): not the
#: name (the set AE round).
_ADDRESS = (
    "(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _ADDRESS_FORMS)
    + r"|[Hh][Jj]?)\.?\s+"
)
#: The forms of address a reporter puts before their own name, on folded text ("sy bu siti",
#: "nama saya sdr rohmat").
_SELF_ADDRESS = "|".join((*(w for w in _ADDRESS_FORMS if w != "mbok"), "sdr", "sdri"))
#: The words of forms of address, which are no name wherever they stand.
_ADDRESS_WORDS = frozenset(_ADDRESS_FORMS) | {"sdr", "sdri", "hj", "haji", "hajah"}
#: A person named by kinship or in brackets after "saya" ("Ibu saya Sumiyati (72)", "Anak
#: saya Aditya", "Bapak saya, Darto" with a comma since the set W round, "Anakku Rohmat",
#: "rumah saya (Hartono, Bendan)"): the same kind as
#: ``_PERSON`` (the KTP of one named mother and of another named father are two requests).
_PERSON_KIN = re.compile(
    r"\b(?:[Ii]bu|[Bb]apak|[Aa]yah|[Aa]nak|[Ss]uami|[Ii]stri|[Aa]dik|[Kk]akak|[Nn]enek|"
    r"[Kk]akek|[Mm]ertua|[Ee]yang|[Mm]bah|[Kk]eluarga)(?:\s+(?:saya|sy|kami|kula)|ku),?\s+\(?\s*"
    r"(?:" + _ADDRESS + r")?([A-Z][a-z']{2,})(?:\s+([A-Z][a-z']{2,}))?"
    r"|\b(?:saya|sy|kami)\s*\(\s*(?:" + _ADDRESS + r")?([A-Z][a-z']{2,})(?:\s+([A-Z][a-z']{2,}))?"
)
#: A person written in lower case, read on folded text where a bracket marks the name: after
#: a form of address before a bracket of age or note ("pak karsono (70 th) dibentak"), or in
#: brackets after a relation ("kis pbi anak sy (rizky, 10 th)") (the set AM round); the word
#: must be no common word, no role (``_NOT_PERSON``) and no place.
_PERSON_LOW = re.compile(
    r"\b(?:pak|bapak|bpk|bu|ibu|mbah|mbok)\.?\s+([a-z']{3,})(?:\s+([a-z']{3,}))?\s*\("
    r"|\b(?:ibu|bapak|ayah|anak|suami|istri|adik|kakak|nenek|kakek|mertua|eyang|mbah)"
    r"(?:\s+(?:saya|sy|kami|kula)|ku)\s*,?\s*\(\s*"
    r"(?:(?:alm|almh|almarhum|almarhumah|pak|bapak|bpk|bu|ibu|mbah|hj|h|haji|hajah)\.?\s+)?"
    r"([a-z']{3,})(?:\s+([a-z']{3,}))?"
)
#: A possessive ending of a word ("anakku", "ibunya").
_POSSESSIVE = re.compile(r"(?:ku|mu|nya)$")
#: A person named just before their identity number ("Alya Putri Ramadhani NISN 0127...",
#: "Darto, NIK 3375..."): the same kind as ``_PERSON`` (the set AN and AO round).
_PERSON_ID = re.compile(
    r"\b([A-Z][a-z']{2,})(?:\s+([A-Z][a-z']{2,}))?(?:\s+[A-Z][a-z']{2,})?\s*,?\s*\(?"
    r"(?:NISN|NIS|NIK|NIP)\b"
)
#: A reporter who introduces themselves by name, in any case ("Saya Siti Aminah, RT 02",
#: "sy bu siti aminah rt 2/4", "sy siti khotijah warga ...", "nama saya Rohmat (45)"): the
#: name ends where the introduction goes on (a comma, a bracket, "warga", "RT", "dari", "di",
#: "NIK", "umur") so that "saya sudah lapor, ..." is no name; its words must not be common
#: words (``_common_word``). Read on folded text after "rt 2/4" became "rt 2 rw 4"; a title
#: of a hajj may stand before the name ("sy hj. masitoh, rt 3", the set AM round).
_SELF_PERSON = re.compile(
    r"\b(?:saya|sy|aku|kula|nama\s+(?:saya|sy|ku)|namaku)\s+"
    r"(?:(" + _SELF_ADDRESS + r"|hj|haji|hajah)\.?\s+)?"
    r"([a-z']{3,})(?:\s+([a-z']{3,}))?\s*"
    r"(?=[,(]|\b(?:warga|rt|rw|dari|dr|nik|umur|usia|alamat|asal|penerima|"
    r"pelanggan|pemilik)\b)"
)
#: A reporter who signs the report with a sentence of their own at its end, the name
#: capitalised ("... padahal sudah balik nama. Saya Muhammad Ridwan.", "Saya Hj. Masitoh.";
#: not "Saya lampirkan foto.") (the set AM round); read like ``_SELF_PERSON``.
_SIGNED_PERSON = re.compile(
    r"(?:^|[.!?]\s+)(?:Saya|Nama saya)\s+(?:(?:Pak|Bu|Bapak|Ibu|Sdr|Sdri|Hj|H|Haji|Hajah)\.?\s+)?"
    r"([A-Z][a-z']{2,})(?:\s+([A-Z][a-z']{2,}))?\s*[.!]?\s*$"
)
#: A name given after "nama saya" or "nama:" ("Nama saya Sumiyati.", "nama: Rohmat, RT 2"),
#: which may end its sentence (the set AE round); read like ``_SELF_PERSON``. Not after a bare
#: "nama" ("nama Rohmat"): it named other persons than the reporter too often. And a name
#: given after "nama" and a relation or role ("Nama bayi Aditya Pratama.", "nama anak saya:
#: Nayla Putri, lahir di bidan"): the child, spouse or patient a case is about (the set AF
#: and AG round: two named babies' birth certificates at one office are two requests).
_NAMED_PERSON = re.compile(
    r"\b(?:nama\s+(?:saya|sy|ku)|namaku|nama(?=\s*:)|nama\s+(?:anak|bayi|istri|suami|ibu|"
    r"bapak|ayah|adik|kakak|nenek|kakek|almarhum|almarhumah|alm|almh|pasien|murid|siswa|"
    r"korban|penerima|pemohon)(?:\s+(?:saya|sy|kami|ku))?)\s*:?\s+(?:("
    + _SELF_ADDRESS
    + r")\.?\s+)?([a-z']{3,})(?:\s+([a-z']{3,}))?\s*"
    r"(?=[,(.;]|$|\b(?:warga|rt|rw|dari|dr|nik|umur|usia|alamat|asal|lahir)\b)"
)
#: First names shared by many people: two persons named "Siti ..." are not one person.
_COMMON_FIRST_NAMES = frozenset(
    "siti sri nur nurul muhammad muhamad muh moh mohammad mochammad ahmad achmad abdul".split()
)


#: A word with a verb's affixes ("tercatat", "dipotong", "berobat"), not a name.
_AFFIXED = re.compile(r"^(?:ter|di|me|ber|ke|se|pe)[a-z]{4,}$")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words that are not names: the normalisation dictionary (both sides), the concept
    lexicon's phrases and the words the structure readers use."""
    words = set(_STOP) | set(_DONE) | set(_NEGATORS) | set(_STATE_MODAL) | set(_NOT_PERSON)
    for k, v in word_map().items():
        words.add(k)
        words.update(v.split())
    with CONCEPTS_PATH.open("rb") as fh:
        data = tomllib.load(fh)
    for section in ("objects", "problems"):
        for phrases in data.get(section, {}).values():
            for phrase in phrases:
                words.update(phrase.lower().split())
    words.update(
        "tanya nanya mau ingin sudah lapor melapor melaporkan mengajukan ajukan ngajuin "
        "sekeluarga selaku sebagai sendiri orang punya juga cuma hanya yang ini itu".split()
    )
    return frozenset(words)


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    """A spelling-tolerant key of one name word: "Khotijah" / "Khodijah" / "Kotijah",
    "Rohmat" / "Rochmat" / "Romat", "Yusuf" / "Jusuf" (old spelling)."""
    k = name.lower().replace("'", "")
    # "Rochmat" / "Rohmat", "Achmad" / "Ahmad": a "ch" inside a name is the "h" others write
    # (an initial one is a "k": "Chotimah" / "Khotimah"); a final "-oh" is the Javanese
    # "-ah" ("Tasmiroh" / "Tasmirah") (the set AE round)
    k = k[:1] + k[1:].replace("ch", "h")
    k = re.sub(r"(?<=.{3})oh$", "ah", k)
    for old, new in (("oe", "u"), ("dj", "j"), ("tj", "c"), ("ch", "k"), ("kh", "k"),
                     ("dh", "d"), ("th", "t"), ("sy", "s"), ("ph", "f"), ("j", "y")):  # fmt: skip
        k = k.replace(old, new)
    k = k[:1] + k[1:].replace("h", "").replace("d", "t")
    # "Casriyah" / "Casriah", "Rukaiyah" / "Rukaiah", "Rizky" / "Rizki" (the set AB round)
    k = re.sub(r"iy(?=[aeiou])", "i", k)
    k = re.sub(r"(?<=.{2})y$", "i", k)
    return re.sub(r"(.)\1+", r"\1", k)


def _same_name(p: str, q: str) -> bool:
    """Whether two name keys (``_name_key``) may name one person: equal, or the shorter the
    end of the longer, as a short name is of a full one ("Trisno" of "Sutrisno", "Harti" of
    "Suharti", "Hayati" of "Nur Hayati" written as one word); an initial "h" is not
    compared ("Harti" / "Suharti")."""
    if p == q:
        return True
    p, q = p.lstrip("h"), q.lstrip("h")
    short, long_ = (p, q) if len(p) <= len(q) else (q, p)
    return len(short) >= 4 and long_.endswith(short)


#: A capitalised word of a report, a name it may write without a form of address
#: ("Orang tua: Eko Prasetyo", "kartu si Zahra").
_CAPITALISED = re.compile(r"\b[A-Z][a-z']{2,}\b")


def _place_words(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The words of the places the gazetteer finds in ``text``."""
    return frozenset(w for m in gazetteer.matches(text) for w in m.surface.split())


def _names(text: str, places: frozenset[str]) -> frozenset[str]:
    """``_name_key`` of the capitalised words of ``text`` that name no place the gazetteer
    knows (``places``: "Bu Siti Jenggot": Jenggot is a kelurahan, not a name)."""
    return frozenset(
        _name_key(m.group())
        for m in _CAPITALISED.finditer(text)
        if m.group().lower() not in places and m.group().lower() not in _ADDRESS_WORDS
    )


def _people_agree(a: Details, b: Details) -> tuple[frozenset[str], frozenset[str]]:
    """The persons of two reports, each person of one that the other names too, by a
    spelling-tolerant key (``_same_name``) or anywhere in its text (``Details.names``: the
    father "Pak Eko" of one report is "Orang tua: Eko Prasetyo" in the other, whose named
    child is "si Zahra" in the first), added to the other's: one person read in both is one
    case, not two (the set AB round)."""
    pa, pb = set(a.people), set(b.people)
    for one, other, own_names in ((pa, b.people, a.names), (pb, a.people, b.names)):
        for x in other:
            kind, _, key = x.partition("|")
            if kind == "company":
                # one name the start of the other ("Sinar Jaya" / "Sinar Jaya Garment")
                if any(
                    y.startswith("company|")
                    and ((key + " ").startswith(y[8:] + " ") or (y[8:] + " ").startswith(key + " "))
                    for y in list(one)
                ):
                    one.add(x)
                continue
            if kind != "person":
                continue
            if key in own_names or any(
                y.startswith("person|") and _same_name(key, y[7:]) for y in list(one)
            ):
                one.add(x)
    return frozenset(pa), frozenset(pb)


def _name_words(first: str, second: str | None) -> list[str]:
    """The words of a name read after a form of address: the second only when it is no
    common word ("Pak Darto Mohon ..." is Darto)."""
    if second and second.lower() not in _common_words() and second.lower() not in _NOT_PERSON:
        return [first, second]
    return [first]


def _person_key(first: str, second: str | None) -> str:
    """``person|key`` of a name read after a form of address or a relation."""
    return f"person|{_name_key(_telling(_name_words(first, second)))}"


def _telling(words: Sequence[str]) -> str:
    """The word of a name that tells a person apart: the first, or the next one after a
    first name many share ("Siti Aminah" -> "aminah", "Muhammad Rizki" -> "rizki")."""
    if len(words) > 1 and words[0].lower() in _COMMON_FIRST_NAMES:
        return words[1]
    return words[0]


def _self_people(low: str, text: str = "") -> frozenset[str]:
    """``person|key`` of each reporter who introduces themselves by name in folded
    ``low`` (``_SELF_PERSON``) or signs ``text`` as written (``_SIGNED_PERSON``); the key of
    the telling word of the name (``_telling``)."""
    out = set()
    common = _common_words()
    names: list[tuple[str | None, str | None]] = [
        (m.group(2), m.group(3))
        for m in (*_SELF_PERSON.finditer(low), *_NAMED_PERSON.finditer(low))
    ]
    names += [
        (m.group(1).lower(), m.group(2).lower() if m.group(2) else None)
        for m in _SIGNED_PERSON.finditer(text.strip())
    ]
    for name in names:
        words = [w for w in name if w]
        if words and words[-1] in common:
            words = words[:-1]
        if not words or any(w in common or _AFFIXED.match(w) for w in words):
            continue
        out.add(f"person|{_name_key(_telling(words))}")
    return frozenset(out)


def _id_people(text: str, places: frozenset[str]) -> frozenset[str]:
    """``person|key`` of each person ``_PERSON_ID`` reads before an identity number; no
    common word (with a possessive ending: "Anakku"), role or place."""
    common = _common_words()
    out = set()
    for m in _PERSON_ID.finditer(text):
        words = [w.lower() for w in (m.group(1), m.group(2)) if w]
        if any(w in common or w in _NOT_PERSON or _POSSESSIVE.sub("", w) in common for w in words):
            continue
        first = normalise(words[0]).split()
        if first and first[0] in places:
            continue
        out.add(f"person|{_name_key(_telling(words))}")
    return frozenset(out)


def _lower_people(low: str, places: frozenset[str]) -> frozenset[str]:
    """``person|key`` of each person ``_PERSON_LOW`` reads in folded ``low``."""
    out = set()
    common = _common_words()
    for m in _PERSON_LOW.finditer(low):
        first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if first in common or first in _NOT_PERSON or first in places or _AFFIXED.match(first):
            continue
        words = [first] + ([second] if second and second not in common else [])
        out.add(f"person|{_name_key(_telling(words))}")
    return frozenset(out)


#: A company, shop or ship by its name after its legal form ("CV Sinar Jaya", "PT Mitra",
#: "UD Makmur", "KM Sumber Rejeki"): two named companies are two employers, two ships two
#: crews; compared like a place number by the words of the name (up to three, since the set
#: AE round: "KM Sinar Laut" / "KM Sinar Bahari" are two ships), one name the start of the
#: other naming one ("CV Sinar Jaya" / "CV Sinar Jaya Garment", ``_people_agree``).
#: A business named after its kind counts too ("Konveksi Sinar Busana", the set AL round).
_COMPANY = re.compile(
    r"\b(?:CV|PT|UD|KM|KMN|Konveksi|Pabrik|Perusahaan)\.?\s+"
    r"([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,}){0,2})"
)


def _company_key(name: str) -> str:
    """``company|words`` of a company's name, up to a word that goes on the sentence
    ("Sinar Jaya Mohon" is "sinar jaya"; "Sinar Laut" is a name)."""
    words = name.lower().split()
    stop = _STOP | _REQUEST | _DONE | _NEGATORS
    kept = words[:1] + list(itertools.takewhile(lambda w: w not in stop, words[1:]))
    return "company|" + " ".join(kept)


#: A market stall by its kind ("los ikan" / "los sayur"): compared like a place number.
_STALL_KINDS = {
    "ikan": "ikan", "sayur": "sayur", "sayuran": "sayur", "daging": "daging", "ayam": "ayam",
    "buah": "buah", "pakaian": "pakaian", "baju": "pakaian", "kain": "pakaian",
    "sandang": "pakaian", "batik": "batik", "bumbu": "bumbu", "kelontong": "kelontong",
}  # fmt: skip
_STALL = re.compile(r"\b(?:los|blok)\s+(" + "|".join(_STALL_KINDS) + r")\b")
#: A move between two places ("pindah dari Batang ke Gamer" / "pindah dari Gamer ke
#: Batang"): its origin and destination compared like place numbers of their own kinds.
_MOVE = re.compile(r"\bpindah(?:\s+datang)?\s+dari\s+([a-z]{3,})\s+ke\s+([a-z]{3,})\b")
#: A report that says its problem has lasted until now: "sudah 3 hari", "dua pekan",
#: "sampai hari ini", "tidak surut". When both reports of a pair say so, their dates may be
#: when it began and when each was written, and are not compared.
_ONGOING = re.compile(
    r"\b(?:sudah|sdh|udah|wis|dah)\s+(?:\d+|satu|dua|tiga|empat|lima|enam|tujuh|beberapa|"
    r"berhari|se)\s*-?\s*(?:hari|minggu|pekan|bulan)\b"
    r"|\bsampai\s+(?:hari\s+ini|sekarang|skrg|saat\s+ini)\b"
    r"|\b(?:tidak|belum|gak|ga|nggak|tak)\s+(?:juga\s+)?(?:surut|kunjung)"
)
#: Calendar dates a report names for its incident: "Sabtu 7/11", "tgl 21", "21 November",
#: "bulan Juni", "libur Lebaran". Two reports of the same recurring problem at one spot on
#: two named dates are two incidents (the sound system of 7/11 and of 21/11, the pump that
#: failed in June and in October); the same date named in both is evidence of one. Read as
#: "day|21", "month|11" and "date|21-11" and compared like place numbers of their own kinds
#: (a day both name differently is another incident).
_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12,
}  # fmt: skip
#: Month names that may stand alone ("bulan Juni", "Oktober kemarin"): the full names.
_MONTH_FULL = (
    "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|"
    "nopember|desember"
)
_DATE_DM = re.compile(
    r"(?<![\d/.,])(?<!rt )(?<!rw )(?<!no )(?<!rt)(?<!rw)\b(\d{1,2})\s*/\s*(\d{1,2})"
    r"(?:\s*/\s*(?:\d{4}|\d{2}))?(?![\d/.,]*\d)"
    r"(?!\s*(?:jam|hari|meter|m|km|kg|liter|bagian|porsi|lusin)\b)"
)
_DATE_DAY_MONTH = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
)
_DATE_DAY = re.compile(r"\b(?:tanggal|tgl|tg)\.?\s*(\d{1,2})\b")
_DATE_MONTH = re.compile(r"\b(" + _MONTH_FULL + r")\b")
#: Holidays that date a recurring problem ("selama libur Lebaran" / "libur Natal").
_HOLIDAYS = {
    "lebaran": "lebaran", "idul fitri": "lebaran", "idulfitri": "lebaran", "riyaya": "lebaran",
    "idul adha": "iduladha", "iduladha": "iduladha", "natal": "natal",
    "tahun baru": "tahunbaru", "imlek": "imlek", "agustusan": "agustusan",
}  # fmt: skip
_HOLIDAY = re.compile(r"\b(" + "|".join(_HOLIDAYS) + r")\b")
#: Days of the week ("hari Jumat" / "hari Senin"): the same recurring problem on two named
#: weekdays is two incidents. "Minggu" only after "hari" ("minggu lalu" is last week).
_WEEKDAYS = {
    "senin": "senin", "senen": "senin", "selasa": "selasa", "rabu": "rabu", "kamis": "kamis",
    "jumat": "jumat", "jum at": "jumat", "jumaat": "jumat", "sabtu": "sabtu",
    "hari minggu": "minggu", "ahad": "minggu",
}  # fmt: skip
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")


#: Words that are no head of a label (prepositions, places read elsewhere, times, counters):
#: "di Pekalongan", "jam 7", "RT 3", "gang 5" and "no 12" are read by their own readers.
_LABEL_NOT_HEAD = frozenset(
    "di ke dari dr yang yg dan atau ini itu tersebut sudah belum ada saya kami kita warga "
    "mohon tolong untuk dengan karena sejak sampai juga pak bu bapak ibu min admin dekat depan "
    "dpn dkt samping belakang sebelah arah menuju sekitar wilayah kawasan daerah kelurahan kel "
    "kecamatan kec kota kabupaten kab jam pukul pkl tanggal tgl hari bulan tahun minggu sore "
    "pagi malam siang tadi kemarin lalu oleh pada para soal tentang bagi buat sama seperti "
    "antara atas bawah dalam luar tiap setiap per no nomor nomer rt rw gang gg jl jln jalan "
    "blok".split()
)
#: Words after a number that make it a count or a measure ("3 hari", "40 cm", "2 motor"),
#: not the label of one thing ("loket 3", "lantai 2").
_COUNT_UNITS = frozenset(
    "cm m meter km kg liter l persen jam menit hari minggu pekan bulan tahun thn th kali x "
    "orang rumah kk jiwa motor mobil unit buah titik lembar ribu rb juta jt rupiah kilo ons "
    "sak karung truk bak hektar ha".split()
)
_LABEL_TOKEN = re.compile(r"[A-Za-z]+|\d+")
#: A space and an opening quote between a word and the name it is labelled with.
_QUOTE_GAP = re.compile(r"\s+['\"]")
_ROMAN_LABEL = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
    "X": 10, "XI": 11, "XII": 12,
}  # fmt: skip


#: Arabic articles that begin the name of a mosque, musala, school or foundation.
_ARTICLES = frozenset("Al An Ar As At Ad Asy Ash El".split())


def _labels(
    text: str, gazetteer: Gazetteer, places: frozenset[str] | None = None
) -> frozenset[str]:
    """The things a report tells apart by a name or a number written right after the word
    for them, read from the structure of the text rather than from a word list: "Posyandu
    Mawar", "Pos Kamling Sumber", "loket 3", "lantai 2", "tiang 14", "kelas IV". Kept as
    "head|name" ("posyandu|mawar", the name cut to six letters) and "head#|number"
    ("loket#|3"). Not a label: a capitalised word at the start of a sentence or after
    punctuation, in an ALL-CAPS report, an acronym ("Air PDAM", "pasien BPJS"), a word of
    the lexicon or a function word ("Pegawai Dinas"), a place the gazetteer knows (read by
    the place features), an office or kin word ("Pak RT"); a number glued to a word
    ("alun2", "80an"), with a decimal ("1,5 juta"), a year, or followed by a unit ("3 hari",
    "40 cm")."""
    raw = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    letters = [c for c in raw if c.isalpha()]
    all_caps = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
    if places is None:
        places = _place_words(text, gazetteer)
    words = lexicon().words
    tokens = list(_LABEL_TOKEN.finditer(raw))
    out: set[str] = set()
    for i in range(len(tokens) - 1):
        h, s = tokens[i], tokens[i + 1]
        gap = raw[h.end() : s.start()]
        # a name in quotes after the word for its thing ("Rumah batik 'Sekar Kedaton'") is
        # labelled like one without (the set AN and AO round)
        if not h.group().isalpha() or not (gap.isspace() or _QUOTE_GAP.fullmatch(gap)):
            continue
        head_words = normalise(h.group()).split()
        if not head_words:
            continue
        head = head_words[-1]
        if head in _STOP or head in _LABEL_NOT_HEAD or len(head) < 3:
            continue
        tok = s.group()
        # a first name many share before another name ("Siti Khotijah", "Nur Hayati") is a
        # person's name, compared as one (``_PERSON``), not a thing labelled (the set AB round)
        if head in _COMMON_FIRST_NAMES and tok[:1].isupper():
            continue
        if tok.isdigit():
            after = raw[s.end() : s.end() + 2]
            following = tokens[i + 2].group().lower() if i + 2 < len(tokens) else ""
            if re.match(r"[A-Za-z]|[.,]\d", after) or following in _COUNT_UNITS:
                continue
            if 1900 <= int(tok) <= 2100:
                continue
            out.add(f"{head}#|{tok.lstrip('0') or '0'}")
        elif tok in _ROMAN_LABEL and not all_caps:
            out.add(f"{head}#|{_ROMAN_LABEL[tok]}")
        elif tok in _ARTICLES and i + 2 < len(tokens):
            # an Arabic article before a name ("Masjid Al Ikhlas", "Musala Al-Huda"): the
            # name is the word after it, a word of the lexicon or not (the set AL round)
            n = tokens[i + 2]
            if raw[s.end() : n.start()] not in (" ", "-") or not n.group()[:1].isupper():
                continue
            name = normalise(n.group()).split()
            if name and len(name[0]) >= 3 and name[0] not in places and name[0] not in _STOP:
                out.add(f"{head}|{name[0][:6]}")
        elif tok[0].isupper() and not tok.isupper() and not all_caps and len(tok) >= 3:
            name = normalise(tok).split()
            if not name:
                continue
            w = name[0]
            if (
                w in _STOP
                or w in _LABEL_NOT_HEAD
                or w in _NOT_PERSON
                or w in places
                or w in words
                or lexicon().tokens(w)[0][0].startswith("@")
            ):
                continue
            out.add(f"{head}|{w[:6]}")
    return frozenset(out)


def _labels_conflict(a: Details, b: Details) -> bool:
    """Whether the two reports label one kind of thing differently ("Posyandu Mawar" /
    "Posyandu Melati", "loket 3" / "loket 5"): a head both label, with no label in common
    (names also agree when one begins the other: "Perum" / "Perumahan"), and neither label
    written anywhere in the other report ("Posyandu Mawar" against "posyandu di gang Mawar"
    is no conflict)."""
    ka, kb = _by_kind(a.labels), _by_kind(b.labels)
    for head in ka.keys() & kb.keys():
        x, y = ka[head], kb[head]
        numbers = head.endswith("#")
        if any(
            p == q or (not numbers and (p.startswith(q) or q.startswith(p))) for p in x for q in y
        ):
            continue
        if x & b.words or y & a.words:
            continue
        return True
    return False


#: A state a report says is reached ("sudah cair", "udah jadi", "sudah ditambal") or not
#: ("belum cair", "tidak jadi", "mohon segera ditambal"): the PIP paid into the account
#: against the PIP not yet paid, the pothole patched last week against one to patch, are two
#: incidents however alike the rest.
_DONE = frozenset("sudah udah sdh udh dah wis wes telah sempat".split())
#: A request names what is not done yet ("mohon (segera) dinormalisasi").
#: Not "minta": an official who "minta uang" is the complaint, not a request.
_REQUEST = frozenset("mohon tolong tlg harap segera".split())
_NEGATORS = frozenset(
    "tidak tak gak ga nggak enggak belum blm bukan ora durung dudu tdk gk kagak ndak".split()
)
_STATE_MODAL = frozenset(
    "bisa bs mau juga pernah kunjung sempat lagi boleh dapat dpt jadi perlu segera langsung".split()
)


#: A length of time is no state: "sudah seminggu" and "belum jadi seminggu" say how long,
#: not what is done (the set AI round).
_DURATIONS = frozenset(
    "sehari seminggu sepekan sebulan setahun semalam sejam hari minggu pekan bulan tahun jam "
    "berhari berminggu berbulan".split()
)


#: Looking at a case is no state of it: "saldo sudah dicek" (by the reporter) and "tolong
#: dicek" (asked of the office) say nothing of what is done (the set AL round).
_CHECKS = frozenset("cek dicek dicheck ngecek periksa diperiksa".split())


#: Words naming other people than the reporter before a state ("tetangga sudah cair").
_OTHERS = frozenset("tetangga lain lainnya lainya teman temannya temen temennya kawan".split())


def _states(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(reached, not reached): the stems of the words a report puts after "sudah" and after
    "belum" / "tidak" or a request ("mohon", "tolong"), through "bisa", "juga", "segera"..."""
    words = normalise(text).split()
    done: set[str] = set()
    not_done: set[str] = set()
    for i, w in enumerate(words[:-1]):
        if w not in _DONE and w not in _NEGATORS and w not in _REQUEST:
            continue
        # a state said of other people ("tetangga sudah cair", "yang lain sudah") is not the
        # report's own (the set Z and AA round)
        if _OTHERS & set(words[max(0, i - 3) : i]):
            continue
        k = i + 1
        while (
            k < len(words) - 1
            and (words[k] in _STATE_MODAL or (w in _REQUEST and words[k] in _REQUEST))
            and k - i <= 2
        ):
            k += 1
        x = words[k]
        if (
            x in _STOP
            or x in _NEGATORS
            or x in _DURATIONS
            or x in _CHECKS
            or len(x) < 3
            or any(c.isdigit() for c in x)
        ):
            continue
        (done if w in _DONE else not_done).add(_stem(x))
    # a report of a fault come back says that what "yang di..." names was done before
    # ("lampu yang diganti sebelum Ramadan sekarang mati lagi"): the replacement asked for in
    # another report is reached in this one (the set AB round). Since the set AH round the
    # fault come back is the one reading of the pair conflict (``_recurred``), not a second
    # one of its own ("sudah mati lagi", "jebol lagi" alone, without a fix said done)
    joined = " ".join(words)
    if _recurred(joined):
        done.update(_stem(m.group(1)) for m in _DONE_BEFORE.finditer(joined))
    return frozenset(done), frozenset(not_done)


#: A relative clause of what was done before: "yang diganti", "yang baru diperbaiki".
_YANG_DONE = r"\byang\s+(?:sudah\s+|baru\s+|pernah\s+)?"
#: What was done to it before, in a relative clause (its verb).
_DONE_BEFORE = re.compile(_YANG_DONE + r"(di[a-z]{3,})\b")


#: A fault come back after a fix or after an earlier occurrence the report names: a word of
#: return ("lagi", "kembali", "terulang") with a fix or an end said done ("sudah
#: diperbaiki", "sempat surut", "akhirnya cair"), or the earlier occurrence itself
#: ("seperti kejadian bulan lalu", "kejadian juga", "terulang"). Against a report that says
#: no word of return at all, it is another occurrence at one place (the flood of Saturday,
#: gone down Sunday, against the flood of tonight; the PJU repaired in February and dead
#: again in May): the set AF and AG round. Not "kambuh" (an asthma "kambuh" from smoke is
#: no recurrence of the smoke), not "tidak pernah diangkut lagi" (never collected since).
#: A fix in a relative clause counts ("lampu yang diganti ... sekarang mati lagi", "saluran
#: yang dikeruk minggu lalu ... masuk lagi": the set AH round, when this became the one
#: reading of a fault come back, for the reached states of ``_states`` too). The last fix
#: told as such counts, and a fix told as what came before ("terakhir diganti Agustus,
#: sekarang padam lagi", "aktif lagi bulan lalu setelah diurus, tapi ... dinonaktifkan
#: lagi": the set AN and AO round).
_AGAIN = re.compile(r"\b(?:lagi|lg|maneh|meneh|kembali|terulang)\b")
_FIXED_BEFORE = re.compile(
    r"(?<!tidak )(?<!belum )(?<!gak )(?<!nggak )\b(?:sudah|sdh|udah|udh|sempat|pernah|"
    r"akhirnya|baru|terakhir)\s+(?:(?!(?:" + "|".join(sorted(_NEGATORS)) + r")\b)[a-z]+\s+){0,3}"
    r"(?:surut|diperbaiki|dibenerin|dibetulkan|ditambal|"
    r"ditutup|diganti|dikeruk|dibersihkan|diangkut|beres|normal|menyala|nyala|cair|jadi|"
    r"selesai|mengalir|lancar|kering|dinormalisasi|jernih)\b"
    r"|" + _YANG_DONE + r"(?:diperbaiki|dibenerin|dibetulkan|ditambal|"
    r"diganti|dikeruk|dibersihkan|dinormalisasi)\b"
    r"|\b(?:setelah|sesudah)\s+(?:[a-z]+\s+)?(?:diurus|diperbaiki|diganti|dibenerin|ditambal|"
    r"dikeruk|dibersihkan)\b"
)
_EARLIER_OCCURRENCE = re.compile(
    r"\b(?:kejadian|seperti|kayak|kaya)\s+(?:[a-z]+\s+){0,2}(?:bulan|minggu|pekan|tahun)\s+"
    r"(?:lalu|kemarin)\b|\bterulang\b|\bkejadian\s+(?:lagi|juga)\b"
)
#: A fear or a wish, not a report: "takut kebakaran seperti tahun lalu terulang", "supaya
#: tidak terulang" (the sentence is left out of ``_recurred``).
_FEARED = re.compile(
    r"\b(?:takut|khawatir|kuatir|supaya|agar|biar|jangan|tidak|tak|gak|nggak|kalau|kalo|"
    r"jika|bila|seandainya)\b[^.;!?]*"
)


def _recurred(low: str) -> bool:
    """Whether normalised ``low`` tells of its fault come back (``_AGAIN``)."""
    told = _FEARED.sub(lambda m: " " if _EARLIER_OCCURRENCE.search(m.group()) else m.group(), low)
    return bool(
        _EARLIER_OCCURRENCE.search(told) or (_FIXED_BEFORE.search(low) and _AGAIN.search(low))
    )


def _recurrence_conflict(a: Details, b: Details, told: tuple[bool, bool] = (False, False)) -> bool:
    """One report tells of its fault come back after a fix or an earlier occurrence, the
    other neither that nor any word of return: two occurrences. ``told``: whether each
    tells so in a sentence that thanks for the fix (left out of what it says, ``_said_text``:
    "… sudah dinyatakan selesai, terima kasih. Tapi … salah lagi")."""
    ra, rb = a.recurred or told[0], b.recurred or told[1]
    return (ra and not rb and not b.again) or (rb and not ra and not a.again)


def _state_conflict(a: Details, b: Details) -> bool:
    """One report says a state is reached and the other that it is not ("sudah cair" /
    "belum cair", "sudah ditambal" / "mohon ditambal"); a report that says both says
    nothing."""
    da, na = a.reached, a.not_reached
    db, nb = b.reached, b.not_reached
    return bool(((da - na) & (nb - db)) | ((db - nb) & (na - da)))


def _dates(low: str) -> frozenset[str]:
    """The calendar dates named in folded lower-case ``low`` ("day|7", "month|11",
    "date|7-11", "holiday|natal"); a street named after a date ("Jl. 17 Agustus") is not
    one."""
    low = re.sub(r"\b(?:jl|jln|jalan)\.?\s+\d{1,2}\s+[a-z]+", " ", low)
    out: set[str] = set()

    def add(day: str | None, month: int | None) -> None:
        d = int(day) if day else None
        if d is not None and not 1 <= d <= 31:
            return
        if month is not None and not 1 <= month <= 12:
            return
        if d is not None:
            out.add(f"day|{d}")
        if month is not None:
            out.add(f"month|{month}")
        if d is not None and month is not None:
            out.add(f"date|{d}-{month}")

    for m in _DATE_DM.finditer(low):
        add(m.group(1), int(m.group(2)))
    for m in _DATE_DAY_MONTH.finditer(low):
        add(m.group(1), _MONTHS[m.group(2)])
    for m in _DATE_DAY.finditer(low):
        add(m.group(1), None)
    for m in _DATE_MONTH.finditer(low):
        add(None, _MONTHS[m.group(1)])
    out.update(f"holiday|{_HOLIDAYS[m.group(1)]}" for m in _HOLIDAY.finditer(low))
    out.update(f"weekday|{_WEEKDAYS[m.group(1)]}" for m in _WEEKDAY.finditer(low))
    return frozenset(out)


def _without_dates(low: str) -> str:
    """``low`` without the calendar dates it names (a day is not an amount)."""
    low = _DATE_DM.sub(" ", low)
    low = _DATE_DAY_MONTH.sub(" ", low)
    return _DATE_DAY.sub(" ", low)


#: Words after a form of address that are an office or a kin word, not a name ("Pak RT",
#: "Bu Lurah", "Bu Guru").
_NOT_PERSON = frozenset(
    "rt rw lurah camat kades kadus ketua kepala guru bidan dokter mantri polisi petugas "
    "sekretaris wali walikota bupati gubernur kyai ustadz ustad haji dewan sopir satpam "
    "pendamping saya kami kita ini itu tersebut yang".split()
)

PAIR_FEATURES = (
    "cos_word", "cos_char", "cos_concept", "cos_content", "containment", "cat_agree",
    "cat_top_same", "object_same", "object_diff", "problem_same", "problem_diff", "kel_same",
    "kel_diff", "street_same", "street_diff", "landmark_same", "landmark_diff", "gang_same",
    "gang_diff", "rt_same", "rt_diff", "num_same", "num_diff", "qty_same", "qty_diff",
    "place_match", "place_conflict", "kind_shared", "kind_conflict", "object_conflict",
    "problem_conflict", "one_sided", "short_len", "core_object_conflict",
    "same_object_other_problem", "same_problem_other_object", "problem_one_sided",
    "align_max", "time_conflict", "cos_topic", "old_name_conflict", "resid_topic",
    "resid_both", "id_same",
)  # fmt: skip

#: Objects that set the scene rather than say what a report is about: "pasien" and "jalan"
#: (the street a report is on) appear in reports about many different things.
_CONTEXT_OBJECTS = frozenset(
    "jalan kendaraan petugas pasien murid kantor_kelurahan surat sekolah pasar pabrik "
    "rumah hewan pekerja".split()
)

#: Numbers written as words (Indonesian and Javanese), for place numbers and amounts.
_NUMBER_WORDS = {
    "satu": 1, "siji": 1, "dua": 2, "loro": 2, "rong": 2, "tiga": 3, "telu": 3, "telung": 3,
    "empat": 4, "papat": 4, "lima": 5, "limo": 5, "enam": 6, "enem": 6, "tujuh": 7, "pitu": 7,
    "delapan": 8, "wolu": 8, "sembilan": 9, "songo": 9, "sepuluh": 10, "sebelas": 11,
    "seratus": 100, "seribu": 1000, "sejuta": 1_000_000,
    # ordinals ("tahap ketiga" = "tahap 3"); not "pertama" / "kedua" ("pertama kali",
    # "keduanya" name no number)
    "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8,
    "kesembilan": 9, "kesepuluh": 10,
}  # fmt: skip
_SCALES = {"belas": 0, "puluh": 10, "ratus": 100, "ribu": 1000, "rb": 1000, "juta": 1_000_000,
           "jt": 1_000_000}  # fmt: skip
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}  # fmt: skip
_PLACE_NUMBER_WORD = re.compile(
    r"\b(gang|gg|rt|rw|no|nomor|blok|kelas|sd|sdn|smp|smpn|negeri|[a-z]+)\s+("
    + "|".join(w for w, v in _NUMBER_WORDS.items() if v <= 12)
    + "|"
    + "|".join(_ROMAN)
    + r")\b"
)
_ROMAN_RT_RAW = re.compile(r"\b(rt|rw)\s*\.?\s*(\d{1,3})\b")
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)*)\s*(ribu|rb|k|juta|jt)?\b")
#: A street written with "Jl."/"Jln." (any case) or "Jalan" and a capitalised name, for streets
#: the gazetteer does not list ("Jl. Tirto Raya" against "Gg. Kenanga").
_STREET = re.compile(r"\b(?:[Jj][Ll][Nn]?\.?|Jalan)\s+((?:[A-Z][A-Za-z]*\.?\s*){1,3})")
_STREET_ABBR = re.compile(r"\b(?:jl|jln)\s+([a-z]+)")

#: A nameless landmark after "depan", "dekat"...: "depan SD" and "depan TPI" are two places.
_NEAR_KIND = {
    "sdn": "sd", "smpn": "smp", "sman": "sma", "smk": "sma", "smkn": "sma", "paud": "tk",
    "sekolahan": "sekolah", "mushola": "musala", "musholla": "musala", "langgar": "musala",
    "surau": "musala", "alfamart": "minimarket", "indomaret": "minimarket", "pom": "spbu",
    "kuburan": "makam", "tpu": "makam", "pemakaman": "makam",
    # the set AF and AG round: an eating house, a cash machine and a row of shops are spots
    # of their own ("dekat jembatan" / "depan rumah makan Padang" on one street)
    # ("warung makan" / "rumah makan" are one kind of spot)
    "rumah makan": "warung", "resto": "warung", "restoran": "warung", "pertokoan": "toko",
    # a fish auction is the TPI ("dekat pelelangan ikan" / "cedhak TPI")
    "pelelangan": "tpi",
    # a building-supply shop ("depan TB Sumber Makmur") is a shop (the set AL round)
    "tb": "toko",
}  # fmt: skip
_NEAR_SPOTS = (
    r"pelelangan|sd|sdn|smp|smpn|sma|sman|smk|smkn|tk|paud|sekolah|sekolahan|tpi|tps|pasar|masjid|musala|"
    r"mushola|musholla|langgar|surau|gereja|puskesmas|balai|toko|warung|minimarket|alfamart|"
    r"indomaret|apotek|bank|lapangan|makam|kuburan|tpu|pemakaman|stasiun|terminal|jembatan|"
    r"pabrik|pom|spbu|pantai|pelabuhan|kantor|gapura|pos|perempatan|pertigaan|tikungan|rel|"
    r"hotel|kampus|klinik|rsud|bengkel|ruko|gudang|kios|gor|museum|taman|halte|posyandu|"
    r"tambak|tpa|mangrove|rumah makan|resto|restoran|atm|pertokoan|tb"
)
#: A nameless spot after a word of nearness ("dekat pertigaan"), and a second spot that
#: names the first ("dekat pertigaan masjid": the junction by the mosque, both kept); a row
#: or a compound of it is the spot ("depan deretan pertokoan", "samping kompleks
#: pemakaman": the set AF and AG round).
_NEAR = re.compile(
    r"\b(depan|dekat|samping|belakang|sebelah|seberang|ngarep|cedhak|cedak|mburi|pinggir|pojok|"
    r"sekitar|sisi|menuju|arah)\s+(?:(?:deretan|kompleks|komplek|area|hutan|tempat)\s+)?("
    + _NEAR_SPOTS
    + r")\b(?:\s+("
    + _NEAR_SPOTS
    + r")\b)?"
)

#: Kinds of place a report may be about or near, wherever they are named ("TPS Pasar
#: Banyurip" and "TPS Perumahan Banyurip Asri" are two places).
_KIND_WORDS = {
    "pasar": "pasar", "perumahan": "perumahan", "perum": "perumahan", "masjid": "masjid",
    "musala": "musala", "mushola": "musala", "musholla": "musala", "langgar": "musala",
    "gereja": "gereja", "sd": "sd", "sdn": "sd", "mi": "sd", "smp": "smp", "smpn": "smp",
    "mts": "smp", "sma": "sma", "sman": "sma", "smk": "sma", "smkn": "sma", "tk": "tk",
    "paud": "tk", "puskesmas": "puskesmas", "rsud": "rumah sakit", "pantai": "pantai",
    "tpi": "tpi", "terminal": "terminal", "stasiun": "stasiun", "lapangan": "lapangan",
    "makam": "makam", "tpu": "makam", "kuburan": "makam", "jembatan": "jembatan",
    "balai": "balai", "pabrik": "pabrik", "gudang": "gudang", "toko": "toko",
    "warung": "warung", "minimarket": "minimarket", "alfamart": "minimarket",
    "indomaret": "minimarket", "bank": "bank", "apotek": "apotek", "spbu": "spbu",
    "tambak": "tambak", "muara": "muara", "taman": "taman", "posyandu": "posyandu",
    "rumahsakit": "rumah sakit", "klinik": "klinik",
    # a harbour and a mangrove forest are places of their own
    "pelabuhan": "pelabuhan", "ppn": "pelabuhan", "dermaga": "pelabuhan",
    "mangrove": "mangrove", "bakau": "mangrove",
}  # fmt: skip


#: When a report says the incident happened: an earlier period ("pekan lalu", "bulan
#: kemarin") or just now ("tadi pagi", "semalam", "sejak kemarin"). One report of a past
#: incident and one of an incident happening now are two incidents at one place (the rob of
#: last week / the rob of this morning), whatever words they share.
_TIME_PAST = re.compile(
    r"\b(?:minggu|pekan|bulan|tahun)\s+(?:lalu|kemarin|kepungkur|wingi)\b"
    r"|\b(?:\d+|dua|tiga|empat|lima|beberapa)\s+(?:hari|minggu|pekan|bulan)\s+(?:lalu|yang lalu)\b"
    r"|\bkemarin lusa\b"
)
_TIME_NOW = re.compile(
    r"\b(?:tadi|barusan|semalam|kemarin|hari ini|pagi ini|siang ini|sore ini|malam ini|"
    r"subuh ini|saat ini|minggu ini|pekan ini)\b"
)

#: A coming day or week ("Minggu depan", "besok"; the set AI round); not a date the reporter
#: was sent away to ("disuruh kembali minggu depan", "suruh balik besok"): that is what
#: happened now.
_TIME_NEXT = re.compile(
    r"(?<!kembali )(?<!balik )(?<!datang )(?<!lagi )(?<!pulang )"
    r"\b(?:(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu|pekan|bulan|tahun)\s+depan|besok)\b"
)


def _time_kind(text: str) -> str | None:
    """ "past", "now" or None (neither, or both) for one report."""
    low = normalise(text)
    past = bool(_TIME_PAST.search(low))
    now = bool(_TIME_NOW.search(_TIME_PAST.sub(" ", low)))
    if past == now:
        # a coming day or week said alone ("Minggu depan") against this one or an earlier
        # one: two dates of a recurring event (the set AI round)
        return "next" if not past and _TIME_NEXT.search(low) else None
    return "past" if past else "now"


#: A contact's label before its masked value: "WA [disamarkan]", "NIK: [disamarkan]".
_CONTACT_LABEL = re.compile(
    r"(?i:\b(?:wa|hp|telp|telepon|tlp|nik|kk|no|nomor|email|e-mail|kontak)\b[\s.:]*)+"
    + re.escape(PII_MASK)
)
#: A reporter introducing themselves just before their contact: "Saya Siti Aminah WA ...".
_SELF_NAME = re.compile(
    r"\b((?:[Ss]aya|[Nn]ama(?: saya)?|[Aa]tas nama))\s+(?:[A-Z][a-z']+\s+){0,2}[A-Z][a-z']+"
    r"(?=[\s,.:]*(?:" + re.escape(PII_MASK) + r"|(?i:no|nomor|wa|hp|telp|nik)\b))"
)


#: A long identifier a report carries: a NIK or KK number, a PBB tax object number (NOP), a
#: PDAM or PLN customer number, a certificate or account number: eight digits or more with
#: dots, dashes or slashes between ("33.75.010.002.003-0120.0"), or five or more after a word
#: that names an identifier ("NOP", "ID pelanggan", "no meter") or after a code of letters
#: and a dash ("PBG-3375-2025-0091", the set AL round). Not a phone number (0 or 62
#: and 8), an amount ("1.500.000", after "Rp") or a date ("12/03/2026").
_ID_KIND_WORDS = (
    r"nik|nop|kk|idpel|id\s*pel(?:anggan)?|pelanggan|no\.?\s*pel|meter(?:an)?|rekening|rek|"
    r"sertifikat|shm|nib|npwp|nomor|nomer|no|register|reg|resi|tiket|kartu|bpjs|kis"
)
_IDENTIFIER = re.compile(
    r"(?i)(?:\b(?P<kind>" + _ID_KIND_WORDS + r")\b[\s.:#]*(?:[a-z]+[\s.:]+){0,2}?)?"
    r"(?:(?P<code>\b[A-Z]{2,5}[-/])|(?<![\w.,/-]))(?P<id>\d(?:[./-]?\d){4,})(?![\w]|[.,/-]\d)"
)
#: The end of an identifier written alone: "NOP akhiran 0120.0", "nomor belakangnya 4417".
_ID_SUFFIX = re.compile(
    r"(?i)\b(?:ber)?(?:akhiran|ujungnya|belakangnya|buntut(?:nya)?)\s*(?:nya\s*)?"
    r"(?P<id>\d(?:[./-]?\d){2,})(?![\w]|[.,/-]\d)"
)
_ID_PHONE = re.compile(r"^(?:0|62)8")
_ID_AMOUNT = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_ID_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")


@lru_cache(maxsize=4096)
def _identifiers(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The long identifiers a report writes out, as digit strings, and the ends of
    identifiers it writes alone ("akhiran 0120.0"): ``(whole, ends)``."""
    whole: set[str] = set()
    end_starts = {m.start("id") for m in _ID_SUFFIX.finditer(text)}
    for m in _IDENTIFIER.finditer(text):
        raw = m.group("id")
        if m.start("id") in end_starts:
            continue
        digits = re.sub(r"\D", "", raw)
        if _ID_PHONE.match(digits) and 9 <= len(digits) <= 14:
            continue
        if _ID_AMOUNT.match(raw) or _ID_DATE.match(raw):
            continue
        if text[max(0, m.start("id") - 3) : m.start("id")].strip().lower().endswith("rp"):
            continue
        if len(digits) >= 8 or ((m.group("kind") or m.group("code")) and len(digits) >= 5):
            whole.add(digits)
    ends = frozenset(re.sub(r"\D", "", m.group("id")) for m in _ID_SUFFIX.finditer(text))
    return frozenset(whole), ends


def _identifier_agree(
    a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]
) -> tuple[float, float]:
    """(same, different) for the identifiers of two reports: the same number (or one
    report's end of it) is one case, whatever else differs; two numbers of one length, or an
    end that the other's number does not have, are two cases."""
    (wa, ea), (wb, eb) = a, b
    same = bool(wa & wb) or any(
        w.endswith(e) for ends, whole in ((ea, wb), (eb, wa)) for e in ends for w in whole
    )
    if same:
        return 1.0, 0.0
    diff = any(len(x) == len(y) for x in wa for y in wb) or any(
        len(w) > len(e) for ends, whole in ((ea, wb), (eb, wa)) for e in ends for w in whole
    )
    return 0.0, float(diff)


#: The number of an earlier report ("tiket 0412", "nomor tiket: 0412", "no. reg 3375-AK-0912"):
#: the same number in two reports is one case, a reminder of it (the set AE round). Two
#: numbers say nothing: two citizens reporting one incident get two tickets.
_TICKET = re.compile(
    r"(?i)\b(?:tiket|resi|no(?:mor|mer)?\.?\s*(?:laporan|aduan|pengaduan|registrasi|reg))\b"
    r"[\s.:#]*(?:no(?:mor|mer)?\.?\s*)?(\d[\w./-]*\d)(?![\w/-]|\.\w)"
)


@lru_cache(maxsize=4096)
def _tickets(text: str) -> frozenset[str]:
    """The numbers of earlier reports ``text`` names (``_TICKET``), without leading zeros."""
    return frozenset(
        m.group(1).upper().lstrip("0")
        for m in _TICKET.finditer(text)
        if sum(ch.isdigit() for ch in m.group(1)) >= 3
    )


def _without_identifiers(text: str) -> str:
    """``text`` without its long identifiers (compared on their own, ``_identifiers``):
    a tax object number read as an amount of 33 and a label "NOP 33" said nothing true."""
    whole, _ = _identifiers(text)
    if not whole:
        return _ID_SUFFIX.sub(" ", text)
    out = _IDENTIFIER.sub(
        lambda m: (
            m.group(0)[: m.start("id") - m.start()]
            if re.sub(r"\D", "", m.group("id")) in whole
            else m.group(0)
        ),
        text,
    )
    return _ID_SUFFIX.sub(" ", out)


@lru_cache(maxsize=4096)
def _incident_text(text: str) -> str:
    """``text`` without the personal data it carries (NIK, phone numbers, e-mail, plates:
    ``lib.pii``), their labels and the name of a reporter who introduces themselves before
    their contact: contact details say nothing about the incident, a name the vocabulary
    does not know would weigh as its rarest word, and a long number would count as an
    amount."""
    text = _without_identifiers(text)
    masked = mask_text(text)
    if PII_MASK not in masked:
        return text
    masked = _SELF_NAME.sub(r"\1", masked)
    plain = _CONTACT_LABEL.sub(" ", masked).replace(PII_MASK, " ")
    # The separators left between removed contacts ("WA ..., NIK ...") and the spaces: the
    # length of a report (``short_len``) is the length of what it says about the incident.
    plain = re.sub(r"(?:\s*[,;:/-])+\s*(?=[,;:/-]|$)", " ", plain)
    return re.sub(r"\s+", " ", plain).strip()


@lru_cache(maxsize=4096)
def _said_text(text: str) -> str:
    """What a report says about its incident: without personal data (``_incident_text``)
    and without what it names only to deny ("bukan asap ..., tapi suara" is about a sound:
    the smoke must not make it a duplicate of a report about smoke), nor an earlier
    incident it thanks for as repaired before "now" (``_EARLIER_FIXED``)."""
    text = _DENIED.sub(" ", _without_earlier_fixed(_incident_text(text)))
    return _CONTRAST_PLACE.sub(" ", _OTHER_INCIDENT.sub(" ", text))


#: "... sudah dilebarin, makasih. skrg yg parah RW 7", "Terima kasih trotoar depan SD sudah
#: dibenahi. Tapi sekarang trotoar di depan pasar ...": a report that thanks for an earlier
#: incident repaired and then turns to "now" is about what follows; the repaired one's
#: place and object are left out of what it says (the set Z and AA round).
_NOW = re.compile(r"(?i)\b(?:(?:tapi|tetapi|namun|tp|cuma|hanya)\s+)?(?:sekarang|skrg|skg|kini)\b")
_THANKS = re.compile(
    r"(?i)\b(?:terima\s*kasih|makasih|makasi|matur\s+nuwun|trims|thanks|alhamdulillah|"
    r"alhamdulilah|syukur(?:lah)?)\b"
)
_DONE_WORD = re.compile(r"(?i)\b(?:sudah|sdh|udah|udh|dah|telah|wis|wes)\b")


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def _without_earlier_fixed(text: str) -> str:
    m = _NOW.search(text)
    if m is not None and m.start() > 0:
        before = text[: m.start()]
        if _THANKS.search(before) and _DONE_WORD.search(before):
            return text[m.start() :]
    # a sentence thanking for something done ("Yang dekat makam sudah menyala lagi setelah
    # diperbaiki, terima kasih.") among others that report
    sentences = _SENTENCE_END.split(text)
    if len(sentences) > 1:
        kept = [x for x in sentences if not (_THANKS.search(x) and _DONE_WORD.search(x))]
        if kept and len(kept) < len(sentences):
            return " ".join(kept)
    return text


def _told_other(text: str) -> bool:
    """Whether a report says it is about another incident than one it names."""
    return bool(_OTHER_INCIDENT.search(_incident_text(text)))


def _kinds(text: str) -> frozenset[str]:
    words = normalise(text).replace("rumah sakit", "rumahsakit").split()
    return frozenset(_KIND_WORDS[w] for w in words if w in _KIND_WORDS)


def _conflict(a: Iterable, b: Iterable) -> float:
    """1 if each of the two names something the other does not."""
    sa, sb = set(a), set(b)
    return float(bool(sa - sb) and bool(sb - sa))


def _strip_streets(text: str) -> str:
    """``text`` without the names of streets written "Jl. Name" / "Jalan Name" (a street
    name is where, not what: "Jalan Pelita" does not make a report about a road)."""

    def sub(m: re.Match) -> str:
        first = normalise(m.group(1)).split()[:1]
        return m.group(0) if first and first[0] in lexicon().words else " "

    return _STREET.sub(sub, text)


def _near(text: str) -> set[str]:
    # Normalised ("dpn" -> "depan") and as written ("TPI" is a fish market, not "tapi").
    both = normalise(text) + " . " + " ".join(re.findall(r"[a-z0-9]+", fold(text)))
    return {
        _NEAR_KIND.get(m.group(g), m.group(g))
        for m in _NEAR.finditer(both)
        for g in (2, 3)
        if m.group(g)
    }


#: The side of a nameless spot a report is on: in front of it or behind it ("saluran
#: belakang pasar" / "saluran depan pasar" are two drains of one market). Only these two
#: sides: "dekat", "samping" say nothing of which.
_FRONT_BACK = {"depan": "depan", "ngarep": "depan", "belakang": "belakang", "mburi": "belakang"}


def _spot_sides(text: str) -> frozenset[str]:
    """``sisi~kind|depan`` or ``|belakang`` for each nameless spot ``_near`` reads after a
    word of front or back: compared like a size (``Details.sizes``: one side named in one
    report only says nothing; the set AI round)."""
    return frozenset(
        f"sisi~{_NEAR_KIND.get(m.group(2), m.group(2))}|{_FRONT_BACK[m.group(1)]}"
        for m in _NEAR.finditer(normalise(text))
        if m.group(1) in _FRONT_BACK
    )


_NOT_STREET = frozenset(
    "kel kelurahan kec kecamatan rt rw gg gang no nomor kota pekalongan dekat depan samping "
    "belakang ujung sebelah di dan".split()
)
#: Words of street names that do not tell two streets apart.
_STREET_GENERIC = frozenset("jalan jl jln raya jend jenderal dr kh h ir letjen mayjen".split())


def _number_words(low: str) -> str:
    """Place numbers written as words or roman numerals as digits: "gang limo" -> "gang 5"."""

    def sub(m: re.Match) -> str:
        word = m.group(2)
        value = _NUMBER_WORDS.get(word) or _ROMAN.get(word)
        if word in _ROMAN and m.group(1) not in ("kelas", "sd", "sdn", "smp", "smpn", "negeri"):
            return m.group(0)
        return f"{m.group(1)} {value}"

    return _PLACE_NUMBER_WORD.sub(sub, low)


#: The reporter and a count of others ("saya dan 12 teman di-PHK"): the count of persons is
#: one more (13 workers, as another report of one lay-off writes) (the set AM round).
_WITH_OTHERS = re.compile(
    r"\b(?:saya|sy|aku)\s+(?:dan|&|bersama|sama|beserta)\s+(\d{1,4})\s+"
    r"(teman|temen|rekan|kawan|orang|karyawan|pekerja|buruh|warga|tetangga)\b"
)


def _amounts(low: str) -> set[int]:
    """Amounts and counts named in lower-case text (``fold``) without its place numbers:
    "300rb", "tiga ratus ribu" and "Rp300.000" are all 300000; years are left out."""
    out: set[int] = set()
    low = _WITH_OTHERS.sub(lambda m: f"{int(m.group(1)) + 1} {m.group(2)}", low)
    for m in _AMOUNT.finditer(low):
        digits, scale = m.group(1), m.group(2)
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
            value = float(digits.replace(".", "").replace(",", ""))
        else:
            try:
                value = float(digits.replace(",", "."))
            except ValueError:
                continue
        if scale:
            value *= _SCALES.get(scale, 1000)
        if scale is None and 1900 <= value <= 2100:
            continue
        out.add(int(value))
    words = re.findall(r"[a-z0-9]+", low)
    i = 0
    while i < len(words):
        if words[i] not in _NUMBER_WORDS:
            i += 1
            continue
        total, current = 0, _NUMBER_WORDS[words[i]]
        i += 1
        while i < len(words):
            w = words[i]
            if w == "belas":
                current += 10
            elif w in ("puluh", "ratus"):
                current *= _SCALES[w]
            elif w in ("ribu", "juta", "rb", "jt"):
                total += current * _SCALES[w]
                current = 0
            elif w in _NUMBER_WORDS and _NUMBER_WORDS[w] < 10 and current % 10 == 0:
                current += _NUMBER_WORDS[w]
            else:
                break
            i += 1
        out.add(total + current)
    return out


@dataclass(frozen=True)
class Details:
    """What a report says about where and how much: each kind compared on its own."""

    rt: frozenset[str]
    rw: frozenset[str]
    gang: frozenset[str]
    streets: frozenset[str]  # name words ("sriwijaya", "urip", "sumoharjo")
    landmarks: frozenset[str]  # gazetteer landmarks and the kinds after "depan", "dekat"
    numbers: frozenset[str]
    amounts: frozenset[int]
    old_names: frozenset[str]
    people: frozenset[str] = frozenset()  # named persons ("person|darto"), see ``_PERSON``
    dates: frozenset[str] = frozenset()  # calendar dates ("day|7", "month|11"), see ``_dates``
    documents: frozenset[str] = frozenset()  # kinds of document ("lahir"), see ``_DOCUMENT``
    facilities: frozenset[str] = frozenset()  # "puskesmas|klego", see ``_FACILITY``
    ongoing: bool = False  # says its problem has lasted until now, see ``_ONGOING``
    labels: frozenset[str] = frozenset()  # "posyandu|mawar", "loket#|3", see ``_labels``
    words: frozenset[str] = frozenset()  # its words cut to six letters (``_labels_conflict``)
    # "pompa|kecil", see ``_SIZED``; "posyandu|lansia", "jenjang|smp" (the set AH round)
    sizes: frozenset[str] = frozenset()
    reached: frozenset[str] = frozenset()  # states said reached ("sudah cair"), ``_states``
    not_reached: frozenset[str] = frozenset()  # and not ("belum cair")
    names: frozenset[str] = frozenset()  # ``_name_key`` of its capitalised words
    kelurahan: frozenset[str] = frozenset()  # codes of the kelurahan it names by name
    recurred: bool = False  # tells of its fault come back, see ``_recurred``
    again: bool = False  # says a word of return ("lagi", "kembali"), see ``_AGAIN``


def _gang_key(m: re.Match) -> str:
    first, number = m.group(1), m.group(2)
    if first.isdigit():
        return f"|{first.lstrip('0') or '0'}"
    return f"{first}|{number.lstrip('0') or '0' if number else ''}"


def _gang_agree(a: Iterable[str], b: Iterable[str]) -> tuple[float, float]:
    """(same, different) for gangs: by number when both have one ("gang Gamer 3" / "gang
    Gamer 5" differ, "gang Kenanga 3" / "gang 3" agree), else by name ("gang Mawar" /
    "gang Melati" differ); a name against a bare number says nothing."""
    same = diff = False
    for x in a:
        nx, ux = x.split("|")
        for y in b:
            ny, uy = y.split("|")
            if ux and uy:
                same, diff = same or ux == uy, diff or ux != uy
            elif nx and ny:
                same, diff = same or nx == ny, diff or nx != ny
    return (1.0, 0.0) if same else (0.0, float(diff))


#: A gang that ends its sentence or clause ("di ujung gang. Ikan mati"): the next word is
#: no name of it; marked with a word ``_GANG`` does not read as a name before normalisation
#: drops the punctuation (the set AL round). Not "Gg." (an abbreviation before its name).
_GANG_AT_END = re.compile(r"(?i)\bgang(?=\s*[.,;:!?](?:\s|$))|\bgg(?=\s*[,;:!?](?:\s|$))")
#: A gang's roman number, read before normalisation folds "III" (a held-down letter) to "i".
_GANG_ROMAN = re.compile(r"\b(gang|gg)(\.?\s*(?:[a-z]+\s+)?)(i{1,3}|iv|vi{0,3}|ix|x)\b")


def _details(text: str, gazetteer: Gazetteer) -> Details:
    plain = normalise(text)  # the reading of a fault come back (``_recurred``)
    low = _number_words(
        normalise(
            _GANG_ROMAN.sub(
                lambda m: f"{m.group(1)}{m.group(2)}{_ROMAN[m.group(3)]}",
                _GANG_AT_END.sub(lambda m: m.group(0) + " itu", fold(text)),
            )
        )
    )
    rt = frozenset(m.group(2).lstrip("0") for m in _RT.finditer(low) if m.group(1) == "rt")
    rw = frozenset(m.group(2).lstrip("0") for m in _RT.finditer(low) if m.group(1) == "rw")
    for m in _RT_RANGE.finditer(text.lower()):
        first, last = int(m.group(2)), int(m.group(3))
        if 0 < last - first <= 12:
            run = frozenset(str(n) for n in range(first, last + 1))
            if m.group(1) == "rt":
                rt |= run
            else:
                rw |= run
    gang = frozenset(_gang_key(m) for m in _GANG.finditer(low))
    streets, landmarks = gazetteer.details_by_kind(text)
    street_words = {w for s in streets for w in normalise(s).split() if w not in _STREET_GENERIC}
    # A kelurahan named right after a street's own name is where the street lies, not a word
    # of its name ("Jl. Anggrek Poncol" / "Jl. Cempaka Poncol" are two streets); a street
    # called after a kelurahan keeps it ("Jl. Tirto Raya") (the set AL round).
    areas = {
        w for p in gazetteer.matches(text) if p.kind in ("kelurahan", "alias")
        for w in p.surface.split()
    }  # fmt: skip
    for m in _STREET.finditer(text):
        named = False
        for word in normalise(m.group(1)).split():
            if word in _NOT_STREET or (named and word in areas):
                break
            if word not in _STREET_GENERIC:
                street_words.add(word)
                named = True
    street_words.update(
        m.group(1) for m in _STREET_ABBR.finditer(low) if m.group(1) not in _NOT_STREET
    )
    numbers = (
        frozenset(
            f"{_NUMBER_KIND.get(m.group(1), m.group(1))}|{m.group(2).lstrip('0') or '0'}"
            for m in _NUMBER.finditer(low)
        )
        | frozenset(f"blok|{m.group(1)}" for m in _BLOCK_LETTER.finditer(low))
        | _sides(low)
    )
    # Amounts are read from the text as written ("Rp750.000", "1,5 juta") without its
    # RT/RW, gang and place numbers.
    # "Gg. 3", "no. 17": a dot after a word is not part of a number; "gorong2" is
    # "gorong-gorong", not an amount of 2.
    rest = re.sub(r"(?<=[a-z])\.|(?<=[a-z]{2})2\b", " ", rt_rw(fold(text)))
    dates = _dates(rest)
    rest = _without_dates(rest).replace("/", " ")
    rest = _number_words(_CLOCK.sub(" ", rest))
    rest = _GANG.sub(" ", _RT.sub(" ", _NUMBER.sub(" ", _ROMAN_RT_RAW.sub(r"\1 \2", rest))))
    reached, not_reached = _states(text)
    places = _place_words(text, gazetteer)
    return Details(
        rt=rt,
        rw=rw,
        gang=gang,
        streets=frozenset(street_words),
        landmarks=frozenset(landmarks) | frozenset(f"~{k}" for k in _near(text)),
        numbers=numbers,
        amounts=frozenset(_amounts(rest)),
        old_names=frozenset(_old_names(text, gazetteer)),
        people=frozenset(
            _person_key(m.group(1), m.group(2))
            for m in _PERSON.finditer(text)
            if m.group(1).lower() not in _NOT_PERSON
        )
        | frozenset(
            _person_key(m.group(1) or m.group(3), m.group(2) or m.group(4))
            for m in _PERSON_KIN.finditer(text)
            if (m.group(1) or m.group(3)).lower() not in _NOT_PERSON
            and not gazetteer.matches(m.group(1) or m.group(3))
        )
        | _self_people(rt_rw(fold(text)), text)
        | _lower_people(fold(text), places)
        | _id_people(text, places)
        | frozenset(_company_key(m.group(1)) for m in _COMPANY.finditer(text))
        | frozenset(f"los|{_STALL_KINDS[m.group(1)]}" for m in _STALL.finditer(low))
        | frozenset(
            f"{side}|{m.group(i)}"
            for m in _MOVE.finditer(low)
            for i, side in ((1, "pindah_dari"), (2, "pindah_ke"))
        ),
        ongoing=bool(_ONGOING.search(low)),
        dates=dates,
        documents=frozenset(
            _DOCUMENT_KINDS[m.group(1)]
            for m in _DOCUMENT.finditer(_DOCUMENT_DONE.sub(" ", _KK_HOUSEHOLD.sub(" ", low)))
        ),
        facilities=frozenset(
            f"puskesmas|{m.group(1).lower()[:6]}"
            if m.group(1)
            else f"kecamatan|{m.group(2).lower()}"
            for m in _FACILITY.finditer(text)
        ),
        labels=_labels(text, gazetteer, places),
        words=frozenset(w[:6] for w in normalise(text).split()),
        sizes=frozenset(
            f"{m.group(1).split()[-1]}|{_SIZE_WORD.get(m.group(2), m.group(2))}"
            for m in _SIZED.finditer(low)
        )
        | frozenset(f"posyandu|{m.group(1)}" for m in _POSYANDU_GROUP.finditer(low))
        | frozenset(
            f"jenjang|{_SCHOOL_LEVEL_KIND.get(m.group(1), m.group(1))}"
            for m in _SCHOOL_LEVEL.finditer(low)
        )
        | _spot_sides(text)
        | frozenset(
            f"guru|{_TEACHER_KIND.get(m.group(1), m.group(1))}" for m in _TEACHER.finditer(low)
        )
        | frozenset(
            f"objek|{_TAX_OBJECT_KIND.get(m.group(1), m.group(1))}"
            for m in _TAX_OBJECT.finditer(low)
        ),
        reached=reached,
        not_reached=not_reached,
        names=_names(text, places),
        # current names only: the pre-2015 names are compared on their own (``old_names``),
        # and some of them are placed in other merged kelurahan by other writers
        kelurahan=frozenset(
            m.area for m in gazetteer.matches(text) if m.area and m.kind == "kelurahan"
        ),
        recurred=_recurred(plain),
        again=bool(_AGAIN.search(plain)),
    )


#: The side of a place a report names ("sisi timur", "ujung barat", "Bandengan timur"): two
#: sides are two spots (the east pump / the west pump). Not a kecamatan ("Pekalongan
#: Timur") nor a kelurahan ("Panjang Wetan": only the Indonesian words after a name).
_SIDE_WORDS = {
    "timur": "timur", "barat": "barat", "utara": "utara", "selatan": "selatan",
    "wetan": "timur", "kulon": "barat", "lor": "utara", "kidul": "selatan",
}  # fmt: skip
_SIDE = re.compile(
    r"\b(?:sisi|bagian|ujung|wilayah|sebelah)\s+(timur|barat|utara|selatan|wetan|kulon|lor|kidul)\b"
    r"|\b(?!pekalongan\b|kecamatan\b|jawa\b|angin\b|musim\b|arah\b|ke\b)[a-z]{3,}\s+(timur|barat)\b"
)


def _sides(low: str) -> frozenset[str]:
    return frozenset(f"side|{_SIDE_WORDS[m.group(1) or m.group(2)]}" for m in _SIDE.finditer(low))


def _old_names(text: str, gazetteer: Gazetteer) -> set[str]:
    """The pre-2015 kelurahan names in ``text`` (several of them now form one kelurahan)."""
    return {m.surface.replace(" ", "") for m in gazetteer.matches(text) if m.kind == "alias"}


def _without_places(text: str, gazetteer: Gazetteer) -> str:
    """``text`` normalised, without the kelurahan, pre-2015 names, landmarks and streets it
    names, and without RT/RW numbers."""
    words = normalise(text).split()
    drop: set[int] = set()
    for m in gazetteer.matches(text):
        drop.update(range(m.position, m.position + len(m.surface.split())))
    for i, w in enumerate(words):
        if w in ("rt", "rw") and i + 1 < len(words) and words[i + 1].isdigit():
            drop.update((i, i + 1))
    return " ".join(w for i, w in enumerate(words) if i not in drop)


#: Function words left out of the concept cosine (they say nothing about the incident).
_STOP = frozenset(
    "di ke dari yang dan atau ini itu sudah belum ada saya kami kita warga mohon tolong "
    "untuk dengan karena sejak sampai juga pak bu min admin terima kasih sangat sekali banget "
    "jadi akan bisa lagi masih hari minggu bulan tahun pagi malam siang sore kemarin".split()
)


def _agree(a: Iterable, b: Iterable) -> tuple[float, float]:
    """(same, different): 1 if both name the detail and share a value / share none."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0, 0.0
    return (1.0, 0.0) if sa & sb else (0.0, 1.0)


#: Nameless schools of one level: "depan SD" and "depan SMP" are two places, "depan sekolah"
#: may be either.
_SCHOOL_SPOTS = frozenset({"~sd", "~smp", "~sma", "~tk"})


@lru_cache(maxsize=1024)
def _landmark_kinds(name: str) -> frozenset[str]:
    """The kinds of spot a named landmark is ("Pasar Banjarsari" -> pasar)."""
    return frozenset(_NEAR_KIND.get(w, w) for w in normalise(name).split())


def _landmark_agree(a: Iterable[str], b: Iterable[str]) -> tuple[float, float]:
    """``_agree`` for landmarks, where a nameless "sekolah" matches a school of any level."""
    sa, sb = set(a), set(b)
    # A named landmark is also a spot of its kind: "dekat pelabuhan" may be the "Pelabuhan
    # Perikanan Nusantara" the other report names, "depan pasar" its "Pasar Banjarsari".
    for one, other in ((sa, sb), (sb, sa)):
        spots = {x for x in other if x.startswith("~")}
        if spots:
            one |= {s for s in spots for x in list(one) if not x.startswith("~")
                    and s[1:] in _landmark_kinds(x)}  # fmt: skip
    if "~sekolah" in sa and sb & _SCHOOL_SPOTS:
        sa |= sb & _SCHOOL_SPOTS
    if "~sekolah" in sb and sa & _SCHOOL_SPOTS:
        sb |= sa & _SCHOOL_SPOTS
    return _agree(sa, sb)


def _number_agree(a: Iterable[str], b: Iterable[str]) -> tuple[float, float]:
    """(same, different) for place numbers ("kind|number"), each kind on its own: a kind
    both reports number differently is another place whatever else agrees ("kelas 4 SD 1"
    / "kelas 4 SD 3"); numbers of two kinds ("SD 3" / "kelas 3") say nothing; a school
    numbered without its level ("Negeri 2") matches any school's number."""
    ka, kb = _by_kind(a), _by_kind(b)
    for one, other in ((ka, kb), (kb, ka)):
        if "sekolah" in one:
            for level in ("sd", "smp", "sma", "tk"):
                if level in other:
                    one.setdefault(level, set()).update(one["sekolah"])
    same = diff = False
    for kind in ka.keys() & kb.keys():
        if ka[kind] & kb[kind]:
            same = True
        else:
            diff = True
    return (0.0, 1.0) if diff else (float(same), 0.0)


def _by_kind(xs: Iterable[str]) -> dict[str, set[str]]:
    """{kind: values} of "kind|value" strings."""
    out: dict[str, set[str]] = {}
    for x in xs:
        kind, value = x.split("|")
        out.setdefault(kind, set()).add(value)
    return out


def _one_sided(a: Details, b: Details) -> int:
    """How many kinds of detail only one of the two reports names (a terse report against
    a detailed one); an RT and its RW are one detail ("RT 03 RW 05" is one address)."""
    kinds = ("gang", "streets", "landmarks", "numbers")
    rt_rw = bool(a.rt or a.rw) != bool(b.rt or b.rw)
    return rt_rw + sum(bool(getattr(a, k)) != bool(getattr(b, k)) for k in kinds)


# --------------------------------------------------------------------------- alignment

_PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe", "ber",
             "be", "ter", "te", "di", "ke", "se", "ng", "nge")  # fmt: skip
_WORD_SUFFIXES = ("nya", "lah", "kan", "an", "ne", "i", "e")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude Indonesian/Javanese stem (one suffix, one prefix, at least 4 letters left):
    "tersumbat" / "sumbat", "diangkut" / "angkut" (character trigrams catch the rest)."""
    for suffix in _WORD_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix) :]
    return word


def _trigrams(word: str) -> frozenset[str]:
    w = f"<{word}>"
    return frozenset(w[i : i + 3] for i in range(len(w) - 2))


@dataclass(frozen=True)
class AlignUnit:
    """One content unit of a report: a concept id or a word, with its words' stems and
    trigrams, weighed by idf (words the vocabulary does not know weigh as the rarest)."""

    key: str
    stems: frozenset[str]
    grams: tuple[frozenset[str], ...]
    weight: float


#: Words of the shorter report from which it counts as saying all it can (``short_len``): a
#: report of three words says less than one of twenty, however long the other is. Replaced
#: the length ratio of the two reports in the set L round: duplicates are as often one terse
#: and one long report as two of one length, so the ratio taught each author's habit.
SHORT_LEN_WORDS = 20

#: Words whose idf is below this share of the highest idf are too common to align on
#: ("jalan", "rusak", "air"): alignment is about the informative words.
ALIGN_MIN_IDF = 0.6
#: Similarity of two words' character trigrams (Dice) from which they count as one word.
ALIGN_TRIGRAM = 0.6


def _unit_matches(u: AlignUnit, keys: frozenset[str], stems: frozenset[str],
                  grams: Sequence[frozenset[str]]) -> bool:  # fmt: skip
    if u.key in keys or u.stems & stems:
        return True
    for g in u.grams:
        for h in grams:
            if 2 * len(g & h) >= ALIGN_TRIGRAM * (len(g) + len(h)):
                return True
    return False


def _alignment(ua: Sequence[AlignUnit], ub: Sequence[AlignUnit]) -> tuple[float, float]:
    """How far the content of two reports aligns: the idf-weighted share of a's informative
    units that have a match in b (same concept or word, same stem, or character trigrams
    alike), and of b's in a; (the lower, the higher). Two incidents at one place share the
    place and common words but fail to align their key words; a terse report aligns inside
    a detailed one (a high maximum)."""
    if not ua or not ub:
        return 0.0, 0.0
    shares = []
    for x, y in ((ua, ub), (ub, ua)):
        keys = frozenset(u.key for u in y)
        stems = frozenset(s for u in y for s in u.stems)
        grams = [g for u in y for g in u.grams]
        total = hit = 0.0
        for u in x:
            total += u.weight
            if _unit_matches(u, keys, stems, grams):
                hit += u.weight
        shares.append(hit / total if total else 0.0)
    return min(shares), max(shares)


def _token_keys(tokens: Sequence[tuple[str, tuple[str, ...]]]) -> frozenset[str]:
    """The concept ids and words of lexicon tokens, and the words' crude stems."""
    out = set()
    for key, _ in tokens:
        out.add(key)
        if not key.startswith("@"):
            out.add(_stem(key))
    return frozenset(out)


def _residuals(ta: _TextPart, tb: _TextPart) -> tuple[str, str]:
    """What each of two texts says that the other does not: the tokens of its place-less
    text whose concept, word or crude stem the other lacks, as words (function words left
    out). "Air PDAM ... tidak mengalir sejak Jumat" / "Air PDAM ... keruh kecoklatan sejak
    Jumat" leave "tidak mengalir" / "keruh kecoklatan"."""

    def rest(tokens: Sequence[tuple[str, tuple[str, ...]]], other: frozenset[str]) -> str:
        words: list[str] = []
        for key, phrase in tokens:
            if key in other or (not key.startswith("@") and _stem(key) in other):
                continue
            words.extend(w for w in phrase if w not in _STOP)
        return " ".join(words)

    return rest(ta.tokens, tb.token_keys), rest(tb.tokens, ta.token_keys)


# =========================================================================== the model


@dataclass(frozen=True)
class Prediction:
    category: str
    confidence: float
    top3: list[tuple[str, float]]
    report_type: str
    type_confidence: float
    kelurahan: str | None  # area code
    urgent: bool
    urgent_reasons: list[str] = field(default_factory=list)


def _softmax(z: np.ndarray, temperature: float | np.ndarray) -> np.ndarray:
    z = z / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


#: Texts whose own pair features a model keeps (``_TextParts``), packed: the duplicate
#: finder compares each new report with up to 400 recent open complaints of its
#: neighbourhood, mostly the same ones from one report to the next, and a busy service's
#: panels read a few thousand distinct texts over a day of verifying. Packed (pickled, then
#: zlib-compressed) a text takes about 5 KB of a worker, against ~30 KB as objects, and
#: unpacking it takes about a tenth of a millisecond, against one to two computing it. A
#: web worker must stay under 200 MB: 4,000 texts take ~20–23 MB.
TEXT_PARTS_CACHED = 4000


#: A lexicon token: a concept id or a word, and the words it stands for
#: (``Lexicon.tokens``).
Token = tuple[str, tuple[str, ...]]
#: One row of a TF-IDF block: its column indices and values (``_rows``, ``_stack``).
Row = tuple[np.ndarray, np.ndarray]


def _rows(m: sparse.csr_matrix) -> list[Row]:
    """Each row of ``m`` as (column indices, values), copied out of the block (``m[k]``
    makes a one-row matrix, about 60 µs; a duplicate search reads a hundred texts)."""
    ptr = m.indptr
    return [
        (m.indices[ptr[k] : ptr[k + 1]].copy(), m.data[ptr[k] : ptr[k + 1]].copy())
        for k in range(m.shape[0])
    ]


def _stack(rows: Sequence[Row], n_cols: int) -> sparse.csr_matrix:
    """The rows (``_rows``) as one matrix, as ``sparse.vstack`` of one-row matrices makes it."""
    indptr = np.zeros(len(rows) + 1, dtype=np.int32)
    np.cumsum([len(cols) for cols, _ in rows], out=indptr[1:])
    indices = np.concatenate([cols for cols, _ in rows]) if rows else np.zeros(0, np.int32)
    data = np.concatenate([vals for _, vals in rows]) if rows else np.zeros(0, np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), n_cols))


@dataclass(frozen=True)
class _TextPart:
    """What ``pair_features`` reads from one text alone (its rows and sets)."""

    gazetteer: Gazetteer
    w: Row  # word TF-IDF row
    c: Row  # character TF-IDF row
    mw: Row  # the same without place names
    mc: Row
    bag: tuple[dict[str, float], dict[str, float]]
    details: Details
    units: list[AlignUnit]
    time: str | None
    topics: tuple[frozenset[str], frozenset[str]]
    kinds: frozenset[str]
    kelurahan: str | None
    #: the place-less text as lexicon tokens (concept id or word, and the words it stands
    #: for), for ``_residuals``
    tokens: tuple[Token, ...] = ()
    token_keys: frozenset[str] = frozenset()  # their concept ids, words and stems


class _TextParts:
    """The pair features of recent texts (``TriageModel._text_parts``) by gazetteer and
    text, packed: the ``TEXT_PARTS_CACHED`` most recently used. Each call unpacks what it
    reads and lets it go afterwards. Kept as objects (as before 2026-12-01), 300 texts grew
    a worker by about twice their ~9 MB; packed, 4,000 take ~20 MB (docs/performance.md,
    "A slower machine, 2026-12-01"). Safe to share between threads. The packed bytes are
    this process's own: never read from elsewhere."""

    def __init__(self) -> None:
        self.packed: OrderedDict[tuple[int, str], tuple[Gazetteer, bytes]] = OrderedDict()
        self.lock = threading.Lock()
        #: How many texts were computed and unpacked since the process started (benches).
        self.computed = 0
        self.unpacked = 0

    def __len__(self) -> int:
        return len(self.packed)

    def clear(self) -> None:
        with self.lock:
            self.packed.clear()

    def get(self, texts: Iterable[str], gaz: Gazetteer) -> dict[str, _TextPart]:
        """The parts of those of ``texts`` that are kept for ``gaz``, unpacked."""
        key = id(gaz)
        blobs: dict[str, bytes] = {}
        with self.lock:
            for t in texts:
                kept = self.packed.get((key, t))
                if kept is not None and kept[0] is gaz:
                    self.packed.move_to_end((key, t))
                    blobs[t] = kept[1]
            self.unpacked += len(blobs)
        return {
            t: _TextPart(gaz, *pickle.loads(zlib.decompress(blob)))  # noqa: S301 - our own
            for t, blob in blobs.items()
        }

    def put(self, parts: Iterable[_TextPart], texts: Iterable[str], gaz: Gazetteer) -> None:
        """Keep ``parts``, just computed for ``texts`` (of ``gaz``), as the most recent."""
        key = id(gaz)
        packed = [
            ((key, t), zlib.compress(pickle.dumps(_field_values(part)[1:], 5), 1))
            for t, part in zip(texts, parts, strict=True)  # all fields but the gazetteer
        ]
        with self.lock:
            self.computed += len(packed)
            for k, blob in packed:
                self.packed[k] = (gaz, blob)
                self.packed.move_to_end(k)
            while len(self.packed) > TEXT_PARTS_CACHED:
                self.packed.popitem(last=False)


def _field_values(part: _TextPart) -> tuple[Any, ...]:
    """``part``'s fields in their order, not copied (``dataclasses.astuple`` copies deeply)."""
    return tuple(getattr(part, f.name) for f in fields(part))


@dataclass
class TriageModel:
    featuriser: Featuriser
    categories: tuple[str, ...]
    cat_coef: np.ndarray  # (n_features, n_categories) float32
    cat_intercept: np.ndarray
    cat_temperature: float
    types: tuple[str, ...]
    type_coef: np.ndarray
    type_intercept: np.ndarray
    type_temperature: float
    pair_coef: np.ndarray
    pair_intercept: float
    pair_threshold: float
    meta: dict
    gazetteer: Gazetteer | None = None
    #: Word topic vectors (n_word_features, k), float32: a truncated SVD of the corpus's word
    #: TF-IDF summed per seed issue (``training.fit_topics``). Words that the corpus uses for
    #: one kind of incident ("bolong" / "lubang", "padam" / "gelap") point the same way, so
    #: two reports in other words still have a high ``cos_topic``. None: the feature is 0.
    topic_vectors: np.ndarray | None = None
    #: The category classifier the duplicate scorer reads (``cat_agree`` and the other
    #: category features), fitted without ``training.CATEGORY_ONLY_LESSONS``: those
    #: lessons teach the suggested category only and leave the duplicate scorer as it was.
    #: None: the duplicate scorer reads ``cat_coef``.
    pair_cat_coef: np.ndarray | None = None
    pair_cat_intercept: np.ndarray | None = None
    pair_cat_temperature: float = 1.0
    _parts: _TextParts = field(default_factory=_TextParts, repr=False, compare=False)

    # -- prediction ----------------------------------------------------------------------

    def category_probabilities(
        self, X: sparse.csr_matrix, n_words: Sequence[int] | None = None
    ) -> np.ndarray:
        """Category probabilities; ``n_words`` (words per text) softens those of texts too
        short to say much ("air", "halo"), which a linear model scores too confidently."""
        t: float | np.ndarray = self.cat_temperature
        if n_words is not None:
            t = t * np.array([[1.0 + max(0, SHORT_TEXT_WORDS - n) / 2] for n in n_words])
        return _softmax(np.asarray(X @ self.cat_coef) + self.cat_intercept, t)

    def pair_category_probabilities(self, X: sparse.csr_matrix) -> np.ndarray:
        """Category probabilities as the duplicate scorer reads them (``pair_cat_coef``)."""
        if self.pair_cat_coef is None or self.pair_cat_intercept is None:
            return self.category_probabilities(X)
        return _softmax(
            np.asarray(X @ self.pair_cat_coef) + self.pair_cat_intercept,
            self.pair_cat_temperature,
        )

    def type_probabilities(self, X: sparse.csr_matrix) -> np.ndarray:
        return _softmax(np.asarray(X @ self.type_coef) + self.type_intercept, self.type_temperature)

    def predict(
        self, texts: Sequence[str], *, gazetteer: Gazetteer | None = None
    ) -> list[Prediction]:
        if not texts:
            return []
        gaz = gazetteer or self.gazetteer or default_gazetteer()
        X = self.featuriser.transform(texts)
        cat_p = self.category_probabilities(X, [len(normalise(t).split()) for t in texts])
        type_p = self.type_probabilities(X)
        out = []
        for i, text in enumerate(texts):
            order = np.argsort(-cat_p[i], kind="stable")[:3]
            top3 = [(self.categories[j], round(float(cat_p[i, j]), 4)) for j in order]
            t = int(np.argmax(type_p[i]))
            reasons = urgency_reasons(text)
            out.append(
                Prediction(
                    category=top3[0][0],
                    confidence=top3[0][1],
                    top3=top3,
                    report_type=self.types[t],
                    type_confidence=round(float(type_p[i, t]), 4),
                    kelurahan=gaz.kelurahan(text),
                    urgent=bool(reasons),
                    urgent_reasons=reasons,
                )
            )
        return out

    # -- duplicates ----------------------------------------------------------------------

    def pair_features(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        kelurahan: Sequence[tuple[str | None, str | None]] | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> np.ndarray:
        """One row of ``PAIR_FEATURES`` per (a, b); ``kelurahan`` gives the known kelurahan
        codes of a and b when the caller has them (else they are read from the texts)."""
        gaz = gazetteer or self.gazetteer or default_gazetteer()
        if not pairs:
            return np.zeros((0, len(PAIR_FEATURES)))
        # What each text says alone is read once per distinct text (find_duplicates pairs
        # one new report with every candidate).
        raw = dict.fromkeys(t for pair in pairs for t in pair)
        told = {t: _told_other(t) for t in raw}
        told_other = [told[a] or told[b] for a, b in pairs]
        # a fault come back read before a sentence thanking for its fix is left out
        recurred = {t: _recurred(normalise(_incident_text(t))) for t in raw}
        told_recurred = [(recurred[a], recurred[b]) for a, b in pairs]
        # identifiers are read before the personal data leave the texts (a NIK is both)
        tickets = {t: _tickets(t) for t in raw}
        identifiers = {t: _identifiers(t) for t in raw}
        ids = [
            (1.0, 0.0)
            if tickets[a] & tickets[b]
            else _identifier_agree(identifiers[a], identifiers[b])
            for a, b in pairs
        ]
        said = {t: _said_text(t) for t in raw}
        pairs = [(said[a], said[b]) for a, b in pairs]
        a_texts = [a for a, _ in pairs]
        b_texts = [b for _, b in pairs]
        # Each distinct text is featurised once: find_duplicates compares one new report
        # with many candidates.
        texts = list(dict.fromkeys([*a_texts, *b_texts]))
        index = {t: i for i, t in enumerate(texts)}
        ia = np.array([index[t] for t in a_texts])
        ib = np.array([index[t] for t in b_texts])
        parts = self._text_parts(texts, gaz)
        n_words, n_chars = len(self.featuriser.word_vocab), len(self.featuriser.char_vocab)
        w = _stack([p.w for p in parts], n_words)
        c = _stack([p.c for p in parts], n_chars)
        mw = _stack([p.mw for p in parts], n_words)
        mc = _stack([p.mc for p in parts], n_chars)
        cos_w = np.asarray(mw[ia].multiply(mw[ib]).sum(axis=1)).ravel()
        cos_c = np.asarray(mc[ia].multiply(mc[ib]).sum(axis=1)).ravel()
        cos_t = self._topic_cosines(mw, ia, ib)
        X = sparse.hstack([w, c * self.featuriser.config.char_weight], format="csr")
        probs = self.pair_category_probabilities(X)
        top = probs.argmax(axis=1)
        by_text = dict(zip(texts, parts, strict=True))
        resid_topic, resid_both = self._residual_topics(
            [_residuals(by_text[a], by_text[b]) for a, b in pairs]
        )
        rows = []
        for i, (a, b) in enumerate(pairs):
            ta, tb = by_text[a], by_text[b]
            da, db = ta.details, tb.details
            cos_k, contain = _bag_similarity(ta.bag[0], tb.bag[0])
            cos_content, _ = _bag_similarity(ta.bag[1], tb.bag[1])
            if kelurahan is not None:
                ka, kb = kelurahan[i]
            else:
                ka, kb = None, None
            ka = ka or ta.kelurahan
            kb = kb or tb.kelurahan
            kel_same, kel_diff = _agree({ka} - {None}, {kb} - {None})
            # Two pre-2015 kelurahan (now one): two neighbourhoods. A feature of its own since
            # the sets L and M round: as ``kel_diff`` it taught that weight from the pair sets'
            # old names, and the weight then also pushed away a report filed in a neighbouring
            # kelurahan (the candidate search looks there on purpose).
            # And since the set AE round, two kelurahan each report names by name (current or
            # pre-2015), none in both ("TPS di Medono" / "TPS di Podosugih"): the texts say
            # where, which a kelurahan filed or read from a street does not.
            old_name_conflict = float(
                bool(da.old_names and db.old_names and not da.old_names & db.old_names)
                or bool(da.kelurahan and db.kelurahan and not da.kelurahan & db.kelurahan)
            )
            if old_name_conflict:
                kel_same = 0.0
            (oa, pa), (ob, pb) = ta.topics, tb.topics
            core_a, core_b = oa - _CONTEXT_OBJECTS, ob - _CONTEXT_OBJECTS
            rt_same, rt_diff = _agree(da.rt, db.rt)
            rw_same, rw_diff = _agree(da.rw, db.rw)
            rt = (max(rt_same, rw_same) * (1.0 - max(rt_diff, rw_diff)), max(rt_diff, rw_diff))
            # a named person counts as a place number of its own kind, and so does a calendar
            # date
            # (not the dates when both say their problem has lasted until now)
            ongoing = da.ongoing and db.ongoing
            people_a, people_b = _people_agree(da, db)
            num_same, num_diff = _number_agree(
                da.numbers | people_a | (frozenset() if ongoing else da.dates),
                db.numbers | people_b | (frozenset() if ongoing else db.dates),
            )
            # and two kinds of document (a birth / a death certificate) are two requests like
            # two house numbers; one kind named in both is no match (many requests are for a
            # birth certificate)
            if da.documents and db.documents and not da.documents & db.documents:
                num_same, num_diff = 0.0, 1.0
            # and so do two named facilities of one kind (two puskesmas; the same one named
            # in both is no match)
            if _number_agree(da.facilities, db.facilities)[1]:
                num_same, num_diff = 0.0, 1.0
            # and so do two labels of one kind of thing ("Posyandu Mawar" / "Posyandu
            # Melati", "loket 3" / "loket 5") and a state one says reached and the other not
            # ("sudah cair" / "belum cair"): read from the structure of the text, not from a
            # list of kinds (the set V round); so is a fault one report tells come back after
            # a fix, the other without a word of return: two occurrences (the set AF and AG
            # round)
            if (
                _labels_conflict(da, db)
                or _state_conflict(da, db)
                or _recurrence_conflict(da, db, told_recurred[i])
            ):
                num_same, num_diff = 0.0, 1.0
            # two sizes of one kind of thing ("pompa besar" / "pompa kecil"): two things; one
            # size named in both is no match (the set Z and AA round)
            if _number_agree(da.sizes, db.sizes)[1]:
                num_same, num_diff = 0.0, 1.0
            # one of them says it is about another incident than one it names
            if told_other[i]:
                num_same, num_diff = 0.0, 1.0
            # two identifiers of one kind (two NIKs, two tax object numbers) are two cases
            # like two house numbers (the set X round)
            # and the same one written in both is one case: a state or label read from the
            # words ("sudah bayar" / "tercatat belum bayar") does not make it two
            id_same, id_diff = ids[i]
            if id_diff:
                num_same, num_diff = 0.0, 1.0
            elif id_same:
                num_same, num_diff = 1.0, 0.0
            place = [
                _agree(da.streets, db.streets),
                _landmark_agree(da.landmarks, db.landmarks),
                _gang_agree(da.gang, db.gang),
                rt,
                (num_same, num_diff),
            ]
            # One differing detail is another place, whatever else agrees ("Jl. Sriwijaya
            # depan apotek" / "Jl. Sriwijaya depan masjid").
            conflict = max(d for _, d in place)
            match = max(s for s, _ in place) * (1.0 - conflict)
            ka_, kb_ = ta.kinds, tb.kinds
            rows.append(
                [
                    cos_w[i],
                    cos_c[i],
                    cos_k,
                    cos_content,
                    contain,
                    # Bhattacharyya coefficient: tolerant of a confident classifier that
                    # splits one incident written in two registers between two categories.
                    float(np.sqrt(probs[ia[i]] * probs[ib[i]]).sum()),
                    float(top[ia[i]] == top[ib[i]]),
                    *_agree(oa, ob),
                    *_agree(pa, pb),
                    kel_same,
                    kel_diff,
                    *(v for pair in place for v in pair),
                    *_agree(da.amounts, db.amounts),
                    match,
                    conflict,
                    float(bool(ka_ & kb_)),
                    _conflict(ka_, kb_),
                    _conflict(oa, ob),
                    _conflict(pa, pb),
                    _one_sided(da, db) / 3.0,
                    # how much the shorter report says (not whether the two are as long:
                    # a terse report of an incident and a long one are one incident)
                    min(1.0, min(len(a.split()), len(b.split())) / SHORT_LEN_WORDS),
                    # each names a thing the report is about that the other does not (a dog
                    # against a snake, the teacher's pay against the roof)
                    _conflict(core_a, core_b),
                    # one thing, two problems (a street light off / leaning)
                    float(bool(oa & ob) and bool(pa) and bool(pb) and not pa & pb),
                    # one problem, two things (a gang's road / another gang's road)
                    float(bool(pa & pb) and _conflict(core_a, core_b) > 0),
                    # a problem only one of them names, where both name the thing
                    float(bool(oa & ob) and bool(pa) != bool(pb)),
                    # how far the content words of the two reports align, in the direction
                    # where they align best (the lower direction is mostly how much longer
                    # one report is: dropped in the set L round)
                    _alignment(ta.units, tb.units)[1],
                    # one report of a past incident, one of an incident happening now (or
                    # of a coming one, since the set AI round)
                    float(ta.time is not None and tb.time is not None and ta.time != tb.time),
                    # the two place-less texts in the corpus's topic space
                    cos_t[i],
                    old_name_conflict,
                    # what each report says that the other does not, compared in the topic
                    # space: two tellings of one incident differ in words for one matter
                    # ("netes" / "bocor"), two incidents in what the matter is (water cut
                    # off / turbid, the floor / the cables of one bridge)
                    resid_topic[i],
                    resid_both[i],
                    # the same long identifier (a NIK, a tax object number, a customer
                    # number) written in both: one case, whatever the words
                    id_same,
                ]
            )
        return np.asarray(rows, dtype=np.float64)

    def _text_parts(self, texts: list[str], gaz: Gazetteer) -> list[_TextPart]:
        """Each text's own features, from the cache or computed (the new ones in one batch)
        and kept for the next calls (``_TextParts``)."""
        found = self._parts.get(texts, gaz)
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            w, c = self.featuriser.blocks(missing)
            # The texts are compared without their place names: two reports from one
            # kelurahan share its name whatever they are about; places count through their
            # own features.
            placeless = [_without_places(t, gaz) for t in missing]
            mw, mc = self.featuriser.blocks(placeless)
            rows = zip(_rows(w), _rows(c), _rows(mw), _rows(mc), strict=True)
            for t, n, (w_k, c_k, mw_k, mc_k) in zip(missing, placeless, rows, strict=True):
                tokens = tuple(lexicon().tokens(n))
                found[t] = _TextPart(
                    gazetteer=gaz,
                    w=w_k,
                    c=c_k,
                    mw=mw_k,
                    mc=mc_k,
                    bag=self._concept_bag(tokens),
                    details=_details(t, gaz),
                    units=self._align_units(tokens),
                    time=_time_kind(t),
                    # Concepts of the text without its place names (a street called "Jalan
                    # Pelita" or "Gang Mawar" is not a report about a road).
                    topics=concepts(_without_places(_strip_streets(t), gaz)),
                    kinds=_kinds(t),
                    kelurahan=gaz.kelurahan(t),
                    tokens=tokens,
                    token_keys=_token_keys(tokens),
                )
        self._parts.put([found[t] for t in missing], missing, gaz)
        return [found[t] for t in texts]

    def _residual_topics(
        self, residuals: Sequence[tuple[str, str]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each pair of residuals (``_residuals``): the topic cosine of what each says
        that the other does not, when both say something the other does not (else 0), and
        whether both do."""
        n = len(residuals)
        topic = np.zeros(n)
        both = np.zeros(n)
        if self.topic_vectors is None or not n:
            return topic, both
        texts = list(dict.fromkeys(t for pair in residuals for t in pair if t))
        if not texts:
            return topic, both
        index = {t: i for i, t in enumerate(texts)}
        Z = np.asarray(
            self.featuriser.word_rows(texts) @ self.topic_vectors.astype(np.float32, copy=False),
            dtype=np.float64,
        )
        norms = np.linalg.norm(Z, axis=1)
        for i, (ra, rb) in enumerate(residuals):
            if not ra or not rb:
                continue
            x, y = index[ra], index[rb]
            if norms[x] < 1e-9 or norms[y] < 1e-9:
                continue
            both[i] = 1.0
            topic[i] = float(Z[x] @ Z[y]) / (norms[x] * norms[y])
        return topic, both

    def _topic_cosines(self, mw: sparse.csr_matrix, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        """Cosine of each pair's place-less word TF-IDF rows projected on ``topic_vectors``."""
        if self.topic_vectors is None or mw.shape[0] == 0:
            return np.zeros(len(ia))
        Z = np.asarray(mw @ self.topic_vectors.astype(np.float32, copy=False), dtype=np.float64)
        Z /= np.maximum(np.linalg.norm(Z, axis=1, keepdims=True), 1e-9)
        return np.einsum("ij,ij->i", Z[ia], Z[ib])

    def _concept_bag(self, tokens: Sequence[Token]) -> tuple[dict[str, float], dict[str, float]]:
        """A text without its place names (``_without_places``), as its lexicon ``tokens``,
        as a bag of words in which the phrases of ``data/concepts.toml`` became their
        concept ids: "pungli" and "ditarik uang" are one token. Words weigh by their idf;
        concept ids by the highest idf. Also the bag of its content words as written (where
        "anjing" and "ular" still differ)."""
        vocab, idf = self.featuriser.word_vocab, self.featuriser.word_idf
        top = float(idf.max()) if len(idf) else 1.0
        out: dict[str, float] = {}
        words: dict[str, float] = {}
        for w, phrase in tokens:
            if w.startswith("@"):
                out[w] = top
            elif w in vocab and w not in _STOP:
                out[w] = float(idf[vocab[w]])
            for x in phrase:
                if x in vocab and x not in _STOP:
                    words[x] = float(idf[vocab[x]])
        return out, words

    def _align_units(self, tokens: Sequence[Token]) -> list[AlignUnit]:
        """The content units of a text without its place names (``_without_places``), from
        its lexicon ``tokens``, for ``_alignment``: concept ids of the lexicon and the other
        words, without function words, numbers and words the vocabulary counts as common."""
        vocab, idf = self.featuriser.word_vocab, self.featuriser.word_idf
        top = float(idf.max()) if len(idf) else 1.0
        out: list[AlignUnit] = []
        seen: set[str] = set()
        for key, phrase in tokens:
            words = [w for w in phrase if w not in _STOP and not w.isdigit() and len(w) > 2]
            if key in seen or not words:
                continue
            weight = max(float(idf[vocab[w]]) if w in vocab else top for w in words)
            if weight < ALIGN_MIN_IDF * top:
                continue
            seen.add(key)
            out.append(
                AlignUnit(
                    key=key,
                    stems=frozenset(_stem(w) for w in words),
                    grams=tuple(_trigrams(w) for w in words),
                    weight=weight,
                )
            )
        return out

    def pair_scores(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        kelurahan: Sequence[tuple[str | None, str | None]] | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> np.ndarray:
        """Probability that each (a, b) reports the same incident."""
        F = self.pair_features(pairs, kelurahan=kelurahan, gazetteer=gazetteer)
        if len(F) == 0:
            return np.zeros(0)
        z = F @ self.pair_coef + self.pair_intercept
        return 1.0 / (1.0 + np.exp(-z))

    # -- persistence ---------------------------------------------------------------------

    def save(self, path: Path = ARTEFACT_PATH) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fz = self.featuriser

        def vocab_bytes(vocab: dict[str, int]) -> np.ndarray:
            tokens = sorted(vocab, key=vocab.__getitem__)
            return np.frombuffer("\n".join(tokens).encode("utf-8"), dtype=np.uint8)

        header = {
            "format": FORMAT_VERSION,
            "config": {
                k: list(v) if isinstance(v, tuple) else v for k, v in fz.config.__dict__.items()
            },
            "categories": list(self.categories),
            "types": list(self.types),
            "cat_temperature": self.cat_temperature,
            "pair_cat_temperature": self.pair_cat_temperature,
            "type_temperature": self.type_temperature,
            "pair_intercept": self.pair_intercept,
            "pair_threshold": self.pair_threshold,
            "meta": self.meta,
        }
        arrays: dict[str, Any] = {}
        if self.topic_vectors is not None:
            arrays["topic_vectors"] = self.topic_vectors.astype(np.float16)
        if self.pair_cat_coef is not None and self.pair_cat_intercept is not None:
            arrays["pair_cat_coef"] = self.pair_cat_coef.astype(np.float32)
            arrays["pair_cat_intercept"] = self.pair_cat_intercept.astype(np.float32)
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                **arrays,
                header=np.frombuffer(json.dumps(header, sort_keys=True).encode(), dtype=np.uint8),
                word_vocab=vocab_bytes(fz.word_vocab),
                word_idf=fz.word_idf.astype(np.float32),
                char_vocab=vocab_bytes(fz.char_vocab),
                char_idf=fz.char_idf.astype(np.float32),
                cat_coef=self.cat_coef.astype(np.float32),
                cat_intercept=self.cat_intercept.astype(np.float32),
                type_coef=self.type_coef.astype(np.float32),
                type_intercept=self.type_intercept.astype(np.float32),
                pair_coef=self.pair_coef.astype(np.float64),
            )

    @classmethod
    def load(cls, path: Path = ARTEFACT_PATH) -> TriageModel:
        with np.load(path, allow_pickle=False) as z:
            header = json.loads(z["header"].tobytes().decode())
            if header.get("format") != FORMAT_VERSION:
                raise ValueError(
                    f"{path}: artefact format {header.get('format')}, expected "
                    f"{FORMAT_VERSION}; run `aduan triage train`."
                )

            def vocab(name: str) -> dict[str, int]:
                tokens = z[name].tobytes().decode("utf-8").split("\n")
                return {t: i for i, t in enumerate(tokens)}

            cfg: dict[str, Any] = {
                k: tuple(v) if isinstance(v, list) else v for k, v in header["config"].items()
            }
            config = Config(**cfg)
            featuriser = Featuriser(
                config,
                vocab("word_vocab"),
                z["word_idf"].astype(np.float64),
                vocab("char_vocab"),
                z["char_idf"].astype(np.float64),
            )
            return cls(
                featuriser=featuriser,
                categories=tuple(header["categories"]),
                cat_coef=z["cat_coef"],
                cat_intercept=z["cat_intercept"],
                cat_temperature=float(header["cat_temperature"]),
                types=tuple(header["types"]),
                type_coef=z["type_coef"],
                type_intercept=z["type_intercept"],
                type_temperature=float(header["type_temperature"]),
                pair_coef=z["pair_coef"],
                pair_intercept=float(header["pair_intercept"]),
                pair_threshold=float(header["pair_threshold"]),
                meta=header["meta"],
                topic_vectors=(
                    z["topic_vectors"].astype(np.float32) if "topic_vectors" in z.files else None
                ),
                pair_cat_coef=z["pair_cat_coef"] if "pair_cat_coef" in z.files else None,
                pair_cat_intercept=(
                    z["pair_cat_intercept"] if "pair_cat_intercept" in z.files else None
                ),
                pair_cat_temperature=float(header.get("pair_cat_temperature", 1.0)),
            )


def _bag_similarity(ba: dict[str, float], bb: dict[str, float]) -> tuple[float, float]:
    """(cosine, containment) of two weighted bags; containment is the share of the smaller
    bag's weight found in the other (a terse report inside a detailed one)."""
    shared = [k for k in ba if k in bb]
    dot = sum(ba[k] * bb[k] for k in shared)
    na = math.sqrt(sum(v * v for v in ba.values()))
    nb = math.sqrt(sum(v * v for v in bb.values()))
    cos = dot / (na * nb) if na and nb else 0.0
    sa, sb = sum(ba.values()), sum(bb.values())
    contain = sum(ba[k] for k in shared) / min(sa, sb) if sa and sb else 0.0
    return cos, min(contain, 1.0)


# =========================================================================== loading once

_LOCK = threading.Lock()
_MODEL: TriageModel | None = None
_LOAD_SECONDS: float | None = None


def get_model() -> TriageModel:
    """The trained model, loaded from ``ARTEFACT_PATH`` once per process (thread-safe)."""
    global _MODEL, _LOAD_SECONDS
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                started = time.perf_counter()
                if not ARTEFACT_PATH.exists():
                    raise FileNotFoundError(
                        f"{ARTEFACT_PATH} is missing; build it with `aduan triage train`."
                    )
                _MODEL = TriageModel.load(ARTEFACT_PATH)
                _LOAD_SECONDS = time.perf_counter() - started
    return _MODEL


def reset_model() -> None:
    """Forget the loaded model (after training, in tests)."""
    global _MODEL
    with _LOCK:
        _MODEL = None


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def texts_digest(texts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for t in texts:
        h.update(fold(t).encode())
        h.update(b"\0")
    return h.hexdigest()[:16]
