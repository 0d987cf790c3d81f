"""A self-hosted or local WhatsApp gateway: plain text to a URL, field names from settings.

The request carries the message id twice, as a body field and as an Idempotency-Key header, so
a gateway that honours either sends a message once even when a worker retries it.
"""

from django.conf import settings

from . import Channel, SendError
from .http_json import post_json, retry_after


class GatewayChannel(Channel):
    drops_repeats = True  # the gateway contract (README): one send per Idempotency-Key

    def __init__(self, *, url: str, headers: dict, fields: dict, response_id: str, timeout):
        self.url, self.headers, self.fields = url, headers, fields
        self.response_id = response_id
        self.timeout = timeout

    def payload(self, message) -> dict:
        values = {"to": message.address, "text": message.text, "id": str(message.key)}
        return {self.fields[name]: value for name, value in values.items()}

    def send(self, message) -> str:
        headers = {**self.headers, "Idempotency-Key": str(message.key)}
        response = post_json(self.url, self.payload(message), headers=headers, timeout=self.timeout)
        if 200 <= response.status < 300:
            return str(_dig(response.data, self.response_id) or "")
        reason = f"HTTP {response.status}: {str(response.data)[:300]}"
        if response.status == 429:
            raise SendError(reason, rate_limited=True, retry_after=retry_after(response))
        transient = response.status >= 500 or response.status == 408
        raise SendError(reason, permanent=not transient, retry_after=retry_after(response))


def _dig(data, path: str):
    """ "result.id" → data["result"]["id"]; None when absent."""
    for part in path.split(".") if path else []:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def channel() -> Channel:
    config = settings.NOTIFICATIONS
    headers = {}
    if config["GATEWAY_TOKEN"]:
        scheme = config["GATEWAY_AUTH_SCHEME"]
        value = f"{scheme} {config['GATEWAY_TOKEN']}" if scheme else config["GATEWAY_TOKEN"]
        headers[config["GATEWAY_AUTH_HEADER"]] = value
    return GatewayChannel(
        url=config["GATEWAY_URL"],
        headers=headers,
        fields=config["GATEWAY_FIELDS"],
        response_id=config["GATEWAY_RESPONSE_ID"],
        timeout=config["WHATSAPP_TIMEOUT"],
    )
