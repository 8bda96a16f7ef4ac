"""`make mutation`: Cosmic Ray mutants of the mock portal, each judged only by the @FAQ scenarios that own
its module (tools/mutation/owners.yaml), on Chromium, in a copy of the working tree (docs/mutation.md).

Runs under .venv-mutation (Cosmic Ray); the scenarios run under .venv. Modes: `sample` (N mutants drawn
with a printed seed), `changed` (mutants on lines changed against a base ref), `full` (every mutant).
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import cosmic_ray.mutating
import parso
import yaml
from cosmic_ray import plugins
from cosmic_ray.commands.init import _all_work_items
from cosmic_ray.mutating import mutate_and_test, mutate_code
from cosmic_ray.operators.operator import Example, Operator
from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.mutation import owners as owners_map  # noqa: E402

ROOT = owners_map.ROOT
EQUIVALENT = ROOT / "tools" / "mutation" / "equivalent.yaml"
OUT = ROOT / "reports" / "mutation"
CJK = re.compile(r"[\u3400-\u9fff]")


class DropLastChineseCharacter(Operator):
    """A text users see loses its last Chinese character ("密码重置成功" → "密码重置成"). Cosmic Ray's core
    operators never touch string literals, and messages/ is nothing but texts users see."""

    def mutation_positions(self, node):
        if node.type == "string" and CJK.search(node.value) and node.parent.type != "simple_stmt":
            yield (node.start_pos, node.end_pos)

    def mutate(self, node, index):
        last = [m.start() for m in CJK.finditer(node.value)][-1]
        return parso.python.tree.String(node.value[:last] + node.value[last + 1 :], node.start_pos, node.prefix)

    @classmethod
    def examples(cls):
        return (Example('x = "密码重置成功"', 'x = "密码重置成"'),)


# Registered beside Cosmic Ray's own "core" provider (a provider is a name → operator class mapping).
plugins.OPERATOR_PROVIDERS["faq"] = {"DropLastChineseCharacter": DropLastChineseCharacter}


# -- the running test command, so that a signal to `make mutation` stops it -------------------------
# Cosmic Ray starts each test command in a session of its own (so that a timeout can kill its whole
# process group), which also means that Ctrl-C or a SIGTERM to `make mutation` never reaches pytest, its
# portal or its browser. The driver runs the command itself, remembers it, and on SIGINT / SIGTERM / SIGHUP
# stops that group (SIGTERM, then SIGKILL after a grace period) before it exits (the copy is removed).
RUNNING: set[subprocess.Popen] = set()
GRACE_SECONDS = 10


class Stopped(BaseException):
    """A signal asked the run to stop (a BaseException, like KeyboardInterrupt, so that Cosmic Ray's
    `except Exception` in mutate_and_test does not record it as a mutant's outcome)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def stop_group(proc: subprocess.Popen, grace: float = GRACE_SECONDS) -> None:
    """SIGTERM to the command's process group (pytest ends its portal and browser), SIGKILL to whatever is
    left after `grace` seconds."""
    try:
        group = os.getpgid(proc.pid)
    except OSError:
        return
    try:
        os.killpg(group, signal.SIGTERM)
        proc.wait(timeout=grace)
    except OSError:
        return
    except subprocess.TimeoutExpired:
        pass
    # Whatever of the group is left (the leader, or children that outlived it) gets SIGKILL until none is.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            break
        except OSError:
            break
        if proc.poll() is None:
            proc.wait()
        time.sleep(0.1)


def run_tests(command: str, timeout: float) -> tuple[TestOutcome, str]:
    """Cosmic Ray's run_tests (exit 0 = survived, other = killed, timeout = killed), with the process
    remembered in RUNNING while it runs."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        proc = subprocess.Popen(
            shlex.split(command), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
        )
    except OSError as exc:
        return TestOutcome.INCOMPETENT, str(exc)
    RUNNING.add(proc)
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop_group(proc, grace=0)
        proc.communicate()
        return TestOutcome.KILLED, "timeout"
    except BaseException:  # Stopped (a signal) while the scenarios run: stop them before going
        stop_group(proc)
        raise
    finally:
        RUNNING.discard(proc)
    text = output.decode("utf-8", errors="replace")
    return (TestOutcome.SURVIVED if proc.returncode == 0 else TestOutcome.KILLED), text


# mutate_and_test calls the name it imported from cosmic_ray.testing: it gets ours.
cosmic_ray.mutating.run_tests = run_tests


def _on_signal(signum, _frame):
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the clean-up
    raise Stopped(signum)


def install_signal_handlers() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)


def stop_running() -> None:
    """Stop any test command still running (after a signal; run_tests normally stopped it already)."""
    for proc in list(RUNNING):
        stop_group(proc)
        RUNNING.discard(proc)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("sample", "changed", "full"), default="sample")
    parser.add_argument("--mutants", type=int, default=20, help="sample size (mode sample)")
    parser.add_argument("--seed", type=int, default=None, help="sample seed (printed; default: random)")
    parser.add_argument("--base", default="origin/main", help="base ref (mode changed)")
    parser.add_argument("--modules", nargs="*", default=None, help="only these modules (paths or file names)")
    parser.add_argument("--workers", default="0", help="pytest -n for each scenario run")
    parser.add_argument("--timeout-factor", type=float, default=3.0, help="timeout = factor × baseline run")
    parser.add_argument("--fail-under", type=float, default=0.0, help="exit 1 when the score (%%) is lower")
    return parser.parse_args(argv)


def copy_tree() -> Path:
    """The working tree's files (tracked and new, not ignored) in a temporary directory: mutants never
    touch the checkout others work in."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        .stdout.decode()
        .split("\0")
    )
    copy = Path(tempfile.mkdtemp(prefix="mutation-"))
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / rel)
    # Set-up output the scenarios read (axe-core for the @a11y steps), shared read-only with the checkout.
    for shared in ("node_modules",):
        if (ROOT / shared).exists():
            (copy / shared).symlink_to(ROOT / shared)
    return copy


