// With JavaScript off the saved pages still show: the notice says what to
// do, under the page's heading and styled as a warning, the buttons stay off,
// and nothing waits for ever for a script that will not run.
import { test, expect, type Page } from './support/fixtures';

test.use({ javaScriptEnabled: false });

const NOTICE = 'Для работы Личного кабинета включите JavaScript в настройках браузера, затем обновите страницу.';

/**
 * The notice is a styled warning (a stripe, a tinted background), inside the
 * page's column. (Found by CSS: Playwright's text and role engines do not
 * look inside <noscript>.)
 */
async function expectStyledNotice(page: Page): Promise<void> {
  const box = page.locator('.noscript-notice');
  await expect(box).toBeVisible();
  await expect(box.locator('h2')).toHaveText('Включите JavaScript');
  await expect(box.locator('p')).toHaveText(NOTICE);
  await expect(box).toHaveCSS('border-left-style', 'solid');
  await expect(box).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  const { x, width } = (await box.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(x).toBeGreaterThan(0);
  expect(x + width).toBeLessThan(viewport.width);
}

for (const [address, heading, button] of [
  ['/login', 'Вход в Личный кабинет', 'Войти'],
  ['/register', 'Регистрация', 'Зарегистрироваться'],
  ['/recover', 'Восстановление пароля', 'Выслать ссылку'],
] as const) {
  test(`${address} with JavaScript off: the notice under the heading, the button off`, async ({ page }) => {
    await page.goto(address);
    const h1 = page.getByRole('heading', { level: 1, name: heading });
    await expect(h1).toBeVisible();
    await expectStyledNotice(page);
    // Right under the heading: read before the form.
    const headingBottom = (await h1.boundingBox())!;
    const notice = (await page.locator('.noscript-notice').boundingBox())!;
    expect(notice.y).toBeGreaterThanOrEqual(headingBottom.y + headingBottom.height);
    expect(notice.y - (headingBottom.y + headingBottom.height)).toBeLessThan(48);
    await expect(page.getByRole('button', { name: button })).toBeDisabled();
    await expect(page.getByText('Идёт проверка')).toBeHidden();
  });
}

test('a page that is not saved says the same with JavaScript off, in the page\'s column', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/accounts');
  await expectStyledNotice(page);
});
