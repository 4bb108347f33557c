"""Model helpers shared by the apps."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


def choice_labels(field: models.Field) -> dict[Any, Any]:
    """``{value: label}`` of a field's choices, built once per field (labels stay lazy).

    Django's ``get_FOO_display`` rebuilds this dict on every call and hashes every lazy
    label while doing so (a translation lookup per choice): on a timeline of ten events with
    twenty event kinds, two hundred lookups to show ten labels. Choices given as a callable
    can change, so they are read afresh each time; so are choices assigned anew.
    """
    choices = field.choices
    cached = field.__dict__.get("_choice_labels")
    if cached is not None and cached[0] is choices:
        return cached[1]
    labels = {make_hashable(value): label for value, label in field.flatchoices}
    if not isinstance(choices, CallableChoiceIterator):
        field.__dict__["_choice_labels"] = (choices, labels)
    return labels


class ChoiceDisplayMixin:
    """``get_FOO_display()`` from :func:`choice_labels`: the same label, in the active
    language, without rebuilding the choices on every call. Put it before ``models.Model``."""

    def _get_FIELD_display(self, field: models.Field) -> Any:
        value = getattr(self, field.attname)
        label = choice_labels(field).get(make_hashable(value), value)
        return force_str(label, strings_only=True)
