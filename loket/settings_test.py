"""Test settings: production settings with fast hashing and in-memory e-mail."""

import os
import secrets
import tempfile

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

from loket.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
SECURE_SSL_REDIRECT = False
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Uploaded letters go to a throw-away folder, never into var/.
STORAGES["private"]["OPTIONS"] = {  # noqa: F405
    "location": tempfile.mkdtemp(prefix="loket-test-files-"),
    "base_url": None,
}
# A file (not in-memory) SQLite test database, so that threads and the live server really
# contend for it as processes would; one per test process.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"loket-test-{os.getpid()}.sqlite3")
    }

# Every browser test signs in from 127.0.0.1, and the database cache that counts sign-ins is not
# emptied between tests: a quick machine passes the production 30 a minute per address. The
# tests of the limits set their own (loket/portal/tests/test_rate_limits.py).
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS, "login": "10000/m/ip"}  # noqa: F405
