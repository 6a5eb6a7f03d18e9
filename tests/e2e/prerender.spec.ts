// The public entry pages are saved as HTML by `cargo xtask dist`, so
// a visitor reads them before the wasm has arrived; the app then takes the
// page over (src/takeover.rs) and keeps what the visitor typed and pressed.
// Release build only (`trunk serve` prerenders nothing).
import { expect, test } from './support/fixtures';
import {
  LoginPage,
  PASSWORD,
  RegisterPage,
  SAVED,
  confirmedSubscriber,
  freshEmail,
  holdApp,
  homeHeading,
  layoutShifts,
  takenOver,
} from './support/kabinet';

for (const [address, heading] of [
  ['/login', 'Вход в Личный кабинет'],
  ['/register', 'Регистрация'],
  ['/recover', 'Восстановление пароля'],
  ['/recover/confirm?token=abc', 'Восстановление пароля'],
  ['/confirm?token=abc', 'Подтверждение регистрации'],
] as const) {
  test(`${address} is readable before the app has arrived, and the same after`, async ({ page }) => {
    // The robot check's challenge waits too, so the form is as first shown.
    await page.route('**/api/v1/captcha', () => {});
    await page.route('**/api/v1/registrations/confirm', () => {});
    const release = await holdApp(page);
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator(SAVED).first()).toBeAttached();
    const before = await page.locator('body').innerText();
    release();
    await takenOver(page);
    expect(await page.locator('body').innerText()).toBe(before);
    expect(await layoutShifts(page), 'layout shift when the app took the page over').toBe(0);
  });
}

test('without scripts the saved form cannot be sent by the browser', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
  const login = new LoginPage(page);
  await expect(login.submit()).toBeDisabled();
  await login.email().fill('abonent@example.ru');
  await login.password().fill(PASSWORD);
  await login.password().press('Enter');
  await page.waitForTimeout(500);
  // A GET would have put the password in the address.
  expect(new URL(page.url()).search).toBe('');
  await context.close();
});

test('a subscriber who signs in before the app has arrived is signed in once it has', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login/);
  const release = await holdApp(page);
  await page.goto('/login');
  const login = new LoginPage(page);
  await login.login(email);
  // The press is held, not sent by the browser: still the saved page, its
  // button off as while a form is being sent.
  await expect(page.locator(SAVED).first()).toBeAttached();
  await expect(login.submit()).toBeDisabled();
  expect(new URL(page.url()).search).toBe('');
  release();
  await expect(homeHeading(page)).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/$/);
});

test('typing goes on in the same field while the app takes over', async ({ page }) => {
  const release = await holdApp(page);
  const register = new RegisterPage(page);
  await register.open();
  await register.email().click();
  await page.keyboard.type('quick');
  await register.password().fill(PASSWORD);
  await register.email().click();
  release();
  await takenOver(page);
  await page.keyboard.type('@example.ru');
  await expect(register.email()).toBeFocused();
  await expect(register.email()).toHaveValue('quick@example.ru');
  await expect(register.password()).toHaveValue(PASSWORD);
  // The live form knows the values: it sends them.
  await register.repeat().fill(PASSWORD);
  await register.submit().click();
  await expect(page).toHaveURL(/\/register\/done/, { timeout: 20_000 });
});

test('a field left before the app took over is checked once it has', async ({ page }) => {
  const release = await holdApp(page);
  const register = new RegisterPage(page);
  await register.open();
  await register.password().fill('пароль');
  await register.repeat().focus();
  release();
  await takenOver(page);
  await expect(register.password()).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Пароль может содержать только латинские буквы, а не русские.')).toBeVisible();
  // The field still focused was not left: nothing is said about it yet.
  await expect(register.repeat()).toBeFocused();
  await expect(register.repeat()).not.toHaveAttribute('aria-invalid');
});

