"""django-allauth hooks: demo refusals and language for local accounts, SSO mapping for others."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.exceptions import ValidationError
from django.db.models import Q

from loket.accounts import demo, sso
from loket.accounts.language import remember_language
from loket.accounts.models import User


class AccountAdapter(DefaultAccountAdapter):
    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None and (reason := demo.refusal(user, credentials.get("password", ""))):
            raise ValidationError(reason)
        return user

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # One lock-out counter per account, whether it is named by username or e-mail address.
        login = credentials.get("email", credentials.get("username", "")).strip()
        user = User.objects.filter(Q(username__iexact=login) | Q(email__iexact=login)).first()
        if user is None:
            return super()._get_login_attempts_cache_key(request, **credentials)
        return f"account:{user.pk}"

    def post_login(self, request, user, **kwargs):
        return remember_language(super().post_login(request, user, **kwargs), user.language)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin) -> None:
        sso.check_nonce(request, sociallogin)
        if sociallogin.is_existing:
            user = sociallogin.user
            claims = sso.claims_of(sociallogin)
            sso.fill_profile(user, claims)
            user.save()
            sso.sync_roles(user, claims)

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        sso.fill_profile(user, sso.claims_of(sociallogin))
        return user

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        sso.sync_roles(user, sso.claims_of(sociallogin))
        return user

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ) -> None:
        # The page says why in words a person can act on (authentication_error.html).
        if extra_context is not None and "reason" not in extra_context:
            if extra_context.get("saml_errors") or exception is not None:
                extra_context["reason"] = "unverified"
            elif "state_id" in extra_context:
                extra_context["reason"] = "expired"
        super().on_authentication_error(request, provider, error, exception, extra_context)
