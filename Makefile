# 科学技术部政务服务平台 end-to-end suite. Main job: `make e2e`; CI: `make test` (.ci/run).
# Works non-interactively (CI=true, no stdin). `make setup` redoes nothing already done.

SHELL := /bin/bash
VENV = .venv
PY = $(VENV)/bin/python
PYTEST = $(VENV)/bin/pytest
ALLURE = node_modules/.bin/allure
BROWSERS ?= --browser chromium --browser firefox
# One xdist worker more than cores: a scenario waits on its browser's frames and the portal for part of
# its time, and with one worker per core those waits left 16 % of the machine idle (docs/performance.md,
# "第十次会话"); the full make test matrix: -n 2 848 s, -n 3 776 s on 2 cores.
WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
PORT ?= 8080
RESULTS ?= reports/allure-results
REPORT_DIR = reports/allure-report
MATRIX_PY ?= $(PY)
# Browser scenarios use no Hypothesis: its pytest plugin would import it (~0.5 s) just to print nothing.
E2E_OPTS ?= -p no:hypothesispytest
# Local runs put the previous run's failures first (pytest's cache in .pytest_cache); CI (CI set) runs
# without the cache. With several workers, items run longest first (support/run/schedule.py, .test_durations).
FAILED_FIRST ?= $(if $(CI),-p no:cacheprovider,--ff)
MAKE_START := $(shell date +%s.%N)
# Playwright's builds (and its ffmpeg) live in the repository unless the environment names another place
# (Playwright's own container image has them in /ms-playwright).
PLAYWRIGHT_BROWSERS_PATH ?= $(CURDIR)/.playwright
export PLAYWRIGHT_BROWSERS_PATH

VENV_STAMP = $(VENV)/.stamp-requirements
NODE_STAMP = node_modules/.stamp
FFMPEG_STAMP = .playwright/.stamp-ffmpeg
SYSTEM_PACKAGES = chromium chromium-headless-shell firefox-esr fonts-noto-cjk

.PHONY: setup system-deps preflight e2e test test-plain flake-check report portal clean steps new-scenario faq-data plan lint format \
	bench load durations shard-demo dry-run venv-ready staging-demo security smoke browsers cjk-font \
	gates unit shard a11y

setup: $(VENV_STAMP) browsers $(NODE_STAMP) $(FFMPEG_STAMP)

$(PY):
	python3 -m venv $(VENV)

