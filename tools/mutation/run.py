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
import threading
import time
from collections import defaultdict
from pathlib import Path

import parso
import yaml
from cosmic_ray import plugins
from cosmic_ray.commands.init import _all_work_items
from cosmic_ray.mutating import mutate_code
from cosmic_ray.operators.operator import Example, Operator
from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

try:
    from tools.mutation import owners as owners_map
    from tools.mutation.jobs import OncePerKey, Pool, export_tree, killer, read_keys
except ModuleNotFoundError as missing:  # started as `python tools/mutation/run.py`
    raise SystemExit(
        "请在仓库根目录运行 python -m tools.mutation.run (run it as a module from the repository root)"
    ) from missing

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
STOPPING = threading.Event()
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


def run_tests(command: str, timeout: float, cwd: Path | None = None) -> tuple[TestOutcome, str]:
    """Cosmic Ray's run_tests (exit 0 = survived, other = killed, timeout = killed), with the process
    remembered in RUNNING while it runs; `cwd` is the job's copy of the tree."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        proc = subprocess.Popen(
            shlex.split(command),
            env=env,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
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
    if proc.returncode < 0 and STOPPING.is_set():  # stopped by a signal to the run, not judged
        return TestOutcome.INCOMPETENT, "stopped"
    text = output.decode("utf-8", errors="replace")
    return (TestOutcome.SURVIVED if proc.returncode == 0 else TestOutcome.KILLED), text


def _on_signal(signum, _frame):
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the clean-up
    raise Stopped(signum)


def install_signal_handlers() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)


def stop_running() -> None:
    """Stop any test command still running (after a signal; run_tests normally stopped it already)."""
    STOPPING.set()
    for proc in list(RUNNING):
        stop_group(proc)
        RUNNING.discard(proc)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("sample", "changed", "full"), default="sample")
    parser.add_argument("--mutants", type=int, default=20, help="sample size (mode sample)")
    parser.add_argument("--seed", type=int, default=None, help="sample seed (printed; default: random)")
    parser.add_argument("--base", default="origin/main", help="base ref (mode changed)")
    parser.add_argument(
        "--modules", nargs="*", default=None, help="only these modules (paths, file names or directories)"
    )
    parser.add_argument("--workers", default="0", help="pytest -n for each scenario run")
    parser.add_argument(
        "--jobs", type=int, default=1, help="mutants judged side by side, each in its own copy with its own portal"
    )
    parser.add_argument("--ref", default="HEAD", help="the committed tree that is copied and mutated (git archive)")
    parser.add_argument("--timeout-factor", type=float, default=3.0, help="timeout = factor × baseline run")
    parser.add_argument(
        "--only",
        default=None,
        help="judge only the mutants named in this file (one `module:line:column operator` a line, as "
        "reports/mutation/survivors.txt lists them): re-run the survivors after new scenarios",
    )
    parser.add_argument("--fail-under", type=float, default=0.0, help="exit 1 when the score (%%) is lower")
    return parser.parse_args(argv)


def copy_trees(ref: str, jobs: int) -> tuple[Path, list[Path], str]:
    """One copy of the committed tree `ref` (git archive, never the working tree: others' half-done edits
    must not make a baseline fail) per job, in one temporary directory; mutants never touch the checkout."""
    scratch = Path(tempfile.mkdtemp(prefix="mutation-"))
    copies = [scratch / f"job{k + 1}" for k in range(jobs)]
    commit = ""
    for copy in copies:
        commit = export_tree(ROOT, ref, copy)
    return scratch, copies, commit


def test_command(ids: list[str], workers: str, basetemp: Path | None = None) -> str:
    """The module's owning scenarios on Chromium; `basetemp` keeps each job's pytest temporary files (its
    portal's database and log) apart from the other jobs'. `--ff`: the scenarios that killed an earlier
    mutant in this job's copy (pytest's cache there) run first, so that -x stops sooner; same set, same
    killing power, only the order changes."""
    pytest = ROOT / ".venv" / "bin" / "pytest"
    return (
        f'{pytest} tests/e2e -m "{owners_map.marker_expression(ids)}" --browser chromium -x -q --ff '
        f"-p no:randomly -p no:hypothesispytest -n {workers}" + (f" --basetemp={basetemp}" if basetemp else "")
    )


def changed_lines(base: str, ref: str = "HEAD") -> dict[str, set[int]]:
    """module → line numbers added or changed in the committed tree `ref` against `base`."""
    diff = subprocess.run(
        ["git", "diff", "-U0", base, ref, "--", "mock_portal"], cwd=ROOT, check=True, capture_output=True, text=True
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


def mutant_key(module: str, spec) -> str:
    """A mutant's name that survives a re-enumeration: module, line, column and operator."""
    return f"{module}:{spec.start_pos[0]}:{spec.start_pos[1]} {spec.operator_name}"


