"""The input rules of a new complaint over the API, once, in plain Python.

``serializers.ComplaintCreateInput`` is built from ``RULES`` (its fields, for the OpenAPI
schema and for multipart input) and validates with ``clean``; the asynchronous intake
(``apis.intake``) calls ``clean`` directly, without DRF. Both therefore answer the same
input with the same errors. The messages are DRF's own (translated by its catalogue), as
the serializer's fields gave them before, in the order the fields are declared.

``clean`` checks the shape of the input (types, lengths, choices, ranges); what a
submission must be to be accepted (a description of at least 15 characters, a contact for
a ``biasa`` report, a known category…) is the intake service's
(``complaints.services.submission_check``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.validators import ProhibitNullCharactersValidator
from rest_framework import fields as drf
from rest_framework.serializers import Serializer

from aduan.complaints.choices import Channel, Privacy, ReportType

#: A field left out of the input and without a default: absent from the cleaned values.
ABSENT: Any = drf.empty

_SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")
#: The first lone surrogate of a text (``ProhibitSurrogateCharactersValidator``'s range).
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_CHAR = drf.CharField.default_error_messages
_FIELD = drf.Field.default_error_messages
_CHOICE = drf.ChoiceField.default_error_messages
_FLOAT = drf.FloatField.default_error_messages
_SLUG_INVALID = drf.SlugField.default_error_messages["invalid"]
_NULL_CHARACTERS = ProhibitNullCharactersValidator.message
_SURROGATE = drf.ProhibitSurrogateCharactersValidator.message
_NOT_A_DICT = Serializer.default_error_messages["invalid"]


@dataclass(frozen=True)
class Rule:
    """One input field: ``kind`` is ``text``, ``slug``, ``choice`` or ``number``."""

    kind: str
    required: bool = False
    default: Any = ABSENT
    max_length: int | None = None
    allow_blank: bool = False
    allow_null: bool = False
    trim: bool = True
    choices: tuple[tuple[str, Any], ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    help_text: str = ""
    values: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", frozenset(value for value, _ in self.choices))


RULES: dict[str, Rule] = {
    "jurisdiction": Rule(
        "slug",
        max_length=60,
        help_text="Anonymous callers only: jurisdiction slug (default: the site's).",
    ),
    "channel": Rule(
        "choice",
        choices=tuple(Channel.choices),
        help_text="Tokens and staff only (default `api`); ignored for anonymous callers.",
    ),
    "report_type": Rule("choice", choices=tuple(ReportType.choices), default=ReportType.ADUAN),
    "title": Rule("text", allow_blank=True, max_length=200, default=""),
    "description": Rule(
        "text",
        required=True,
        trim=False,
        help_text=(
            f"What, where, since when: 15 to {settings.ADUAN_MAX_DESCRIPTION_CHARS} characters."
        ),
    ),
    "category": Rule("slug", allow_blank=True, max_length=60, help_text="Category code."),
    "area": Rule(
        "text",
        allow_blank=True,
        max_length=120,
        help_text="Kelurahan: its code, name or a known alias.",
    ),
    "address": Rule("text", allow_blank=True, max_length=300, default=""),
    "latitude": Rule("number", allow_null=True, minimum=-90, maximum=90, default=None),
    "longitude": Rule("number", allow_null=True, minimum=-180, maximum=180, default=None),
    "privacy": Rule(
        "choice",
        choices=tuple(Privacy.choices),
        default=Privacy.BIASA,
        help_text=(
            "`biasa`: identity seen by the handling unit; `anonim`: only by the verifiers; "
            "`rahasia`: the whole report is never published."
        ),
    ),
    "reporter_name": Rule("text", allow_blank=True, max_length=120, default=""),
    "reporter_phone": Rule("text", allow_blank=True, max_length=40, default=""),
    "reporter_email": Rule("text", allow_blank=True, max_length=254, default=""),
    "media_url": Rule(
        "text",
        allow_blank=True,
        max_length=500,
        default="",
        help_text="A link to a photo on the sending application's server.",
    ),
}


class _Invalid(Exception):  # noqa: N818 - internal: one field's messages
    def __init__(self, *messages: str) -> None:
        self.messages = list(messages)


def _is_form(data: Mapping[str, Any]) -> bool:
    return hasattr(data, "getlist")  # a QueryDict: multipart or form input


def _raw(name: str, rule: Rule, data: Mapping[str, Any]) -> Any:
    """The value as DRF's ``Field.get_value`` reads it (forms cannot send null)."""
    if not _is_form(data):
        return data.get(name, ABSENT)
    if name not in data:
        return ABSENT
    value = data[name]
    if value == "" and rule.allow_null:
        return "" if rule.allow_blank else None
    if value == "" and not rule.required:
        return "" if rule.allow_blank else ABSENT
    return value


