from django.contrib import admin

from loket.accounts import permissions


class UnitScopedAdmin(admin.ModelAdmin):
    """Rows of the user's units only, through loket.accounts.permissions.

    `view_action` lets the unit's roles read; `manage_action` lets them add, change and delete.
    Foreign keys to unit-owned rows offer only what the user may manage, so nothing can be moved
    to another unit.
    """

    view_action = "catalog.view"
    manage_action = "catalog.manage"

    def get_queryset(self, request):
        return permissions.scope(super().get_queryset(request), request.user, self.view_action)

    def has_module_permission(self, request) -> bool:
        return permissions.can(request.user, self.view_action)

    def has_view_permission(self, request, obj=None) -> bool:
        return permissions.can(request.user, self.view_action, obj)

    def has_add_permission(self, request) -> bool:
        return permissions.can(request.user, self.manage_action)

    def has_change_permission(self, request, obj=None) -> bool:
        return permissions.can(request.user, self.manage_action, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return permissions.can(request.user, self.manage_action, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model._meta.label_lower in permissions.UNIT_PATHS:
            kwargs["queryset"] = permissions.scope(
                db_field.related_model._default_manager.all(), request.user, self.manage_action
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class UnitScopedInline:
    """For inlines of a UnitScopedAdmin: the parent row's unit decides."""

    view_action = "catalog.view"
    manage_action = "catalog.manage"

    def has_view_permission(self, request, obj=None) -> bool:
        return permissions.can(request.user, self.view_action, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return permissions.can(request.user, self.manage_action, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return permissions.can(request.user, self.manage_action, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return permissions.can(request.user, self.manage_action, obj)