def select(items, args, rng_seed):
    if args.only:
        wanted = read_keys(Path(args.only))
        by_key = {mutant_key(m, spec): (m, spec) for m, spec in items}
        missing = [k for k in wanted if k not in by_key]
        if missing:
            print("mutation: not found in the committed tree (the line moved or changed): " + "; ".join(missing))
        return [by_key[k] for k in wanted if k in by_key]
    if args.mode == "full":
        return items
    if args.mode == "changed":
        lines = changed_lines(args.base, args.ref)
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
            if any(
                m == w or Path(m).name == w or m.endswith("/" + w) or m.startswith(w.rstrip("/") + "/")
                for w in args.modules
            )
        }
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 31)
    if args.only:
        args.only = str(Path(args.only).resolve())  # before the chdir into the copy
    jobs = max(1, args.jobs)
    scratch, copies, commit = copy_trees(args.ref, jobs)
    copy = copies[0]
    print(
        f"mutation: mode={args.mode} seed={seed} jobs={jobs} tree={args.ref} ({commit[:12]}, committed; "
        f"not the working tree) copies={scratch}/job1..{jobs} modules={len(owned)}"
    )
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
        + (
            f"(only those listed in {args.only})"
            if args.only
            else f"(sample: make mutation MUTANTS={args.mutants} SEED={seed})"
            if args.mode == "sample"
            else ""
        )
    )
    OUT.mkdir(parents=True, exist_ok=True)
    install_signal_handlers()
    results = []
    pool = Pool(jobs)
    try:
        run(chosen, owned, args, copies, results, pool)
    except Stopped as stop:
        pool.stop()
        stop_running()
        print(
            f"\nmutation: stopped by {stop} after {len(results)} of {len(chosen)} mutants; "
            "the running scenarios were stopped, the copies are removed",
            flush=True,
        )
        report(results, owned, seed, args)
        return 128 + stop.signum
    finally:
        os.chdir(ROOT)
        shutil.rmtree(scratch, ignore_errors=True)
    return report(results, owned, seed, args)


def judge(job: int, module: str, spec, copies: list[Path], command: str, timeout: float) -> dict:
    """Writes the mutant into job `job`'s copy of its module, runs the module's scenarios there (their
    portal is started by pytest from that copy, on a free port) and puts the file back."""
    path = copies[job] / module
    source = path.read_text(encoding="utf-8")
    operator = plugins.get_operator(spec.operator_name)(**spec.operator_args)
    mutated = mutate_code(source, operator, spec.occurrence)
    if mutated is None:
        return dict(outcome="no-test", seconds=0)
    started = time.monotonic()
    try:
        path.write_text(mutated, encoding="utf-8")
        outcome, output = run_tests(command, timeout, cwd=copies[job])
    finally:
        path.write_text(source, encoding="utf-8")
    row = dict(outcome=outcome_name(outcome), seconds=round(time.monotonic() - started), job=job + 1)
    if outcome == TestOutcome.KILLED and output == "timeout":
        row["timeout"] = True
    elif outcome == TestOutcome.KILLED:
        row["killer"] = killer(output)
    if row["outcome"] == "incompetent":
        row["output"] = (output or "")[-2000:]
    row["result"] = WorkResult(worker_outcome=WorkerOutcome.NORMAL, test_outcome=outcome, output=output[-20000:])
    return row


def run(chosen, owned, args, copies: list[Path], results: list[dict], pool: Pool | None = None) -> list[dict]:
    """Judges each chosen mutant on `pool`'s jobs (one copy each), appending its row to `results` as it
    comes in (a stopped run reports the rows done so far)."""
    pool = pool or Pool(len(copies))
    equivalents = load_equivalents()
    baselines = OncePerKey()
    scratch = copies[0].parent
    rows = []
    for n, (module, spec) in enumerate(chosen, 1):
        source = (copies[0] / module).read_text(encoding="utf-8")
        original, mutated, diff = mutated_lines(source, spec)
        rows.append(
            dict(
                n=n,
                module=module,
                line=spec.start_pos[0],
                operator=spec.operator_name,
                diff=diff,
                original=original,
                mutated=mutated,
                faq=owned[module],
                spec=spec,
            )
        )
    todo = []
    for row in rows:
        reason = equivalent_reason(equivalents, row["module"], row["original"], row["mutated"])
        if reason:
            row.update(outcome="equivalent", reason=reason)
            _record(row, len(chosen), results, None)
        else:
            todo.append(row)

    def work(job: int, row: dict) -> dict:
        module = row["module"]
        command = test_command(owned[module], args.workers, scratch / f"pytest-job{job + 1}")
        green = baselines.get(module, lambda: baseline(command, module, copies[job]))
        if green is None:
            return dict(outcome="baseline-failed")
        seconds, left = green
        command = deselecting(command, left)
        timeout = max(120.0, args.timeout_factor * seconds)
        return judge(job, module, row["spec"], copies, command, timeout)

    db_path = OUT / "session.sqlite"
    db_path.unlink(missing_ok=True)
    with use_db(str(db_path), WorkDB.Mode.create) as db:
        for row, got in pool.run(todo, work):
            if isinstance(got, Exception):
                got = dict(outcome="incompetent", output=f"{type(got).__name__}: {got}")
            result = got.pop("result", None)
            row.update(got)
            if result is not None:
                db.add_work_item(_work_item(row["spec"], row["n"]))
                db.set_result(str(row["n"]), result)
            _record(row, len(chosen), results, db)
    return results


