// Password recovery: the mail's link, a new password, single use, and no
// telling whether an address is registered.
import { expect, test, type Page, type Route } from './support/fixtures';
import {
  LoginPage,
  NewPasswordPage,
  PASSWORD,
  RecoverPage,
  homeHeading,
  appPath,
  confirmedSubscriber,
  expectAccessible,
  freshEmail,
  latestMail,
  recordRequests,
} from './support/kabinet';

const NEW_PASSWORD = 'Novyi2026';

/** The reset link mailed to `email` (the confirmation mail came first). */
async function resetLink(page: Page, email: string, count: number): Promise<string> {
  const mail = await latestMail(page.request, email, count);
  const path = appPath(mail);
  expect(path).toMatch(/^\/recover\/confirm\?token=/);
  return path;
}

test('forgot the password: mail, new password, login with it; the old one and the link stop working', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const login = new LoginPage(page);
  await login.open();
  await page.getByRole('link', { name: 'Забыли пароль?' }).click();
  await expect(page).toHaveURL(/\/recover$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Восстановление пароля' })).toBeVisible();
  await expect(page.getByLabel('E-mail (логин)')).toHaveAttribute('autocomplete', 'email');
  await expectAccessible(page);

  await new RecoverPage(page).request(email);
  await expect(page.getByRole('status').filter({ hasText: 'Ссылка действительна 1 час.' })).toContainText(email);
  await expectAccessible(page);

  const link = await resetLink(page, email, 2);
  await page.goto(link);
  const form = new NewPasswordPage(page);
  await expect(form.password()).toHaveAttribute('autocomplete', 'new-password');
  await expect(form.repeat()).toHaveAttribute('autocomplete', 'new-password');
  await expect(page.getByText('Любая комбинация латинских букв и цифр, от 5 до 10 символов.')).toBeVisible();
  await expectAccessible(page);
  // The policy and the repeat are checked before anything is sent.
  const sent = recordRequests(page, '/api/v1/password-resets/confirm');
  await form.set('abc', 'abd');
  await expect(page.getByRole('link', { name: 'Пароль слишком короткий: нужно от 5 до 10 символов.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Пароли не совпадают.' })).toBeVisible();
  expect(sent).toEqual([]);
  // «Показать пароль» reveals both.
  await page.getByLabel('Показать пароль').check();
  await expect(form.password()).toHaveAttribute('type', 'text');
  await expect(form.repeat()).toHaveAttribute('type', 'text');

  await form.set(NEW_PASSWORD);
  await expect(page.getByText('Пароль изменён.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Войти с новым паролем' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
  await login.login(email, PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: 'Неверный e-mail или пароль.' })).toBeVisible();
  await login.login(email, NEW_PASSWORD);
  await expect(homeHeading(page)).toBeVisible();

  // Single use: the same link again.
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(link);
  await form.set('Drugoi2026');
  await expect(page.getByText('Ссылка недействительна или уже была использована.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Запросить новую ссылку' }).click();
  await expect(page).toHaveURL(/\/recover$/);
  // And the password is still the one set through it.
  await login.open();
  await login.login(email, NEW_PASSWORD);
  await expect(homeHeading(page)).toBeVisible();
});

test('the answer is the same for a registered and an unknown address', async ({ page, request }) => {
  const known = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const unknown = freshEmail('nobody');
  const texts: string[] = [];
  for (const email of [known, unknown]) {
    const recover = new RecoverPage(page);
    await recover.open();
    await recover.request(email);
    texts.push((await page.getByRole('main').innerText()).replaceAll(email, '<e-mail>'));
  }
  expect(texts[1]).toEqual(texts[0]);
  // Both got a mail; only the registered one a reset link.
  expect(appPath(await latestMail(request, known, 2))).toMatch(/^\/recover\/confirm\?token=/);
  expect(appPath(await latestMail(request, unknown))).not.toContain('/recover/confirm');
});

test('a mistyped address is caught before sending; «Запросить ссылку ещё раз» brings the form back', async ({ page }) => {
  const sent = recordRequests(page, '/api/v1/password-resets');
  const recover = new RecoverPage(page);
  await recover.open();
  await recover.submit().click();
  await expect(page.getByRole('link', { name: 'Введите e-mail.' })).toBeVisible();
  await recover.email().fill('ivan.example.ru');
  await recover.submit().click();
  await expect(page.getByRole('link', { name: 'Введите e-mail в формате name@example.ru.' })).toBeVisible();
  expect(sent).toEqual([]);
  await expectAccessible(page);

  const email = freshEmail('twice');
  await recover.request(email);
  await page.getByRole('button', { name: 'Запросить ссылку ещё раз' }).click();
  await expect(recover.email()).toHaveValue(email);
  await recover.request(email);
  expect(sent).toEqual(['POST', 'POST']);
});

test('an unknown or missing token says the link does not work and offers a new one', async ({ page }) => {
  await page.goto('/recover/confirm');
  await expect(page.getByText('Ссылка недействительна или уже была использована.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Запросить новую ссылку' })).toBeVisible();

  await page.goto('/recover/confirm?token=no-such-token');
  await new NewPasswordPage(page).set(NEW_PASSWORD);
  await expect(page.getByText('Ссылка недействительна или уже была использована.')).toBeVisible();
  await expectAccessible(page);
});

test('a field error of the API lands on the new password', async ({ page }) => {
  await page.route('**/api/v1/password-resets/confirm', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/problem+json',
      body: JSON.stringify({ title: 'Unprocessable', status: 422, code: 'validation_failed', detail: 'Проверьте поля', fields: { password: 'Этот пароль слишком простой.' } }),
    }),
  );
  await page.goto('/recover/confirm?token=abc');
  const form = new NewPasswordPage(page);
  await form.set('abcde');
  await expect(page.getByRole('link', { name: 'Этот пароль слишком простой.' })).toBeVisible();
  await expect(form.password()).toHaveAttribute('aria-invalid', 'true');
  await expect(form.password()).toHaveValue('abcde');
  await expectAccessible(page);
});

test('a dead link is a failure panel whose primary action is the way out: «Запросить новую ссылку»', async ({ page }) => {
  const dead = (code: string, status: number) => (route: Route) =>
    route.fulfill({
      status,
      contentType: 'application/problem+json',
      body: JSON.stringify({ title: 'Gone', status, code }),
    });
  for (const [code, status, heading] of [
    ['token_expired', 410, 'Срок действия ссылки истёк.'],
    ['token_invalid', 404, 'Ссылка недействительна или уже была использована.'],
  ] as const) {
    await page.unrouteAll();
    await page.route('**/api/v1/password-resets/confirm', dead(code, status));
    await page.goto('/recover/confirm?token=abc');
    await new NewPasswordPage(page).set(NEW_PASSWORD);
    const panel = page.getByRole('status').filter({ has: page.getByRole('heading', { name: heading }) });
    await expect(panel, code).toBeVisible();
    await expect(panel.locator('.primary'), code).toHaveText(['Запросить новую ссылку']);
    await expect(page.getByRole('button', { name: 'Повторить' })).toHaveCount(0);
  }
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Запросить новую ссылку' }).click();
  await expect(page).toHaveURL(/\/recover$/);
});
