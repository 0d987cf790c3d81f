"""Pemberitahuan Privasi, "Data saya" (download), and "Hapus akun saya"."""

import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from loket.accounts import privacy
from loket.accounts.forms import DeleteAccountForm
from loket.accounts.models import ConsentRecord
from loket.accounts.privacy_pdf import data_pdf


@require_GET
def notice(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/privacy_notice.html")


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    consents = ConsentRecord.objects.filter(user=request.user)
    return render(
        request,
        "accounts/my_data.html",
        {"consents": consents, "refusal": privacy.refusal(request.user)},
    )


@login_required
def download(request: HttpRequest, fmt: str) -> HttpResponse:
    data = privacy.export(request.user)
    stamp = timezone.localdate().isoformat()
    if fmt == "pdf":
        response = HttpResponse(data_pdf(request.user, data), content_type="application/pdf")
    else:
        body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="data-saya-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


def _without_password(request: HttpRequest) -> bool:
    return not request.user.has_usable_password()


@login_required
@reauthentication_required(enabled=_without_password)
def delete_account(request: HttpRequest) -> HttpResponse:
    """People with a password type it; people who only sign in with SSO (or whose account the
    unit made at the counter) sign in again through allauth's reauthentication first."""
    refusal = privacy.refusal(request.user)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            privacy.erase_account(request.user)
        except privacy.ErasureRefused as refused:
            messages.error(request, str(refused))
            return redirect("delete_account")
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("portal:home")
    status = 200 if request.method == "GET" else 403 if refusal else 422
    return render(
        request, "accounts/delete_account.html", {"form": form, "refusal": refusal}, status=status
    )
