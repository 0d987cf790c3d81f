from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.providers.saml import views as saml
from allauth.socialaccount.providers.saml.utils import get_app_or_404
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from loket.accounts.forms import ProfileForm
from loket.accounts.language import remember_language


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        with translation.override(user.language or translation.get_language()):
            messages.success(request, _("Your profile has been saved."))
        return remember_language(redirect("profile"), user.language)
    return render(request, "accounts/profile.html", {"form": form})


def saml_finish_acs(request: HttpRequest, organization_slug: str) -> HttpResponse:
    """allauth's SAML finish step, with a readable page for a replayed or stale response.

    allauth refuses (PermissionDenied) a response whose sign-in attempt is not waiting in this
    session: it was used already, started in another browser, or is older than ten minutes.
    """
    try:
        return saml.finish_acs(request, organization_slug=organization_slug)
    except PermissionDenied:
        provider = get_app_or_404(request, organization_slug).get_provider(request)
        return render_authentication_error(request, provider, extra_context={"reason": "expired"})
