"""Settings shared by every environment. Everything that differs comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "knowledge",
    "forums",
    "monitoring",
    "search",
    "api",
    "priorities",
    "participation",
    "accounts",
    "axes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_filters",
    "ninja",  # its Swagger UI files, served from here (no CDN)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "config.logs.request_context",  # first: every log line of the request carries its id
    "django.middleware.security.SecurityMiddleware",
    "knowledge.middleware.content_security_policy",  # above the page cache: cached pages get it too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compress what is sent; below it, every page gets an ETag and a 304 when the browser has it.
    "knowledge.middleware.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "knowledge.admin_scripts.admin_calls_as_data",  # the admin's widgets started without inline script
    "knowledge.dependencies.marks_per_request",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "knowledge.middleware.ChosenLanguageMiddleware",
    "knowledge.middleware.refuse_nul_bytes",
    "knowledge.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the Thai lockout page
]

# Scripts, styles, images and fonts from this site only (no CDN, no inline script: injected markup cannot
# run); no plug-ins, no framing by others, forms post only here. The Wagtail admin holds to it too, its
# widgets started from data (knowledge/admin_scripts.py); its pages still carry style attributes
# (wagtail/wagtail#1288), so there inline style is allowed, and blob: images (upload previews).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
CONTENT_SECURITY_POLICY_ADMIN = CONTENT_SECURITY_POLICY.replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
).replace("img-src 'self' data:", "img-src 'self' data: blob:")
# True only on a developer's machine (dev settings), where tools inject scripts into pages (axe, the
# browser's own console): the browser then reports what the policy would block and blocks nothing.
CONTENT_SECURITY_POLICY_REPORT_ONLY = False

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "forums.context_processors.viewer",
            ],
        },
    },
]

# The embedded default is SQLite under var/; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers proceed while one writer commits (gunicorn runs several workers).
    DATABASES["default"]["OPTIONS"] = {
        # optimize=0x10002 re-analyses tables that grew a lot since the last ANALYZE (knowledge.apps).
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA optimize=0x10002;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # A Redis that stops answering costs a page at most this long, then is left alone a while.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
        if os.environ.get("REDIS_URL")
        else {
            "BACKEND": "config.cache.FileCache",
            "LOCATION": os.environ.get("FILE_CACHE_DIR", VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses sign-ins (the site's and the admin's) for a while after AXES_FAILURE_LIMIT
# wrong passwords for one username from one address; others from elsewhere still sign in.
# The public API (api/): at most 100 items a page, whatever `limit` asks.
NINJA_PAGINATION_MAX_LIMIT = 100

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "knowledge.auth.CachedModelBackend"]

# Sign-in with the ministry's accounts (accounts/), each off unless configured; local accounts keep working.
# Directory groups map to roles (SSO_ROLE_GROUPS="MOE-B40-Mods=moderator;MOE-Staff=staff"; a group named as
# a role, e.g. "moderator" or "ผู้ดูแลระบบ", needs no mapping; no mapped group → staff).
SSO_ROLE_GROUPS = dict(
    pair.split("=", 1) for pair in os.environ.get("SSO_ROLE_GROUPS", "").split(";") if "=" in pair
)
# OpenID Connect: set OIDC_RP_CLIENT_ID, OIDC_RP_CLIENT_SECRET and the provider's endpoints.
OIDC_ENABLED = bool(os.environ.get("OIDC_RP_CLIENT_ID"))
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_AGENCY_CLAIM = os.environ.get("OIDC_AGENCY_CLAIM", "agency")
OIDC_TIMEOUT = 10
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/?sso=failed"
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("accounts.oidc.MinistryOIDCBackend")
# LDAP / Active Directory: set AUTH_LDAP_SERVER_URI, a bind account and where people and groups are.
if AUTH_LDAP_SERVER_URI := os.environ.get("AUTH_LDAP_SERVER_URI", ""):
    AUTHENTICATION_BACKENDS.insert(1, "accounts.ldap.MinistryLDAPBackend")
    from accounts.ldap_settings import from_environment

    globals().update(from_environment(os.environ))
LDAP_AGENCY_ATTRIBUTE = os.environ.get("LDAP_AGENCY_ATTRIBUTE", "departmentNumber")
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Sessions are read from the cache and kept in the database (a signed-in page needs no session query).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Thai first, English second. The UI language follows the visitor's choice (a cookie), not the URL,
# so the plan's public URLs stay the same in both languages.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]  # each named in its own language
# The site's own catalogue first; then Thai for the Wagtail admin and Django strings their catalogues lack.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "packages"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files only some people may read (KPI evidence) live outside MEDIA_ROOT and are served by a view that checks.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media-is-not-served/"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ระบบราชการ 4.0 ศธ. <noreply@moe.go.th>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL  # error reports to ADMINS come from the site's own address

# Index upkeep and e-mail run outside the request: queued in the database, run by `manage.py db_worker`
# (`make run` starts one). TASKS_BACKEND=immediate runs them in-process instead (tests do).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("TASKS_BACKEND") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# No gravatar: the admin would send a hash of every editor's e-mail off the intranet on every page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "knowledge.forms.AdminLoginForm"
WAGTAIL_SITE_NAME = "ระบบราชการ 4.0 กระทรวงศึกษาธิการ"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}  # Thai words added
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx"]
WAGTAILDOCS_DOCUMENT_MODEL = "knowledge.VersionedDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "knowledge.documents.VersionedDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False
# Thai titles must never become slugs: slugify strips Thai vowel and tone marks (wagtail#12300).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"

# The exchange (forums/)
FORUM_HOLD_FIRST_POST = os.environ.get("FORUM_HOLD_FIRST_POST", "1") == "1"  # new accounts wait for approval
FORUM_RATE_LIMIT = (int(os.environ.get("FORUM_POSTS_PER_MINUTE", "6")), 60)  # posts per window (seconds)
FORUM_IMAGE_MAX_BYTES = 5 * 1024 * 1024
FORUM_IMAGE_MAX_PIXELS = 25_000_000
FORUM_HOLIDAYS = env_list("FORUM_HOLIDAYS")  # ISO dates skipped when counting working days
FORUM_TOPICS_PER_PAGE = 30
FORUM_POSTS_PER_PAGE = 20
FORUM_VIEW_BATCH = int(
    os.environ.get("FORUM_VIEW_BATCH", "10")
)  # views counted in the cache, written in batches

# Monitoring and evaluation (monitoring/)
MONITORING_REPORT_DUE_DAYS = 15  # a quarter's KPI report is due this many days after the quarter ends
MONITORING_REMIND_BEFORE_DAYS = 7  # the first reminder goes out this many days before the deadline
MONITORING_REMIND_AFTER_DAYS = 30  # overdue reminders go out until this many days after the deadline
MONITORING_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
MONITORING_COVERAGE_DAYS = 90  # "an update in the last N days" on the coverage table

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

# Anonymous page views are served from cache until something they show changes (knowledge/page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Shared renderings (whole pages and pieces) are kept until what they show changes; False renders every
# page from scratch (benchmarks measure that path: the first view after a change).
RENDERINGS_KEPT = True
# The table from models to what they invalidate, and how far apart the clocks of hosts sharing one cache
# may be (a rendering started less than this before a change is not trusted).
CACHE_DEPENDENCIES = "config.dependencies.TABLE"
# Thai lines end between words (search/line_breaks.py). Off in most tests, which read the text they
# assert on; the browser tests and the line-break tests turn it on.
THAI_LINE_BREAKS = True
# Print each published edition's PDF in the task queue (off in tests: Chromium takes seconds a page).
KNOWLEDGE_PRINT_ON_PUBLISH = True
# Who reads a page: the bits of shared renderings filled per person (knowledge/personal.py).
PERSONAL_VIEWER = "forums.viewers.ForumViewer"
CACHE_CLOCK_SKEW_SECONDS = float(os.environ.get("CACHE_CLOCK_SKEW_SECONDS", "0"))

# One JSON object a line, each with its request's id, user and path (config/logs.py); one line per request
# (`site.requests`, LOG_REQUESTS=WARNING turns it off); server errors also e-mailed to ADMINS when set.
ADMINS = [(address, address) for address in os.environ.get("ADMINS", "").split(",") if address.strip()]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "config.logs.RequestFields"}},
    "formatters": {"json": {"()": "config.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request"], "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Django's own "django" logger keeps its mail_admins handler: server errors reach ADMINS once.
    "loggers": {"site.requests": {"level": os.environ.get("LOG_REQUESTS", "INFO")}},
}
