"""Accessibility checks with axe-core (npm, node_modules/axe-core/axe.min.js) injected into the page.

``check(page)`` runs axe (WCAG 2.0/2.1 A and AA, plus best practices), attaches every violation to
Allure (rule, impact, elements, a Chinese explanation, axe's help link) and returns an ``AxeResult``;
serious and critical violations are the ones that fail a scenario (``failure_message``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import allure
from playwright.sync_api import Error as PlaywrightError

from support.a11y import a11y_coverage
from support.a11y.a11y_rules import IMPACT_ZH, RULES_ZH
from support.reporting import allure_safe

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}


class AxeUnavailable(RuntimeError):
    pass


@lru_cache(maxsize=1)
def axe_source() -> str:
    if not AXE_JS.exists():
        raise AxeUnavailable(
            f"找不到 {AXE_JS.relative_to(ROOT)}，请先运行 make setup（npm ci 安装 axe-core）"
            " / axe-core missing: run make setup"
        )
    return AXE_JS.read_text(encoding="utf-8")


@dataclass
class Violation:
    rule: str
    impact: str
    help: str
    help_url: str
    nodes: list[dict] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        return RULES_ZH.get(self.rule, f"（axe 说明）{self.help}")

    @property
    def failing(self) -> bool:
        return self.impact in FAILING_IMPACTS

    def describe(self) -> str:
        lines = [
            f"规则 {self.rule} · 影响 {IMPACT_ZH.get(self.impact, self.impact)}",
            f"  说明：{self.explanation}",
            f"  参考：{self.help_url}",
        ]
        for node in self.nodes[:10]:
            lines.append(f"  元素：{' '.join(map(str, node.get('target', [])))}  {node.get('html', '')[:200]}")
        if len(self.nodes) > 10:
            lines.append(f"  ……另有 {len(self.nodes) - 10} 个元素")
        return "\n".join(lines)


@dataclass
class AxeResult:
    url: str
    violations: list[Violation]

    @property
    def failing(self) -> list[Violation]:
        return [v for v in self.violations if v.failing]

    def report(self) -> str:
        if not self.violations:
            return f"{self.url}：没有发现无障碍问题（axe-core，WCAG 2.1 A/AA）"
        return f"{self.url}：{len(self.violations)} 条规则未通过\n\n" + "\n\n".join(
            v.describe() for v in self.violations
        )

    def failure_message(self) -> str | None:
        if not self.failing:
            return None
        return (
            f"页面 {self.url} 有 {len(self.failing)} 条严重或较重的无障碍问题（serious/critical）：\n\n"
            + "\n\n".join(v.describe() for v in self.failing)
        )


def prepare(context) -> None:
    """Let the browser load axe-core into every document of `context` as it is created: injecting it
    afterwards costs a 500 kB protocol message per page (0.2 s in Chromium, 0.7 s in Firefox)."""
    if AXE_JS.exists():
        context.add_init_script(path=str(AXE_JS))


RUN_AXE = "options => typeof window.axe === 'object' ? window.axe.run(document, options) : null"


class PageNavigated(RuntimeError):
    """The page went on to another document between injecting axe and running it."""


def run_axe(page) -> AxeResult:
    """Inject axe-core once per document and run it on the whole page."""
    raw = page.evaluate(RUN_AXE, AXE_OPTIONS)
    if raw is None:
        page.evaluate(axe_source() + "\n;window.axe = axe;")
        raw = page.evaluate(RUN_AXE, AXE_OPTIONS)
    if raw is None:
        raise PageNavigated(page.url)
    violations = [
        Violation(
            v["id"],
            v.get("impact") or "minor",
            v.get("help", ""),
            v.get("helpUrl", ""),
            [{"target": n.get("target", []), "html": n.get("html", "")} for n in v.get("nodes", [])],
        )
        for v in raw.get("violations", [])
    ]
    order = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}
    return AxeResult(page.url, sorted(violations, key=lambda v: (order.get(v.impact, 4), v.rule)))


def check(page, label: str = "无障碍检查") -> AxeResult:
    """Run axe and put its findings in the Allure report (text, plus the raw JSON when there are any)."""
    for attempt in range(3):
        # After a failed attempt, let a navigation still in flight land first (no network for 0.5 s).
        page.wait_for_load_state("networkidle" if attempt else "load")
        try:
            result = run_axe(page)
            break
        except (PlaywrightError, PageNavigated):
            # The page went on to another document while axe ran (a key press landing after its step):
            # "execution context was destroyed", "document is null", axe gone. A real axe error repeats.
            if attempt == 2:
                raise
    a11y_coverage.record(page)
    path = page.url.split("//", 1)[-1].split("/", 1)[-1]
    verdict = (
        f"{len(result.failing)} 项严重"
        if result.failing
        else ("通过" if not result.violations else f"{len(result.violations)} 项提示")
    )
    name = f"{label}：/{path}（{verdict}）"
    allure_safe.attach(result.report(), name=name, attachment_type=allure.attachment_type.TEXT)
    if result.violations:
        allure_safe.attach(
            json.dumps(
                [v.__dict__ | {"explanation": v.explanation} for v in result.violations], ensure_ascii=False, indent=2
            ),
            name=f"{name} 明细",
            attachment_type=allure.attachment_type.JSON,
        )
    return result
