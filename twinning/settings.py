"""Settings, read from the environment with defaults that are safe for one machine.

Production sets at least ``TWINNING_SECRET_KEY``, ``TWINNING_ALLOWED_HOSTS`` and
``DATABASE_URL``; see docs/deploy.md.
"""

import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("TWINNING_VAR_DIR", BASE_DIR.parent / "var")).resolve()


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = _env_bool("TWINNING_DEBUG", False)


def _secret_key() -> str:
    """Return the configured key, or one generated once and kept under var/."""
    if key := os.environ.get("TWINNING_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = _env_list("TWINNING_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = _env_list("TWINNING_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Before the admin, so that its translation fields appear in the admin's forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_filters",
    "django_htmx",
    "ninja",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "twinning.core",
    "twinning.accounts",
    "twinning.places",
    "twinning.focusareas",
    "twinning.organisations",
    "twinning.people",
    "twinning.sources",
    "twinning.partnerships",
    "twinning.activities",
    "twinning.institutions",
    "twinning.projects",
    "twinning.demo",
    "twinning.sites",
    "twinning.visits",
    "twinning.participants",
    "twinning.grants",
    "twinning.search",
    "twinning.atlas",
    "twinning.profiles",
    "twinning.ingestion",
    "twinning.strategies",
    "twinning.reports",
    "twinning.notifications",
    "twinning.attachments",
    "twinning.dashboard",
    "twinning.about",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "twinning.core.middleware.JsonDepthMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it answers for a locked-out login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "twinning.urls"
WSGI_APPLICATION = "twinning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'twinning.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
# How long an SQLite write waits for another writer (an import's one transaction) before
# giving up with "database is locked".
SQLITE_BUSY_TIMEOUT_MS = int(os.environ.get("TWINNING_SQLITE_BUSY_TIMEOUT_MS", 30_000))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A connection kept per server thread keeps SQLite's page cache warm between requests.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer works; IMMEDIATE avoids lock upgrades
        # that fail under concurrent writes.
        "init_command": (
            f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}; PRAGMA journal_mode=WAL;"
            " PRAGMA synchronous=NORMAL;"
            " PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Each server process keeps its own memory cache: cached ids and names, and the page
# fragments drawn from the registry. Fragments are keyed on a stamp of the data (see
# core.selectors.data_stamp), so they never outlive a change; TWINNING_FRAGMENT_CACHE=0
# turns them off, to measure pages drawn afresh.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "twinning",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache"
        if _env_bool("TWINNING_FRAGMENT_CACHE", True)
        else "django.core.cache.backends.dummy.DummyCache",
        "LOCATION": "twinning-fragments",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes counts failed logins first and locks out a user name from an address after
# TWINNING_LOGIN_FAILURE_LIMIT failures, for TWINNING_LOGIN_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("TWINNING_LOGIN_FAILURE_LIMIT", 10))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("TWINNING_LOGIN_COOLOFF_MINUTES", 30)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = 1 if _env_bool("TWINNING_BEHIND_PROXY", False) else None
AXES_VERBOSE = False
# Wrong API tokens from one address within the window before that address is refused (429).
TWINNING_TOKEN_FAILURE_LIMIT = int(os.environ.get("TWINNING_TOKEN_FAILURE_LIMIT", 20))
TWINNING_TOKEN_FAILURE_WINDOW = int(os.environ.get("TWINNING_TOKEN_FAILURE_WINDOW", 15 * 60))

# Participants' names and contacts are removed this many days after their event ended
# (`twinning participants purge`); the anonymous rows, and so the counts, stay.
TWINNING_PARTICIPANT_RETENTION_DAYS = int(
    os.environ.get("TWINNING_PARTICIPANT_RETENTION_DAYS", 2 * 365)
)
# Sign-ups one address may send to the public sign-up forms (django-ratelimit's notation).
TWINNING_SIGNUP_RATE = os.environ.get("TWINNING_SIGNUP_RATE", "10/h")
# A TOML file of grant calls beyond those twinning ships (twinning/grants/calls.toml shows
# the shape), so that a new call needs no new release.
TWINNING_GRANT_CALLS = os.environ.get("TWINNING_GRANT_CALLS", "")
# Administrators prove a second factor (a TOTP device) before the admin opens, when on.
TWINNING_ADMIN_OTP = _env_bool("TWINNING_ADMIN_OTP", False)
OTP_TOTP_ISSUER = "twinning"
# The admin's address, moved away from the well-known /admin/ if wanted.
TWINNING_ADMIN_PATH = os.environ.get("TWINNING_ADMIN_PATH", "admin/").strip("/") + "/"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard:index"
LOGOUT_REDIRECT_URL = "dashboard:index"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("da", _("Danish"))]
# The languages a record's own texts (titles, descriptions, programme items) can be kept
# in: the site's languages and Chinese, which partners read. A text missing in the
# reader's language is shown in the next language of this order that has it.
MODELTRANSLATION_LANGUAGES = ("en", "da", "zh")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "da", "zh"),
    "da": ("en", "zh"),
    "zh": ("en", "da"),
}
RECORD_LANGUAGE_NAMES = {"en": _("English"), "da": _("Danish"), "zh": _("Chinese")}
# Django knows Chinese by its scripts only; record texts say "zh" for the language.
LANG_INFO.setdefault("zh", {**LANG_INFO["zh-hans"], "code": "zh", "name": "Chinese"})


