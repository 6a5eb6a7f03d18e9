// A browser below the floor (README, "Browsers") is told so in words on
// every page, and the saved form does not pretend to work: the first script
// (src/browser_check.js) finds what is missing before anything could fail,
// and an error met later (a wasm this browser cannot compile) says the same,
// not «Нет связи с сервером». Each path is made here by taking the feature
// away from Chromium before the page's scripts run. Release build only.
import { expect, test, type Page } from './support/fixtures';
import { LoginPage, SAVED, expectAccessible } from './support/kabinet';

const TOO_OLD = 'Этот браузер устарел';

/** The wasm files the page asks for. */
function wasmRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) asked.push(new URL(request.url()).pathname);
  });
  return asked;
}

/** The page says the browser is too old, with what to do, and nothing else went wrong. */
async function toldTooOld(page: Page, level: 1 | 2): Promise<void> {
  const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { level, name: TOO_OLD }) });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Откройте кабинет в другом браузере или обновите этот');
  await expect(panel.getByRole('link', { name: 'support@example.ru' })).toHaveAttribute(
    'href',
    'mailto:support@example.ru',
  );
  await expect(page.getByText('Нет связи с сервером')).toHaveCount(0);
}

/** The saved sign-in form stays as it was painted, and cannot be used. */
async function loginFormOff(page: Page): Promise<void> {
  const login = new LoginPage(page);
  await expect(login.submit()).toBeDisabled();
  await expect(login.email()).toBeDisabled();
  await expect(login.password()).toBeDisabled();
  await expect(page.locator(SAVED).first()).toBeAttached();
}

for (const [path, takeAway] of [
  [
    'no modules',
    () => {
      delete (HTMLScriptElement.prototype as { noModule?: boolean }).noModule;
    },
  ],
  [
    'no WebAssembly',
    () => {
      delete (window as { WebAssembly?: unknown }).WebAssembly;
    },
  ],
  [
    'WebAssembly refused by the CSP (no wasm-unsafe-eval)',
    () => {
      // What Chrome before 97 and Safari before 16 do under script-src 'self'.
      const refuse = function () {
        throw new WebAssembly.CompileError('Wasm code generation disallowed by embedder');
      };
      WebAssembly.Module = refuse as unknown as typeof WebAssembly.Module;
      WebAssembly.compile = refuse as unknown as typeof WebAssembly.compile;
      WebAssembly.instantiate = refuse as unknown as typeof WebAssembly.instantiate;
      WebAssembly.instantiateStreaming = refuse as unknown as typeof WebAssembly.instantiateStreaming;
    },
  ],
] as const) {
  test(`${path}: every page says the browser is too old, and no wasm is fetched`, async ({ page }) => {
    await page.addInitScript(takeAway);
    const asked = wasmRequests(page);

    // A saved page: its form stays off.
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
    await toldTooOld(page, 2);
    await loginFormOff(page);
    await expectAccessible(page);

    // A page the app alone draws (index.html): the message is the page.
    await page.goto('/settings');
    await toldTooOld(page, 1);
    await expectAccessible(page);
    expect(asked).toEqual([]);
  });
}

test('a wasm this browser cannot compile: the page says the browser is too old, not the network', async ({
  page,
}) => {
  // The check passes; the main module then fails to compile, as it would in
  // a browser that lacks something the check could not ask.
  await page.route(/\/kabinet-[0-9a-f]+_bg\.wasm$/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/wasm',
      body: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 0xff]),
    }),
  );
  await page.goto('/login');
  await toldTooOld(page, 2);
  await loginFormOff(page);
  await expect(page.getByRole('button', { name: 'Повторить' })).toHaveCount(0);

  await page.goto('/settings');
  await toldTooOld(page, 1);
});
