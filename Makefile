# fair-strictness: two commands matter, `make run` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

BUNDLE_STAMP := $(VENV)/.bundle-installed

.PHONY: run test lint bench translations bundle bundle-test clean

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
	$(VENV)/bin/ruff check app tests bench tools packaging
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg $(PY) bench/run_all.py

# pyside6-lupdate over app/ui (and any other module using tr/translate) into resources/i18n/*.ts,
# then pyside6-lrelease to the .qm files; lists what is still untranslated. See docs/translating.md.
translations: $(STAMP)
	$(PY) tools/update_catalog.py
	$(PY) tools/update_translations.py

# The standalone app for teachers (docs/packaging.md): PyInstaller from packaging/fair-strictness.spec.
# Linux: dist/fair-strictness/ (executable fair-strictness, .desktop file, icon). Not part of `make test`.
$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/fair-strictness.spec

# Smoke test of the built bundle with a fresh profile and without the venv, start-up against the venv,
# size against its budget. Run `make bundle` first; `make bundle-test BUNDLE_TEST_ARGS=--write` also
# records the numbers in docs/benchmarks.md.
BUNDLE_TEST_ARGS ?=
bundle-test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/bundle_test.py $(BUNDLE_TEST_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info
