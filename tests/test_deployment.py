"""Production settings pass Django's deployment checklist with zero warnings."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-secret-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "bureaucracy40.moe.go.th",
    "CSRF_TRUSTED_ORIGINS": "https://bureaucracy40.moe.go.th",
}


def manage(*args, env, unset=()):
    full_env = {**os.environ, **env}
    for name in unset:
        full_env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=PRODUCTION_ENV,
        unset=["DJANGO_ALLOW_ASYNC_UNSAFE"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env=PRODUCTION_ENV, unset=["SECRET_KEY"])
    assert result.returncode != 0
    assert "Set the environment variable 'SECRET_KEY'" in result.stderr
