// The header and its navigation. The supplier's wordmark and the navigation
// in one row on a wide screen; on a phone the signed-in navigation folds
// behind «Меню» (a disclosure button), so that the page starts near the top.
// The navigation marks the section of the page open.
import { expect, test, type Page } from './support/fixtures';
import { confirmedSubscriber, expectAccessible, subscriberWithAccounts } from './support/kabinet';

/** The most the signed-in header may take of a 360 × 740 phone (a header of
 *  two rows took 209 px). */
const PHONE_HEADER_MAX = 64;
const VORONEZH = 'Межрегионгаз Воронеж';
const SECTIONS = ['Главная', 'Лицевые счета', 'Оплата онлайн', 'Настройки'];

const headerHeight = (page: Page) => page.locator('header').evaluate((h) => h.getBoundingClientRect().height);

test('on a phone the signed-in header is one row, and «Меню» opens the navigation', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки абонента' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: /Межрегионгаз/ })).toBeVisible();
  expect(await headerHeight(page)).toBeLessThanOrEqual(PHONE_HEADER_MAX);

  const menu = page.getByRole('button', { name: 'Меню' });
  const nav = page.getByRole('navigation', { name: 'Основное меню' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toHaveAttribute('aria-controls', 'site-menu');
  await expect(nav).toBeHidden();

  // By the keyboard: Enter opens it, Tab goes on into the links, Escape
  // closes it and puts the focus back on «Меню».
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await expect(nav).toHaveAttribute('id', 'site-menu');
  for (const name of SECTIONS) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Выход' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Настройки' })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Главная' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  // Space toggles it too; a link followed closes it on the next page.
  await page.keyboard.press('Space');
  await expect(nav).toBeVisible();
  await page.keyboard.press('Space');
  await expect(nav).toBeHidden();
  await menu.click();
  await nav.getByRole('link', { name: 'Лицевые счета', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Лицевые счета' })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  expect(await headerHeight(page)).toBeLessThanOrEqual(PHONE_HEADER_MAX);
});

test('on a wide screen the header is one row with every link and no «Меню»', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Основное меню' });
    await expect(nav).toBeVisible();
    await expect(page.getByRole('button', { name: 'Меню' })).toBeHidden();
    const brand = await page.getByRole('banner').getByRole('link', { name: /Межрегионгаз/ }).boundingBox();
    const items = [...SECTIONS.map((name) => nav.getByRole('link', { name, exact: true })), nav.getByRole('button', { name: 'Выход' })];
    for (const item of items) {
      const box = (await item.boundingBox())!;
      // Every link beside the wordmark, on the same row.
      expect(Math.abs(box.y + box.height / 2 - (brand!.y + brand!.height / 2)), `${width} px`).toBeLessThan(8);
    }
    expect(await headerHeight(page), `${width} px`).toBeLessThanOrEqual(PHONE_HEADER_MAX);
  }
});

test('signed out, the two links stand in the header beside the wordmark, even on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/login');
  const nav = page.getByRole('navigation', { name: 'Основное меню' });
  await expect(nav.getByRole('link', { name: 'Вход' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Регистрация' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Меню' })).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Межрегионгаз');
  expect(await headerHeight(page)).toBeLessThanOrEqual(PHONE_HEADER_MAX);
  // The page open is marked, as in the signed-in menu (the gallery shows the same).
  await expect(nav.getByRole('link', { name: 'Вход' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Регистрация' })).not.toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Регистрация' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Регистрация' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Вход' })).not.toHaveAttribute('aria-current', 'page');
});

test('the navigation marks «Оплата онлайн» while paying, and /pay with one account opens its form', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  const nav = page.getByRole('navigation', { name: 'Основное меню' });
  await nav.getByRole('link', { name: 'Оплата онлайн' }).click();
  await expect(page).toHaveURL(/\/accounts\/[^/]+\/pay$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Оплата онлайн' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Оплата онлайн' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Лицевые счета' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.locator('main')).not.toContainText('счётчик');

  // Readings belong to the account: «Лицевые счета».
  await page.goto(page.url().replace(/\/pay$/, '/readings'));
  await expect(page.getByRole('heading', { level: 1, name: 'Передача показаний' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Лицевые счета' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Оплата онлайн' })).not.toHaveAttribute('aria-current', 'page');
  // The window is open (every day at this account), and the page says so.
  await expect(page.getByText('Показания по этому лицевому счету принимаются в любой день месяца.')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('счётчик');

  await page.goto(page.url().replace(/\/readings$/, ''));
  await expect(page.getByRole('heading', { name: 'Приборы учёта' })).toBeVisible();
  await expect(page.locator('main')).toContainText('счетчик №');
  await expect(page.locator('main')).not.toContainText('счётчик');
});
