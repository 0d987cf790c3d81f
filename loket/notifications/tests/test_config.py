"""Notification settings come from the environment; a bad value stops start-up."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from loket.notifications.config import from_env


def test_it_starts_with_zero_setup_recording_whatsapp():
    config = from_env({})
    assert config["WHATSAPP_BACKEND"] == "record"
    assert (config["MAX_ATTEMPTS"], config["RETRY_SECONDS"]) == (6, 30)


def test_it_reads_the_cloud_api_settings():
    config = from_env(
        {
            "WHATSAPP_BACKEND": "cloud",
            "WHATSAPP_PHONE_NUMBER_ID": "1065",
            "WHATSAPP_ACCESS_TOKEN": "EAAG",
            "WHATSAPP_TEMPLATES": '{"completed.requester": {"id": "selesai"}}',
        }
    )
    assert (config["PHONE_NUMBER_ID"], config["ACCESS_TOKEN"]) == ("1065", "EAAG")
    assert config["TEMPLATES"] == {"completed.requester": {"id": "selesai"}}


@pytest.mark.parametrize(
    "environ",
    [
        {"WHATSAPP_BACKEND": "twilio"},
        {"WHATSAPP_BACKEND": "cloud", "WHATSAPP_PHONE_NUMBER_ID": "1065"},
        {"WHATSAPP_BACKEND": "gateway"},
        {"WHATSAPP_GATEWAY_FIELDS": '{"phone": "target"}'},
        {"WHATSAPP_GATEWAY_FIELDS": "[1]"},
        {"WHATSAPP_TEMPLATES": "{not json"},
        {"NOTIFY_MAX_ATTEMPTS": "many"},
        {"NOTIFY_RETRY_SECONDS": "-1"},
        {"NOTIFY_BATCH": "0"},
    ],
)
def test_a_bad_value_stops_start_up(environ):
    with pytest.raises(ImproperlyConfigured):
        from_env(environ)
