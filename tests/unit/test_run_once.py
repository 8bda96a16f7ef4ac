"""Once-per-run work across xdist workers (support/run/run_once.py, issue 24): a template's accessibility
check is done by the first worker that reaches it; a failed or killed attempt leaves it to the next."""

from __future__ import annotations

import multiprocessing
import os
import threading
from types import SimpleNamespace

import pytest

from support.run.run_once import OncePerRun, run_dir


def test_the_first_claim_does_the_work_and_later_ones_skip_it(tmp_path):
    worker1, worker2 = OncePerRun(tmp_path), OncePerRun(tmp_path)
    with worker1.claim("chromium", "auth/login.html") as first:
        assert first is True
    with worker2.claim("chromium", "auth/login.html") as first:
        assert first is False
    assert worker2.done("chromium", "auth/login.html")


def test_each_browser_checks_each_template(tmp_path):
    once = OncePerRun(tmp_path)
    with once.claim("chromium", "home.html") as first:
        assert first
    with once.claim("firefox", "home.html") as first:
        assert first, "done on Chromium says nothing about Firefox"


def test_work_that_raised_is_not_done(tmp_path):
    worker1, worker2 = OncePerRun(tmp_path), OncePerRun(tmp_path)
    with pytest.raises(RuntimeError), worker1.claim("firefox", "home.html") as first:
        assert first
        raise RuntimeError("page crashed while axe ran")
    with worker2.claim("firefox", "home.html") as first:
        assert first is True


def test_a_busy_key_answers_none_without_waiting_and_the_waiter_sees_it_done(tmp_path):
    holder, crawl, scenario = OncePerRun(tmp_path), OncePerRun(tmp_path), OncePerRun(tmp_path)
    inside, finish, answers = threading.Event(), threading.Event(), {}

    def hold():
        with holder.claim("chromium", "services/list.html") as first:
            answers["holder"] = first
            inside.set()
            finish.wait()

    def wait_for_it():
        with scenario.claim("chromium", "services/list.html") as first:
            answers["waiter"] = first

    thread = threading.Thread(target=hold)
    thread.start()
    inside.wait()
    with crawl.claim("chromium", "services/list.html", wait=False) as first:
        assert first is None  # the crawl leaves it for later instead of checking it twice
    waiter = threading.Thread(target=wait_for_it)
    waiter.start()
    finish.set()
    thread.join()
    waiter.join()
    assert answers == {"holder": True, "waiter": False}


def _die_holding(root: str) -> None:
    with OncePerRun(root).claim("firefox", "admin/index.html"):
        os._exit(3)  # the worker dies mid-check: no done mark, and the kernel drops its lock


def test_a_worker_that_dies_mid_check_leaves_the_template_to_the_next(tmp_path):
    process = multiprocessing.get_context("fork").Process(target=_die_holding, args=(str(tmp_path),))
    process.start()
    process.join()
    assert process.exitcode == 3
    with OncePerRun(tmp_path).claim("firefox", "admin/index.html") as first:
        assert first is True


def test_an_explicit_check_counts_for_the_run(tmp_path):
    OncePerRun(tmp_path).mark("chromium", "errors/404.html")
    with OncePerRun(tmp_path).claim("chromium", "errors/404.html") as first:
        assert first is False


def test_every_page_mode_always_checks(tmp_path):
    once = OncePerRun(tmp_path, enabled=False)
    for _ in range(2):
        with once.claim("chromium", "home.html") as first:
            assert first is True


def test_without_a_shared_directory_the_record_is_this_process_only():
    once = OncePerRun(None)
    with once.claim("chromium", "home.html") as first:
        assert first is True
    with once.claim("chromium", "home.html") as first:
        assert first is False


def test_xdist_workers_share_the_controllers_basetemp(tmp_path):
    worker = SimpleNamespace(workerinput={"workerid": "popen-gw1"})
    assert run_dir(worker, tmp_path / "pytest-7" / "popen-gw1") == tmp_path / "pytest-7"
    assert run_dir(SimpleNamespace(), tmp_path / "pytest-7") == tmp_path / "pytest-7"
