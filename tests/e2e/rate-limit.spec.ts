// Too many attempts: the form says when to try again, counting down from the
// API's Retry-After. Real limits need the strict server settings, so the 429
// is injected with page.route.
import { expect, test, type Page } from './support/fixtures';
import {
  LinkAccountPage,
  LoginPage,
  PASSWORD,
  RecoverPage,
  RegisterPage,
  confirmedSubscriber,
  expectAccessible,
  freshEmail,
  previousReading,
  rateLimited,
  readingText,
  subscriberWithAccounts,
} from './support/kabinet';

/** Answers every non-GET request to `path` with 429 and counts them. */
async function limit(page: Page, path: string, retryAfter: number): Promise<string[]> {
  const seen: string[] = [];
  await page.route(`**/api/v1${path}`, (route) => {
    if (route.request().method() === 'GET') return route.continue();
    seen.push(route.request().method());
    return route.fulfill(rateLimited(retryAfter));
  });
  return seen;
}

const notice = (page: Page) => page.locator('#retry-notice');

test('login: the wait counts down each second, early presses send nothing, then a retry goes through', async ({ page }) => {
  // 8 s: room for a loaded machine between the first and the early press.
  const seen = await limit(page, '/session', 8);
  const login = new LoginPage(page);
  await login.open();
  await login.login('ivan@example.ru', PASSWORD);
  await expect(notice(page)).toHaveText('Слишком много попыток. Повторите через 8 с.');
  await expect(notice(page)).toBeFocused();
  await expect(notice(page)).toHaveAttribute('role', 'alert');
  // Nothing says whether the account exists.
  await expect(page.getByRole('main')).not.toContainText('Неверный');

  // Pressing early sends nothing and puts the notice in front again.
  await login.submit().click();
  await expect(notice(page)).toBeFocused();
  expect(seen).toEqual(['POST']);

  // Each second shows (polled every 100 ms, so none is skipped unseen).
  for (const left of [7, 6, 5, 4, 3, 2, 1]) {
    await expect(notice(page)).toHaveText(`Слишком много попыток. Повторите через ${left} с.`, { timeout: 2_500 });
  }
  await expect(notice(page)).toHaveText('Можно повторить попытку.', { timeout: 2_500 });
  expect(seen).toEqual(['POST']);
  await expect(login.email()).toHaveValue('ivan@example.ru');
  await expect(login.password()).toHaveValue(PASSWORD);
  await expectAccessible(page);

  // Limited no more: the next press reaches the API again.
  await page.unroute('**/api/v1/session');
  await login.submit().click();
  await expect(notice(page)).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Неверный e-mail или пароль.' })).toBeVisible();
});

test('registration and recovery count down the same way', async ({ page }) => {
  await limit(page, '/registrations', 3);
  const register = new RegisterPage(page);
  await register.open();
  await register.fill(freshEmail(), PASSWORD);
  await register.robotCheckPassed();
  await register.submit().click();
  await expect(notice(page)).toHaveText('Слишком много попыток. Повторите через 3 с.');
  await expect(notice(page)).toContainText('через 2 с.', { timeout: 2_000 });
  await expectAccessible(page);

  await limit(page, '/password-resets', 75);
  const recover = new RecoverPage(page);
  await recover.open();
  await recover.email().fill('ivan@example.ru');
  await expect(page.getByText('✓ Проверка пройдена')).toBeVisible({ timeout: 15_000 });
  await recover.submit().click();
  await expect(notice(page)).toHaveText('Слишком много попыток. Повторите через 1 мин 15 с.');
  await expect(notice(page)).toHaveText('Слишком много попыток. Повторите через 1 мин 14 с.', { timeout: 2_000 });
  await expectAccessible(page);
});

test('«Выслать ссылку» in the unconfirmed banner counts down too', async ({ page }) => {
  const email = freshEmail('banner');
  await new RegisterPage(page).register(email);
  const login = new LoginPage(page);
  await login.open();
  await login.login(email);
  const seen = await limit(page, '/registrations/resend', 3);
  await page.getByRole('button', { name: 'Выслать ссылку' }).click();
  await expect(notice(page)).toHaveText(/Слишком много попыток\. Повторите через [23] с\./);
  await expect(notice(page)).toHaveText('Можно повторить попытку.', { timeout: 5_000 });
  expect(seen).toEqual(['POST']);
});

test('paying, sending readings and linking an account count down the same way', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [['Межрегионгаз Воронеж', '3600000001']]);
  const account = page.getByRole('article').filter({ hasText: 'Лицевой счет № 3600000001' });

  const payments = await limit(page, '/accounts/*/payments', 3);
  await page.getByRole('link', { name: 'Главная' }).click();
  await account.getByRole('link', { name: 'Оплата онлайн' }).click();
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await expect(notice(page)).toHaveText('Слишком много попыток. Повторите через 3 с.');
  await expect(notice(page)).toBeFocused();
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  expect(payments).toEqual(['POST']);
  await expectAccessible(page);

  await limit(page, '/accounts/*/readings', 3);
  await page.getByRole('link', { name: 'Главная' }).click();
  await account.getByRole('link', { name: 'Передать показания' }).click();
  const reading = page.getByLabel(/счетчик №/);
  const typed = readingText((await previousReading(page)) + 1000);
  await reading.fill(typed);
  await page.getByRole('button', { name: 'Передать показания' }).click();
  await expect(notice(page)).toHaveText('Слишком много попыток. Повторите через 3 с.');
  await expect(reading).toHaveValue(typed);

  await limit(page, '/accounts', 3);
  const link = new LinkAccountPage(page);
  await link.open();
  await link.link('Межрегионгаз Воронеж', '3600000002');
  await expect(notice(page)).toHaveText('Слишком много попыток. Повторите через 3 с.');
  await expect(link.number()).toHaveValue('3600000002');
  await expect(link.proof()).toHaveValue('СГ-352353');
});

test('an account number locked after failed attempts says so and counts down, the input kept', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  await page.route('**/api/v1/accounts', (route) =>
    route.request().method() === 'GET' ? route.continue() : route.fulfill(rateLimited(3, 'account_locked')),
  );
  const link = new LinkAccountPage(page);
  await link.open();
  await link.link('Межрегионгаз Киров', '4300000002');
  await expect(notice(page)).toHaveText(/^Слишком много неудачных попыток подключить этот лицевой счет\. Повторите через [23] с\.$/);
  await expect(notice(page)).toBeFocused();
  await expect(link.number()).toHaveValue('4300000002');
  await expect(link.proof()).toHaveValue('1 050,00');
  await expectAccessible(page);
  await expect(notice(page)).toHaveText('Можно повторить попытку.', { timeout: 5_000 });
});
