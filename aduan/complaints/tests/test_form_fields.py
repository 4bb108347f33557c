"""``{% form_fields form %}`` gives the same markup, whitespace included, as the template
loop it replaces: ``{% for field in form %}{% include "_field.html" %}{% endfor %}``."""

from __future__ import annotations

import pytest
from django.template import engines
from django.utils.datastructures import MultiValueDict

from aduan.complaints import forms
from aduan.complaints.views import ACTION_FORMS, NEEDS_JURISDICTION
from aduan.lib import forms as lib_forms
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
            yield cls(data, MultiValueDict(), prefix=action, **kwargs)
    # radio buttons, hidden inputs, help texts
    yield forms.ComplaintForm(jurisdiction=jurisdiction, data=data)
    yield forms.RespondForm(data=data)
    yield forms.AddInfoForm(data=data)
    yield PublicationForm(data=data)
    yield forms.TrackForm(data=data)
    yield forms.InboxFilterForm(data=data)


@pytest.mark.parametrize("bound", [False, True], ids=["unbound", "with-errors"])
def test_the_fields_render_as_the_template_does(pekalongan, bound):
    data = {"dispose-note": "<b>&</b>", "refer-note_to_citizen": 'x"y'} if bound else None
    seen = 0
    for form in every_form(pekalongan, data):
        if bound:
            form.is_valid()
        assert form_fields_html(form) == by_template(form), type(form).__name__
        seen += 1
    assert seen == len(ACTION_FORMS) + 6


TRICKY = 'a\'b "c" & <d> 0'


@pytest.mark.parametrize("bound", [False, True], ids=["unbound", "bound"])
def test_the_python_widgets_render_as_their_jinja2_templates(pekalongan, bound, monkeypatch):
    data = None
    if bound:
        # every field of every form the same awkward text (and dates, numbers where needed)
        data = _Everything()
    with_python = [form_fields_html(f) for f in every_form(pekalongan, data)]
    monkeypatch.setattr(lib_forms, "PYTHON_WIDGETS", {})
    with_jinja2 = [form_fields_html(f) for f in every_form(pekalongan, data)]
    assert with_python == with_jinja2
    assert any("<textarea" in html for html in with_python)
    assert any('type="hidden"' in html for html in with_python)
    if bound:
        assert any("a&#39;b &#34;c&#34; &amp; &lt;d&gt; 0" in html for html in with_python)


class _Everything(dict):
    """Form data that has ``TRICKY`` for any key."""

    def get(self, key, default=None):
        return TRICKY

    def __getitem__(self, key):
        return TRICKY

    def __contains__(self, key):
        return True

    def getlist(self, key):
        return [TRICKY]
