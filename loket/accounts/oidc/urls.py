from allauth.socialaccount.providers.openid_connect.urls import urlpatterns

__all__ = ["urlpatterns"]