$(VENV_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check --quiet -r requirements.txt
	touch $@

# Authoring targets (steps, new-scenario, dry-run, plan) need only an importable suite: with a .venv that
# already imports it they never run pip, even when requirements.txt is newer than the stamp (a checkout,
# pull or copy rewrites its mtime without changing it; make setup / make test still reinstall then).
venv-ready:
	@$(PY) -c "import pytest_bdd, playwright, yaml, faker" 2>/dev/null || $(MAKE) --no-print-directory $(VENV_STAMP)

# Browsers from either source (issue 24): Playwright's own builds when `playwright install` can download
# them (then WebKit too: --browser webkit), else the system browsers (Debian chromium + firefox-esr through
# system-deps, the offline path). tools/browser_source.py says which and why; a machine that cannot
# download is told so in one probe of at most 5 s, and remembered. BROWSER_SOURCE=system|playwright forces one.
BROWSER_SOURCE ?= auto
browsers: $(VENV_STAMP)
	@source=$$($(PY) tools/browser_source.py --source $(BROWSER_SOURCE)) || exit $$?; \
	if [ "$$source" = system ]; then $(MAKE) --no-print-directory system-deps; else $(MAKE) --no-print-directory cjk-font; fi

# Playwright's builds bring their libraries (--with-deps) but not necessarily a Chinese font.
cjk-font:
	@if fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  exit 0; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-noto-cjk; \
	elif sudo -n true 2>/dev/null; then \
	  sudo -n apt-get update && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-noto-cjk; \
	else \
	  echo "缺少中文字体，请运行 / missing a CJK font, please run: sudo apt-get install -y fonts-noto-cjk"; exit 1; \
	fi

# Cheap check every time; apt runs only when something is missing. chromium-headless-shell (what headless
# runs launch: half of Chromium's CPU time) is optional: without root the full chromium runs headless.
system-deps:
	@needed() { [ -x /usr/bin/chromium ] && [ -x /usr/bin/firefox-esr ] && fc-list :lang=zh 2>/dev/null | grep -q .; }; \
	if needed && [ -x /usr/bin/chromium-headless-shell ]; then \
	  exit 0; \
	elif needed && [ "$$(id -u)" != 0 ]; then \
	  echo "提示：未安装 chromium-headless-shell，无界面运行改用完整的 chromium（更慢）。安装 / to install: sudo apt-get install -y chromium-headless-shell"; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "安装系统浏览器与中文字体 / installing system browsers and CJK fonts: $(SYSTEM_PACKAGES)"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(SYSTEM_PACKAGES); \
	else \
	  echo "缺少系统浏览器或中文字体，且当前不是 root。请运行："; \
	  echo "Missing system browsers or CJK fonts and not running as root. Please run:"; \
	  echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y $(SYSTEM_PACKAGES)"; \
	  exit 1; \
	fi

$(NODE_STAMP): package-lock.json package.json
	npm ci --no-audit --no-fund
	touch $@

# Playwright's ffmpeg (video) cannot be downloaded here: link the one from imageio-ffmpeg.
$(FFMPEG_STAMP): $(VENV_STAMP) tools/link_ffmpeg.py
	$(PY) tools/link_ffmpeg.py
	touch $@

preflight: setup
	$(PY) tools/preflight.py $(BROWSERS)

# Runs the features, always renders the report, then exits with pytest's (or the gate's) status.
e2e: setup
	$(PY) tools/preflight.py $(BROWSERS) --need-report
	@rc=0; \
	$(PYTEST) tests/e2e -n $(WORKERS) $(BROWSERS) $(E2E_OPTS) $(FAILED_FIRST) --alluredir=$(RESULTS) --clean-alluredir || rc=$$?; \
	$(MAKE) --no-print-directory report RESULTS=$(RESULTS) || { [ $$rc -ne 0 ] || rc=$$?; }; \
	echo "Allure 报告 / report: $(CURDIR)/$(REPORT_DIR)/index.html"; \
	exit $$rc

# Everything CI checks. One pytest run, so the output ends with its summary line;
# pytest's exit code 5 (no tests collected) fails the target like any other non-zero code.
# The test-plain scenarios run inside it (--also-plain, support/run/markup_variants.py: copies named
# …[plain-<browser>], in the Allure report with 页面写法 = plain) rather than in a pytest run of their own
# first: one session start and one tail instead of two. The summary's "deselected" count is the copies
# of the 例子 rows of an outline whose other rows PLAIN_SELECTION takes.
test: setup
	$(PY) tools/preflight.py $(BROWSERS)
	@$(MAKE) --no-print-directory gates
	@rc=0; \
	echo "$(PYTEST) tests -n $(WORKERS) $(BROWSERS) --also-plain \"$(PLAIN_SELECTION)\" $(FAILED_FIRST) --alluredir=$(RESULTS) --clean-alluredir --junitxml=reports/junit.xml"; \
	$(PYTEST) tests -n $(WORKERS) $(BROWSERS) --also-plain "$(PLAIN_SELECTION)" $(FAILED_FIRST) --alluredir=$(RESULTS) --clean-alluredir --junitxml=reports/junit.xml || rc=$$?; \
	ALLURE_NO_HISTORY=1 $(ALLURE) quality-gate "$(RESULTS)" --config allurerc.mjs || { \
	  echo "质量门禁未通过 / quality gate failed (ALLURE_MAX_FAILURES=$${ALLURE_MAX_FAILURES:-0})"; [ $$rc -ne 0 ] || rc=1; }; \
	exit $$rc

# The checks make test runs before pytest; no browser (CI runs them in its first job).
gates: venv-ready
	@if [ -f tools/faq_coverage.py ]; then $(PY) -m tools.faq_coverage; fi
	@if [ -f tools/step_catalog.py ]; then $(PY) -m tools.step_catalog --check; fi
	@if [ -f tools/gherkin_lint.py ]; then $(PY) -m tools.gherkin_lint; fi
	@if [ -f tools/export_faq.py ]; then $(PY) tools/export_faq.py --check; fi
	@if [ -f tools/portal_messages.py ]; then $(PY) tools/portal_messages.py --check; fi
	@$(MAKE) --no-print-directory lint

# ruff (pinned in requirements.txt; settings in pyproject.toml): lint rules and formatting, both checked.
# `make format` rewrites the files the way the check wants them.
lint: venv-ready
	@[ -x $(VENV)/bin/ruff ] || $(MAKE) --no-print-directory $(VENV_STAMP)
	@$(VENV)/bin/ruff check --quiet . && $(VENV)/bin/ruff format --check --quiet . && echo "ruff：检查与格式均通过 (lint and format clean)"
format: venv-ready
	$(VENV)/bin/ruff check --fix --quiet .; $(VENV)/bin/ruff format .

# The first signal on every change (issue 24): the @smoke scenarios on both browsers and the unit tests
# except the slow modules below (those that drive a browser on the first browser only:
# --unit-on-first-browser, support/run/smoke.py), in one xdist run; prints its own wall time from the start of make
# (goal: under 60 s on a quiet 2-core machine). The skipped modules run in make test / make unit.
# The slowest modules of two measured unit runs (docs/performance.md), together most of the unit time.
SMOKE_SKIP ?= test_fuzz_forms.py test_durability.py test_gherkin_failures.py test_security_depth.py \
	test_markup_plain.py test_hgr_records.py test_hgr_synthesis.py test_security_access.py test_a11y_check.py \
	test_message_checks.py test_step_types.py test_suite_targets.py test_recovery_reset.py \
	test_tools_step_catalog.py test_security_sessions.py test_torch_gate.py test_security_password_policy.py \
	test_security_errors.py test_services_catalogue.py test_evidence_options.py test_tables_as_read.py \
	test_vendor_login_and_parts.py test_markup_variants.py test_smoke_selection.py
smoke: setup
	@$(PY) tools/preflight.py $(BROWSERS)
	@rc=0; $(PYTEST) tests/unit tests/e2e -m "smoke or unit" $(addprefix --ignore=tests/unit/,$(SMOKE_SKIP)) \
	  --unit-on-first-browser -n $(WORKERS) $(BROWSERS) $(E2E_OPTS) $(FAILED_FIRST) -q --no-header --junitxml=reports/junit-smoke.xml || rc=$$?; \
	echo "make smoke：$$(awk "BEGIN{printf \"%.1f\", $$(date +%s.%N) - $(MAKE_START)}") 秒 / seconds (目标 / goal < 60 s)"; \
	exit $$rc

# Every unit test (CI: in the first job; nightly with HYPOTHESIS_PROFILE=nightly for the deep fuzz profile).
unit: setup
	$(PYTEST) tests/unit -n $(WORKERS) $(FAILED_FIRST) -q --junitxml=reports/junit-unit.xml

# CI shards (docs/ci): shard SHARD of SHARDS of the e2e matrix without the @a11y scenarios, balanced by
# .test_durations; the @a11y scenarios run together in `make a11y`, the one run that judges that every
# page template was checked on each browser. Both write Allure results for the merged report.
SHARDS ?= 4
SHARD ?= 1
shard: setup
	$(PY) tools/preflight.py $(BROWSERS)
	$(PYTEST) tests/e2e -m "not a11y" --splits $(SHARDS) --group $(SHARD) --splitting-algorithm least_duration \
	  --durations-path .test_durations -n $(WORKERS) $(BROWSERS) $(E2E_OPTS) $(FAILED_FIRST) \
	  --alluredir=$(RESULTS) --clean-alluredir --junitxml=reports/junit-shard-$(SHARD).xml

a11y: setup
	$(PY) tools/preflight.py $(BROWSERS)
	$(PYTEST) tests/e2e -m a11y -n $(WORKERS) $(BROWSERS) $(E2E_OPTS) $(FAILED_FIRST) \
	  --alluredir=$(RESULTS) --clean-alluredir --junitxml=reports/junit-a11y.xml

# The smoke and login (FAQ 1.1) chapters on the mock's second rendering (--markup plain: another vendor's
# ids and classes, no test ids, no ARIA, headings one level lower; mock_portal/markup_plain.py). The @a11y
# scenarios check the standard rendering's ARIA and are left to it. make test runs the same scenarios
# inside its one pytest run (--also-plain); this target runs them alone (CI's first job, docs/ci).
PLAIN_SELECTION ?= (smoke or FAQ-1.1.1 or FAQ-1.1.2 or FAQ-1.1.3 or FAQ-1.1.4) and not a11y
test-plain: setup
	$(PYTEST) tests/e2e --portal-markup plain -m "$(PLAIN_SELECTION)" -n $(WORKERS) $(BROWSERS) $(E2E_OPTS) \
	  $(FAILED_FIRST) --junitxml=reports/junit-plain.xml

# Issue 21: every security property (ASVS 4.0.3 L2 V2/V3/V4/V8/V11, 等保 8.1.4.1 a–d) as one table:
# the in-process checks (tests/unit/test_security_*.py, with guard-off proofs), the HTTP checks on the
# target (tests/http, httpx) and the @security scenarios (features/security); for staging add
# E2E_OPTS="--base-url … --target-config …" (both suites take it), where @mock-only rows read 未运行.
SECURITY_BROWSERS ?= --browser chromium
security: setup
	@rc=0; \
	$(PYTEST) tests/unit/test_security_depth.py tests/unit/test_security_sessions.py \
	  tests/unit/test_security_password_policy.py tests/unit/test_security_access.py \
	  -p no:randomly -q --junitxml=reports/junit-security-unit.xml || rc=$$?; \
	$(PYTEST) tests/http -n 0 -p no:randomly $(E2E_OPTS) -q --junitxml=reports/junit-security-http.xml || rc=$$?; \
	$(PYTEST) tests/e2e -m security -n $(WORKERS) $(SECURITY_BROWSERS) $(E2E_OPTS) -q \
	  --junitxml=reports/junit-security-e2e.xml || rc=$$?; \
	$(PY) tools/security_report.py reports/junit-security-unit.xml reports/junit-security-http.xml \
	  reports/junit-security-e2e.xml --markdown reports/security.md || rc=$$?; \
	exit $$rc

# The full matrix RUNS times, no retries, a new random scenario order each run (pytest-random-order,
# one seed per run shared by every xdist worker); then the failures of each scenario over all runs.
RUNS ?= 10
flake-check: setup
	$(PY) tools/preflight.py $(BROWSERS)
	@rm -rf reports/flake && mkdir -p reports/flake
	@for i in $$(seq 1 $(RUNS)); do \
	  seed=$$(( (RANDOM << 15) | RANDOM )); \
	  echo "== 第 $$i/$(RUNS) 次运行 / run $$i of $(RUNS): random-order seed $$seed =="; \
	  $(PYTEST) tests/e2e -n $(WORKERS) $(BROWSERS) -p no:rerunfailures --random-order-bucket=global \
	    --random-order-seed=$$seed --junitxml=reports/flake/run-$$i.xml -q --no-header | tail -n 3; \
	done
	$(PY) tools/flake_report.py reports/flake/run-*.xml

# Renders $(RESULTS) with Allure 3 (config: allurerc.mjs), then applies the quality gate.
# Allure 3.18 hard-codes a Google Analytics tag into index.html: stripped (offline/intranet reports).
report: $(NODE_STAMP)
	@python3 tools/preflight.py --report-only
	@if [ ! -d "$(RESULTS)" ]; then \
	  echo "没有测试结果目录 / no results directory: $(RESULTS)（先运行 / run first: make e2e）"; exit 2; fi
	@for f in environment.properties executor.json categories.json; do \
	  if [ -f "reports/$$f" ] && [ "$(abspath reports)/$$f" != "$(abspath $(RESULTS))/$$f" ]; then cp "reports/$$f" "$(RESULTS)/"; fi; \
	done
	@# FAQ coverage matrix with this run's results, as a report-wide attachment. It needs only PyYAML and
	@# gherkin-official (MATRIX_PY: any python with both); missing, the report stops instead of losing it.
	@# Exit 1 = traceability problems, listed in the matrix itself (the gate on them runs in make test).
	@$(MATRIX_PY) -c "import yaml, gherkin" 2>/dev/null || { \
	  echo "FAQ 覆盖矩阵需要 PyYAML 与 gherkin-official / the FAQ matrix needs them: $(MATRIX_PY) 不可用 (make setup, or MATRIX_PY=…)"; exit 2; }
	@$(MATRIX_PY) -m tools.faq_coverage --results "$(RESULTS)" > /dev/null || [ $$? -eq 1 ]
	rm -rf $(REPORT_DIR)
	@# Renders and applies the quality gate in one pass (the report's 质量门 tab shows the verdict); the
	@# same results rendered again add no history entry. Exit 1 when the gate fails.
	@rc=0; node tools/allure_report.mjs "$(RESULTS)" $(REPORT_DIR) || rc=$$?; \
	perl -0pi -e 's#<script async src="https://www\.googletagmanager\.com.*?</script>\s*<script>.*?</script>##s' $(REPORT_DIR)/index.html; \
	echo "Allure 报告 / report: $(CURDIR)/$(REPORT_DIR)/index.html"; \
	[ $$rc -eq 0 ] || echo "质量门禁未通过 / quality gate failed (ALLURE_MAX_FAILURES=$${ALLURE_MAX_FAILURES:-0})"; \
	exit $$rc

# Dry run against a target file: which scenarios would run or be skipped, and why (no browser, no portal).
# make plan TARGET=docs/target-config.example.yaml [URL=https://staging…]
plan: venv-ready
	@if [ -z "$(TARGET)" ]; then echo "用法 / usage: make plan TARGET=目标配置.yaml [URL=https://…]"; exit 2; fi
	$(PYTEST) tests/e2e --plan --target-config $(TARGET) $(if $(URL),--base-url $(URL)) $(BROWSERS) -p no:randomly -n 0 -q

# The whole suite against the mock set up as a staging portal (no test API; fixed captcha, SMS outbox,
# reviewer and pre-provisioned accounts; docs/staging.md). Ends with pytest's summary line.
staging-demo: setup
	$(PY) -m tools.staging_demo --workers $(WORKERS) $(if $(DEMO_BROWSERS),$(DEMO_BROWSERS))

portal: setup
	$(PY) tools/preflight.py --port $(PORT)
	$(PY) -m mock_portal serve --host 127.0.0.1 --port $(PORT) --db reports/portal.db

# Scenario authoring (docs/writing-scenarios.md): regenerate the step catalog; list the steps a new
# scenario still lacks, with code skeletons (exit 1), or say that all exist.
steps: venv-ready
	$(PY) -m tools.step_catalog

new-scenario: venv-ready
	@$(PY) -m tools.step_catalog --missing

# One feature (or all): Gherkin check, then its undefined steps with the nearest existing ones; no browser.
# make dry-run [FEATURE=features/platform/我的.feature]
dry-run: venv-ready
	@$(PY) -m tools.gherkin_lint $(FEATURE)
	@$(PY) -m tools.step_catalog --missing $(if $(FEATURE),--features $(FEATURE))

# The portal's 常见问题 content (mock_portal/data/faq.yaml) from docs/faq_catalog.yaml.
faq-data: $(VENV_STAMP)
	$(PY) tools/export_faq.py

# Speed and scale (docs/performance.md). bench: suite vs plain Playwright, A/B alternating, both browsers.
BENCH_ROUNDS ?= 5
bench: setup
	$(PY) -m tools.bench.bench --rounds $(BENCH_ROUNDS)

# Locust, headless, loopback only: 50 users on login, 服务事项 and 我的信息 (p50/p95/p99, errors).
load: setup
	$(PY) -m tools.bench.load

# pytest-split: store every item's duration (scenario×browser, and the unit tests) in the committed
# .test_durations: shards are balanced by it, and xdist workers take the longest items first.
durations: setup
	$(PYTEST) tests -n $(WORKERS) $(BROWSERS) --store-durations --durations-path .test_durations --clean-durations -q

# Two shards side by side (as two CI machines would), results merged into one Allure report, then a
# check that every scenario×browser appears exactly once. SHARD_SELECTION narrows it (default: all).
SHARD_SELECTION ?= tests/e2e
shard-demo: setup
	@rm -rf reports/shard-1 reports/shard-2 reports/shards && mkdir -p reports/shard-1 reports/shard-2 reports/shards/allure-results
	$(PYTEST) $(SHARD_SELECTION) $(BROWSERS) --collect-only -q | grep '::' > reports/shards/collected.txt
	@pids=""; for i in 1 2; do \
	  $(PYTEST) $(SHARD_SELECTION) $(BROWSERS) $(E2E_OPTS) -n 0 --splits 2 --group $$i --splitting-algorithm least_duration \
	    --durations-path .test_durations \
	    --alluredir=reports/shard-$$i/allure-results --clean-alluredir --junitxml=reports/shard-$$i/junit.xml \
	    -q --no-header > reports/shard-$$i/pytest.log 2>&1 & pids="$$pids $$!"; \
	done; rc=0; for p in $$pids; do wait $$p || rc=$$?; done; \
	tail -n 2 reports/shard-1/pytest.log reports/shard-2/pytest.log; \
	for i in 1 2; do cp -r reports/shard-$$i/allure-results/. reports/shards/allure-results/; done; \
	$(MAKE) --no-print-directory report RESULTS=reports/shards/allure-results REPORT_DIR=reports/shards/allure-report || rc=$$?; \
	$(PY) tools/bench/check_merge.py --collected reports/shards/collected.txt --junit reports/shard-1/junit.xml \
	  --junit reports/shard-2/junit.xml --results reports/shards/allure-results || rc=$$?; \
	exit $$rc

# Mutation testing (docs/mutation.md): Cosmic Ray in its own .venv-mutation (make test does not need it);
# each module's mutants are judged only by the @FAQ scenarios that own it (tools/mutation/owners.yaml), on
# Chromium, in temporary copies of the committed tree (HEAD). A sample with a printed seed by default:
#   make mutation [MUTANTS=20] [SEED=n] [MODULES="realname.py sms.py"] [JOBS=2]  (mutants side by side)
#   make mutation MODE=changed BASE=origin/main    (pull request: mutants on changed lines only)
#   make mutation MODE=full                        (nightly)
#   make mutation ONLY=reports/mutation/survivors.txt   (re-judge the survivors of the last run)
MUTATION_VENV = .venv-mutation
MODE ?= sample
MUTANTS ?= 20
SEED ?=
BASE ?= origin/main
MODULES ?=
MUTATION_WORKERS ?= 0
JOBS ?= 1
ONLY ?=
REF ?= HEAD
.PHONY: mutation
$(MUTATION_VENV)/.stamp: requirements-mutation.txt
	python3 -m venv $(MUTATION_VENV)
	$(MUTATION_VENV)/bin/pip install --disable-pip-version-check --quiet -r requirements-mutation.txt
	touch $@

# exec: the driver is make's own child, so the SIGTERM make forwards (or Ctrl-C) reaches it and it stops
# the running scenarios' process group before it exits.
mutation: setup $(MUTATION_VENV)/.stamp
	exec $(MUTATION_VENV)/bin/python -m tools.mutation.run --mode $(MODE) --mutants $(MUTANTS) $(if $(SEED),--seed $(SEED)) \
	  --base $(BASE) $(if $(MODULES),--modules $(MODULES)) --workers $(MUTATION_WORKERS) --jobs $(JOBS) $(if $(ONLY),--only $(ONLY)) --ref $(REF)

# Keeps reports/history.jsonl (trend history); delete it by hand to reset history.
clean:
	find reports -mindepth 1 -maxdepth 1 ! -name .gitkeep ! -name 'history.jsonl*' -exec rm -rf {} +
