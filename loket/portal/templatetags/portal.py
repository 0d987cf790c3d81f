import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from loket.portal import dates, links

register = template.Library()


@register.simple_tag
def link(name: str) -> str:
    """`{% url name %}` for a page without arguments, reversed once per language."""
    return links.page(name)


@register.filter
def startswith(value: str, prefix: str) -> bool:
    return bool(prefix) and str(value).startswith(prefix) and prefix != "/"


@register.filter
def short_date(value) -> str:
    """`|date:"j M Y"` for lists and timelines; "" for no date."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return dates.short_date(value)


@register.filter
def short_datetime(value) -> str:
    """`|date:"j M Y H:i"` for lists and timelines; "" for no time."""
    return dates.short_datetime(value) if value else ""


@register.filter
def as_lines(value: str) -> list[str]:
    """The items of a one-item-per-line catalog field, without list markers."""
    return [
        line.strip().lstrip("-•*").strip() for line in (value or "").splitlines() if line.strip()
    ]


@register.simple_tag
def status_badge(case) -> str:
    """A request's or complaint's status as a coloured badge (every list and page)."""
    return format_html(
        '<span class="badge badge-{}">{}</span>', case.badge_tone, case.get_status_display()
    )


@register.simple_tag
def due(case) -> str:
    """A request's or complaint's due date, marked when it is overdue or due soon ("—" when
    it has none). A tag rather than an included template: lists show it on every row."""
    due_date = case.due_date
    if not due_date:
        return "—"
    today = timezone.localdate()
    shown = dates.short_date(due_date)
    if case.is_overdue(today):
        badge = format_html(' <strong class="badge badge-danger">{}</strong>', _("Overdue"))
        return format_html('<span class="due due-overdue">{}{}</span>', shown, badge)
    if case.is_due_soon(today):
        badge = format_html(' <span class="badge badge-warning">{}</span>', _("Due soon"))
        return format_html('<span class="due due-soon">{}{}</span>', shown, badge)
    return format_html('<span class="due">{}</span>', shown)