def test_command(ids: list[str], workers: str) -> str:
    pytest = ROOT / ".venv" / "bin" / "pytest"
    return (
        f'{pytest} tests/e2e -m "{owners_map.marker_expression(ids)}" --browser chromium -x -q '
        f"-p no:randomly -p no:hypothesispytest -n {workers}"
    )


def changed_lines(base: str) -> dict[str, set[int]]:
    """module → line numbers added or changed in the working tree against `base`."""
    diff = subprocess.run(
        ["git", "diff", "-U0", base, "--", "mock_portal"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    lines: dict[str, set[int]] = defaultdict(set)
    current = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            current = line[6:] if line.startswith("+++ b/") else None
        elif line.startswith("@@") and current:
            start, _, count = re.search(r"\+(\d+)(,(\d+))?", line).groups()
            count = 1 if count is None else int(count)
            lines[current].update(range(int(start), int(start) + count))
    return lines


def mutated_lines(source: str, spec) -> tuple[str, str, str]:
    """(original line, mutated line, unified diff) of one mutant, computed without touching a file."""
    operator = plugins.get_operator(spec.operator_name)(**spec.operator_args)
    mutated = mutate_code(source, operator, spec.occurrence)
    diff = "\n".join(
        difflib.unified_diff(
            source.split("\n"), mutated.split("\n"), f"a/{spec.module_path}", f"b/{spec.module_path}", lineterm="", n=2
        )
    )
    removed = [d[1:].strip() for d in diff.splitlines() if d.startswith("-") and not d.startswith("---")]
    added = [d[1:].strip() for d in diff.splitlines() if d.startswith("+") and not d.startswith("+++")]
    return " / ".join(removed), " / ".join(added), diff


def load_equivalents() -> list[dict]:
    if not EQUIVALENT.exists():
        return []
    return yaml.safe_load(EQUIVALENT.read_text(encoding="utf-8")).get("equivalent") or []


def equivalent_reason(equivalents, module, original, mutated) -> str | None:
    for entry in equivalents:
        if entry["module"] == module and entry["original"].strip() == original and entry["mutated"].strip() == mutated:
            return entry["reason"]
    return None


def select(items, args, rng_seed):
    if args.mode == "full":
        return items
    if args.mode == "changed":
        lines = changed_lines(args.base)
        return [i for i in items if i[1].start_pos[0] in lines.get(i[0], ())]
    return random.Random(rng_seed).sample(items, min(args.mutants, len(items)))


def main(argv=None) -> int:
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)
    stale = owners_map.problems(owners_map.load())
    if stale:
        print("tools/mutation/owners.yaml is stale:\n  " + "\n  ".join(stale))
        return 2
    owned = owners_map.owned(owners_map.load())
    if args.modules:
        owned = {
            m: ids
            for m, ids in owned.items()
            if any(m == w or Path(m).name == w or m.endswith("/" + w) for w in args.modules)
        }
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 31)
    copy = copy_tree()
    print(f"mutation: mode={args.mode} seed={seed} copy={copy} modules={len(owned)}")
    os.chdir(copy)
    os.environ["PLAYWRIGHT_BROWSERS_PATH"] = str(ROOT / ".playwright")
    entries = owners_map.load()
    items, annotations = [], 0
    for module in owned:
        skip = owners_map.excluded_lines(module, entries[module], root=copy)
        spans = owners_map.annotation_spans(copy / module)
        for work in _all_work_items([Path(module)], {}):
            spec = work.mutations[0]
            if spec.start_pos[0] in skip:
                continue
            if owners_map.in_annotation(spans, spec.start_pos, spec.end_pos):
                annotations += 1  # equivalent by rule: an annotation that is never evaluated
                continue
            items.append((module, spec))
    print(
        f"mutation: {annotations} mutants inside annotations of modules with `from __future__ import "
        "annotations` set aside as equivalent (never evaluated; docs/mutation.md)"
    )
    chosen = select(items, args, seed)
    print(
        f"mutation: {len(chosen)} of {len(items)} mutants "
        + (f"(sample: make mutation MUTANTS={args.mutants} SEED={seed})" if args.mode == "sample" else "")
    )
    OUT.mkdir(parents=True, exist_ok=True)
    install_signal_handlers()
    results = []
    try:
        run(chosen, owned, args, copy, results)
    except Stopped as stop:
        stop_running()
        print(
            f"\nmutation: stopped by {stop} after {len(results)} of {len(chosen)} mutants; "
            "the running scenarios were stopped, the copy is removed",
            flush=True,
        )
        report(results, owned, seed, args)
        return 128 + stop.signum
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    return report(results, owned, seed, args)