def _text(rule: Rule, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Invalid(str(_CHAR["invalid"]))
    text = str(value)
    if rule.trim:
        text = text.strip()
    problems = []
    if rule.max_length is not None and len(text) > rule.max_length:
        problems.append(str(_CHAR["max_length"]).format(max_length=rule.max_length))
    if "\x00" in text:
        problems.append(str(_NULL_CHARACTERS))
    surrogate = _SURROGATES.search(text)
    if surrogate is not None:
        problems.append(str(_SURROGATE).format(code_point=ord(surrogate.group())))
    if rule.kind == "slug" and not _SLUG.match(text):
        problems.append(str(_SLUG_INVALID))
    if problems:
        raise _Invalid(*problems)
    return text


def _number(rule: Rule, value: Any) -> float:
    if isinstance(value, str) and len(value) > drf.FloatField.MAX_STRING_LENGTH:
        raise _Invalid(str(_FLOAT["max_string_length"]))
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _Invalid(str(_FLOAT["invalid"])) from None
    except OverflowError:
        raise _Invalid(str(_FLOAT["overflow"])) from None
    if not math.isfinite(number):
        raise _Invalid(str(_FLOAT["invalid"]))
    problems = []
    if rule.maximum is not None and number > rule.maximum:
        problems.append(str(_FLOAT["max_value"]).format(max_value=rule.maximum))
    if rule.minimum is not None and number < rule.minimum:
        problems.append(str(_FLOAT["min_value"]).format(min_value=rule.minimum))
    if problems:
        raise _Invalid(*problems)
    return number


def _value(rule: Rule, value: Any) -> Any:
    if rule.kind in ("text", "slug") and (
        value == "" or (rule.trim and value is not ABSENT and str(value).strip() == "")
    ):
        if not rule.allow_blank:
            raise _Invalid(str(_CHAR["blank"]))
        return ""
    if value is ABSENT:
        if rule.required:
            raise _Invalid(str(_FIELD["required"]))
        return rule.default
    if value is None:
        if not rule.allow_null:
            raise _Invalid(str(_FIELD["null"]))
        return None
    if rule.kind == "choice":
        if str(value) not in rule.values:
            raise _Invalid(str(_CHOICE["invalid_choice"]).format(input=value))
        return str(value)
    if rule.kind == "number":
        return _number(rule, value)
    return _text(rule, value)


def clean(data: Any) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The cleaned values of a submission's fields and the problems per field (empty when
    there are none); ``non_field_errors`` when ``data`` is not an object at all."""
    if data is None:  # a JSON ``null`` body, as DRF's serializer answers it
        return {}, {"non_field_errors": ["No data provided"]}
    if not isinstance(data, Mapping):
        return {}, {"non_field_errors": [str(_NOT_A_DICT).format(datatype=type(data).__name__)]}
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for name, rule in RULES.items():
        try:
            value = _value(rule, _raw(name, rule, data))
        except _Invalid as exc:
            errors[name] = exc.messages
            continue
        if value is not ABSENT:
            values[name] = value
    return values, errors


def serializer_fields() -> dict[str, drf.Field]:
    """The serializer's fields, made from ``RULES`` (the OpenAPI schema reads them)."""
    out: dict[str, drf.Field] = {}
    for name, rule in RULES.items():
        common: dict[str, Any] = {}
        if rule.default is not ABSENT:
            common["default"] = rule.default
        else:
            common["required"] = rule.required
        if rule.help_text:
            common["help_text"] = rule.help_text
        if rule.allow_null:
            common["allow_null"] = True
        if rule.kind == "choice":
            out[name] = drf.ChoiceField(choices=list(rule.choices), **common)
        elif rule.kind == "number":
            out[name] = drf.FloatField(min_value=rule.minimum, max_value=rule.maximum, **common)
        else:
            cls = drf.SlugField if rule.kind == "slug" else drf.CharField
            out[name] = cls(
                max_length=rule.max_length,
                allow_blank=rule.allow_blank,
                trim_whitespace=rule.trim,
                **common,
            )
    return out
