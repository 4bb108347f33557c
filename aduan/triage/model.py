"""The triage model: features, training, the saved artefact and prediction.

Features (``Featuriser``): the text is normalised (``text.normalise``); word unigrams and
bigrams plus three flags (question mark, exclamation, mostly capitals), and character
n-grams of 2 to 5 inside word boundaries; each block TF-IDF weighted (sublinear tf, smoothed
idf) and L2-normalised. Category and report type are linear one-vs-rest SVMs on those
features (scikit-learn's LinearSVC, at training time only; chosen over logistic regression
by measurement, see docs/triage.md), their scores turned into probabilities by a softmax
with a temperature fitted on out-of-fold predictions (phrasings held out by group), so that
"confidence" means what it says on text the model has not seen.

The duplicate scorer is a small logistic regression over pair features: cosine of the word
and character vectors, agreement of the category distributions, and whether the two texts
name the same or different RT/RW, street, landmark, gang and kelurahan, and the concepts of
``data/concepts.toml`` they share (``concepts.py``: the same object, the same problem, in
any words: "pungli" / "ditarik uang").

The artefact is one ``.npz`` file of plain arrays (vocabularies as UTF-8 text, weights as
float32), no pickled code: loading it is ``numpy.load(allow_pickle=False)``, it does not
depend on the scikit-learn version, and prediction needs only numpy and scipy.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from aduan.triage.concepts import concepts, lexicon
from aduan.triage.places import Gazetteer, default_gazetteer
from aduan.triage.rules import urgency_reasons
from aduan.triage.text import fold, normalise

ARTEFACT_DIR = Path(__file__).resolve().parent / "artefacts"
ARTEFACT_PATH = ARTEFACT_DIR / "triage.npz"
FORMAT_VERSION = 2

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


def _block(docs: Sequence[list[int]], n_cols: int, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF-IDF rows, L2-normalised, from each document's column indices."""
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for cols_of_doc in docs:
        counts = Counter(cols_of_doc)
        if counts:
            cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            vals = (1.0 + np.log(tf)) * idf[cols]
            norm = math.sqrt(float(vals @ vals))
            if norm > 0:
                vals /= norm
            indices.extend(cols.tolist())
            data.extend(vals.tolist())
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32), indptr),
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

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        w, c = self.blocks(texts)
        if self.config.char_weight != 1.0:
            c = c * self.config.char_weight
        return sparse.hstack([w, c], format="csr")


# =========================================================================== pair features

_RT = re.compile(r"\b(rt|rw)\s*0*(\d{1,3})\b")
_GANG = re.compile(r"\b(?:gang|gg)\s+([a-z0-9]+)")
_NUMBER = re.compile(r"\b(?:no|nomor|blok|sdn|smpn|sman|smkn|negeri)\s*0*(\d{1,3}|[a-z])\b")

PAIR_FEATURES = (
    "cos_word", "cos_char", "cat_agree", "rt_same", "rt_diff", "place_same",
    "place_diff", "kel_same", "kel_diff", "num_same", "num_diff", "len_ratio",
    "concept_overlap", "cos_concept",
)  # fmt: skip


#: Numbers written as words after "gang", "RT", "RW", "no" ("gang tiga", "rt siji").
_NUMBER_WORDS = {
    "satu": "1", "siji": "1", "dua": "2", "tiga": "3", "telu": "3", "empat": "4", "papat": "4",
    "lima": "5", "limo": "5", "enam": "6", "enem": "6", "tujuh": "7", "pitu": "7",
    "delapan": "8", "wolu": "8", "sembilan": "9", "songo": "9", "sepuluh": "10",
}  # fmt: skip
_NUMBER_WORD = re.compile(r"\b(gang|gg|rt|rw|no|nomor|blok)\s+(" + "|".join(_NUMBER_WORDS) + r")\b")
#: A street written with "Jl."/"Jln." (any case) or "Jalan" and a capitalised name, for streets
#: the gazetteer does not list ("Jl. Tirto Raya" against "Gg. Kenanga").
_STREET = re.compile(r"\b(?:[Jj][Ll][Nn]?\.?|Jalan)\s+((?:[A-Z][A-Za-z]*\.?\s*){1,3})")


#: A nameless landmark after "depan", "dekat"...: "depan SD" and "depan TPI" are two places.
_NEAR_KIND = {
    "sd": "sekolah", "sdn": "sekolah", "smp": "sekolah", "smpn": "sekolah", "sma": "sekolah",
    "sman": "sekolah", "smk": "sekolah", "smkn": "sekolah", "tk": "sekolah", "paud": "sekolah",
    "sekolahan": "sekolah", "mushola": "musala", "musholla": "musala", "langgar": "musala",
    "surau": "musala", "alfamart": "minimarket", "indomaret": "minimarket", "pom": "spbu",
    "kuburan": "makam", "tpu": "makam", "pemakaman": "makam",
}  # fmt: skip
_NEAR = re.compile(
    r"\b(depan|dekat|samping|belakang|sebelah|seberang|ngarep|cedhak|mburi)\s+("
    r"sd|sdn|smp|smpn|sma|sman|smk|smkn|tk|paud|sekolah|sekolahan|tpi|tps|pasar|masjid|musala|"
    r"mushola|musholla|langgar|surau|gereja|puskesmas|balai|toko|warung|minimarket|alfamart|"
    r"indomaret|apotek|bank|lapangan|makam|kuburan|tpu|pemakaman|stasiun|terminal|jembatan|"
    r"pabrik|pom|spbu|pantai|pelabuhan|kantor|gapura|pos)\b"
)


