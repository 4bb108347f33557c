"""The form renderer: Django's widget templates through Jinja2, the rest as Django does.

A ``<select>`` of 80 units is 80 option templates; through the Django template engine they
were a fifth of the complaint page's time, through Django's own Jinja2 versions of the same
templates several times less. Widgets that have no Jinja2 template (the admin's) fall back
to Django's default form renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django import forms
from django.forms.renderers import DjangoTemplates, Jinja2
from django.forms.utils import flatatt
from django.template import TemplateDoesNotExist
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from markupsafe import escape

from aduan.lib.options import OptionList

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _attrs(attrs: dict[str, Any]) -> str:
    """Django's ``attrs.html`` (Jinja2): `` name="value"``, `` name`` for True, nothing for
    False."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict[str, Any]) -> str:
    """Django's ``input.html`` (Jinja2), which text, hidden, number, e-mail and the other
    plain inputs include."""
    value = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
    return (
        f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{value}'
        f"{_attrs(widget['attrs'])}>"
    )


def _textarea(widget: dict[str, Any]) -> str:
    """Django's ``textarea.html`` (Jinja2)."""
    value = escape(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'
    )


#: Widget templates written out in Python: the same markup as their Jinja2 templates
#: (escaped by markupsafe, as Jinja2 does), without a template render per field.
PYTHON_WIDGETS: dict[str, Callable[[dict[str, Any]], str]] = {
    "django/forms/widgets/textarea.html": _textarea,
    **{
        f"django/forms/widgets/{kind}.html": _input
        for kind in (
            "input",
            "text",
            "hidden",
            "number",
            "email",
            "url",
            "password",
            "search",
            "tel",
            "date",
            "datetime",
            "time",
            "color",
        )
    },
}


class FormRenderer(Jinja2):
    @cached_property
    def _django(self) -> DjangoTemplates:
        return DjangoTemplates()

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        python = PYTHON_WIDGETS.get(template_name)
        if python is not None and "widget" in context:
            return python(context["widget"])
        return super().render(template_name, context, request)

    def get_template(self, template_name: str) -> Any:
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return self._django.get_template(template_name)


class OptionSelect(forms.Select):
    """A ``<select>`` whose options come already rendered from a cached ``OptionList``
    (``options`` is called when the widget renders), instead of an option dict and a
    template per choice and a query per page. What validates is still the field's own
    queryset or choices; ``options`` must offer the same values."""

    def __init__(
        self,
        options: Callable[[], OptionList],
        *,
        empty_label: StrOrPromise | None = "---------",
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(attrs)
        self.option_list = options
        self.empty_label = empty_label

    def use_required_attribute(self, initial: Any) -> bool:
        # As Django's Select: only when the first option is the empty placeholder.
        return not self.is_hidden and self.empty_label is not None

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        chosen = self.format_value(value)
        empty = (
            format_html('<option value="">{}</option>', self.empty_label)
            if self.empty_label is not None
            else ""
        )
        return format_html(
            '<select name="{}"{}>{}{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            empty,
            self.option_list().html(chosen[0] if chosen else None),
        )


def field_html(field: forms.BoundField) -> SafeString:
    """One form field as the template ``_field.html`` renders it, markup and whitespace
    alike, built in Python: an action form of the complaint page is several fields, and an
    ``{% include %}`` per field was a large part of that page's time."""
    if field.is_hidden:
        return SafeString(f'<div class="field">\n  {field}\n</div>\n')
    if getattr(field.field.widget, "input_type", None) == "radio":
        radios = "".join(
            f"<label>{radio.tag()} {conditional_escape(radio.choice_label)}</label>"
            for radio in field
        )
        widget = f'<div class="choices">{radios}</div>\n  '
    else:
        widget = str(field)
    help_text = (
        f'<p class="help">{conditional_escape(field.help_text)}</p>' if field.help_text else ""
    )
    errors = field.errors.__html__() if field.errors else ""
    return SafeString(
        '<div class="field">\n  \n'
        f'  <label for="{conditional_escape(field.id_for_label)}">'
        f"{conditional_escape(field.label)}{' *' if field.field.required else ''}</label>\n"
        f"  {widget}\n  {help_text}\n  {errors}\n</div>\n"
    )


def form_fields_html(form: forms.BaseForm) -> SafeString:
    """``{% for field in form %}{% include "_field.html" %}{% endfor %}``, in Python."""
    return SafeString("".join(field_html(field) for field in form))
