# Aduan: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export ADUAN_DEBUG ?= 1

.PHONY: run test install lint typecheck check clean

$(BIN)/aduan: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(BIN)/aduan

install: $(BIN)/aduan

run: install
	$(BIN)/aduan migrate --noinput
	$(BIN)/aduan load-defaults
	$(BIN)/aduan load-templates
	$(BIN)/aduan load-practice
	$(BIN)/aduan load-demo
	@echo "Aduan: http://$(HOST):$(PORT)/  (staff: http://$(HOST):$(PORT)/akun/masuk/)"
	@echo "Verifikasi dua langkah: tidak diwajibkan dalam mode demo (ADUAN_DEBUG=1); akun demo masuk dengan kata sandi saja. Untuk mencobanya: ADUAN_2FA_REQUIRED=1 make run (docs/security.md)."
	@# The worker (SLA sweeps, outbox) runs beside the web server and stops with it.
	$(BIN)/aduan worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/aduan runserver --noreload $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy aduan

check: lint typecheck
	$(BIN)/aduan check
	$(BIN)/aduan makemigrations --check --dry-run

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
