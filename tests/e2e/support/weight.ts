// What a first visit downloads, as Chromium counts it: every response of the
// app's origin except the API's answers (/api, /dev), by its transferred body
// (brotli, as the server sends it). Used by weight.spec.ts (the budget) and,
// through it, by `cargo xtask bench`.
import { expect, type APIRequestContext, type Browser, type BrowserContextOptions } from '@playwright/test';
import { API_URL } from './fixtures';
import { appPath, freshEmail, HOME, latestMail, PASSWORD } from './kabinet';

export interface Download {
  path: string;
  bytes: number;
}

export interface Weight {
  route: string;
  bytes: number;
  files: Download[];
  /** What the page fetched afterwards for later pages (`<link rel=prefetch>`: at idle on a cabinet page, once the visitor starts on a public page's form): not part of the first load. */
  prefetched: Download[];
}

/** An entry route, and the heading that says it is there. */
export interface Entry {
  route: string;
  url: string;
  heading: string;
  signedIn?: boolean;
}

export const ENTRIES: Entry[] = [
  { route: '/login', url: '/login', heading: 'Вход в Личный кабинет' },
  { route: '/register', url: '/register', heading: 'Регистрация' },
  { route: '/recover', url: '/recover', heading: 'Восстановление пароля' },
  { route: '/confirm', url: '/confirm?token=bench', heading: 'Подтверждение регистрации' },
  { route: '/recover/confirm', url: '/recover/confirm?token=bench', heading: 'Восстановление пароля' },
  {
    route: '/ (signed in)',
    url: '/',
    heading: HOME,
    signedIn: true,
  },
];

/** The app's own files: its origin, not the API's paths. */
function counted(url: URL, app: string): boolean {
  return url.origin === new URL(app).origin && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/dev/');
}

/** Opens `entry` in a fresh browser context (empty cache) and adds up what it downloaded until it was usable. */
export async function weigh(
  browser: Browser,
  baseURL: string,
  entry: Entry,
  options: BrowserContextOptions = {},
): Promise<Weight> {
  const context = await browser.newContext({ ...options, baseURL });
  const page = await context.newPage();
  const pending: Promise<(Download & { prefetch: boolean }) | null>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const url = new URL(request.url());
        if (!counted(url, baseURL)) return null;
        const sizes = await request.sizes();
        const prefetch = (await request.allHeaders())['sec-purpose']?.startsWith('prefetch') ?? false;
        return { path: url.pathname, bytes: sizes.responseBodySize, prefetch };
      })(),
    );
  });
  await page.goto(entry.url);
  await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The visitor starts on the form (a public page then prefetches the next).
  const field = page.locator('form input:visible').first();
  if (await field.count()) {
    await field.focus();
    await page.waitForTimeout(200);
    await page.waitForLoadState('networkidle');
  }
  const all = (await Promise.all(pending)).filter((d) => d !== null);
  await context.close();
  const files = all.filter((d) => !d.prefetch).map(({ path, bytes }) => ({ path, bytes }));
  const prefetched = all.filter((d) => d.prefetch).map(({ path, bytes }) => ({ path, bytes }));
  return { route: entry.route, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files, prefetched };
}

/**
 * A browser state signed in as a new, confirmed subscriber: registered
 * (captcha solved in the page), confirmed with the mailed token, all through
 * the API; the session cookie is the browser's own.
 */
export async function signedInState(
  browser: Browser,
  request: APIRequestContext,
  baseURL: string,
  email = freshEmail('weight'),
): Promise<BrowserContextOptions['storageState']> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  // A page of the API's own origin: its fetches are same-origin there, and
  // the cookie it gets (cookies ignore ports) goes to the app's origin too.
  await page.goto(`${API_URL || baseURL}/api/v1/suppliers`);
  const api = '';
  const registered = await page.evaluate(
    async ({ email, password, api }) => {
      const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'kabinet' };
      const c = await (await fetch(`${api}/api/v1/captcha`, { credentials: 'include' })).json();
      let number = -1;
      for (let n = 0; n <= c.maxnumber && number < 0; n++) {
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(c.salt + n));
        const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
        if (hex === c.challenge) number = n;
      }
      const captcha = btoa(
        JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature }),
      );
      const answer = await fetch(`${api}/api/v1/registrations`, {
        method: 'POST',
        credentials: 'include',
        headers,
        body: JSON.stringify({ email, password, captcha }),
      });
      return answer.status;
    },
    { email, password: PASSWORD, api },
  );
  expect(registered).toBe(201);
  const token = new URL(appPath(await latestMail(request, email)), baseURL).searchParams.get('token');
  const confirmed = await page.evaluate(async ({ token, api }) => {
    const answer = await fetch(`${api}/api/v1/registrations/confirm`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'kabinet' },
      body: JSON.stringify({ token }),
    });
    return answer.status;
  }, { token, api });
  expect(confirmed).toBe(200);
  const state = await context.storageState();
  await context.close();
  return state;
}