def _translation_verbose_name(name, language):
    return format_lazy("{} ({})", name, RECORD_LANGUAGE_NAMES[language])


MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = _translation_verbose_name
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["twinning.formats"]
USE_I18N = True
TIME_ZONE = os.environ.get("TWINNING_TIME_ZONE", "Europe/Copenhagen")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("TWINNING_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Front-end libraries installed by npm (package.json); only the files the pages load.
NODE_MODULES = BASE_DIR.parent / "node_modules"
STATICFILES_DIRS += [
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
    ("vendor/leaflet.markercluster", NODE_MODULES / "leaflet.markercluster" / "dist"),
    ("vendor/topojson-client", NODE_MODULES / "topojson-client" / "dist"),
    ("vendor/world-atlas", NODE_MODULES / "world-atlas"),
    ("vendor/tom-select", NODE_MODULES / "tom-select" / "dist"),
]


def _file_storage(environ) -> dict:
    """Return the storage of uploaded files: S3-compatible when a bucket is named, else disk.

    On S3 several web machines share the files; they stay private (no public ACL) and
    are served through the site, which checks who may see them.
    """
    bucket = environ.get("TWINNING_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "location": environ.get("TWINNING_S3_PREFIX", ""),
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
    }
    for option, name in [
        ("endpoint_url", "TWINNING_S3_ENDPOINT_URL"),
        ("region_name", "TWINNING_S3_REGION"),
        ("access_key", "TWINNING_S3_ACCESS_KEY_ID"),
        ("secret_key", "TWINNING_S3_SECRET_ACCESS_KEY"),
    ]:
        if value := environ.get(name):
            options[option] = value
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": _file_storage(os.environ),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("TWINNING_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
FORMS_URLFIELD_ASSUME_HTTPS = True
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("TWINNING_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = _env_bool("TWINNING_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("TWINNING_HSTS_SECONDS", 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("TWINNING_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = _env_bool("TWINNING_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Every script and style comes from the site's own static files; none is written inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if _env_bool("TWINNING_BEHIND_PROXY", False) else None
)

EMAIL_BACKEND = os.environ.get(
    "TWINNING_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("TWINNING_FROM_EMAIL", "twinning@localhost")

COUNTRIES_FIRST = ["DK", "CN"]
# Kosovo has no ISO 3166-1 code yet; XK is the code in common use.
COUNTRIES_OVERRIDE = {"XK": _("Kosovo")}

NINJA_PAGINATION_PER_PAGE = 50

# Background tasks (document ingestion) wait in the database until `twinning worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
TWINNING_MAX_UPLOAD_BYTES = int(os.environ.get("TWINNING_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))
# The largest file that may be kept on a record.
TWINNING_MAX_ATTACHMENT_BYTES = int(
    os.environ.get("TWINNING_MAX_ATTACHMENT_BYTES", 25 * 1024 * 1024)
)
# Outgoing webhooks: how long a receiver may take to answer, the waits before each retry
# (seconds; one attempt more than there are waits), and whether addresses on this machine
# or the private network may be called (off: an organisation's administrator could
# otherwise reach services that are not public).
TWINNING_WEBHOOK_TIMEOUT = float(os.environ.get("TWINNING_WEBHOOK_TIMEOUT", 10))
TWINNING_WEBHOOK_RETRY_SECONDS = [
    int(value) for value in _env_list("TWINNING_WEBHOOK_RETRY_SECONDS", "60,300,1800,7200,21600")
]
TWINNING_WEBHOOK_ALLOW_PRIVATE = _env_bool("TWINNING_WEBHOOK_ALLOW_PRIVATE", False)
# The site's address as others reach it ("https://twinning.example.org"), put before the
# addresses of records in webhook bodies; empty leaves them relative.
TWINNING_SITE_URL = os.environ.get("TWINNING_SITE_URL", "").rstrip("/")
# Bounds on input: rows of an imported table, what an XLSX may unpack to, characters of a
# long text field, and how deeply a JSON body may nest.
TWINNING_IMPORT_MAX_ROWS = int(os.environ.get("TWINNING_IMPORT_MAX_ROWS", 1_000_000))
TWINNING_XLSX_MAX_UNPACKED_BYTES = int(
    os.environ.get("TWINNING_XLSX_MAX_UNPACKED_BYTES", 512 * 1024 * 1024)
)
TWINNING_MAX_TEXT_LENGTH = int(os.environ.get("TWINNING_MAX_TEXT_LENGTH", 100_000))
TWINNING_MAX_JSON_DEPTH = int(os.environ.get("TWINNING_MAX_JSON_DEPTH", 32))

# A map tile URL such as "https://tile.example.org/{z}/{x}/{y}.png"; empty draws the
# atlas on the offline country shapes alone.
TWINNING_MAP_TILE_URL = os.environ.get("TWINNING_MAP_TILE_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TWINNING_LOG_LEVEL", "WARNING")},
}
