"""The form renderer: Django's widget templates through Jinja2, the rest as Django does.

A ``<select>`` of 80 units is 80 option templates; through the Django template engine they
were a fifth of the complaint page's time, through Django's own Jinja2 versions of the same
templates several times less. Widgets that have no Jinja2 template (the admin's) fall back
to Django's default form renderer.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class FormRenderer(Jinja2):
    @cached_property
    def _django(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return self._django.get_template(template_name)