def _record(row: dict, total: int, results: list[dict], _db) -> None:
    results.append(row)
    timeout = " timeout" if row.get("timeout") else ""
    job = f" job{row['job']}" if row.get("job") else ""
    by = f"  by {row['killer']}" if row.get("killer") else ""
    print(
        f"[{len(results)}/{total}] {row['outcome']:<10} {row['module']}:{row['line']} {row['operator']} "
        f"({row.get('seconds', 0)} s{timeout}{job})  {row['original'][:60]!r} → {row['mutated'][:60]!r}{by}",
        flush=True,
    )


def _work_item(spec, n):
    from cosmic_ray.work_item import WorkItem

    return WorkItem.single(str(n), spec)


# Scenarios left out of a module's runs because they fail without a mutant: module → node ids.
LEFT_OUT: dict[str, list[str]] = {}
MAX_LEFT_OUT = 3


def deselecting(command: str, left: list[str]) -> str:
    return command + "".join(f" --deselect {shlex.quote(node)}" for node in left)


def baseline(command: str, module: str, copy: Path) -> tuple[float, list[str]] | None:
    """The unmutated scenarios must pass, or every mutant would count as killed. A scenario that fails
    without a mutant (someone's half-landed change) is left out of this module's runs and named in the
    report, up to MAX_LEFT_OUT of them; past that, or when no scenario is named (a collection error), the
    module's mutants are reported `baseline-failed`. Returns (seconds of the green run, the left out)."""
    left: list[str] = []
    while True:
        run_command = deselecting(command, left)
        started = time.monotonic()
        outcome, output = run_tests(run_command, 3600, cwd=copy)
        seconds = time.monotonic() - started
        if outcome == TestOutcome.SURVIVED:
            break
        red = killer(output) if output != "timeout" else ""
        if not red or red in left or len(left) >= MAX_LEFT_OUT:
            print(
                f"mutation: baseline of {module} FAILED (its scenarios fail without a mutant); skipped:\n"
                + output[-3000:]
            )
            return None
        print(f"mutation: baseline of {module}: {red} fails without a mutant; left out of this module's runs")
        left.append(red)
    if left:
        LEFT_OUT[module] = left
    print(f"mutation: baseline of {module}: green in {seconds:.0f} s" + (f" ({len(left)} left out)" if left else ""))
    return seconds, left


def outcome_name(outcome: TestOutcome) -> str:
    if outcome == TestOutcome.SURVIVED:
        return "survived"
    if outcome == TestOutcome.KILLED:
        return "killed"
    return "incompetent"


def report(results, owned, seed, args) -> int:
    per_faq: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    results = sorted(results, key=lambda r: r.get("n", 0))
    for row in results:
        for fid in row["faq"]:
            per_faq[fid][row["outcome"]] += 1
            per_faq[fid]["timeout"] += bool(row.get("timeout"))
    lines = [
        f"# make mutation — mode {args.mode}, seed {seed}, {len(results)} mutants",
        "",
        "| FAQ | killed | (of which timeout) | survived | equivalent | other | score |",
        "|---|---|---|---|---|---|---|",
    ]
    for fid in sorted(per_faq, key=lambda f: [int(p) for p in f[4:].split(".")]):
        c = per_faq[fid]
        other = sum(v for k, v in c.items() if k not in ("killed", "survived", "equivalent", "timeout"))
        judged = c["killed"] + c["survived"]
        score = f"{100 * c['killed'] / judged:.0f}%" if judged else "–"
        lines.append(
            f"| {fid} | {c['killed']} | {c['timeout']} | {c['survived']} | {c['equivalent']} | {other} | {score} |"
        )
    killed = sum(r["outcome"] == "killed" for r in results)
    survived = [r for r in results if r["outcome"] == "survived"]
    judged = killed + len(survived)
    total = 100 * killed / judged if judged else 100.0
    lines += [
        "",
        f"总计 / total: killed {killed} (of which timeout {sum(bool(r.get('timeout')) for r in results)}), "
        f"survived {len(survived)}, "
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
                f"{mutant_key(row['module'], row['spec'])} (owners: {', '.join(row['faq'])})",
                "```diff",
                row["diff"],
                "```",
            ]
    if LEFT_OUT:
        lines += ["", "## 基线即失败、未参与判定的场景 / scenarios red without a mutant, left out"]
        lines += [f"- {module}: {', '.join(nodes)}" for module, nodes in sorted(LEFT_OUT.items())]
    for row in results:
        if row["outcome"] in ("incompetent", "baseline-failed"):
            lines += ["", f"{row['outcome']}: {row['module']}:{row['line']}", "```", row.get("output", ""), "```"]
    text = "\n".join(lines)
    print(text)
    (OUT / "report.md").write_text(text + "\n", encoding="utf-8")
    (OUT / "survivors.txt").write_text("".join(mutant_key(r["module"], r["spec"]) + "\n" for r in survived))
    print(f"\nmutation report: {OUT / 'report.md'}")
    return 1 if total < args.fail_under else 0


if __name__ == "__main__":
    sys.exit(main())
