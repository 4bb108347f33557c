"""Aduan settings: one file, driven by environment variables.

SQLite by default (``aduan.sqlite3`` in the working directory); PostgreSQL or any other
database when ``DATABASE_URL`` says so. Production needs at least ``ADUAN_SECRET_KEY``,
``ADUAN_DEBUG=0`` and ``ADUAN_ALLOWED_HOSTS``. Secrets are read from the environment or,
as ``<NAME>_FILE``, from a file (``aduan.lib.env.env_secret``); see docs/security.md.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONCE

from aduan.lib.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("ADUAN_DATA_DIR", str(Path.cwd())))

DEBUG = env_bool("ADUAN_DEBUG", False)
SECRET_KEY = env_secret("ADUAN_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("ADUAN_INSECURE_DEV_KEY", False):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("Set ADUAN_SECRET_KEY (or ADUAN_DEBUG=1 for development).")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
# Key for the citizen's secret status links; rotating SECRET_KEY must not break them.
ADUAN_LINK_KEY = env_secret("ADUAN_LINK_KEY", SECRET_KEY)

ALLOWED_HOSTS = env_list("ADUAN_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("ADUAN_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "aduan.accounts",
    "aduan.organisation",
    "aduan.complaints",
    "aduan.sla",
    "aduan.notifications",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "aduan.api",
    "aduan.open311",
    "aduan.intake",
    "aduan.surveys",
    "aduan.triage",
    "aduan.replies",
    "aduan.practice",
    "aduan.reports",
    "aduan.transparency",
    "aduan.privacy",
    "aduan.importer",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "aduan.lib.safeinput.RefuseNullBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "aduan.lib.dbrouter.ReplicaMiddleware",
    "aduan.lib.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff: idle timeout, then two-factor (enrol / verify) before anything else.
    "aduan.accounts.middleware.StaffAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "aduan.accounts.content_policy.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "aduan.urls"
WSGI_APPLICATION = "aduan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # Django's i18n tags, with a cheaper {% translate "…" %} (aduan.lib.i18n_tags).
            "libraries": {"i18n": "aduan.lib.i18n_tags"},
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aduan.organisation.context_processors.jurisdiction",
                "aduan.notifications.context_processors.bell",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Django warns (templates.W003) that the name "i18n" is given to two modules: the override
# above is meant; aduan/lib/tests/test_i18n_tags.py keeps that check for every other name.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

# Form widgets (a <select> of 80 units is 80 option templates) render through Django's
# Jinja2 widget templates: the same markup, several times faster than the template engine.
FORM_RENDERER = "aduan.lib.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_secret("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'aduan.sqlite3'}",
        conn_max_age=env_int("ADUAN_DB_CONN_MAX_AGE", 60),
        # A kept connection is checked before reuse: after a database restart the next
        # request reconnects instead of failing.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, so that tests with several threads share one database.
    # One per process, so that parallel test runs never share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"aduan-test-{os.getpid()}.sqlite3")
    }

# A streaming read replica (docs/deployment.md): dashboards, exports and the public pages
# read from it (aduan/lib/dbrouter.py); a browser that has just written reads from the
# primary for ADUAN_REPLICA_STICKY_SECONDS.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=env_int("ADUAN_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["aduan.lib.dbrouter.ReplicaRouter"]
# PostgreSQL: the few statements run on every report are prepared (planned once per
# connection; aduan/lib/sql.py). Off behind a transaction-mode pooler that cannot keep them.
ADUAN_DB_PREPARE = env_bool("ADUAN_DB_PREPARE", True)
ADUAN_REPLICA_PATHS = env_list("ADUAN_REPLICA_PATHS", "/kerja/laporan/,/kerja/ekspor/,/publik/")
ADUAN_REPLICA_STICKY_SECONDS = env_int("ADUAN_REPLICA_STICKY_SECONDS", 10)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "complaints:workspace"
LOGOUT_REDIRECT_URL = "complaints:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("ADUAN_STATIC_ROOT", str(DATA_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("ADUAN_MEDIA_ROOT", str(DATA_DIR / "media")))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded files on S3-compatible storage (MinIO, Ceph, AWS) when a bucket is named; private
# objects, served only through the permission-checked views. Keys from the environment or
# from files (ADUAN_S3_SECRET_KEY_FILE, e.g. a systemd credential).
ADUAN_S3_BUCKET = env_str("ADUAN_S3_BUCKET")
if ADUAN_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": ADUAN_S3_BUCKET,
            "endpoint_url": env_str("ADUAN_S3_ENDPOINT_URL") or None,
            "region_name": env_str("ADUAN_S3_REGION") or None,
            "access_key": env_secret("ADUAN_S3_ACCESS_KEY"),
            "secret_key": env_secret("ADUAN_S3_SECRET_KEY"),
            "location": env_str("ADUAN_S3_PREFIX", "media"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# A shared cache (sessions, rate limits) for several web processes: Redis when
# ADUAN_REDIS_URL is set, else each process's own memory and sessions in the database
# (Django's store, the row read by a statement made once per process).
SESSION_ENGINE = "aduan.accounts.sessions"
ADUAN_REDIS_URL = env_str("ADUAN_REDIS_URL")
if ADUAN_REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": ADUAN_REDIS_URL,
            "KEY_PREFIX": "aduan",
        }
    }
    # Read from Redis, kept in the database too: a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Attachments: at most this many per complaint, each at most this many bytes.
ADUAN_MAX_ATTACHMENTS = env_int("ADUAN_MAX_ATTACHMENTS", 5)
ADUAN_MAX_ATTACHMENT_BYTES = env_int("ADUAN_MAX_ATTACHMENT_BYTES", 5 * 1024 * 1024)
ADUAN_MAX_DESCRIPTION_CHARS = env_int("ADUAN_MAX_DESCRIPTION_CHARS", 5000)
# ``aduan import`` on PostgreSQL: a file of at least this many rows into a complaint table
# holding at most a quarter as many is loaded with the indexes and foreign keys dropped and
# made again (the tables are locked meanwhile; see aduan/importer/services.py).
ADUAN_IMPORT_REBUILD_MIN_ROWS = env_int("ADUAN_IMPORT_REBUILD_MIN_ROWS", 50_000)
# ``aduan import`` on PostgreSQL: a file of at least this many rows is checked in a child
# process while the parent writes the batch before (aduan/importer/services.py, _Pipeline).
ADUAN_IMPORT_PIPELINE_MIN_ROWS = env_int("ADUAN_IMPORT_PIPELINE_MIN_ROWS", 10_000)
# ... by this many child processes (each checks every n-th batch; each reads the whole file).
ADUAN_IMPORT_WORKERS = env_int("ADUAN_IMPORT_WORKERS", 1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The jurisdiction that the public site serves when the request does not name one.
ADUAN_DEFAULT_JURISDICTION = env_str("ADUAN_DEFAULT_JURISDICTION", "pekalongan")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("ADUAN_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Access and identity (aduan.accounts; docs/security.md) ------------------------------
# Argon2 for new and changed passwords; older hashes still verify and are upgraded to Argon2
# at the next successful login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Lockout (django-axes): after this many failed logins for one username from one address,
# that pair is refused for the cool-off period. The first backend only counts and refuses.
AUTHENTICATION_BACKENDS = [
    "aduan.accounts.backends.LockoutBackend",
    "aduan.accounts.backends.UserBackend",
]
AXES_FAILURE_LIMIT = env_int("ADUAN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("ADUAN_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "aduan.accounts.views.locked_out"
AXES_VERBOSE = False
# Two-factor (django-otp, TOTP): required for verifiers, supervisors and administrators when
# ADUAN_2FA_REQUIRED is on (the default outside DEBUG); offered to everyone else. Whoever has
# enrolled a device is always asked for a code.
ADUAN_2FA_REQUIRED = env_bool("ADUAN_2FA_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = env_str("ADUAN_OTP_ISSUER", "Aduan")
# Staff are logged out after this many minutes without a request (background polls such as
# the notification bell do not count), and at the latest after SESSION_COOKIE_AGE.
ADUAN_SESSION_IDLE_MINUTES = env_int("ADUAN_SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = env_int("ADUAN_SESSION_MAX_HOURS", 12) * 3600
# HTTPS: redirect, HSTS (a year, with subdomains and preload), behind a TLS proxy when
# ADUAN_TLS_PROXY_HEADER=1 (X-Forwarded-Proto).
SECURE_SSL_REDIRECT = env_bool("ADUAN_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("ADUAN_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("ADUAN_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("ADUAN_HSTS_PRELOAD", True)
if env_bool("ADUAN_TLS_PROXY_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content-Security-Policy (django-csp): nothing from other origins, no inline script (a
# per-response nonce where one is unavoidable), no eval. Style attributes stay allowed: they
# cannot run code. aduan.accounts.content_policy relaxes it for the API documentation only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# In development mail is written to files in ./sent-mail/ instead of being sent.
EMAIL_BACKEND = env_str(
    "ADUAN_EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = env_str("ADUAN_EMAIL_FILE_PATH", str(DATA_DIR / "sent-mail"))
EMAIL_HOST = env_str("ADUAN_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("ADUAN_EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("ADUAN_FROM_EMAIL", "aduan@localhost")
ADUAN_EMAIL_TIMEOUT = env_int("ADUAN_EMAIL_TIMEOUT", 30)  # seconds per SMTP operation

# Notifications: links in messages start with the public address of the site.
ADUAN_PUBLIC_URL = env_str("ADUAN_PUBLIC_URL", "http://127.0.0.1:8000")
# WhatsApp gateway: citizens with a mobile number get WhatsApp messages when the URL is set
# (WhatsApp Business Cloud API: https://graph.facebook.com/v21.0/<phone-number-id>/messages).
ADUAN_WHATSAPP_API_URL = env_str("ADUAN_WHATSAPP_API_URL", "")
ADUAN_WHATSAPP_TOKEN = env_secret("ADUAN_WHATSAPP_TOKEN", "")
ADUAN_WHATSAPP_GATEWAY = env_str(
    "ADUAN_WHATSAPP_GATEWAY", "aduan.notifications.channels.CloudApiGateway"
)
ADUAN_WHATSAPP_TIMEOUT = env_int("ADUAN_WHATSAPP_TIMEOUT", 10)
# Outbox delivery: attempts before a message is given up ("dead"), backoff after a failure
# (base · 2^(n-1) seconds, capped), how long a worker holds a message it is sending.
ADUAN_OUTBOX_MAX_ATTEMPTS = env_int("ADUAN_OUTBOX_MAX_ATTEMPTS", 10)
ADUAN_OUTBOX_RETRY_SECONDS = env_int("ADUAN_OUTBOX_RETRY_SECONDS", 60)
ADUAN_OUTBOX_RETRY_MAX_SECONDS = env_int("ADUAN_OUTBOX_RETRY_MAX_SECONDS", 6 * 3600)
ADUAN_OUTBOX_LEASE_SECONDS = env_int("ADUAN_OUTBOX_LEASE_SECONDS", 300)
ADUAN_OUTBOX_BATCH_SIZE = env_int("ADUAN_OUTBOX_BATCH_SIZE", 50)
# `aduan worker` runs these callables (keyword arguments worker_id and now) in every pass.
ADUAN_WORKER_TASKS = env_list(
    "ADUAN_WORKER_TASKS",
    "aduan.complaints.services.queued_submissions_process,"
    "aduan.notifications.delivery.deliver_batch,aduan.sla.sweeps.sweep,"
    "aduan.intake.services.conversation_sweep,aduan.intake.services.mail_fetch_task,"
    "aduan.api.idempotency.purge_idempotency_records,"
    "aduan.reports.tasks.monthly_report_task,aduan.reports.rollups.compact_task,"
    "aduan.transparency.tasks.refresh_statistics_task",
)
# Seconds after which the worker recomputes the public page's statistics (one row per
# jurisdiction and year, ``transparency.PublicStatistics``).
ADUAN_PUBLIC_STATS_SECONDS = env_int("ADUAN_PUBLIC_STATS_SECONDS", 600)
# Seconds a dashboard's figures are kept in the cache for the next leader who opens the
# same dashboard (and its PDF); 0: read them on every request.
ADUAN_DASHBOARD_CACHE_SECONDS = env_int("ADUAN_DASHBOARD_CACHE_SECONDS", 60)
# The staff map's tile server ({z}/{x}/{y}); empty: no tiles, kelurahan and points only.
ADUAN_MAP_TILES = env_str("ADUAN_MAP_TILES", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
ADUAN_MAP_ATTRIBUTION = env_str(
    "ADUAN_MAP_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every handler masks personal data (NIK, phone, e-mail, plates) in what it writes.
    "filters": {"mask_pii": {"()": "aduan.privacy.logging.MaskPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["mask_pii"]}},
    "root": {"handlers": ["console"], "level": env_str("ADUAN_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Failed and successful logins are kept in the database (django-axes' access log).
        "axes": {"level": "WARNING"},
    },
}

# --- Intake channels (aduan.intake) and outbound webhooks --------------------------------
# WhatsApp webhook at /masuk/whatsapp/: the verify token of Meta's subscription handshake,
# the app secret that signs every POST (X-Hub-Signature-256; without it every POST is
# refused), the Graph API base for downloading media, and how old a message may be before
# it is refused as a replay.
ADUAN_WHATSAPP_VERIFY_TOKEN = env_secret("ADUAN_WHATSAPP_VERIFY_TOKEN", "")
ADUAN_WHATSAPP_APP_SECRET = env_secret("ADUAN_WHATSAPP_APP_SECRET", "")
ADUAN_WHATSAPP_MEDIA_URL = env_str("ADUAN_WHATSAPP_MEDIA_URL", "https://graph.facebook.com/v21.0")
ADUAN_WHATSAPP_MAX_AGE_SECONDS = env_int("ADUAN_WHATSAPP_MAX_AGE_SECONDS", 24 * 3600)
# A WhatsApp report still waiting for its kelurahan (or its description) is submitted as it
# is after this many minutes (`aduan.intake.services.conversation_sweep`, a worker task).
ADUAN_INTAKE_DRAFT_MINUTES = env_int("ADUAN_INTAKE_DRAFT_MINUTES", 60)
# E-mail intake: `aduan fetch-mail` reads this IMAP mailbox (unread mail, marked read once
# handled); /masuk/email/ accepts raw messages POSTed with X-Aduan-Inbound-Secret.
ADUAN_IMAP_HOST = env_str("ADUAN_IMAP_HOST", "")
ADUAN_IMAP_SSL = env_bool("ADUAN_IMAP_SSL", True)
ADUAN_IMAP_PORT = env_int("ADUAN_IMAP_PORT", 993 if ADUAN_IMAP_SSL else 143)
ADUAN_IMAP_USER = env_str("ADUAN_IMAP_USER", "")
ADUAN_IMAP_PASSWORD = env_secret("ADUAN_IMAP_PASSWORD", "")
ADUAN_IMAP_FOLDER = env_str("ADUAN_IMAP_FOLDER", "INBOX")
ADUAN_IMAP_TIMEOUT = env_int("ADUAN_IMAP_TIMEOUT", 30)
ADUAN_INBOUND_EMAIL_SECRET = env_secret("ADUAN_INBOUND_EMAIL_SECRET", "")
ADUAN_INBOUND_EMAIL_MAX_BYTES = env_int("ADUAN_INBOUND_EMAIL_MAX_BYTES", 40 * 1024 * 1024)
# Outbound webhooks: seconds to wait for a subscriber's answer.
ADUAN_WEBHOOK_TIMEOUT = env_int("ADUAN_WEBHOOK_TIMEOUT", 10)

# REST API v1 (aduan.api). Authentication, parsers, pagination and the error body are set on
# the API's own base view (aduan.api.apis.base.ApiView), so that other DRF views keep DRF's
# defaults. Rate limits, when wanted: DEFAULT_THROTTLE_CLASSES / DEFAULT_THROTTLE_RATES here.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Aduan API",
    "DESCRIPTION": (
        "REST API v1 of Aduan, complaint handling for local governments. Errors: "
        '`{"error": {"code", "message", "fields"}}` in Bahasa Indonesia or English by '
        "Accept-Language. Lists: keyset pagination (`next`/`previous` links). POST: send an "
        "`Idempotency-Key` to make retries safe."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "ComplaintStatusEnum": "aduan.complaints.choices.ComplaintStatus",
        "PrivacyEnum": "aduan.complaints.choices.Privacy",
        "ChannelEnum": "aduan.complaints.choices.Channel",
        "ReportTypeEnum": "aduan.complaints.choices.ReportType",
    },
}

# Open311 GeoReport v2: most requests one GET returns (the specification's cap is 1,000).
ADUAN_OPEN311_MAX_ROWS = env_int("ADUAN_OPEN311_MAX_ROWS", 1000)

# --- Abuse, files and personal data (aduan.lib.ratelimit, aduan.privacy) -----------------
# Rate limits "<count>/<period>" (s, m, h, d); ADUAN_RATE_LIMITS="intake_ip=40/h,…" overrides
# single entries. The challenge question on the web form appears once an address sent
# more than `challenge_ip` reports. See docs/security.md.
ADUAN_RATE_LIMITS = {
    "intake_ip": "20/h",  # public submissions per client address (web form, anonymous API)
    "intake_phone": "5/h",  # submissions per reporter phone number or e-mail, any channel
    "intake_token": "600/h",  # submissions per integration key (API token, Open311 api_key)
    "whatsapp_sender": "60/h",  # WhatsApp messages handled per sender number
    "challenge_ip": "3/h",  # web form: above this, the arithmetic question is asked
    "public_similar": "30/m",  # "similar reports" lookups from the citizen form per address
    **dict(item.split("=", 1) for item in env_list("ADUAN_RATE_LIMITS", "") if "=" in item),
}
# Behind this many reverse proxies the client address is read from X-Forwarded-For.
ADUAN_TRUSTED_PROXIES = env_int("ADUAN_TRUSTED_PROXIES", 0)
# Photos larger than this many pixels are refused (decompression bombs).
ADUAN_MAX_IMAGE_PIXELS = env_int("ADUAN_MAX_IMAGE_PIXELS", 50_000_000)
# `aduan retention`: reporters of complaints closed more than this many years ago are
# anonymised (UU 27/2022 on personal data protection).
ADUAN_RETENTION_YEARS = env_int("ADUAN_RETENTION_YEARS", 5)
