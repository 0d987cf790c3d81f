import secrets

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider


class NonceOpenIDConnectProvider(OpenIDConnectProvider):
    """Sends a fresh `nonce` with each authorization request and keeps it in the stashed state.

    The ID token must carry it back: `loket.accounts.sso.check_nonce` compares the two when the
    sign-in completes, so a token minted for another sign-in attempt is refused.
    """

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        auth_params = {**(self.get_auth_params() if auth_params is None else auth_params)}
        auth_params["nonce"] = nonce
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )


provider_classes = [NonceOpenIDConnectProvider]