test('a saved page starts the app itself once painted: no loader and no preloads in it', async ({ request }) => {
  for (const address of ['/login', '/register', '/recover', '/recover/confirm', '/confirm', '/agreement']) {
    const html = await (await request.get(address)).text();
    expect(html, address).toContain('data-prerendered');
    expect(html, address).not.toMatch(/rel="(module)?preload"/);
    expect(html, address).toMatch(
      /<script type="module" src="\/early-[0-9a-f]{16}\.js" data-boot="\/boot-[0-9a-f]{16}\.js">/,
    );
    // Before it, the browser check (browser-floor.spec.ts), and nothing else.
    expect(html, address).toMatch(/<script defer src="\/browser_check-[0-9a-f]{16}\.js"><\/script><script type="module"/);
    expect(html.match(/<script/g), address).toHaveLength(2);
  }
  // Every other address is the app's page, which loads the app at once.
  const app = await (await request.get('/accounts')).text();
  expect(app).not.toContain('data-prerendered');
  // (Its loader fetches the main wasm first thing: a `<link rel=preload
  // as=fetch>` of it was downloaded twice by WebKit, see downloads.spec.ts.)
  expect(app).toMatch(/rel="modulepreload"[^>]*\/kabinet-[0-9a-f]+\.js/);
  expect(app).not.toMatch(/rel="preload"/);
});

// The early script asks who is signed in with the page; the app takes that
// answer for its start-up check instead of asking again after the wasm.
for (const [address, heading, signedIn] of [
  ['/login', 'Вход в Личный кабинет', false],
  ['/', 'Главная', true],
] as const) {
  test(`${address}: one start-up check, sent before the app has arrived`, async ({ page, request }) => {
    if (signedIn) {
      await confirmedSubscriber(page, request);
    }
    const checks: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/session' && r.method() === 'GET') checks.push(r.url());
    });
    const release = await holdApp(page);
    await page.goto(address);
    await expect.poll(() => checks.length).toBe(1);
    release();
    await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    expect(checks).toHaveLength(1);
  });
}

for (const [what, file] of [
  ['its loader', /\/boot-[0-9a-f]{16}\.js/],
  ['its glue', /\/kabinet-[0-9a-f]{16}\.js/],
  ['its wasm', /_bg\.wasm/],
  ['the modules\' loader', /\/__wasm_split-[0-9a-f]{16}\.js/],
  ['the login page\'s module', /\/split_login-[0-9a-f]{16}\.wasm/],
] as const) {
test(`when the app (${what}) cannot be fetched, the saved page says so and «Повторить» fetches it, keeping what was typed`, async ({ page }) => {
  let failures = 1;
  await page.route(file, (route) => (failures-- > 0 ? route.abort('internetdisconnected') : route.continue()));
  const login = new LoginPage(page);
  await page.goto('/login');
  await login.email().fill('abonent@example.ru');
  const alert = page.getByRole('alert').filter({ hasText: 'Нет связи с сервером. Проверьте подключение к интернету и повторите попытку.' });
  await expect(alert).toBeVisible();
  await expect(page.locator(SAVED).first()).toBeAttached();
  await page.getByRole('button', { name: 'Повторить' }).click();
  await takenOver(page);
  await expect(alert).toHaveCount(0);
  await expect(login.email()).toHaveValue('abonent@example.ru');
  // The live form: a wrong password is answered by the API.
  await login.password().fill('Wrong2026x');
  await login.submit().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Неверный e-mail или пароль.' })).toBeVisible();
});
}

test('a «Повторить» that fails again says so again, with the focus on its button', async ({ page }) => {
  let failures = 2;
  await page.route(/\/kabinet-[0-9a-f]{16}\.js/, (route) =>
    failures-- > 0 ? route.abort('internetdisconnected') : route.continue(),
  );
  const login = new LoginPage(page);
  await page.goto('/login');
  await login.email().fill('abonent@example.ru');
  const retry = page.getByRole('alert').getByRole('button', { name: 'Повторить' });
  await retry.click();
  await expect(retry).toBeFocused();
  await retry.click();
  await takenOver(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(login.email()).toHaveValue('abonent@example.ru');
});
