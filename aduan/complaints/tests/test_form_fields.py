"""``{% form_fields form %}`` gives the same markup, whitespace included, as the template
loop it replaces: ``{% for field in form %}{% include "_field.html" %}{% endfor %}``."""

from __future__ import annotations

import pytest
from django.template import engines

from aduan.complaints import forms
from aduan.complaints.views import ACTION_FORMS, NEEDS_JURISDICTION
from aduan.lib.forms import form_fields_html
from aduan.transparency.forms import PublicationForm

pytestmark = pytest.mark.django_db

LOOP = '{% for field in form %}{% include "_field.html" %}{% endfor %}'


def by_template(form) -> str:
    return engines["django"].from_string(LOOP).render({"form": form})


def every_form(jurisdiction, data=None):
    for action, cls in ACTION_FORMS.items():
        kwargs = {"jurisdiction": jurisdiction} if action in NEEDS_JURISDICTION else {}
        if data is None:
            yield cls(prefix=action, **kwargs)
        else:
            yield cls(data, {}, prefix=action, **kwargs)
    # radio buttons, hidden inputs, help texts
    yield forms.ComplaintForm(jurisdiction=jurisdiction, data=data)
    yield forms.RespondForm(data=data)
    yield forms.AddInfoForm(data=data)
    yield PublicationForm(data=data)


@pytest.mark.parametrize("bound", [False, True], ids=["unbound", "with-errors"])
def test_the_fields_render_as_the_template_does(pekalongan, bound):
    data = {"dispose-note": "<b>&</b>", "refer-note_to_citizen": 'x"y'} if bound else None
    seen = 0
    for form in every_form(pekalongan, data):
        if bound:
            form.is_valid()
        assert form_fields_html(form) == by_template(form), type(form).__name__
        seen += 1
    assert seen == len(ACTION_FORMS) + 4
