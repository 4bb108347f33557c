"""The concept layer of the duplicate scorer: complaint words and phrases -> concept ids.

Two reports of one incident are often written in different words: "pungli" and "ditarik
uang", "PJU padam" and "lampu jalan tidak menyala", "jalan berlubang" and "jeglongan". Word
and character n-grams cannot see that; ``data/concepts.toml`` lists such synonyms and
paraphrases, as *objects* (the thing the report is about: a street light, a drain, the KK, an
officer) and *problems* (what is wrong: off, blocked, extortion, not collected).
``concepts(text)`` returns both sets; ``model.pair_features`` compares them.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from aduan.triage.text import DATA_DIR, normalise

CONCEPTS_PATH = DATA_DIR / "concepts.toml"
_SUFFIXES = ("nya", "ne", "e")
_MAX_PHRASE = 5


class Lexicon:
    """Phrase (tuple of normalised words) -> concept ids, matched longest first."""

    def __init__(self, groups: dict[str, dict[str, Any]]) -> None:
        self.phrases: dict[tuple[str, ...], set[tuple[str, str]]] = {}
        for kind in ("objects", "problems"):
            for concept, phrases in sorted(groups.get(kind, {}).items()):
                for phrase in phrases:
                    words = tuple(normalise(phrase).split())
                    if not words or len(words) > _MAX_PHRASE:
                        raise ValueError(f"concepts.toml: bad phrase {phrase!r} in {concept}")
                    self.phrases.setdefault(words, set()).add((kind, concept))
        #: Phrases that name no concept although a shorter phrase inside them does ("tiga
        #: kali" is not a river, "naik becak" not a price rise): matched like the others,
        #: longest first, and kept as plain words.
        self.neutral: frozenset[tuple[str, ...]] = frozenset(
            tuple(normalise(p).split()) for p in groups.get("neutral", {}).get("phrases", [])
        )
        self.words = {w for p in (*self.phrases, *self.neutral) for w in p}
        self.objects = frozenset(groups.get("objects", {}))
        self.problems = frozenset(groups.get("problems", {}))
        #: problem -> the problems of its related groups (itself included)
        self.related: dict[str, frozenset[str]] = {}
        for group in groups.get("related", {}).get("groups", []):
            unknown = set(group) - self.problems
            if unknown:
                raise ValueError(f"concepts.toml: unknown related problems {sorted(unknown)}")
            for problem in group:
                self.related[problem] = self.related.get(problem, frozenset()) | set(group)

        #: (object, problem) -> the problems it causes (``[effects]``: a traffic light that
        #: is off causes chaos at the junction; a report of the cause and one of the effect
        #: name one incident).
        self.effects: dict[tuple[str, str], frozenset[str]] = {}
        for cause, effects in groups.get("effects", {}).items():
            obj, _, problem = cause.partition(".")
            unknown = ({obj} - self.objects) | (({problem, *effects}) - self.problems)
            if unknown:
                raise ValueError(f"concepts.toml: unknown concepts in effects {sorted(unknown)}")
            self.effects[(obj, problem)] = frozenset(effects)

    def _token(self, word: str) -> str:
        if word in self.words:
            return word
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and word[: -len(suffix)] in self.words:
                return word[: -len(suffix)]
        return word

    def canonical(self, norm: str) -> list[str]:
        """The words of normalised text ``norm``, each phrase of the lexicon replaced by its
        concept ids (``"@pungli"``), other words kept as they are."""
        return [t for t, _ in self.tokens(norm)]

    def tokens(self, norm: str) -> list[tuple[str, tuple[str, ...]]]:
        """``canonical`` with, for each token, the words it stands for (a concept id stands
        for the words of the phrase: "anjing" and "ular" are both ``@hewan``)."""
        words = [self._token(w) for w in norm.split()]
        out: list[tuple[str, tuple[str, ...]]] = []
        i = 0
        while i < len(words):
            for n in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
                phrase = tuple(words[i : i + n])
                if n > 1 and phrase in self.neutral:
                    out.extend((w, (w,)) for w in phrase)
                    i += n
                    break
                hits = self.phrases.get(phrase)
                if hits:
                    out.extend((f"@{concept}", phrase) for concept in sorted(c for _, c in hits))
                    i += n
                    break
            else:
                out.append((words[i], (words[i],)))
                i += 1
        return out

    def concepts(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """(objects, problems) named in ``text``; the problems with their related ones
        (``[related]``: "mati" for water also counts as "not flowing")."""
        ids = {w[1:] for w in self.canonical(normalise(text)) if w.startswith("@")}
        problems = set(ids & self.problems)
        objects = ids & self.objects
        for obj in objects:
            for p in list(problems):
                problems |= self.effects.get((obj, p), frozenset())
        for p in list(problems):
            problems |= self.related.get(p, frozenset())
        return frozenset(objects), frozenset(problems)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with CONCEPTS_PATH.open("rb") as fh:
        return Lexicon(tomllib.load(fh))


@lru_cache(maxsize=8192)
def concepts(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The (objects, problems) concept ids named in ``text`` (see ``data/concepts.toml``)."""
    return lexicon().concepts(text)