def run(chosen, owned, args, copy, results: list[dict]) -> list[dict]:
    """Judges each chosen mutant, appending its row to `results` as it goes (a stopped run reports
    the rows done so far)."""
    equivalents = load_equivalents()
    baselines: dict[str, float | None] = {}
    db_path = OUT / "session.sqlite"
    db_path.unlink(missing_ok=True)
    with use_db(str(db_path), WorkDB.Mode.create) as db:
        for n, (module, spec) in enumerate(chosen, 1):
            command = test_command(owned[module], args.workers)
            source = (copy / module).read_text(encoding="utf-8")
            original, mutated, diff = mutated_lines(source, spec)
            row = dict(
                module=module,
                line=spec.start_pos[0],
                operator=spec.operator_name,
                diff=diff,
                original=original,
                mutated=mutated,
                faq=owned[module],
            )
            reason = equivalent_reason(equivalents, module, original, mutated)
            if reason:
                row.update(outcome="equivalent", reason=reason)
            else:
                if module not in baselines:
                    baselines[module] = baseline(command, module)
                if baselines[module] is None:
                    row.update(outcome="baseline-failed")
                else:
                    started = time.monotonic()
                    timeout = max(120.0, args.timeout_factor * baselines[module])
                    result = mutate_and_test([spec], command, timeout)
                    row.update(outcome=outcome_of(result), seconds=round(time.monotonic() - started))
                    db.add_work_item(_work_item(spec, n))
                    db.set_result(str(n), result)
                    if row["outcome"] == "incompetent":
                        row["output"] = (result.output or "")[-2000:]
            results.append(row)
            print(
                f"[{n}/{len(chosen)}] {row['outcome']:<10} {module}:{row['line']} {spec.operator_name} "
                f"({row.get('seconds', 0)} s)  {original[:60]!r} → {mutated[:60]!r}",
                flush=True,
            )
    return results


