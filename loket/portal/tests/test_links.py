"""Kept addresses follow the language and the script prefix they were asked in."""

from django.urls import clear_script_prefix, set_script_prefix
from django.utils import translation

from loket.portal import links


def test_each_language_gets_its_own_address():
    with translation.override("id"):
        assert links.page("requests:history") == "/riwayat/"
        assert links.of_ticket("requests:detail", "DTIK-2026-000001") == (
            "/permintaan/DTIK-2026-000001/"
        )
    with translation.override("en"):
        assert links.page("requests:history") == "/en/riwayat/"
        assert links.of_ticket("complaints:detail", "K-DTIK-2026-000002") == (
            "/en/keluhan/K-DTIK-2026-000002/"
        )


def test_a_portal_served_under_a_path_keeps_it_in_its_addresses():
    set_script_prefix("/loket/")
    try:
        with translation.override("id"):
            assert links.page("portal:home") == "/loket/"
            assert links.of_ticket("requests:detail", "T-1") == "/loket/permintaan/T-1/"
    finally:
        clear_script_prefix()
        set_script_prefix("/")
