"""Meta's WhatsApp Cloud API: one approved template per trigger, audience and language.

POST {WHATSAPP_CLOUD_API_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages with the access token as a
bearer token. The template's body takes four parameters: ticket, service, status and link.
"""

from django.conf import settings

from . import Channel, SendError
from .http_json import post_json, retry_after

# Meta's error codes that mean "slow down" (throughput, pair and spam rate limits)...
RATE_LIMITED = {4, 80007, 130429, 131048, 131056}
# ...and those that mean "try again later" (besides HTTP 5xx and no answer at all).
TRANSIENT = {1, 2, 131000, 131016, 133004}


def template_name(trigger: str, audience: str, language: str) -> str:
    """WHATSAPP_TEMPLATES may name a template per "trigger.audience", per language or not."""
    config = settings.NOTIFICATIONS
    chosen = config["TEMPLATES"].get(f"{trigger}.{audience}")
    if isinstance(chosen, dict):
        chosen = chosen.get(language)
    return chosen or f"{config['TEMPLATE_PREFIX']}{trigger}_{audience}"


def payload(message) -> dict:
    config = settings.NOTIFICATIONS
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": message.address.lstrip("+"),
        "type": "template",
        "template": {
            "name": template_name(message.trigger, message.audience, message.language),
            "language": {"code": config["LANGUAGE_CODES"].get(message.language, "id")},
            "components": [
                {
                    "type": "body",
                    "parameters": [{"type": "text", "text": str(p)} for p in message.params],
                }
            ],
        },
        # Echoed in the status webhooks: finds the row even if the worker died before it
        # could store Meta's id.
        "biz_opaque_callback_data": str(message.key),
    }


class CloudChannel(Channel):
    # Meta does not drop repeats, but echoes biz_opaque_callback_data in its status webhooks.
    reports_status = True

    def __init__(self, *, base_url: str, phone_number_id: str, token: str, timeout: float):
        self.url = f"{base_url.rstrip('/')}/{phone_number_id}/messages"
        self.headers = {"Authorization": f"Bearer {token}"}
        self.timeout = timeout

    def send(self, message) -> str:
        response = post_json(self.url, payload(message), headers=self.headers, timeout=self.timeout)
        if 200 <= response.status < 300:
            try:
                return response.data["messages"][0]["id"]
            except (KeyError, IndexError, TypeError):
                raise SendError("the Cloud API accepted it but gave no message id") from None
        error = response.data.get("error") or {}
        code = error.get("code")
        reason = f"HTTP {response.status}, code {code}: {error.get('message', '')}".strip()
        if response.status == 429 or code in RATE_LIMITED:
            raise SendError(reason, rate_limited=True, retry_after=retry_after(response))
        transient = response.status >= 500 or code in TRANSIENT
        raise SendError(reason, permanent=not transient, retry_after=retry_after(response))


def channel() -> Channel:
    config = settings.NOTIFICATIONS
    return CloudChannel(
        base_url=config["CLOUD_API_URL"],
        phone_number_id=config["PHONE_NUMBER_ID"],
        token=config["ACCESS_TOKEN"],
        timeout=config["WHATSAPP_TIMEOUT"],
    )
