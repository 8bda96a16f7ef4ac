"""The parts of `make mutation` that run mutants side by side (JOBS=n), kept free of Cosmic Ray so that
`make test` can unit-test them (tests/unit/test_mutation_jobs.py).

- `export_tree`: one copy of the *committed* tree (`git archive <ref>`) per job. Never the working tree:
  another engineer's half-done edit must not make a baseline fail, and a mutant is judged against what was
  committed.
- `run_parallel`: n worker threads, each bound to its own job (so its own copy, its own mutated file, and
  through pytest its own portal on a free port), results handed back to the calling thread in the order they
  finish. The calling thread stays responsive to signals (`stop` sets an event; workers check it).
"""

from __future__ import annotations

import io
import queue
import subprocess
import tarfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

# Set-up output the scenarios read (axe-core for the @a11y steps): linked, not copied, into each copy.
SHARED_SET_UP = ("node_modules",)


def export_tree(root: Path, ref: str, dest: Path) -> str:
    """`git archive <ref>` of the repository at `root` unpacked into `dest` (created); returns the commit.
    The set-up directories in SHARED_SET_UP are symlinked from `root` when they exist there."""
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", f"{ref}^{{commit}}"], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=root, check=True, capture_output=True)
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="tar")
    for shared in SHARED_SET_UP:
        if (root / shared).exists() and not (dest / shared).exists():
            (dest / shared).symlink_to(root / shared)
    return commit


class Pool:
    """Runs `work(job, item)` for every item on `jobs` threads; job k always handles its items one at a
    time, so whatever job k owns (a copy of the tree) is never used by two items at once."""

    def __init__(self, jobs: int) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.jobs = jobs
        self.stopping = threading.Event()

    def run(self, items: Iterable, work: Callable[[int, object], object], poll: float = 0.5):
        """Yields (item, result) as results come in. An exception in `work` is yielded as the result
        (the run goes on). After `stop()` no new item is started and results still coming are dropped."""
        todo: queue.Queue = queue.Queue()
        for item in items:
            todo.put(item)
        done: queue.Queue = queue.Queue()
        finished = object()

        def worker(job: int) -> None:
            try:
                while not self.stopping.is_set():
                    try:
                        item = todo.get_nowait()
                    except queue.Empty:
                        return
                    try:
                        result = work(job, item)
                    except Exception as exc:  # reported as that item's result, the other items go on
                        result = exc
                    if not self.stopping.is_set():
                        done.put((item, result))
            finally:
                done.put(finished)

        threads = [threading.Thread(target=worker, args=(job,), daemon=True) for job in range(self.jobs)]
        for thread in threads:
            thread.start()
        running = len(threads)
        while running:
            try:
                got = done.get(timeout=poll)  # a timeout, so that a signal handler runs in this thread
            except queue.Empty:
                continue
            if got is finished:
                running -= 1
            elif not self.stopping.is_set():
                yield got

    def stop(self) -> None:
        self.stopping.set()


class OncePerKey:
    """`get(key, compute)` computes once per key, however many threads ask at the same time (the
    baseline of a module: the first job to need it runs it, the others wait for its answer)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._locks: dict = {}
        self._values: dict = {}

    def get(self, key, compute: Callable[[], object]):
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._values:
                self._values[key] = compute()
            return self._values[key]


def killer(output: str) -> str:
    """The first scenario that failed, as pytest's short summary names it (`FAILED <nodeid> - …` or
    `ERROR <nodeid> …`), or "" when the output names none (a timeout, a crash before collection)."""
    for line in output.splitlines():
        for word in ("FAILED ", "ERROR "):
            if line.startswith(word):
                return line[len(word) :].split(" - ", 1)[0].strip()
    return ""


def read_keys(path: Path) -> list[str]:
    """The mutant names of a file such as reports/mutation/survivors.txt: one a line, `#` comments and
    blank lines skipped, order kept, duplicates dropped."""
    keys: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and line not in keys:
            keys.append(line)
    return keys
