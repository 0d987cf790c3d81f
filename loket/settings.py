"""Loket's settings, read from the environment. A bad value stops the process at start-up."""

import json
import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from loket.accounts import sso_config
from loket.notifications import config as notifications_config

BASE_DIR = Path(__file__).resolve().parent.parent
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE | FALSE:
        return value.strip().lower() in TRUE
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE | FALSE)}, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    try:
        return default if value is None else int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)
DEV_SECRET = "django-insecure-loket-development-only"
SECRET_KEY = env("SECRET_KEY") or (DEV_SECRET if DEBUG else "")
# Production refuses a missing or guessable key rather than sign sessions with it.
if not DEBUG and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or "insecure" in SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
SITE_NAME = env("SITE_NAME", "Loket")
MAIN_SITE_URL = env("MAIN_SITE_URL", "https://www.example.ac.id/")

INSTALLED_APPS = [
    "loket.accounts.apps.AdminPanelConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Before allauth, so that loket/accounts/templates overrides allauth's templates.
    "loket.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.saml",
    "loket.accounts.oidc",
    "loket.catalog",
    "loket.portal",
    "loket.workdays",
    "loket.requests",
    "loket.complaints",
    "loket.notifications",
    "loket.surveys",
    "loket.search",
    "loket.dashboards",
    "loket.api",
    "loket.guides",
    "loket.bench",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "loket.portal.middleware.remembered_language",
    "loket.portal.middleware.refuse_null_characters",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "loket.portal.security.permission_refusals",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "loket.accounts.middleware.require_mfa",
]

ROOT_URLCONF = "loket.urls"
WSGI_APPLICATION = "loket.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "loket" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "loket.portal.context_processors.portal",
                "loket.requests.context_processors.inbox",
                "loket.notifications.context_processors.unread",
                "loket.surveys.context_processors.reports",
                "loket.dashboards.context_processors.dashboards",
            ],
        },
    },
]

DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    # Persistent connections, checked before each request reuses one: after a database restart
    # the first request reconnects instead of failing on a dead connection (README, Faults).
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    SQLITE_PATH = Path(env("SQLITE_PATH", str(BASE_DIR / "var" / "loket.sqlite3")))
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            # Writers queue up instead of failing with "database is locked".
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }

# Covering indexes (INCLUDE) are PostgreSQL's; SQLite, for development, builds them without.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_USER_MODEL = "accounts.User"
# Django's and allauth's backends, each reading the person's roles and authenticator app with
# them in one query (loket/accounts/backends.py).
AUTHENTICATION_BACKENDS = [
    "loket.accounts.backends.ModelBackend",
    "loket.accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
] + [{"NAME": "loket.accounts.validators.NotTheDemoPasswordValidator"}]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:home"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_ADAPTER = "loket.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
# Database sessions, read with SQL compiled once per process (loket/accounts/sessions.py).
SESSION_ENGINE = "loket.accounts.sessions"
# Sessions end when the browser closes, and after SESSION_COOKIE_AGE at the latest.
ACCOUNT_SESSION_REMEMBER = False
# Lock-out: LOKET_LOGIN_ATTEMPTS wrong passwords for one account within
# LOKET_LOGIN_LOCKOUT_SECONDS refuse further attempts for it (and 10 a minute from one address).
# Sign-in and registration attempts per address (allauth answers 429 through loket.urls.handler429).
ACCOUNT_RATE_LIMITS = {
    "login_failed": f"10/m/ip,{envint('LOKET_LOGIN_ATTEMPTS', 5)}/"
    f"{envint('LOKET_LOGIN_LOCKOUT_SECONDS', 15 * 60)}s/key",
    "login": env("LOKET_RATE_LOGIN", "30/m/ip"),
    "signup": env("LOKET_RATE_SIGNUP", "60/h/ip"),
}
# Behind a reverse proxy the client address is the proxy's unless it is trusted here.
ALLAUTH_TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# A code that turned over while it was being typed (or a phone's clock a little off) still
# works: one 30-second step either side, as RFC 6238 advises; each code is still good only once.
MFA_TOTP_TOLERANCE = 1
LOKET_DEMO_PASSWORD = env("LOKET_DEMO_PASSWORD", "loket-demo")

# University SSO (docs/sso.md): SAML 2.0 and/or OpenID Connect, configured from the environment.
SOCIALACCOUNT_ADAPTER = "loket.accounts.adapter.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = sso_config.providers_from_env(os.environ)
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_OPENID_CONNECT_URL_PREFIX = ""
SOCIALACCOUNT_REQUESTS_TIMEOUT = envint("LOKET_SSO_TIMEOUT", 10)
LOKET_SSO = sso_config.mapping_from_env(os.environ)

