# Two commands do all set-up on a fresh machine with Python 3.11:
#   make run   — the site with demo content at http://127.0.0.1:8000/ (SQLite in var/, no services)
#   make test  — the whole suite (browser tests too when Chromium is installed)
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup system-packages db demo messages translations lint format bench bench-search \
	bench-forum bench-concurrency bench-search-speed bench-mixed bench-outage clean

# The task worker (search upkeep, e-mail) runs beside the development server and stops with it.
run: system-packages db demo
	$(MANAGE) db_worker --interval 1 & trap 'kill $$!' EXIT INT TERM; $(MANAGE) runserver $(HOST):$(PORT)

test: system-packages $(VENV)/.installed messages
	$(BIN)/python -m tests.run

# Debian packages the site uses: Chromium prints manuals to PDF (and drives the browser tests);
# poppler-utils checks the PDFs' text; python-ldap builds against libldap and libsasl (LDAP sign-in), and the
# tests start Debian's slapd. Each is a command or file that shows it is there, and its package. Installed
# when missing and we may (root); otherwise say so.
SYSTEM_PACKAGES := chromium:chromium pdftotext:poppler-utils /usr/sbin/slapd:slapd ldapsearch:ldap-utils \
	/usr/include/ldap.h:libldap2-dev /usr/include/sasl/sasl.h:libsasl2-dev gcc:gcc
system-packages:
	@missing=""; for pair in $(SYSTEM_PACKAGES); do { command -v $${pair%%:*} || test -e $${pair%%:*}; } >/dev/null || missing="$$missing $${pair#*:}"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "Not installed:$$missing (PDF export, LDAP sign-in and their tests need them; install as root)"; fi

setup: $(VENV)/.installed

# The virtualenv is rebuilt whenever requirements.txt changes.
$(VENV)/.installed: requirements.txt | system-packages
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

messages: $(VENV)/.installed
	$(MANAGE) compile_translations

# After changing UI strings: refresh locale/th (needs GNU gettext), then translate every new or fuzzy
# entry by hand; tests fail while any is left.
translations: $(VENV)/.installed
	$(MANAGE) makemessages -l th -i ".venv/*" -i "var/*" --no-obsolete

db: $(VENV)/.installed messages
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0

demo: db
	$(MANAGE) load_demo
	$(MANAGE) rebuild_search

lint: $(VENV)/.installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: db demo
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m benchmarks.run

# The site under a mixed load with a write a second, on the file cache and then on Redis (127.0.0.1:6379).
bench-mixed: db demo
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m benchmarks.mixed
	REDIS_URL=redis://127.0.0.1:6379/1 $(BIN)/python -m benchmarks.mixed

# The mixed load while the site's Redis dies and comes back (a Redis of its own on port 6390).
bench-outage: db demo
	$(BIN)/python -m benchmarks.outage

# Search quality on both databases (PostgreSQL: the machine's server, database bench_search).
bench-search: db demo
	$(BIN)/python -m benchmarks.search_quality
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS bench_search" -c "CREATE DATABASE bench_search"
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search sh -c '$(MANAGE) migrate -v0 && $(MANAGE) load_demo >/dev/null && $(BIN)/python -m benchmarks.search_quality'

# Search speed at 100,000 entries: ours vs a bare full-text query vs stock Wagtail, on both databases.
PG_SEARCH := postgres://postgres@127.0.0.1:5432/bench_search_speed
bench-search-speed: $(VENV)/.installed messages
	$(BIN)/python -m benchmarks.search_speed
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS bench_search_speed" -c "CREATE DATABASE bench_search_speed"
	$(BIN)/python -m benchmarks.search_speed --database-url $(PG_SEARCH)

# The exchange on a large forum (10,000 topics, 100,000 posts, built once in var/bench-forum/).
bench-forum: $(VENV)/.installed messages
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m benchmarks.forum

# 20 simultaneous replies to one topic, on SQLite and on PostgreSQL (database bench_concurrency).
PG_BENCH := postgres://postgres@127.0.0.1:5432/bench_concurrency
bench-concurrency: $(VENV)/.installed messages
	$(BIN)/python -m benchmarks.concurrency
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS bench_concurrency" -c "CREATE DATABASE bench_concurrency"
	$(BIN)/python -m benchmarks.concurrency --database-url $(PG_BENCH)

clean:
	rm -rf $(VENV) var
