// Playwright drives Debian's Chromium (/usr/bin/chromium): Playwright's own
// browser download cannot work on these machines. `cargo xtask test` serves
// the release build with nginx (BASE_URL) and the reference API on an origin
// of its own (API_URL; see support/fixtures.ts, which every spec imports).
import { defineConfig } from '@playwright/test';

const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:8090';

export default defineConfig({
  testDir: '.',
  testIgnore: ['node_modules/**'],
  outputDir: 'test-results',
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: {
    timeout: 10_000,
    // gallery.spec.ts: pictures of every state of the debug build's gallery.
    toHaveScreenshot: { maxDiffPixelRatio: 0.01, animations: 'disabled', caret: 'hide', scale: 'css' },
  },
  // One picture per name, whatever the platform: the tests run on Debian's Chromium only.
  snapshotPathTemplate: '{testDir}/{testFileName}-snapshots/{arg}{ext}',
  reporter: [['list'], ['./support/failures-reporter.ts']],
  use: {
    baseURL,
    locale: 'ru-RU',
    // No traces: recording them failed a passing test once on a loaded
    // machine (browserContext.close: ENOENT on a trace chunk, a known
    // Playwright flake); the screenshot and the servers' logs remain.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Playwright gives each browser a fresh profile (--user-data-dir) and
      // runs it headless itself. Without the background-networking flags
      // Chromium keeps trying to reach Google's hosts on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Tests that move the reference API's clock (`*.clock.spec.ts`) would end
  // the sessions and captchas of every test running beside them: they run
  // alone, after all the others, one at a time.
  projects: [
    { name: 'main', testIgnore: ['node_modules/**', '**/*.clock.spec.ts'] },
    { name: 'clock', testMatch: '**/*.clock.spec.ts', dependencies: ['main'], workers: 1 },
  ],
});
