// «Выход» says so on the page it lands on: the login page tells the
// subscriber they have left, in a polite live region. The words come from
// the app's memory of the press, never from the address: a plain visit of
// /login, a reload, or an address that tries to make it speak says nothing.
import { expect, test } from './support/fixtures';
import { LoginPage, confirmedSubscriber, expectAccessible, homeHeading, takenOver } from './support/kabinet';

const LEFT = 'Вы вышли из Личного кабинета.';

test('«Выход» lands on the login page, which says the subscriber has left; a reload or a later visit does not', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('link', { name: 'Главная' }).click();
  await expect(homeHeading(page)).toBeVisible();
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
  // A polite live region (role status) that holds the words.
  const said = page.getByRole('status').filter({ hasText: LEFT });
  await expect(said).toBeVisible();
  await expectAccessible(page);

  // Not news after a reload.
  await page.reload();
  await takenOver(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
  await expect(page.getByText(LEFT)).toHaveCount(0);

  // Nor once the subscriber has gone elsewhere and come back.
  const login = new LoginPage(page);
  await login.login(email);
  await expect(homeHeading(page)).toBeVisible();
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page.getByText(LEFT)).toBeVisible();
  await page.getByRole('link', { name: 'Регистрация' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
  await page.getByRole('link', { name: 'Вход', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
  await expect(page.getByText(LEFT)).toHaveCount(0);
});

test('a plain visit of /login, or an address that tries to say it, says nothing about leaving', async ({ page }) => {
  for (const path of [
    '/login',
    '/login?signed_out=1',
    '/login?logout=1&message=' + encodeURIComponent(LEFT),
    '/login?next=' + encodeURIComponent('/?signed_out=1'),
    '/login#signed-out',
  ]) {
    await page.goto(path);
    await takenOver(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' }), path).toBeVisible();
    await expect(page.getByText(LEFT), path).toHaveCount(0);
  }
});
