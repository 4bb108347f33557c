"""``Complaint.public_search``: the published text in lower case, for the public search."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from aduan.complaints.models import Complaint
from aduan.transparency import publish
from aduan.transparency.tests.conftest import LEAKY

pytestmark = pytest.mark.django_db


def test_the_intake_stores_the_masked_text(submit):
    complaint = submit(description=LEAKY).complaint
    complaint.refresh_from_db()
    assert complaint.public_search == publish.public_text(complaint).lower()
    assert "aminah" not in complaint.public_search and "3375" not in complaint.public_search


def test_workflow_saves_leave_it_alone(submit, flow):
    complaint = submit(description=LEAKY).complaint
    before = Complaint.objects.get(pk=complaint.pk).public_search
    flow.dispose(complaint)
    assert Complaint.objects.get(pk=complaint.pk).public_search == before


def test_the_migration_fills_existing_rows(submit, flow):
    plain = submit(description=LEAKY).complaint
    spam = flow.archive(submit(description="Iklan pinjaman online cepat cair, hubungi.").complaint)
    Complaint.objects.update(public_search="")
    migration = importlib.import_module(
        "aduan.complaints.migrations.0007_publication_and_public_support"
    )
    migration.fill_public_search(apps, None)
    plain.refresh_from_db()
    spam.refresh_from_db()
    assert plain.public_search == publish.public_text(plain).lower()
    assert spam.public_search == ""
