"""`make mutation JOBS=n` (tools/mutation/jobs.py, docs/mutation.md): each job has its own copy of the
committed tree, handles one mutant at a time, and a stopped run starts nothing new."""

import subprocess
import threading

import pytest

from tools.mutation.jobs import OncePerKey, Pool, export_tree, killer, read_keys


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    repo = tmp_path / "repo"
    (repo / "pkg").mkdir(parents=True)
    (repo / "pkg" / "rule.py").write_text("LIMIT = 10\n", encoding="utf-8")
    (repo / "node_modules").mkdir()
    (repo / ".gitignore").write_text("node_modules/\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "pkg/rule.py", ".gitignore")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "rule")
    return repo


def test_the_copy_is_the_committed_tree_not_the_working_tree(repo, tmp_path):
    (repo / "pkg" / "rule.py").write_text("LIMIT = 'half-done edit'\n", encoding="utf-8")
    (repo / "pkg" / "new.py").write_text("BROKEN = (\n", encoding="utf-8")
    commit = export_tree(repo, "HEAD", tmp_path / "job1")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    assert commit == head
    assert (tmp_path / "job1" / "pkg" / "rule.py").read_text(encoding="utf-8") == "LIMIT = 10\n"
    assert not (tmp_path / "job1" / "pkg" / "new.py").exists()
    # set-up output (axe-core) is linked from the checkout, not copied
    assert (tmp_path / "job1" / "node_modules").resolve() == (repo / "node_modules").resolve()


def test_each_job_has_its_own_copy(repo, tmp_path):
    export_tree(repo, "HEAD", tmp_path / "job1")
    export_tree(repo, "HEAD", tmp_path / "job2")
    (tmp_path / "job1" / "pkg" / "rule.py").write_text("LIMIT = 11\n", encoding="utf-8")
    assert (tmp_path / "job2" / "pkg" / "rule.py").read_text(encoding="utf-8") == "LIMIT = 10\n"


def test_a_job_handles_one_item_at_a_time_and_jobs_run_side_by_side():
    busy: dict[int, int] = {0: 0, 1: 0}
    overlap = {"max_same_job": 0, "both": False}
    lock = threading.Lock()
    side_by_side = threading.Barrier(2, timeout=5)  # each item waits for one of the other job (8 items: 4 pairs)

    def work(job, item):
        with lock:
            busy[job] += 1
            overlap["max_same_job"] = max(overlap["max_same_job"], busy[job])
            overlap["both"] = overlap["both"] or all(busy.values())
        side_by_side.wait()  # a pool that ran one item at a time would break the barrier: an error as the result
        with lock:
            busy[job] -= 1
        return item * 10

    results = dict(Pool(2).run(range(8), work, poll=0.01))
    assert results == {i: i * 10 for i in range(8)}
    assert overlap["max_same_job"] == 1
    assert overlap["both"]


def test_an_error_in_one_item_is_its_result_and_the_rest_go_on():
    def work(job, item):
        if item == 2:
            raise RuntimeError("mutant could not be written")
        return item

    results = dict(Pool(2).run(range(4), work, poll=0.01))
    assert isinstance(results[2], RuntimeError)
    assert {k: v for k, v in results.items() if k != 2} == {0: 0, 1: 1, 3: 3}


def test_after_stop_no_item_starts_and_no_result_comes_back():
    # The driver stops the pool from the thread that reads the results (its signal handler runs there).
    pool = Pool(1)
    started = []
    stopped = threading.Event()

    def work(job, item):
        started.append(item)
        if item:  # an item after the first is still running when the pool is stopped
            stopped.wait(5)
        return item

    results = []
    for got in pool.run(range(50), work, poll=0.01):
        results.append(got)
        pool.stop()
        stopped.set()
    assert results == [(0, 0)]
    assert started in ([0], [0, 1])  # item 1 only if the job took it before the stop; none after it


def test_a_baseline_is_computed_once_however_many_jobs_ask():
    calls = []
    once = OncePerKey()
    asking = threading.Condition()
    arrived = []

    def compute():
        calls.append(1)
        with asking:  # the answer comes only once every job has asked for it
            asking.wait_for(lambda: len(arrived) == 4, timeout=5)
        return 42.0

    def job():
        with asking:
            arrived.append(1)
            asking.notify_all()
        once.get("sms.py", compute)

    threads = [threading.Thread(target=job) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert once.get("sms.py", compute) == 42.0
    assert once.get("clock.py", lambda: None) is None


def test_the_killer_is_the_first_scenario_pytest_names_failed():
    output = (
        "..F\n=========================== short test summary info ============================\n"
        "FAILED tests/e2e/test_platform.py::test_验证码过期[chromium] - AssertionError: 期望页面提示…\n"
        "!!!!!!!!!!!!!!!!!!!!!!!!!! stopping after 1 failures !!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
    )
    assert killer(output) == "tests/e2e/test_platform.py::test_验证码过期[chromium]"
    assert killer("ERROR tests/e2e/test_platform.py::test_登录[chromium] - RuntimeError: portal\n").endswith(
        "test_登录[chromium]"
    )
    assert killer("timeout") == ""


def test_a_survivors_file_names_mutants_one_a_line(tmp_path):
    listed = tmp_path / "survivors.txt"
    listed.write_text(
        "# seed 218550695\n"
        "mock_portal/services/captcha.py:96:50 core/ReplaceBinaryOperator_Add_BitOr\n\n"
        "mock_portal/services/sms.py:91:22 core/ReplaceComparisonOperator_Eq_GtE  # timeout\n"
        "mock_portal/services/captcha.py:96:50 core/ReplaceBinaryOperator_Add_BitOr\n",
        encoding="utf-8",
    )
    assert read_keys(listed) == [
        "mock_portal/services/captcha.py:96:50 core/ReplaceBinaryOperator_Add_BitOr",
        "mock_portal/services/sms.py:91:22 core/ReplaceComparisonOperator_Eq_GtE",
    ]
