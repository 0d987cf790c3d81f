"""Every way out for a message, behind one small interface; only the worker calls `send`."""

from importlib import import_module

from django.conf import settings


class SendError(Exception):
    """The channel could not send. `permanent`: retrying cannot help (a wrong number, an
    unknown template). `rate_limited`: the provider asks us to slow down, whoever the
    recipient. `retry_after`: seconds the provider asked us to wait, when it said.
    `uncertain`: no answer came back after the request went out, so it may have been sent."""

    def __init__(
        self,
        reason: str,
        *,
        permanent: bool = False,
        rate_limited: bool = False,
        retry_after: float | None = None,
        uncertain: bool = False,
    ) -> None:
        super().__init__(reason)
        self.permanent = permanent
        self.rate_limited = rate_limited
        self.retry_after = retry_after
        self.uncertain = uncertain


class Channel:
    """Sends one message and returns the provider's id for it ("" when it gives none)."""

    # The message is there once its row exists (the in-portal inbox): no worker needed.
    immediate = False
    # A message whose fate is unknown (its worker died mid-call) is resent at once when the
    # provider drops a repeat of the same message id; when the provider instead reports
    # each message's status by webhook, the resend waits UNCERTAIN_GRACE_SECONDS for it.
    drops_repeats = False
    reports_status = False

    def send(self, message) -> str:
        raise NotImplementedError


# channel kind (Message.channel): the module whose `channel()` builds it from the settings
WHATSAPP_MODULES = {"cloud": "whatsapp_cloud", "gateway": "gateway", "record": "record"}


def get(kind: str) -> Channel:
    """The channel that carries messages of this kind, as the settings say now."""
    if kind == "whatsapp":
        name = WHATSAPP_MODULES[settings.NOTIFICATIONS["WHATSAPP_BACKEND"]]
    else:
        name = kind
    return import_module(f"{__name__}.{name}").channel()
