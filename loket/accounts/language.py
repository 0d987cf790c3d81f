from django.conf import settings
from django.http import HttpResponse


def remember_language(response: HttpResponse, language: str) -> HttpResponse:
    """Set the cookie the header's language switch sets, so the choice follows the person."""
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
