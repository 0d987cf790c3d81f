import datetime

from django import template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from loket.portal import dates
from loket.portal.templatetags.portal import status_badge
from loket.search import highlight as marks

register = template.Library()

# A result page draws up to 40 rows: what the template language would resolve cell by cell is
# done here once per row (addresses and dates are kept per language: portal/links.py, dates.py).


@register.filter
def highlight(text: str, terms: list[str]) -> SafeString:
    return marks.highlight(text, terms)


@register.filter
def excerpt(text: str, terms: list[str]) -> SafeString:
    return marks.excerpt(text, terms)


@register.simple_tag
def request_rows(requests, terms: list[str]) -> SafeString:
    """The table rows of found requests: their ticket (a link), what is asked and an excerpt of
    the description, the service, the requesting unit, the status and the day submitted."""
    return _rows(requests, terms, unit_column=True)


@register.simple_tag
def complaint_rows(complaints, terms: list[str]) -> SafeString:
    """The table rows of found complaints, as request_rows without the requesting unit (the
    complainant is never shown)."""
    return _rows(complaints, terms, unit_column=False)


def _rows(cases, terms: list[str], *, unit_column: bool) -> SafeString:
    rows = []
    for case in cases:
        described = case.description or not unit_column  # a complaint always has one
        about = marks.highlight(case.subject, terms) + (
            f'<br><small class="help">{marks.excerpt(case.description, terms)}</small>'
            if described
            else ""
        )
        link = escape(case.get_absolute_url())
        cells = [
            f'<a href="{link}">{marks.highlight(case.ticket, terms)}</a>',
            about,
            escape(case.service.name),
            *([marks.highlight(case.requesting_unit, terms)] if unit_column else []),
            status_badge(case),
            _submitted(case.submitted_at),
        ]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return mark_safe("\n".join(rows))  # every value escaped above


def _submitted(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)  # as the template's date filter shows it
    return f'<time datetime="{local.isoformat()}">{dates.short_date(local)}</time>'
