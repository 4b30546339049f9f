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
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check app tests bench tools
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg $(PY) bench/run_all.py

# pyside6-lupdate over app/ui (and any other module using tr/translate) into resources/i18n/*.ts,
# then pyside6-lrelease to the .qm files; lists what is still untranslated. See docs/translating.md.
translations: $(STAMP)
	$(PY) tools/update_catalog.py
	$(PY) tools/update_translations.py

clean:
	rm -rf $(VENV) build *.egg-info
