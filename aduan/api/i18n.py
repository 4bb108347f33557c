"""The language of API responses: Bahasa Indonesia unless ``Accept-Language`` prefers English.

The web pages ignore Accept-Language (see ``aduan.lib.middleware``); an API client, though,
says what it wants, so the API honours the header. Messages written in the code come in
pairs (Indonesian, English), like the services' ``"… / …"`` messages.
"""

from __future__ import annotations

from django.utils import translation

DEFAULT = "id"
SUPPORTED = ("id", "en")


def language_from_header(header: str) -> str:
    """The supported language the header prefers most (``id`` when none is acceptable)."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")[:20]):
        tag, _sep, params = part.strip().partition(";")
        tag = tag.strip().lower()
        quality = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0 or not tag:
            continue
        primary = tag.split("-")[0]
        if primary == "in":  # the old ISO code of Bahasa Indonesia
            primary = "id"
        if primary in SUPPORTED:
            choices.append((-quality, position, primary))
    return min(choices)[2] if choices else DEFAULT


def is_english() -> bool:
    return (translation.get_language() or DEFAULT).startswith("en")


def pick(indonesian: str, english: str) -> str:
    """The message in the active language."""
    return english if is_english() else indonesian


def localise(message: str) -> str:
    """One half of a bilingual ``"Indonesian / English"`` message from the services."""
    indonesian, sep, english = str(message).rpartition(" / ")
    if not sep:
        return str(message)
    return english.strip() if is_english() else indonesian.strip()
