"""The signed questionnaire link sent with the completion message."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "loket.surveys.questionnaire"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def token_for(req) -> str:
    return signing.dumps({"r": req.pk, "t": req.ticket}, salt=SALT)


def questionnaire_url(req) -> str:
    """The absolute address of `req`'s questionnaire, in the active language, valid for
    LOKET_SURVEY_LINK_DAYS days; it opens the questionnaire without signing in."""
    path = reverse("surveys:link", args=[token_for(req)])
    return settings.SITE_URL.rstrip("/") + path


def read(token: str) -> tuple[int, str]:
    """(request id, ticket) that the token was made for."""
    max_age = datetime.timedelta(days=settings.LOKET_SURVEY_LINK_DAYS)
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        raise LinkInvalid from None
    if not isinstance(data, dict) or not isinstance(data.get("r"), int):
        raise LinkInvalid
    return data["r"], str(data.get("t", ""))
