from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language_from_path, gettext


def remembered_language(get_response):
    """Unprefixed pages are Indonesian; a visitor who chose English is taken to the /en/ page.

    Only an explicit choice (the language cookie the switch sets) redirects, so links stay
    shareable and the default stays Indonesian.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if (
            request.method in ("GET", "HEAD")
            and chosen
            and chosen != settings.LANGUAGE_CODE
            and chosen in dict(settings.LANGUAGES)
            and not get_language_from_path(request.path_info)
            and _is_localized(request.path_info)
        ):
            query = request.META.get("QUERY_STRING")
            return HttpResponseRedirect(f"/{chosen}{request.path}" + (f"?{query}" if query else ""))
        if chosen in dict(settings.LANGUAGES) and not _is_localized(request.path_info):
            # The Admin Panel and the SSO endpoints have one address in every language.
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        if is_api(request.path_info):
            # API clients say their language with Accept-Language (or the portal's cookie).
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return get_response(request)

    return middleware


def _is_localized(path: str) -> bool:
    return not path.startswith(("/admin/", "/static/", "/i18n/", "/media/", "/sso/", "/api/"))


def is_api(path: str) -> bool:
    return path.startswith("/api/")


def refuse_null_characters(get_response):
    """A NUL in the address or a query parameter is refused before any view sees it:
    PostgreSQL cannot store or compare it, so it would otherwise surface as a server error."""

    def middleware(request: HttpRequest) -> HttpResponse:
        values = [request.path_info, *(v for vs in request.GET.lists() for v in vs[1])]
        if any("\x00" in value for value in values):
            if is_api(request.path_info):
                detail = gettext("The address contains a NUL character.")
                return JsonResponse({"detail": detail, "errors": {}}, status=400)
            return render(request, "400.html", status=400)
        return get_response(request)

    return middleware
