# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run serve test install install-test catalogs assets browser nginx lint

# The job worker (photo renditions, mail, schedules, this server's search index) runs beside
# the web server; stopping one (Ctrl-C) stops both.
run: install catalogs assets  ## install, create the database with sample data, serve on localhost
	$(FLASK) setup
	@$(FLASK) jobs worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	$(FLASK) run --host $(HOST) --port $(PORT)

serve: install catalogs assets  ## production: migrate, then gunicorn and the job worker
	$(FLASK) setup --no-sample
	@$(FLASK) jobs worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	$(BIN)/gunicorn -c python:branding.ops.gunicorn_conf wsgi:app

test: install-test catalogs assets browser nginx  ## install what tests need and run the whole suite
	$(BIN)/pytest $(PYTEST_ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs are remembered by a stamp in the virtualenv, redone when pyproject.toml changes (the
# install is editable: code changes need none), so two `make test` can run side by side.
install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

PO := $(wildcard translations/*/LC_MESSAGES/messages.po)
MO := $(PO:.po=.mo)

catalogs: $(MO)  ## compile the interface translations (.po → .mo) where a .po changed

$(MO) &: $(PO) | $(VENV)/.installed
	$(FLASK) translate compile

VENDOR := branding/static/vendor
LEAFLET := $(VENDOR)/leaflet
CLUSTER := $(VENDOR)/markercluster
AXE := node_modules/axe-core/axe.min.js

assets: $(VENDOR)/.stamp  ## front-end assets from the npm registry, copied into static/ (and axe-core for tests)

# Leaflet and Leaflet.markercluster for the map pages; axe-core stays in node_modules/ (tests only).
$(VENDOR)/.stamp: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed once to fetch Leaflet and axe-core (apt-get install npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error || { \
	  echo "Could not fetch the front-end packages (package-lock.json) from the npm registry:"; \
	  echo "check the network or the npm registry setting (npm config get registry), then rerun."; \
	  exit 1; }
	mkdir -p $(LEAFLET)/images $(CLUSTER)
	cp node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE $(LEAFLET)/
	cp node_modules/leaflet/dist/images/*.png $(LEAFLET)/images/
	cp node_modules/leaflet/dist/leaflet.js $(LEAFLET)/
	cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js node_modules/leaflet.markercluster/dist/MarkerCluster.css node_modules/leaflet.markercluster/MIT-LICENCE.txt $(CLUSTER)/
	test -f $(AXE)
	touch $@

browser:  ## Debian's Chromium for the browser journeys
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser journeys"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's nginx, to try docs/deploy/nginx.conf in front of gunicorn (tests/test_deployment.py).
# Installed without starting its own service (policy-rc.d), which would take port 80.
NGINX := $(firstword $(wildcard /usr/sbin/nginx) $(shell command -v nginx 2>/dev/null))
nginx:  ## Debian's nginx for the deployment test
	@test -n "$(NGINX)" || { \
	  echo "Installing Debian's nginx for the deployment test"; \
	  made=; if [ ! -e /usr/sbin/policy-rc.d ]; then made=1; \
	    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	  status=$$?; [ -z "$$made" ] || rm -f /usr/sbin/policy-rc.d; exit $$status; }

lint:  ## ruff (lint and format), the type checker, the import contracts
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
