// A Playwright reporter beside `list`: writes the failed tests, each with
// the first line of its error, to test-results/failures.txt, which
// `cargo xtask test` prints last, after the servers' logs (a CI that keeps
// only the end of the output then still says which test failed).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class FailuresFile implements Reporter {
  private failures: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === test.expectedStatus || result.status === 'skipped') return;
    const where = `${path.basename(test.location.file)}:${test.location.line}`;
    const error = (result.error?.message ?? result.status).split('\n').find((line) => line.trim()) ?? '';
    // Colour codes out: the file is read as plain text.
    this.failures.push(`${where} › ${test.title}\n    ${error.replace(/\u001b\[[0-9;]*m/g, '')}`);
  }

  onEnd(_result: FullResult): void {
    mkdirSync('test-results', { recursive: true });
    writeFileSync(path.join('test-results', 'failures.txt'), this.failures.map((f) => `${f}\n`).join(''));
  }
}
