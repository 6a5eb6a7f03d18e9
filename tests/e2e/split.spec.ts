// The release build downloads each page's wasm module when the page first
// opens (src/lazy_routes.rs). A module that cannot be downloaded must leave a
// clear message with a way to try again, never a dead app.
import { test, expect, type Page } from './support/fixtures';
import { confirmedSubscriber, LoginPage, takenOver } from './support/kabinet';

/** The release is split by route: its page preloads the modules' loader. */
async function expectSplit(page: Page): Promise<void> {
  const html = await (await page.request.get('/accounts')).text();
  expect(html, 'the release build is split by route').toContain('/__wasm_split-');
}

test('a page whose module cannot be downloaded says so, and «Повторить» opens it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Routing turns the HTTP cache off, so the module prefetched at idle is
  // not there either: as on a phone that went offline before the prefetch.
  const refuse = (route: import('@playwright/test').Route) => route.abort('internetdisconnected');
  await page.route(/\/split_forms-/, refuse);
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
  await takenOver(page);
  await expectSplit(page);

  await page.getByRole('link', { name: 'Забыли пароль?' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Не удалось загрузить страницу' });
  await expect(alert).toContainText('Проверьте подключение к интернету');
  // The rest of the app still works: the way back is open.
  await expect(page.getByRole('link', { name: 'Вход', exact: true })).toBeVisible();

  // Still offline: it says so again, and the keyboard is back on «Повторить».
  const retry = alert.getByRole('button', { name: 'Повторить' });
  await retry.press('Enter');
  await expect(retry).toBeFocused();

  await page.unroute(/\/split_forms-/, refuse);
  await retry.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Восстановление пароля' })).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an entry route preloads its own module and no other page', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    // Prefetched at idle for later pages: not part of this page's load.
    const prefetch = r.headers()['sec-purpose']?.startsWith('prefetch');
    if (path.endsWith('.wasm') && !prefetch) wasm.push(path);
  });
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
  await takenOver(page);
  await expectSplit(page);
  const pages = wasm.filter((p) => p.startsWith('/split_'));
  // /register's group (src/lazy_routes.rs), and no other, fetched by the
  // loader with the main wasm rather than asked for by the app after its start.
  expect(pages).toEqual([expect.stringMatching(/^\/split_forms-[0-9a-f]{16}\.wasm$/)]);
  const [main] = wasm.filter((p) => /^\/kabinet-[0-9a-f]+_bg\.wasm$/.test(p));
  const [formsStart, mainEnd] = await page.evaluate(
    ([forms, main]) => [
      performance.getEntriesByName(location.origin + forms)[0]?.startTime ?? Infinity,
      performance.getEntriesByName(location.origin + main)[0]?.responseEnd ?? -1,
    ],
    [pages[0], main],
  );
  expect(formsStart).toBeLessThan(mainEnd);
  // Each file once: the module the app loads is the one the loader fetched.
  expect(new Set(wasm).size).toBe(wasm.length);
});

test('the page opened first is painted whole, without a loading line', async ({ page }) => {
  const loading: string[] = [];
  await page.exposeFunction('sawLoading', (text: string) => loading.push(text));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const line = document.querySelector('main .loading');
      if (line) (window as unknown as { sawLoading: (t: string) => void }).sawLoading(line.textContent ?? '');
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/recover');
  await expect(page.getByRole('heading', { level: 1, name: 'Восстановление пароля' })).toBeVisible();
  await takenOver(page);
  expect(loading).toEqual([]);
});

test('a signed-in page opened first waits for its own module: the loader knows every route', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  for (const [address, heading, module] of [
    ['/', 'Главная', 'home'],
    ['/settings', 'Настройки абонента', 'cabinet'],
  ] as const) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    // `/` is painted from its saved frame before the loader runs: wait for the app.
    await takenOver(page);
    await expectSplit(page);
    // What the loader (boot-*.js) found for the address, and what the app waited for.
    expect(await page.evaluate(() => document.documentElement.dataset.firstModule), address).toBe(module);
  }
});

test('a signed-out visitor of a cabinet page gets the sign-in page, whose module the loader fetched meanwhile', async ({ page }) => {
  const login: string[] = [];
  page.on('request', (r) => {
    if (/^\/split_login-/.test(new URL(r.url()).pathname)) login.push(r.headers()['sec-purpose'] ?? 'fetch');
  });
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
  await expectSplit(page);
  // Fetched by the loader once the start-up check said «signed out» (not
  // prefetched at idle), and once: the app took that answer after its redirect.
  expect(login).toEqual(['fetch']);
});

/** The wasm files prefetched so far (`<link rel=prefetch>`, Chromium). */
const prefetched = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((l) => new URL(l.href).pathname).sort(),
  );

test('/login prefetches where it leads only once the visitor starts on the form; a link reached by the pointer loads its page, which then opens without the network', async ({
  page,
  context,
}) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
  await takenOver(page);
  await expectSplit(page);
  // A visitor who only looks: nothing more.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500);
  expect(await prefetched(page)).toEqual([]);
  // The e-mail field focused: the home page's group, where signing in leads, and nothing else.
  await new LoginPage(page).email().focus();
  await expect.poll(() => prefetched(page)).toContainEqual(expect.stringMatching(/^\/split_home-/));
  await page.waitForLoadState('networkidle');
  expect((await prefetched(page)).filter((f) => f.startsWith('/split_'))).toEqual([
    expect.stringMatching(/^\/split_home-/),
  ]);
  // The pointer on «Регистрация»: its group comes.
  const register = page.getByRole('link', { name: 'Регистрация', exact: true }).first();
  await register.hover();
  await expect.poll(() => prefetched(page)).toContainEqual(expect.stringMatching(/^\/split_forms-/));
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await register.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
  // (The robot check may say it cannot reach the API: it is offline.)
  await expect(page.getByText('Не удалось загрузить страницу')).toHaveCount(0);
});

test('a browser that asks to save data gets no prefetch: each page downloads its module when it opens', async ({
  page,
}) => {
  await page.addInitScript(() =>
    Object.defineProperty(Object.getPrototypeOf(navigator.connection), 'saveData', { get: () => true }),
  );
  const modules: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/^\/split_/.test(path)) modules.push(path);
  });
  await page.goto('/login');
  await takenOver(page);
  await page.getByRole('link', { name: 'Регистрация', exact: true }).first().hover();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  expect(await prefetched(page)).toEqual([]);
  expect(modules).toEqual([expect.stringMatching(/^\/split_login-/)]);
  await page.getByRole('link', { name: 'Регистрация', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
});
