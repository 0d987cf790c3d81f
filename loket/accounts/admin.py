from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from loket.accounts.admin_mixins import UnitScopedAdmin
from loket.accounts.forms import UnitRoleForm
from loket.accounts.models import ConsentRecord, UnitRole, User


class ConsentRecordInline(admin.TabularInline):
    """The WhatsApp consent history, as it was recorded: nobody edits it."""

    model = ConsentRecord
    fields = ("created_at", "agreed", "number", "text_version", "via")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class UnitRoleInline(admin.TabularInline):
    model = UnitRole
    extra = 0
    fields = ("unit", "role", "source", "created_at")
    readonly_fields = ("source", "created_at")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Superadmins only (Django's model permissions, which unit roles do not carry)."""

    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (
            _("Profile"),
            {
                "fields": (
                    "full_name",
                    "identity_number",
                    "origin",
                    "whatsapp",
                    "whatsapp_consent_at",
                    "language",
                    "is_demo",
                    "erased_at",
                )
            },
        ),
    )
    readonly_fields = ("whatsapp_consent_at", "is_demo", "erased_at")
    list_display = ("username", "email", "full_name", "identity_number", "is_superuser")
    search_fields = ("username", "email", "full_name", "identity_number")
    inlines = [UnitRoleInline, ConsentRecordInline]


@admin.register(UnitRole)
class UnitRoleAdmin(UnitScopedAdmin):
    """A superadmin assigns roles in every unit; a Director in their own unit."""

    view_action = "roles.view"
    manage_action = "roles.assign"
    form = UnitRoleForm
    list_display = ("user", "unit", "role", "source", "created_at")
    list_filter = ("role", "source")
    list_select_related = ("user", "unit")
    search_fields = ("user__username", "user__full_name", "user__email", "unit__code")
    readonly_fields = ("source", "created_at")
