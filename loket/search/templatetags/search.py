from urllib.parse import quote

from django import template
from django.db.models import Model
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from loket.search import highlight as marks

register = template.Library()

# A result page draws 20 rows; what Django works out anew for each row is worked out once here.
_ADDRESSES: dict[tuple[type, str | None], str] = {}
_TICKET = "\x00"


@register.filter
def highlight(text: str, terms: list[str]) -> SafeString:
    return marks.highlight(text, terms)


@register.filter
def excerpt(text: str, terms: list[str]) -> SafeString:
    return marks.excerpt(text, terms)


@register.filter
def address(obj: Model) -> str:
    """obj.get_absolute_url() for a request or complaint, whose address is its ticket number in
    a fixed pattern: reversed once per model and language, then the ticket put in its place."""
    key = (type(obj), get_language())
    if key not in _ADDRESSES:
        _ADDRESSES[key] = type(obj)(ticket=_TICKET).get_absolute_url()
    return _ADDRESSES[key].replace(quote(_TICKET), quote(obj.ticket, safe=""))