# Rate limits and lock-out counters must be shared by every worker process: the database is.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "loket_cache",
    },
    # Public pages as visitors get them, per process (loket/portal/page_cache.py).
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "loket-pages",
        "TIMEOUT": envint("LOKET_PAGE_CACHE_SECONDS", 3600),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    # Signed-in pages per person, per process (loket/portal/kept_pages.py): each is answered
    # only while nothing it shows has changed; the timeout bounds only memory.
    "kept": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "loket-kept",
        "TIMEOUT": envint("LOKET_KEPT_PAGE_SECONDS", 900),
        "OPTIONS": {"MAX_ENTRIES": envint("LOKET_KEPT_PAGES", 1000)},
    },
}

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_BACKEND_NAME = env(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend" if DEBUG else SMTP_BACKEND
)
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_NAME}}
if EMAIL_BACKEND_NAME == SMTP_BACKEND:
    MAILERS["default"]["OPTIONS"] = {
        "host": env("EMAIL_HOST", "localhost"),
        "port": envint("EMAIL_PORT", 25),
        "username": env("EMAIL_HOST_USER"),
        "password": env("EMAIL_HOST_PASSWORD"),
        "use_tls": envbool("EMAIL_USE_TLS", False),
        "use_ssl": envbool("EMAIL_USE_SSL", False),
        "timeout": envint("EMAIL_TIMEOUT", 20),
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "loket@localhost")

# Notifications (README, "Notifications"): WHATSAPP_BACKEND is record (the default: kept and shown
# in the Admin Panel, nothing sent), cloud (Meta's WhatsApp Cloud API) or gateway; NOTIFY_* pace
# the worker (`manage.py send_notifications`).
NOTIFICATIONS = notifications_config.from_env(os.environ)

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "loket" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = env("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "loket" / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Letters and results are personal data: kept outside any public URL, served by a view that
# checks permission. An S3-compatible store: PRIVATE_STORAGE_BACKEND and _OPTIONS (JSON).
PRIVATE_STORAGE_OPTIONS = json.loads(env("PRIVATE_STORAGE_OPTIONS", "{}")) or {
    "location": MEDIA_ROOT / "private",
    "base_url": None,
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": env("PRIVATE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": PRIVATE_STORAGE_OPTIONS,
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# The satisfaction survey: a completed request nobody answered the questionnaire for closes after
# LOKET_AUTO_CLOSE_DAYS days (`manage.py close_unanswered`, run daily); the questionnaire link in
# the completion message is valid for LOKET_SURVEY_LINK_DAYS days.
LOKET_AUTO_CLOSE_DAYS = envint("LOKET_AUTO_CLOSE_DAYS", 14)
LOKET_SURVEY_LINK_DAYS = envint("LOKET_SURVEY_LINK_DAYS", 30)
if LOKET_AUTO_CLOSE_DAYS < 1 or LOKET_SURVEY_LINK_DAYS < 1:
    raise ImproperlyConfigured("LOKET_AUTO_CLOSE_DAYS and LOKET_SURVEY_LINK_DAYS must be >= 1.")

# Limits of loket.uploads.checks, applied to every letter and supporting file.
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
UPLOAD_MAX_PDF_PAGES = envint("UPLOAD_MAX_PDF_PAGES", 50)
UPLOAD_MAX_PIXELS = envint("UPLOAD_MAX_PIXELS", 40_000_000)

# No inline script or style: every asset comes from the portal itself.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF or language cookies: forms carry the token in a hidden field.
CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 3600)
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = True

# Rate limits of loket.portal.ratelimit: action -> "amount/period/key" (README, "Security").
LOKET_RATE_LIMITS = {
    "request_create": env("LOKET_RATE_REQUEST_CREATE", "20/h/user,200/h/ip"),
    "complaint_create": env("LOKET_RATE_COMPLAINT_CREATE", "10/h/user,100/h/ip"),
    **json.loads(env("LOKET_RATE_LIMITS", "{}")),
}
for _action, _rates in [*LOKET_RATE_LIMITS.items(), *ACCOUNT_RATE_LIMITS.items()]:
    for _rate in str(_rates).split(","):
        if not re.fullmatch(r"\d+/\d*[smhd]/(ip|user|key)", _rate.strip()):
            raise ImproperlyConfigured(
                f"Rate limit of {_action} is not like '20/h/user': {_rate!r}"
            )
# `make bench` serves /bench/ceiling/ (a constant page) beside the portal; never set it otherwise.
LOKET_BENCH = envbool("LOKET_BENCH", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "loket.portal.security.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "security": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Security events, one JSON object a line (README, "Security").
        "loket.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
        # WeasyPrint and fontTools narrate every PDF at INFO.
        **{name: {"level": "WARNING"} for name in ("weasyprint", "fontTools", "fontTools.subset")},
    },
}
