// The budget of a first visit: each entry route downloads at most
// its limit in budget.json, counted by Chromium as the server sends it. Byte
// counts of one build are exact, so any growth fails here. With WEIGHT_OUT
// set (e.g. `WEIGHT_OUT=target/weights.json cargo xtask test --only e2e --
// weight.spec.ts`) it writes the numbers and a throttled navigation's time
// there instead of judging them.
import { test, expect, type Locator, type Page } from './support/fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENTRIES, signedInState, weigh, type Weight } from './support/weight';
import { freshEmail, LoginPage, PASSWORD } from './support/kabinet';

interface Budget {
  goal: number;
  routes: Record<string, number>;
}

const budget = JSON.parse(readFileSync(path.join(__dirname, 'budget.json'), 'utf8')) as Budget;
const out = process.env.WEIGHT_OUT;

/** Time from a click on `link` (after `before`, throttled too) to the heading of the page it opens, at 4× slower CPU on Fast 3G. */
async function throttledNavigation(page: Page, link: Locator, heading: string, before = async () => {}): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
    uploadThroughput: (750 * 1024 * 0.9) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await before();
  const started = Date.now();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
  const took = Date.now() - started;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return took;
}

test('each entry route downloads no more than its budget', async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL ?? '';
  const email = freshEmail('weight');
  const signedIn = await signedInState(browser, request, base, email);
  const weights: Weight[] = [];
  for (const entry of ENTRIES) {
    weights.push(await weigh(browser, base, entry, entry.signedIn ? { storageState: signedIn } : {}));
  }
  for (const w of weights) {
    console.log(`${w.route.padEnd(18)} ${String(w.bytes).padStart(8)} B  (budget ${budget.routes[w.route]})`);
  }
  if (out) {
    const navigation: Record<string, number> = {};
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const link = (name: string) => page.getByRole('link', { name, exact: true }).first();
    navigation['/login → /register'] = await throttledNavigation(page, link('Регистрация'), 'Регистрация');
    await context.close();
    const signedInContext = await browser.newContext({ baseURL: base, storageState: signedIn });
    const home = await signedInContext.newPage();
    await home.goto('/');
    await expect(home.getByRole('heading', { level: 1, name: ENTRIES[5].heading })).toBeVisible();
    await home.waitForLoadState('networkidle');
    navigation['/ → /settings'] = await throttledNavigation(
      home,
      home.getByRole('link', { name: 'Настройки', exact: true }).first(),
      'Настройки абонента',
    );
    await signedInContext.close();
    // A quick subscriber: autofill and «Войти» at once, home's module
    // fetched from the first keystroke beside the sign-in.
    const signIn = await (await browser.newContext({ baseURL: base })).newPage();
    const login = new LoginPage(signIn);
    await login.open();
    await signIn.waitForLoadState('networkidle');
    navigation['/login → «Войти» → /'] = await throttledNavigation(
      signIn,
      login.submit(),
      ENTRIES[5].heading,
      async () => {
        await login.email().fill(email);
        await login.password().fill(PASSWORD);
      },
    );
    await signIn.context().close();
    writeFileSync(out, JSON.stringify({ weights, navigation, storageState: signedIn }, null, 2));
    return;
  }
  for (const w of weights) {
    expect(budget.routes[w.route], `budget.json has no limit for ${w.route}`).toBeDefined();
    expect.soft(w.bytes, `${w.route}: ${JSON.stringify(w.files)}`).toBeLessThanOrEqual(budget.routes[w.route]);
  }
});
