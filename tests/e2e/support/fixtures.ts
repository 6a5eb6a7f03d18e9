// What every spec imports instead of '@playwright/test': the same `test` and
// `expect`, with an automatic fixture that fails the test on any
// Content-Security-Policy violation in its pages (the `securitypolicyviolation`
// event, or Chromium's console message about a blocked resource), and the
// API's origin (`API_URL`, set by `cargo xtask test`: the API has an origin of
// its own there, as behind a CDN; the app's own origin by default).
import { test as base, expect } from '@playwright/test';

export { expect };
export type { APIRequestContext, Locator, Page, Route } from '@playwright/test';

export const API_URL = (process.env.API_URL ?? process.env.BASE_URL ?? 'http://127.0.0.1:8090').replace(/\/+$/, '');

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const seen: string[] = [];
      await context.exposeBinding('__kabinetCspViolation', (_source, text: string) => {
        seen.push(text);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __kabinetCspViolation?: (text: string) => void }).__kabinetCspViolation;
          report?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
      context.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) seen.push(message.text());
      });
      await use(seen);
      expect(seen, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
