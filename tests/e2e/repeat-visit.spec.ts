// A subscriber who comes back: the hashed files (every script, style and
// module) are cached as immutable by nginx (deploy/nginx.conf), so a second
// visit asks again only for the page itself, which is revalidated (304, no
// body), and the API. These numbers are what a service worker would have to
// beat (README, "Repeat visits"): it could not move fewer bytes.
import { expect, test } from './support/fixtures';
import { ENTRIES, signedInState } from './support/weight';

/** The app's own files (not the API's) of two visits of `url` in one browser: path, status, body bytes from the network. */
async function revisit(
  browser: import('@playwright/test').Browser,
  baseURL: string,
  url: string,
  heading: string,
  storageState?: Awaited<ReturnType<typeof signedInState>>,
) {
  const context = await browser.newContext({ baseURL, storageState });
  const visit = async (): Promise<{ path: string; status: number; bytes: number }[]> => {
    const page = await context.newPage();
    const pending: Promise<{ path: string; status: number; bytes: number } | null>[] = [];
    page.on('requestfinished', (request) =>
      pending.push(
        (async () => {
          const path = new URL(request.url()).pathname;
          if (new URL(request.url()).origin !== new URL(baseURL).origin || path.startsWith('/api/')) return null;
          const response = await request.response();
          // A file from the cache counts as nothing (Chromium gives it a
          // negative size: headers it did not receive).
          const bytes = Math.max(0, (await request.sizes()).responseBodySize);
          return { path, status: response?.status() ?? 0, bytes };
        })(),
      ),
    );
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.close();
    return (await Promise.all(pending)).filter((d) => d !== null);
  };
  const first = await visit();
  const second = await visit();
  await context.close();
  return { first, second };
}

for (const entry of ENTRIES.filter((e) => ['/login', '/ (signed in)'].includes(e.route))) {
  test(`${entry.route}: a second visit downloads no file again, and revalidates only the page`, async ({
    browser,
    request,
    baseURL,
  }) => {
    const base = baseURL ?? '';
    const state = entry.signedIn ? await signedInState(browser, request, base) : undefined;
    const { first, second } = await revisit(browser, base, entry.url, entry.heading, state);
    const sum = (files: { bytes: number }[]) => files.reduce((total, file) => total + file.bytes, 0);
    console.log(`${entry.route}: first visit ${sum(first)} B (prefetch included), second ${sum(second)} B`);
    expect(sum(first)).toBeGreaterThan(100_000);
    // The page revalidated (304), nothing else from the network.
    expect(second.filter((file) => file.bytes > 0)).toEqual([]);
    expect(second.every((file) => file.status === 304 || file.status === 200)).toBe(true);
  });
}
