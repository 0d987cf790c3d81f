"""Addresses of the portal's pages, reversed once per language and script prefix.

Django's `reverse` walks the URL patterns on each call (about 20 µs); the header alone asks for
sixteen addresses and a list one per row. An address depends only on the name, the arguments,
the active language (its `/en/` prefix) and the script prefix, so it is kept per those.
"""

from functools import cache
from urllib.parse import quote

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

# Stands for the ticket in a kept address; tickets never contain it.
TICKET = "~ticket~"


@cache
def _reversed(name: str, language: str | None, prefix: str, args: tuple) -> str:
    return reverse(name, args=args)


def page(name: str) -> str:
    """The address of the page `name`, which takes no arguments."""
    return _reversed(name, get_language(), get_script_prefix(), ())


def of_ticket(name: str, ticket: str) -> str:
    """The address of the page `name` of one request or complaint."""
    address = _reversed(name, get_language(), get_script_prefix(), (TICKET,))
    return address.replace(TICKET, quote(ticket, safe=""))
