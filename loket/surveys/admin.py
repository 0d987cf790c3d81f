from django.contrib import admin

from loket.accounts.admin_mixins import UnitScopedAdmin

from .models import Element, Publication


@admin.register(Element)
class ElementAdmin(admin.ModelAdmin):
    """The questionnaire's wording; the nine elements themselves are fixed by the regulation."""

    list_display = ["number", "name_id", "name_en"]
    readonly_fields = ["number", "code"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Publication)
class PublicationAdmin(UnitScopedAdmin):
    """Published indexes: published from the report page; the Direktur may withdraw one."""

    view_action = "surveys.report"
    manage_action = "surveys.publish"
    list_display = ["unit", "period", "ikm", "grade", "respondents", "published_at"]
    list_filter = ["unit"]
    readonly_fields = [f.name for f in Publication._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
