// Routes: deep links survive a reload, unknown routes say so, static files stay files.
import { expect, test } from './support/fixtures';
import { expectAccessible } from './support/kabinet';

test('a deep link reloads into the same page', async ({ page }) => {
  for (const [path, heading] of [
    ['/register', 'Регистрация'],
    ['/login', 'Вход в Личный кабинет'],
    ['/agreement', 'Пользовательское соглашение'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`Личный кабинет абонента`));
    await expectAccessible(page);
  }
});

test('an unknown route shows the not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'На главную страницу' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('the footer gives the support address and the signed-out navigation', async ({ page }) => {
  await page.goto('/register');
  const support = page.getByRole('contentinfo').getByRole('link');
  await expect(support).toHaveAttribute('href', /^mailto:.+@.+/);
  await expect(page.getByRole('contentinfo')).toContainText('Вы также можете задать интересующий Вас вопрос службе технической поддержки Личного кабинета электронным письмом на адрес');
  const nav = page.getByRole('navigation', { name: 'Основное меню' });
  await expect(nav.getByRole('link', { name: 'Вход' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Регистрация' })).toBeVisible();
});

test('robots.txt is a file, not the app', async ({ request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  const text = await robots.text();
  expect(text).toContain('Disallow: /');
  expect(text).not.toContain('<html');
  expect((await request.get('/missing.png')).status()).toBe(404);
});

test('the app runs under a strict Content-Security-Policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  const answer = await page.goto('/register');
  const csp = answer?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  // No inline script at all: not even a hash is needed.
  expect(csp).not.toContain('sha256-');
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
  expect(violations).toEqual([]);
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('the pages fit a 320 px wide phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/register', '/login', '/register/done?email=a@b.ru&until=2026-12-01', '/no/such/page']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