def _work_item(spec, n):
    from cosmic_ray.work_item import WorkItem

    return WorkItem.single(str(n), spec)


def baseline(command: str, module: str) -> float | None:
    """The unmutated scenarios must pass, or every mutant would count as killed."""
    started = time.monotonic()
    outcome, output = run_tests(command, 3600)
    seconds = time.monotonic() - started
    if outcome != TestOutcome.SURVIVED:
        print(
            f"mutation: baseline of {module} FAILED (its scenarios fail without a mutant); skipped:\n" + output[-3000:]
        )
        return None
    print(f"mutation: baseline of {module}: green in {seconds:.0f} s")
    return seconds


def outcome_of(result: WorkResult) -> str:
    if result.worker_outcome == WorkerOutcome.NO_TEST:
        return "no-test"
    if result.test_outcome == TestOutcome.SURVIVED:
        return "survived"
    if result.test_outcome == TestOutcome.KILLED:
        return "killed"
    return "incompetent"


def report(results, owned, seed, args) -> int:
    per_faq: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in results:
        for fid in row["faq"]:
            per_faq[fid][row["outcome"]] += 1
    lines = [
        f"# make mutation — mode {args.mode}, seed {seed}, {len(results)} mutants",
        "",
        "| FAQ | killed | survived | equivalent | other | score |",
        "|---|---|---|---|---|---|",
    ]
    for fid in sorted(per_faq, key=lambda f: [int(p) for p in f[4:].split(".")]):
        c = per_faq[fid]
        other = sum(v for k, v in c.items() if k not in ("killed", "survived", "equivalent"))
        judged = c["killed"] + c["survived"]
        score = f"{100 * c['killed'] / judged:.0f}%" if judged else "–"
        lines.append(f"| {fid} | {c['killed']} | {c['survived']} | {c['equivalent']} | {other} | {score} |")
    killed = sum(r["outcome"] == "killed" for r in results)
    survived = [r for r in results if r["outcome"] == "survived"]
    judged = killed + len(survived)
    total = 100 * killed / judged if judged else 100.0
    lines += [
        "",
        f"总计 / total: killed {killed}, survived {len(survived)}, "
        f"equivalent {sum(r['outcome'] == 'equivalent' for r in results)}, "
        f"other {len(results) - judged - sum(r['outcome'] == 'equivalent' for r in results)}; "
        + (f"score {total:.1f}% of the non-equivalent mutants" if judged else "no mutant judged yet"),
        "",
    ]
    if survived:
        lines.append("## 存活的变异体 / surviving mutants")
        for row in survived:
            lines += [
                "",
                f"{row['module']}:{row['line']} {row['operator']} (owners: {', '.join(row['faq'])})",
                "```diff",
                row["diff"],
                "```",
            ]
    for row in results:
        if row["outcome"] in ("incompetent", "baseline-failed"):
            lines += ["", f"{row['outcome']}: {row['module']}:{row['line']}", "```", row.get("output", ""), "```"]
    text = "\n".join(lines)
    print(text)
    (OUT / "report.md").write_text(text + "\n", encoding="utf-8")
    print(f"\nmutation report: {OUT / 'report.md'}")
    return 1 if total < args.fail_under else 0


if __name__ == "__main__":
    sys.exit(main())
