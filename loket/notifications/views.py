import hmac
import json
from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import webhooks
from .forms import PreferenceForm
from .models import Message, Preference


@login_required
def centre(request: HttpRequest) -> HttpResponse:
    """Notifikasi: the person's in-portal messages, newest first."""
    inbox = Message.objects.inbox_of(request.user).select_related("req", "complaint")
    page = Paginator(inbox, 30).get_page(request.GET.get("page"))
    return render(request, "notifications/centre.html", {"page": page})


@require_POST
@login_required
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    Message.objects.inbox_of(request.user).filter(pk=pk).mark_read()
    return _back(request)


@require_POST
@login_required
def mark_all_read(request: HttpRequest) -> HttpResponse:
    Message.objects.inbox_of(request.user).mark_read()
    return _back(request)


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("notifications:centre")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    preference = Preference.objects.filter(user=request.user).first()
    form = PreferenceForm(request.POST or None, instance=preference or Preference())
    if request.method == "POST" and form.is_valid():
        form.instance.user = request.user
        form.save()
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("notifications:preferences")
    status = HTTPStatus.UNPROCESSABLE_ENTITY if form.is_bound else HTTPStatus.OK
    return render(request, "notifications/preferences.html", {"form": form}, status=status)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request: HttpRequest) -> HttpResponse:
    """Meta's webhook: the verify-token handshake (GET) and signed status updates (POST)."""
    config = settings.NOTIFICATIONS
    if request.method == "GET":
        token = request.GET.get("hub.verify_token", "")
        if (
            request.GET.get("hub.mode") == "subscribe"
            and config["VERIFY_TOKEN"]
            and hmac.compare_digest(token.encode(), config["VERIFY_TOKEN"].encode())
        ):
            return HttpResponse(request.GET.get("hub.challenge", ""), content_type="text/plain")
        return HttpResponseForbidden()
    signature = request.headers.get("X-Hub-Signature-256", "")
    if not webhooks.signature_is_valid(request.body, signature, config["APP_SECRET"]):
        return HttpResponseForbidden()
    try:
        payload = json.loads(request.body)
    except ValueError:
        return HttpResponse(status=HTTPStatus.BAD_REQUEST)
    for item in webhooks.statuses(payload if isinstance(payload, dict) else {}):
        webhooks.record(item)
    return HttpResponse("OK", content_type="text/plain")
