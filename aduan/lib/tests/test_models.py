"""``ChoiceDisplayMixin``: the same labels as Django's ``get_FOO_display``, built once."""

from __future__ import annotations

import pytest
from django.db import models
from django.db.models.base import Model
from django.utils import translation

from aduan.complaints.choices import ComplaintStatus, EventKind
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.lib.models import choice_labels


def django_display(instance: models.Model, name: str) -> str:
    """What Django's own ``_get_FIELD_display`` returns."""
    return Model._get_FIELD_display(instance, instance._meta.get_field(name))


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_status_and_event_kind_reads_as_django_reads_it(language):
    with translation.override(language):
        for value in [*ComplaintStatus.values, "bukan-status"]:
            complaint = Complaint(status=value)
            assert complaint.get_status_display() == django_display(complaint, "status")
        for value in EventKind.values:
            event = ComplaintEvent(kind=value)
            assert event.get_kind_display() == django_display(event, "kind")


def test_the_label_follows_the_active_language():
    complaint = Complaint(status=ComplaintStatus.SELESAI)
    with translation.override("id"):
        indonesian = complaint.get_status_display()
    with translation.override("en"):
        english = complaint.get_status_display()
    assert (indonesian, english) == ("Selesai", "Resolved")


def test_choices_given_anew_or_as_a_callable_are_read_afresh():
    field: models.CharField = models.CharField(choices=[("a", "A")])
    assert choice_labels(field) == {"a": "A"}
    assert choice_labels(field) is choice_labels(field)  # kept
    field.choices = [("a", "Satu"), ("b", "Dua")]
    assert choice_labels(field) == {"a": "Satu", "b": "Dua"}

    options = [("x", "X")]
    dynamic: models.CharField = models.CharField(choices=lambda: list(options))
    assert choice_labels(dynamic) == {"x": "X"}
    options.append(("y", "Y"))
    assert choice_labels(dynamic) == {"x": "X", "y": "Y"}
