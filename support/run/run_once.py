"""Work done once per test run, across pytest-xdist workers (issue 24): the accessibility check of a
page template is done by whichever scenario reaches it first, in whichever worker.

A run's record is a directory every worker of that run shares (`run_dir`): the parent of the
workers' own temporary directories under xdist, the run's temporary directory otherwise. A piece of
work is named by a kind ("chromium") and a key (a page template); ``claim`` answers who does it:

    with once.claim("chromium", "auth/login.html") as first:
        if first:          # nobody has done it in this run: do it now
            check(page)    # done is written only when this block ends without an exception

Correctness comes before dedupe: the work counts as done only after it succeeded, so work that failed
or whose worker died is done again by the next one that reaches it. While one worker does it, another
that asks waits for the outcome (an exclusive ``flock`` on the key's lock file, which the kernel
releases when the holder closes it or dies) instead of doing it a second time; ``wait=False`` answers
None at once instead, for a caller with other work to do first (the crawl). Without ``fcntl`` (not
POSIX) workers do not wait for each other: at worst both do the work.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no cross-process waiting, still correct
    fcntl = None


def run_dir(config, basetemp: Path) -> Path:
    """The directory all processes of this run share: under xdist each worker's basetemp is
    <the controller's basetemp>/<worker id>."""
    return Path(basetemp).parent if hasattr(config, "workerinput") else Path(basetemp)


class OncePerRun:
    """`root=None`: a record in this process only (every claim of a key after a success answers False)."""

    def __init__(self, root: Path | None, enabled: bool = True):
        self.root = Path(root) / "once-per-run" if root is not None else None
        self.enabled = enabled
        self._done: set[tuple[str, str]] = set()

    def _paths(self, kind: str, key: str) -> tuple[Path, Path]:
        name = hashlib.sha1(f"{kind}\0{key}".encode()).hexdigest()[:20]
        folder = self.root / kind
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{name}.lock", folder / f"{name}.done"

    def done(self, kind: str, key: str) -> bool:
        if (kind, key) in self._done:
            return True
        if self.root is not None and self._paths(kind, key)[1].exists():
            self._done.add((kind, key))
            return True
        return False

    def mark(self, kind: str, key: str) -> None:
        """Record work done outside `claim` (an explicit check that always runs)."""
        self._done.add((kind, key))
        if self.root is not None:
            self._paths(kind, key)[1].write_text(key, encoding="utf-8")

    @contextmanager
    def claim(self, kind: str, key: str, wait: bool = True) -> Iterator[bool | None]:
        """True: do the work now (done is recorded if the block succeeds); False: it is done;
        None (only with wait=False): another process is doing it right now."""
        if not self.enabled:
            yield True
            return
        if self.done(kind, key):
            yield False
            return
        if self.root is None or fcntl is None:
            yield True
            self.mark(kind, key)
            return
        lock, _ = self._paths(kind, key)
        fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            if not _lock(fd, wait):
                yield None
                return
            if self.done(kind, key):  # finished by the holder we waited for
                yield False
                return
            yield True
            self.mark(kind, key)  # only reached when the block raised nothing
        finally:
            os.close(fd)  # releases the lock


def _lock(fd: int, wait: bool) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True
