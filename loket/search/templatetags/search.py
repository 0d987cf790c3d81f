from django import template
from django.utils.safestring import SafeString

from loket.search import highlight as marks

register = template.Library()


@register.filter
def highlight(text: str, terms: list[str]) -> SafeString:
    return marks.highlight(text, terms)


@register.filter
def excerpt(text: str, terms: list[str]) -> SafeString:
    return marks.excerpt(text, terms)
