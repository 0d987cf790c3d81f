"""The API's error answers: always JSON, {"detail": "...", "errors": {field: [messages]}}.

400 the input does not fit the schema · 401 no valid token or session · 403 not allowed ·
404 absent or not visible to the caller · 409 the request is no longer in a state that allows
the action (workflow.TransitionError, e.g. a lost race) · 422 the input fits the schema but the
page's own checks refuse it (the same form as the page).
"""

from http import HTTPStatus

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from loket.portal import security
from loket.requests.workflow import TransitionError


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class FormInvalid(Exception):
    """The page's form (or a check like it) refused the input: {field: [messages]}."""

    def __init__(self, errors: dict[str, list[str]], *, status: int = 422) -> None:
        super().__init__(errors)
        self.errors, self.status = errors, status

    @classmethod
    def of(cls, form: forms.Form, *, status: int = 422) -> "FormInvalid":
        data = form.errors.get_json_data()
        errors = {field: [item["message"] for item in items] for field, items in data.items()}
        return cls(errors, status=status)


def responses(ok: dict, *codes: int) -> dict:
    """An operation's documented answers: its successes, then the errors it can give."""
    return {**ok, **dict.fromkeys(codes, Error)}


def install(api: NinjaAPI) -> None:
    def answer(request, status: int, detail: str, errors: dict | None = None) -> HttpResponse:
        return api.create_response(
            request, {"detail": detail, "errors": errors or {}}, status=status
        )

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            # ("body", "payload", "reason", 0) · ("form", "subject") · ("query", "page")
            loc = tuple(error.get("loc", ()))
            field = ".".join(str(part) for part in loc[2 if loc[:1] == ("body",) else 1 :])
            field = field or "__all__"
            errors.setdefault(field, []).append(error.get("msg", ""))
        return answer(request, HTTPStatus.BAD_REQUEST, _("The input is not valid."), errors)

    @api.exception_handler(FormInvalid)
    def refused(request: HttpRequest, exc: FormInvalid) -> HttpResponse:
        return answer(request, exc.status, _("Check the entries."), exc.errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        detail = _("Sign in, or send a personal access token as “Authorization: Bearer …”.")
        return answer(request, HTTPStatus.UNAUTHORIZED, detail)

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        security.log_event("permission_denied", request, reason=str(exc) or None)
        return answer(request, HTTPStatus.FORBIDDEN, str(exc) or _("You may not do this."))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return answer(request, HTTPStatus.NOT_FOUND, _("Not found."))

    @api.exception_handler(TransitionError)
    def conflict(request: HttpRequest, exc: TransitionError) -> HttpResponse:
        return answer(request, HTTPStatus.CONFLICT, str(exc))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return answer(request, exc.status_code, str(exc))
