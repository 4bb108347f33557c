"""The action forms' unit and category lists: rendered from the cached option lists, the
same choices the fields validate against."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from aduan.complaints.forms import ComplaintForm, DisposeForm, ReferForm
from aduan.organisation.models import Category, Unit

pytestmark = pytest.mark.django_db


def options(html: str, name: str) -> list[tuple[str, str, bool]]:
    """(value, label, selected) of each option of the ``<select name=name>`` in ``html``."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, html
    found = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select.group(1))
    return [(value, htmllib.unescape(label), bool(selected)) for value, selected, label in found]


def choices(html: str, name: str) -> dict[str, str]:
    return {value: label for value, label, _ in options(html, name) if value}


def test_the_lists_offer_what_the_fields_accept_and_mark_the_initial_choice(pekalongan):
    unit = Unit.objects.get(jurisdiction=pekalongan, code="dpupr")
    form = DisposeForm(jurisdiction=pekalongan, initial={"unit": unit.pk})
    html = str(form["unit"]) + str(form["category"])
    units = options(html, "unit")
    assert units[0] == ("", "---------", False)
    queryset = form.fields["unit"].queryset
    assert [(v, label) for v, label, _ in units[1:]] == [(str(u.pk), str(u)) for u in queryset]
    assert [v for v, _label, selected in units if selected] == [str(unit.pk)]
    active = Category.objects.filter(jurisdiction=pekalongan, is_active=True)
    assert list(choices(html, "category").items()) == [(str(c.pk), c.name) for c in active]
    tag = re.search(r'<select name="unit"[^>]*>', html)
    assert tag and " required" in tag.group(0) and 'id="id_unit"' in tag.group(0)


def test_a_unit_made_inactive_leaves_the_list_and_is_refused(pekalongan):
    unit = Unit.objects.get(jurisdiction=pekalongan, code="dpupr")
    assert str(unit.pk) in choices(str(DisposeForm(jurisdiction=pekalongan)["unit"]), "unit")
    unit.is_active = False
    unit.save()
    assert str(unit.pk) not in choices(str(DisposeForm(jurisdiction=pekalongan)["unit"]), "unit")
    form = DisposeForm({"unit": unit.pk}, jurisdiction=pekalongan)
    assert not form.is_valid() and "unit" in form.errors


def test_referral_lists_only_outside_bodies(pekalongan):
    body = Unit.objects.create(
        jurisdiction=pekalongan, code="bpn-x", name="Kantor Pertanahan X", kind="external"
    )
    listed = choices(str(ReferForm(jurisdiction=pekalongan)["body"]), "body")
    bodies = Unit.objects.filter(jurisdiction=pekalongan, kind="external", is_active=True)
    assert listed == {str(u.pk): str(u) for u in bodies}
    assert listed[str(body.pk)] == "Kantor Pertanahan X"


def test_the_citizens_form_offers_categories_by_code(pekalongan):
    form = ComplaintForm(jurisdiction=pekalongan, initial={"category": "jalan"})
    listed = options(str(form["category"]), "category")
    assert listed[0] == ("", "— Biarkan petugas memilih —", False)
    active = Category.objects.filter(jurisdiction=pekalongan, is_active=True)
    assert [(v, label) for v, label, _ in listed[1:]] == [(c.code, c.name) for c in active]
    assert [v for v, _label, selected in listed if selected] == ["jalan"]
    bound = ComplaintForm({"category": "jalan", "description": "x"}, jurisdiction=pekalongan)
    bound.is_valid()
    assert bound.cleaned_data["category"].code == "jalan"
