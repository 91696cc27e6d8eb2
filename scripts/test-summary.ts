/**
 * Prints one closing line over both test runners, "Tests: N passed, N failed, N skipped", from the
 * JSON reports `npm test` writes (vitest's and Playwright's), so CI shows a single honest total.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const missing: string[] = [];

const read = (file: string): unknown => {
  if (!existsSync(file)) {
    missing.push(file);
    return undefined;
  }
  return JSON.parse(readFileSync(file, 'utf8'));
};

const vitest = read('test-results/vitest.json') as
  | { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
  | undefined;
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}

const playwright = read('test-results/playwright.json') as
  { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky;
  totals.failed += playwright.stats.unexpected;
  totals.skipped += playwright.stats.skipped;
}

if (missing.length) console.log(`(no report at ${missing.join(', ')}: that runner did not finish)`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
