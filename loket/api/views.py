from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import tokens
from .forms import TokenForm


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """Personal access tokens for the API: make one (shown once), see when each was last used,
    revoke it."""
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = tokens.issue(
                request.user,
                name=form.cleaned_data["name"],
                days=form.cleaned_data["lifetime"],
            )
        except tokens.TokenRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Token “%(name)s” is made.") % {"name": token.name})
            form = TokenForm()
    status = HTTPStatus.UNPROCESSABLE_ENTITY if form.errors else HTTPStatus.OK
    context = {
        "form": form,
        "secret": secret,
        "tokens": request.user.api_tokens.active(),
    }
    response = render(request, "api/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the page may carry a secret shown once
    return response


@require_POST
@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(request.user.api_tokens.active(), pk=pk)
    tokens.revoke(token, by=request.user)
    messages.success(request, _("Token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api_tokens")
