from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class NotTheDemoPasswordValidator:
    """Outside demo mode (DEBUG off) the published demo password cannot be chosen."""

    def validate(self, password: str, user=None) -> None:
        if not settings.DEBUG and password == settings.LOKET_DEMO_PASSWORD:
            raise ValidationError(
                _("This is the public demo password; choose another."), code="demo_password"
            )

    def get_help_text(self) -> str:
        return _("Your password cannot be the public demo password.")
