// Allure 3 configuration (npm package `allure`, read from the repository root by `allure generate`
// and `allure quality-gate`; options: node_modules/@allurereport/plugin-api/dist/config.d.ts).
//
// Environment: Allure 3 still reads the Allure 2 files `environment.properties` (and executor.json)
// from the results directory and shows them on the Awesome summary page under 元数据 (Metadata);
// `make report` copies reports/environment.properties there when the suite writes it outside.
// The `variables` below are shown just above, under 变量 (Variables).
// Categories: the Awesome report ignores categories.json (only the classic plugin reads it);
// its categories come from the `categories` rules below, matched in order.
import { execSync } from "node:child_process";
// From plugin-api, not "allure": importing "allure" runs its CLI on the importer's argv (tools/allure_report.mjs).
import { defineConfig } from "@allurereport/plugin-api";

// Node 20 has no Iterator.prototype.toArray (Node 22+), which allure 3.18's quality gate calls.
const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (!iteratorPrototype.toArray) {
  Object.defineProperty(iteratorPrototype, "toArray", {
    value() {
      return Array.from(this);
    },
    configurable: true,
    writable: true,
  });
}

const env = process.env;
const commit = (() => {
  try {
    return execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return "unknown";
  }
})();

export default defineConfig({
  name: "科学技术部政务服务平台 回归测试报告",
  output: "reports/allure-report",
  // History between local runs (trends, flaky and new-failure markers). Git-ignored.
  // `make report` (tools/allure_report.mjs) adds one entry per distinct set of results (re-rendering adds
  // none); `allure quality-gate` in `make test` would append one too: the Makefile sets ALLURE_NO_HISTORY.
  // History keys (historyId/testCaseId) hold the browser's name, never its version (support/reporting/report_rules.py).
  historyPath: env.ALLURE_NO_HISTORY ? undefined : (env.ALLURE_HISTORY_PATH ?? "reports/history.jsonl"),
  historyLimit: Number(env.ALLURE_HISTORY_LIMIT ?? 20),
  variables: { 提交: env.GIT_COMMIT ?? commit },
  categories: [
    {
      name: "环境问题（门户不可达） / Environment problem",
      matchers: { statuses: ["failed", "broken"], message: /ERR_CONNECTION_REFUSED|ECONNREFUSED|Connection refused/ },
    },
    // support/reporting/report_rules.py starts the message so when the portal answered 5xx during the scenario
    // (whatever failed next: a click timeout or a check), and marks the result failed.
    {
      name: "产品缺陷（门户返回错误） / Product defect: portal error",
      matchers: { statuses: ["failed", "broken"], message: /^门户返回 5\d\d/ },
    },
    {
      name: "产品缺陷（断言失败） / Product defect: assertion",
      matchers: { statuses: ["failed"], message: /AssertionError|Failed:|expected|期望|应为/i },
    },
    { name: "产品缺陷（其他失败） / Product defect", matchers: { statuses: ["failed"] } },
    { name: "测试缺陷（套件或脚本异常） / Suite defect", matchers: { statuses: ["broken"] } },
  ],
  // Not enforced by `allure generate`: `make report` runs `allure quality-gate`, which exits 1
  // when a rule fails. Tune with ALLURE_MAX_FAILURES / ALLURE_MIN_TESTS.
  qualityGate: {
    rules: [
      {
        maxFailures: Number(env.ALLURE_MAX_FAILURES ?? 0),
        minTestsCount: Number(env.ALLURE_MIN_TESTS ?? 1),
      },
    ],
  },
  plugins: {
    awesome: {
      options: {
        reportName: "科学技术部政务服务平台 回归测试报告",
        reportLanguage: "zh",
        singleFile: true, // one self-contained index.html: opens from file:// and offline
        groupBy: ["epic", "feature"],
      },
    },
  },
});
