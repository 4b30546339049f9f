# fair-strictness: two commands matter, `make run` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/fair-strictness

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg $(PY) bench/run_all.py

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate app -ts resources/i18n/fair_strictness_en.ts resources/i18n/fair_strictness_nl.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/fair_strictness_en.ts -qm resources/i18n/fair_strictness_en.qm

clean:
	rm -rf $(VENV) build *.egg-info
