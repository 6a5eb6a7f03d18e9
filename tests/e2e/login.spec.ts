// Login: wrong password, faults, and the way back to where the subscriber was going.
import { expect, test } from './support/fixtures';
import { LoginPage, PASSWORD, homeHeading, confirmedSubscriber, expectAccessible, freshEmail, recordRequests, takenOver } from './support/kabinet';

test('a wrong password is refused without telling whether the account exists', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const login = new LoginPage(page);
  await login.open();
  await expectAccessible(page);

  await login.login(email, 'Wrong1234');
  const summary = page.getByRole('alert').filter({ hasText: 'Проверьте введённые данные' });
  await expect(summary).toContainText('Неверный e-mail или пароль.');
  await expect(summary).toBeFocused();
  await expect(login.email()).toHaveValue(email);
  await expect(login.password()).toHaveValue('Wrong1234');
  await expectAccessible(page);
  const known = await summary.innerText();

  await login.login(freshEmail('nobody'), 'Wrong1234');
  await expect(summary).toContainText('Неверный e-mail или пароль.');
  expect(await summary.innerText()).toEqual(known);

  await login.login(email, PASSWORD);
  await expect(homeHeading(page)).toBeVisible();
});

test('an empty or malformed login form never reaches the API', async ({ page }) => {
  const sent = recordRequests(page, '/api/v1/session');
  const login = new LoginPage(page);
  await login.open();
  await login.submit().click();
  await expect(page.getByRole('link', { name: 'Введите e-mail.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Введите пароль.' })).toBeVisible();
  await login.login('ivan.example.ru', 'x');
  await expect(page.getByRole('link', { name: 'Введите e-mail в формате name@example.ru.' })).toBeVisible();
  expect(sent).toEqual([]);
});

test('when the network fails at login, the form is kept', async ({ page }) => {
  await page.route('**/api/v1/session', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
  const login = new LoginPage(page);
  await login.open();
  await login.login('ivan@example.ru', PASSWORD);
  await expect(page.getByText('Нет связи с сервером.')).toBeVisible();
  await expect(login.email()).toHaveValue('ivan@example.ru');
  await expect(login.password()).toHaveValue(PASSWORD);
});

test('a signed-in page sends a signed-out visitor to login and back after it', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  // Logged out once the app says so: with the API on another origin the
  // DELETE waits for its preflight, and leaving the page earlier cancels it.
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await new LoginPage(page).login(email);
  await expect(page).toHaveURL(/\/$/);
  await expect(homeHeading(page)).toBeVisible();
});

test('a hostile return path after login stays inside the app', async ({ page, request, baseURL }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const login = new LoginPage(page);
  await login.open(`?next=${encodeURIComponent('//evil.example/steal')}`);
  await login.login(email);
  await expect(homeHeading(page)).toBeVisible();
  await expect(page).toHaveURL(new URL('/', baseURL).href);
});

test('«Войти» and the two other ways on are one designed row: side by side on a wide screen, stacked on a phone', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  // Measured on the live page: the saved one is swapped out under a measure.
  await takenOver(page);
  const main = page.getByRole('main');
  const parts = [login.submit(), main.getByRole('link', { name: 'Забыли пароль?' }), main.getByRole('link', { name: 'Регистрация', exact: true })];
  const boxes = async () => Promise.all(parts.map(async (part) => (await part.boundingBox())!));

  // Wide: one row, in this order, its items centred on one line, one gap between the links.
  await page.setViewportSize({ width: 1280, height: 800 });
  let [submit, recover, register] = await boxes();
  const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
  expect(Math.abs(middle(recover) - middle(submit))).toBeLessThan(2);
  expect(Math.abs(middle(register) - middle(submit))).toBeLessThan(2);
  expect(recover.x).toBeGreaterThan(submit.x + submit.width);
  const gap = register.x - (recover.x + recover.width);
  expect(gap).toBeGreaterThanOrEqual(16);
  expect(Math.round(recover.x - (submit.x + submit.width))).toBe(Math.round(gap));

  // A phone: the button, then the two links one under the other, on one left edge.
  await page.setViewportSize({ width: 360, height: 740 });
  [submit, recover, register] = await boxes();
  expect(recover.y).toBeGreaterThanOrEqual(submit.y + submit.height);
  expect(register.y).toBeGreaterThanOrEqual(recover.y + recover.height);
  expect(recover.x).toBe(submit.x);
  expect(register.x).toBe(submit.x);
  for (const b of [recover, register]) expect(b.height).toBeGreaterThanOrEqual(44);
  await expectAccessible(page);
});
