// Every bad input at registration: a Russian message in the field and in the
// summary, nothing typed lost, and an invalid form never reaches the API.
import { expect, test } from './support/fixtures';
import { EXPOSE_RETRY_AFTER, PASSWORD, RegisterPage, expectAccessible, freshEmail, recordRequests } from './support/kabinet';

const REGISTRATIONS = '/api/v1/registrations';

test('bad input is explained in the field and in the summary, and never sent', async ({ page }) => {
  const sent = recordRequests(page, REGISTRATIONS);
  const form = new RegisterPage(page);
  await form.open();
  await form.robotCheckPassed();

  const cases: [string, string, string, string, string][] = [
    // [what, email, password, repeat, message]
    ['invalid e-mail', 'ivan@ru', PASSWORD, PASSWORD, 'Введите e-mail в формате name@example.ru.'],
    ['short password', freshEmail(), 'ab12', 'ab12', 'Пароль слишком короткий: нужно от 5 до 10 символов.'],
    ['long password', freshEmail(), 'abcdef123456', 'abcdef123456', 'Пароль слишком длинный: нужно от 5 до 10 символов.'],
    ['Cyrillic', freshEmail(), 'пароль123', 'пароль123', 'Пароль может содержать только латинские буквы, а не русские. Проверьте раскладку клавиатуры.'],
    ['space', freshEmail(), 'abc 1234', 'abc 1234', 'Пароль не должен содержать пробелы.'],
    ['symbol', freshEmail(), 'abc-1234', 'abc-1234', 'Пароль может содержать только латинские буквы и цифры, без других знаков.'],
    ['different', freshEmail(), PASSWORD, 'Gaz2026no', 'Пароли не совпадают.'],
  ];
  for (const [what, email, password, repeat, message] of cases) {
    await test.step(what, async () => {
      await form.fill(email, password, repeat);
      await form.submit().click();
      await expect(form.summary()).toBeFocused();
      await expect(form.summary().getByRole('link', { name: message })).toBeVisible();
      // The same message under the field, tied to it.
      const field = what === 'invalid e-mail' ? form.email() : what === 'different' ? form.repeat() : form.password();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      // Nothing typed is lost, nothing is cut: an 11th character stays to be rejected.
      await expect(form.email()).toHaveValue(email);
      await expect(form.password()).toHaveValue(password);
      await expect(form.repeat()).toHaveValue(repeat);
    });
  }
  await expectAccessible(page);
  expect(sent).toEqual([]);

  // The summary link puts the cursor in the field.
  await form.summary().getByRole('link').first().click();
  await expect(form.repeat()).toBeFocused();
});

test('an empty form lists every field', async ({ page }) => {
  const sent = recordRequests(page, REGISTRATIONS);
  const form = new RegisterPage(page);
  await form.open();
  await form.submit().click();
  await expect(form.summary().getByRole('link', { name: 'Введите e-mail.' })).toBeVisible();
  await expect(form.summary().getByRole('link', { name: 'Введите пароль.' })).toBeVisible();
  await expect(form.summary().getByRole('link', { name: 'Повторите пароль.' })).toBeVisible();
  expect(sent).toEqual([]);
});

test('a field is checked when the subscriber leaves it', async ({ page }) => {
  const form = new RegisterPage(page);
  await form.open();
  await form.password().fill('пароль');
  await form.repeat().focus();
  await expect(form.password()).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Пароль может содержать только латинские буквы, а не русские.')).toBeVisible();
  await form.password().fill('Gaz2026ok');
  await form.repeat().focus();
  await expect(form.password()).not.toHaveAttribute('aria-invalid');
});

for (const [what, fault, message] of [
  ['the network is down', 'abort', 'Нет связи с сервером. Проверьте подключение к интернету и повторите попытку. Введённые данные сохранены.'],
  ['the API answers 500', '500', 'Сервис временно недоступен. Повторите попытку через несколько минут. Введённые данные сохранены.'],
  // The rate-limit notice counts down: by the time it is read a second may have gone.
  ['the API answers 429', '429', /^Слишком много попыток\. Повторите через [1-3] с\.$/],
] as const) {
  test(`when ${what}, the subscriber is told and keeps what they typed`, async ({ page }) => {
    await page.route(`**${REGISTRATIONS}`, (route) => {
      if (fault === 'abort') return route.abort('internetdisconnected');
      if (fault === '500') return route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' });
      return route.fulfill({
        status: 429,
        headers: { 'Retry-After': '3', ...EXPOSE_RETRY_AFTER },
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'rate_limited' }),
      });
    });
    const email = freshEmail();
    const form = new RegisterPage(page);
    await form.open();
    await form.fill(email, PASSWORD);
    await form.robotCheckPassed();
    await form.submit().click();
    // A 429 is told by the countdown notice, other failures by the error summary.
    // The service failed, not the subscriber: the summary does not ask to check the input.
    const told = fault === '429' ? page.locator('#retry-notice') : page.getByRole('alert').filter({ hasText: 'Не удалось выполнить запрос' });
    await expect(told).toContainText(message);
    await expect(told).toBeFocused();
    await expect(form.email()).toHaveValue(email);
    await expect(form.password()).toHaveValue(PASSWORD);
    await expect(form.repeat()).toHaveValue(PASSWORD);
    await expect(form.submit()).toBeEnabled();
    // The robot check runs again for the next try.
    await form.robotCheckPassed();

    // Back to normal: the same form goes through (after the wait, for a 429).
    if (fault === '429') await expect(told).toHaveText('Можно повторить попытку.', { timeout: 5_000 });
    await page.unroute(`**${REGISTRATIONS}`);
    await form.submit().click();
    await expect(page).toHaveURL(/\/register\/done/);
  });
}

test('a failed robot check can be retried', async ({ page }) => {
  let failures = 1;
  await page.route('**/api/v1/captcha', (route) => (failures-- > 0 ? route.abort('connectionrefused') : route.continue()));
  const form = new RegisterPage(page);
  await form.open();
  await expect(page.getByText('Проверка не пройдена.')).toBeVisible();
  await form.fill(freshEmail(), PASSWORD);
  await form.submit().click();
  await expect(form.summary().getByRole('link', { name: /Проверка «Защита от роботов» не пройдена/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Повторить проверку' }).click();
  await form.robotCheckPassed();
  await form.submit().click();
  await expect(page).toHaveURL(/\/register\/done/);
});

test('a robot check the API refuses is redone and the form kept', async ({ page }) => {
  let refusals = 1;
  await page.route(`**${REGISTRATIONS}`, (route) =>
    refusals-- > 0
      ? route.fulfill({
          status: 400,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, code: 'captcha_invalid', detail: 'captcha' }),
        })
      : route.continue(),
  );
  const email = freshEmail();
  const form = new RegisterPage(page);
  await form.open();
  await form.fill(email, PASSWORD);
  await form.robotCheckPassed();
  await form.submit().click();
  await expect(form.summary()).toContainText('Проверка «Защита от роботов» не прошла или устарела.');
  await form.robotCheckPassed();
  await expect(form.email()).toHaveValue(email);
  await form.submit().click();
  await expect(page).toHaveURL(/\/register\/done/);
});
