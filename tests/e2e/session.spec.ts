// The way back after login, and a session that ends under the subscriber's
// feet (logged out in another tab, password changed on another device).
import { API_URL, expect, test } from './support/fixtures';
import { LINKED, LinkAccountPage, LoginPage, PASSWORD, homeHeading, confirmedSubscriber, expectAccessible } from './support/kabinet';

const ENDED = 'Сеанс работы завершён. Войдите снова, чтобы продолжить с того же места.';
const VORONEZH = 'Межрегионгаз Воронеж';

test('every hostile return path lands on the home page after login', async ({ page, request, baseURL }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const offsite: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith(`${API_URL}/`)) offsite.push(r.url());
  });
  const login = new LoginPage(page);
  for (const next of [
    encodeURIComponent('https://evil.example'),
    '//evil.example',
    encodeURIComponent('//evil.example'),
    '%2F%2Fevil.example',
    '%252F%252Fevil.example',
    encodeURIComponent('/\\evil.example'),
    '/%5C%5Cevil.example',
    encodeURIComponent('javascript:alert(1)'),
    'javascript:alert(1)',
  ]) {
    await login.open(`?next=${next}`);
    await login.login(email);
    await expect(homeHeading(page), next).toBeVisible();
    await expect(page, next).toHaveURL(new URL('/', baseURL).href);
    await page.getByRole('button', { name: 'Выход' }).click();
    await expect(page).toHaveURL(/\/login$/);
  }
  expect(offsite).toEqual([]);
});

test('a private page opened signed out comes back after login', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  // As a person would: the login page shows that the logout is done.
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings$/);
  // Nobody was signed in: no «session ended» note.
  await expect(page.getByText(ENDED)).toHaveCount(0);
  await new LoginPage(page).login(email);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки абонента' })).toBeVisible();
});

test('logged out in another tab: the next action goes to login, says so, and comes back with the input', async ({ page, request, context }) => {
  const email = await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  await form.supplier().selectOption({ label: VORONEZH });
  await form.number().fill('3600000001');
  await form.proof().fill('СГ-100001');

  const other = await context.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: 'Выход' }).click();
  await expect(other).toHaveURL(/\/login$/);
  await other.close();

  await form.submit().click();
  await expect(page).toHaveURL(/\/login\?next=%2Faccounts%2Flink$/);
  const note = page.getByRole('status').filter({ hasText: ENDED });
  await expect(note).toContainText('кроме паролей');
  await expectAccessible(page);
  await new LoginPage(page).login(email);
  await expect(page).toHaveURL(/\/accounts\/link$/);
  await expect(form.number()).toHaveValue('3600000001');
  await expect(form.proof()).toHaveValue('СГ-100001');
  await form.submit().click();
  await expect(page.getByText(LINKED)).toBeVisible();
});

test('password changed on another device: this one is sent to login and back', async ({ page, request, browser, baseURL }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('link', { name: 'Главная' }).click();
  await expect(homeHeading(page)).toBeVisible();

  const device = await browser.newContext({ baseURL });
  const phone = await device.newPage();
  const login = new LoginPage(phone);
  await login.open();
  await login.login(email);
  await phone.getByRole('link', { name: 'Настройки' }).click();
  await phone.getByLabel('Текущий пароль:').fill(PASSWORD);
  await phone.getByLabel('Новый пароль:').fill('Smena2026');
  await phone.getByLabel('Повторите пароль:').fill('Smena2026');
  await phone.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(phone.getByText('Пароль изменён.')).toBeVisible();
  await device.close();

  await page.getByRole('link', { name: 'Настройки' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings$/);
  await expect(page.getByText(ENDED)).toBeVisible();
  await new LoginPage(page).login(email, 'Smena2026');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки абонента' })).toBeVisible();
});

test('a reload while the network blinks keeps the subscriber signed in', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  await page.getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки абонента' })).toBeVisible();
  let dropped = 0;
  await page.route('**/api/v1/session', (route) => {
    if (route.request().method() === 'GET' && dropped < 1) {
      dropped += 1;
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки абонента' })).toBeVisible();
  await expect(page).toHaveURL(/\/settings$/);
  expect(dropped).toBe(1);
});
