// Renders an Allure results directory with allurerc.mjs AND applies its quality gate in the same pass,
// so the report's 质量门 (Quality gates) tab shows the verdict (`allure generate` alone leaves it empty;
// `allure quality-gate` is a second, separate reading). Exit code 1 when a gate rule fails.
//
// History (allurerc.mjs historyPath): one entry per distinct set of results. Re-rendering the same
// results (make report twice) does not add an entry: their fingerprint is kept in <historyPath>.rendered.
//
// Usage: node tools/allure_report.mjs <results-dir> <output-dir>
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AllureReport, filterFailedQualityGateResults, readConfig, stringifyQualityGateResults } from "@allurereport/core";

const [resultsDir, output] = process.argv.slice(2);
if (!resultsDir || !output) {
  console.error("用法 / usage: node tools/allure_report.mjs <results-dir> <output-dir>");
  process.exit(2);
}

// The results' identity: every *-result.json file name (allure-python names each by a fresh uuid).
export const fingerprint = (dir) =>
  createHash("sha256")
    .update(
      readdirSync(dir)
        .filter((name) => name.endsWith("-result.json"))
        .sort()
        .map((name) => `${name}:${statSync(join(dir, name)).size}`)
        .join("\n"),
    )
    .digest("hex");

const cwd = process.cwd();
const config = await readConfig(cwd, "allurerc.mjs", { output });
const print = fingerprint(resolve(resultsDir));
const stampPath = config.historyPath ? `${config.historyPath}.rendered` : undefined;
const rendered = stampPath && existsSync(stampPath) ? readFileSync(stampPath, "utf8").split("\n") : [];
const appendHistory = !rendered.includes(print);

const report = new AllureReport({ ...config, appendHistory });
await report.start();
await report.readDirectory(resolve(resultsDir));
const trs = (await report.store.allTestResults({ includeRetries: false })).filter((tr) => !tr.isRetry);
const { results } = await report.validate({ trs });
report.realtimeDispatcher.sendQualityGateResults(results);
await report.done();
if (stampPath && appendHistory) {
  writeFileSync(stampPath, [...rendered.filter(Boolean).slice(-100), print].join("\n") + "\n");
}
console.log(appendHistory ? "历史记录已追加 / history entry added" : "同一批结果已渲染过：不追加历史 / same results: history unchanged");

const failed = filterFailedQualityGateResults(results);
if (failed.length) {
  console.error(stringifyQualityGateResults(failed));
  console.error("质量门禁未通过 / quality gate failed");
  process.exit(1);
}
console.log("质量门禁通过 / quality gate passed");
