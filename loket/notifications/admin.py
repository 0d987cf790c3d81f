import json

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from loket.accounts import permissions
from loket.accounts.admin_mixins import UnitScopedAdmin

from . import delivery
from .models import Message, RecordedMessage, Rule


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    """Who is told what: superadmins only (Django's model permissions)."""

    list_display = ("audience", "trigger", "is_active", "by_whatsapp", "by_email")
    list_display_links = ("trigger",)
    list_editable = ("is_active", "by_whatsapp", "by_email")
    list_filter = ("audience", "is_active")


class MessageAdminBase(UnitScopedAdmin):
    """Messages about a unit's requests, for its Admin Unit and Direktur; read-only rows."""

    view_action = "notifications.view"
    manage_action = "notifications.retry"
    list_display = (
        "created_at",
        "recipient",
        "channel",
        "trigger",
        "req",
        "state",
        "attempts",
        "next_attempt_at",
        "short_error",
    )
    list_filter = ("state", "channel", "trigger")
    list_select_related = ("recipient", "req")
    search_fields = ("req__ticket", "recipient__username", "recipient__email", "provider_id")
    date_hierarchy = "created_at"
    actions = ["retry"]
    exclude = ("claim", "in_flight_since", "recorded", "params")
    readonly_fields = ("shown_params", "shown_recorded")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_retry_permission(self, request) -> bool:
        return permissions.can(request.user, self.manage_action)

    def get_readonly_fields(self, request, obj=None):
        names = [f.name for f in Message._meta.fields if f.name not in self.exclude]
        return [*names, *self.readonly_fields]

    @admin.display(description=_("last error"))
    def short_error(self, message: Message) -> str:
        return message.last_error[:80]

    @admin.display(description=_("template parameters"))
    def shown_params(self, message: Message) -> str:
        return format_html("<pre>{}</pre>", json.dumps(message.params, ensure_ascii=False))

    @admin.display(description=_("recorded instead of sent"))
    def shown_recorded(self, message: Message) -> str:
        if not message.recorded:
            return "–"
        return format_html("<pre>{}</pre>", json.dumps(message.recorded, indent=2))

    @admin.action(description=_("Send the selected failed messages again"), permissions=["retry"])
    def retry(self, request, queryset):
        allowed = permissions.scope(queryset, request.user, self.manage_action)
        count = delivery.retry(allowed)
        self.message_user(
            request,
            ngettext(
                "%(count)d message is queued again.",
                "%(count)d messages are queued again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Message)
class MessageAdmin(MessageAdminBase):
    pass


@admin.register(RecordedMessage)
class RecordedMessageAdmin(MessageAdminBase):
    """What the record backend (WHATSAPP_BACKEND=record, the default) kept instead of sending."""

    list_display = ("created_at", "recipient", "address", "trigger", "req", "state")
    list_filter = ("trigger",)
    actions = []

    def get_queryset(self, request):
        return super().get_queryset(request).filter(recorded__isnull=False)