def _near(text: str) -> set[str]:
    # Normalised ("dpn" -> "depan") and as written ("TPI" is a fish market, not "tapi").
    both = normalise(text) + " . " + " ".join(re.findall(r"[a-z0-9]+", fold(text)))
    return {_NEAR_KIND.get(m.group(2), m.group(2)) for m in _NEAR.finditer(both)}


_NOT_STREET = frozenset(
    "kel kelurahan kec kecamatan rt rw gg gang no nomor kota pekalongan dekat depan samping "
    "belakang ujung sebelah di dan".split()
)


def _details(text: str, gazetteer: Gazetteer) -> tuple[set[str], set[str], set[str]]:
    low = _NUMBER_WORD.sub(lambda m: f"{m.group(1)} {_NUMBER_WORDS[m.group(2)]}", normalise(text))
    rts = {f"{m.group(1)}{int(m.group(2))}" for m in _RT.finditer(low)}
    places = {f"gang {m.group(1)}" for m in _GANG.finditer(low)} | gazetteer.details(text)
    for m in _STREET.finditer(text):
        name: list[str] = []
        for word in normalise(m.group(1)).split():
            if word in _NOT_STREET:
                break
            name.append(word)
        if name:
            places.add("jalan " + " ".join(name))
    numbers = {m.group(1).lstrip("0") for m in _NUMBER.finditer(low)}
    return rts, places, numbers


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


def _agree(a: set[str], b: set[str]) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    return (1.0, 0.0) if a & b else (0.0, 1.0)


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
        a_texts = [a for a, _ in pairs]
        b_texts = [b for _, b in pairs]
        wa, ca = self.featuriser.blocks(a_texts)
        wb, cb = self.featuriser.blocks(b_texts)
        # The texts are compared without their place names: two reports from one kelurahan
        # share its name whatever they are about; places count through their own features.
        ma, mca = self.featuriser.blocks([_without_places(t, gaz) for t in a_texts])
        mb, mcb = self.featuriser.blocks([_without_places(t, gaz) for t in b_texts])
        cos_w = np.asarray(ma.multiply(mb).sum(axis=1)).ravel()
        cos_c = np.asarray(mca.multiply(mcb).sum(axis=1)).ravel()
        cos_k = self._concept_cosines(a_texts, b_texts, gaz)
        Xa = sparse.hstack([wa, ca * self.featuriser.config.char_weight], format="csr")
        Xb = sparse.hstack([wb, cb * self.featuriser.config.char_weight], format="csr")
        pa = self.category_probabilities(Xa)
        pb = self.category_probabilities(Xb)
        rows = []
        for i, (a, b) in enumerate(pairs):
            rta, pla, numa = _details(a, gaz)
            rtb, plb, numb = _details(b, gaz)
            if kelurahan is not None:
                ka, kb = kelurahan[i]
            else:
                ka, kb = None, None
            ka = ka or gaz.kelurahan(a)
            kb = kb or gaz.kelurahan(b)
            kel_same, kel_diff = _agree({ka} if ka else set(), {kb} if kb else set())
            rt_same, rt_diff = _agree(rta, rtb)
            pl_same, pl_diff = _agree(pla, plb)
            near_same, near_diff = _agree(_near(a), _near(b))
            old_a, old_b = _old_names(a, gaz), _old_names(b, gaz)
            if near_diff or (old_a and old_b and not old_a & old_b):
                # the same street, but in front of another building; or two pre-2015
                # kelurahan (now one): two neighbourhoods
                pl_same, pl_diff = 0.0, 1.0
            elif near_same and not pl_diff:
                pl_same = 1.0
            num_same, num_diff = _agree(numa, numb)
            alla, allb = frozenset().union(*concepts(a)), frozenset().union(*concepts(b))
            overlap = len(alla & allb) / min(len(alla), len(allb)) if alla and allb else 0.0
            la, lb = len(a), len(b)
            rows.append(
                [
                    cos_w[i],
                    cos_c[i],
                    float(pa[i] @ pb[i]),
                    rt_same,
                    rt_diff,
                    pl_same,
                    pl_diff,
                    kel_same,
                    kel_diff,
                    num_same,
                    num_diff,
                    min(la, lb) / max(la, lb, 1),
                    overlap,
                    cos_k[i],
                ]
            )
        return np.asarray(rows, dtype=np.float64)

    def _concept_cosines(
        self, a_texts: Sequence[str], b_texts: Sequence[str], gaz: Gazetteer
    ) -> list[float]:
        """Cosine of the two texts (without place names) as bags of words in which the
        phrases of ``data/concepts.toml`` became their concept ids: "pungli" and "ditarik
        uang" are one token. Words weigh by their idf; concept ids by the highest idf."""
        vocab, idf = self.featuriser.word_vocab, self.featuriser.word_idf
        top = float(idf.max()) if len(idf) else 1.0
        lex = lexicon()

        def bag(text: str) -> dict[str, float]:
            out: dict[str, float] = {}
            for w in lex.canonical(_without_places(text, gaz)):
                if w.startswith("@"):
                    out[w] = top
                elif w in vocab and w not in _STOP:
                    out[w] = float(idf[vocab[w]])
            return out

        result = []
        for a, b in zip(a_texts, b_texts, strict=True):
            ba, bb = bag(a), bag(b)
            dot = sum(v * bb[k] for k, v in ba.items() if k in bb)
            na = math.sqrt(sum(v * v for v in ba.values()))
            nb = math.sqrt(sum(v * v for v in bb.values()))
            result.append(dot / (na * nb) if na and nb else 0.0)
        return result

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
            "type_temperature": self.type_temperature,
            "pair_intercept": self.pair_intercept,
            "pair_threshold": self.pair_threshold,
            "meta": self.meta,
        }
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
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
            )


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
