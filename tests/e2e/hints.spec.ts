// The «?» hints (a toggletip): a press, a tap or keyboard focus of the «?»
// opens its text, hover does not; it stays open while the subscriber types
// into the field it explains, and closes on Escape, a second press or a
// press elsewhere. Its text is a bubble over the page: opening it moves
// nothing. The «?» and the links standing on their own are 44 px targets.
import { expect, test, type Locator, type Page } from './support/fixtures';
import { LinkAccountPage, confirmedSubscriber, expectAccessible } from './support/kabinet';

const VORONEZH = 'Межрегионгаз Воронеж';
const NUMBER_HINT = 'Подсказка: Лицевой счет:';
const SUPPLIER_HINT = 'Подсказка: Поставщик:';

const tooltip = (page: Page) => page.getByRole('tooltip').filter({ visible: true });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, `${locator} has a box`).not.toBeNull();
  return b!;
}

/** The boxes of the elements after `from` in the document (its hint's text aside). */
async function boxesAfter(page: Page, selector: string) {
  return page.locator(selector).evaluate((from) => {
    const all = [...document.querySelectorAll('main *')].filter(
      (el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !el.closest('.hint-text') && !from.contains(el),
    );
    // Not what is not drawn (a busy button's hidden words).
    return all.filter((el) => el.getClientRects().length > 0).map((el) => {
      // In the document's coordinates: pressing the «?» may scroll it into view.
      const r = el.getBoundingClientRect();
      const [x, y] = [Math.round(r.x + window.scrollX), Math.round(r.y + window.scrollY)];
      return `${el.tagName}#${el.id}.${el.className}: ${x},${y} ${Math.round(r.width)}×${Math.round(r.height)}`;
    });
  });
}

async function openLinkForm(page: Page, request: Parameters<typeof confirmedSubscriber>[1]): Promise<LinkAccountPage> {
  await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  await form.supplier().selectOption({ label: VORONEZH });
  return form;
}

test('a hint opens on a press of its «?», not on hover; it stays open in its field and closes on a press elsewhere', async ({ page, request }) => {
  const form = await openLinkForm(page, request);
  const help = page.getByRole('button', { name: NUMBER_HINT });
  const text = page.locator('#number-help');
  await expect(help).toHaveAttribute('aria-controls', 'number-help');
  await expect(form.number()).toHaveAttribute('aria-describedby', /\bnumber-help\b/);

  // The pointer passing over the «?» opens nothing; the click that follows opens it.
  await help.hover();
  await expect(help).toHaveAttribute('aria-expanded', 'false');
  await expect(text).toBeHidden();
  await help.click();
  await expect(text).toBeVisible();
  await expect(help).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page);

  // Into the field it explains: typing there leaves it open.
  await form.number().click();
  await expect(text).toBeVisible();
  await form.number().pressSequentially('360');
  await expect(text).toBeVisible();
  await expect(form.number()).toBeFocused();
  // A press in the text itself (to read on, to select) too.
  await text.locator('p').click();
  await expect(text).toBeVisible();

  // A press elsewhere closes it.
  await page.getByText('Уважаемый абонент! В данном разделе').click();
  await expect(text).toBeHidden();
  await expect(help).toHaveAttribute('aria-expanded', 'false');

  // A second press of the «?» closes it.
  await help.click();
  await expect(text).toBeVisible();
  await help.click();
  await expect(text).toBeHidden();
});

test('Escape closes a hint and leaves the focus where it was; keyboard focus of the «?» opens it', async ({ page, request }) => {
  const form = await openLinkForm(page, request);
  const help = page.getByRole('button', { name: NUMBER_HINT });
  const text = page.locator('#number-help');
  await help.click();
  await form.number().click();
  await expect(text).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(text).toBeHidden();
  await expect(form.number()).toBeFocused();

  // From the keyboard: Shift+Tab back to the «?» opens it, Tab on into the
  // field keeps it, and Tab on past the field closes it.
  await page.keyboard.press('Shift+Tab');
  await expect(help).toBeFocused();
  await expect(text).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(form.number()).toBeFocused();
  await expect(text).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(form.number()).not.toBeFocused();
  await expect(text).toBeHidden();
  // Enter on the «?» closes and opens it again.
  await help.focus();
  await expect(text).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(text).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(text).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(text).toBeHidden();
  await expect(help).toBeFocused();
});

test('opening a hint moves nothing on the page: the text is a bubble over it, inside the screen', async ({ page, request }) => {
  await openLinkForm(page, request);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [name, controls] of [[SUPPLIER_HINT, 'supplier_id-help'], [NUMBER_HINT, 'number-help'], ['Подсказка: Подключение лицевых счетов', 'link-help']]) {
      const help = page.getByRole('button', { name });
      const before = await boxesAfter(page, `button[aria-controls="${controls}"]`);
      await help.click();
      const text = page.locator(`#${controls}`);
      await expect(text).toBeVisible();
      expect(await boxesAfter(page, `button[aria-controls="${controls}"]`), `${name} at ${width} px`).toEqual(before);
      // Inside the screen, under the «?».
      const [t, b] = [await box(text), await box(help)];
      expect(t.x, name).toBeGreaterThanOrEqual(0);
      expect(t.x + t.width, name).toBeLessThanOrEqual(width);
      expect(t.y, name).toBeGreaterThanOrEqual(b.y + b.height / 2);
      await page.keyboard.press('Escape');
      await expect(text).toBeHidden();
    }
  }
  // At 200 % zoom (a 640 px wide window) the same.
  await page.setViewportSize({ width: 640, height: 400 });
  const help = page.getByRole('button', { name: NUMBER_HINT });
  const before = await boxesAfter(page, 'button[aria-controls="number-help"]');
  await help.click();
  expect(await boxesAfter(page, 'button[aria-controls="number-help"]')).toEqual(before);
  const t = await box(page.locator('#number-help'));
  expect(t.x + t.width).toBeLessThanOrEqual(640);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the receipt\'s own text reads at 12 px or more on a phone', async ({ page, request }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const form = await openLinkForm(page, request);
  await expect(form.proof()).toBeVisible();
  for (const [name, controls] of [[NUMBER_HINT, 'number-help'], ['Подсказка: Заводской номер счетчика:', 'proof-help']]) {
    await page.getByRole('button', { name }).click();
    const picture = page.locator(`#${controls} img`);
    await expect(picture).toBeVisible();
    const src = (await picture.getAttribute('src'))!;
    const svg = await (await page.request.get(src)).text();
    const viewBox = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);
    const smallest = Math.min(...[...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1])));
    const shown = await picture.evaluate((img: HTMLImageElement) => img.clientWidth);
    expect(smallest * (shown / viewBox), src).toBeGreaterThanOrEqual(12);
    await page.keyboard.press('Escape');
  }
});

test.describe('on a phone (touch)', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });

  test('a tap on «?» opens the hint, a tap into its field keeps it, a tap elsewhere closes it', async ({ page, request }) => {
    const form = await openLinkForm(page, request);
    const help = page.getByRole('button', { name: NUMBER_HINT });
    const text = page.locator('#number-help');
    await help.tap();
    await expect(text).toBeVisible();
    await form.number().tap();
    await expect(form.number()).toBeFocused();
    await expect(text).toBeVisible();
    await page.keyboard.type('3600');
    await expect(text).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('heading', { level: 1 }).tap();
    await expect(text).toBeHidden();
    // A second tap on the «?» closes what the first opened.
    await help.tap();
    await expect(text).toBeVisible();
    await help.tap();
    await expect(text).toBeHidden();
  });
});

test('every «?» is a 44 × 44 px target', async ({ page, request }) => {
  const form = await openLinkForm(page, request);
  await form.number().fill('3600000001');
  await expect(form.proof()).toBeVisible();
  const check = async () => {
    const buttons = page.getByRole('button', { name: /^Подсказка: / });
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const button of await buttons.all()) {
      const b = await box(button);
      expect(b.width, await button.getAttribute('aria-label')).toBeGreaterThanOrEqual(44);
      expect(b.height, await button.getAttribute('aria-label')).toBeGreaterThanOrEqual(44);
    }
  };
  await check();
  await page.goto('/settings');
  await expect(page.getByRole('button', { name: 'Подсказка: Логин' })).toBeVisible();
  await check();
});

test('links standing on their own are 44 px high', async ({ page }) => {
  const cases: [string, string][] = [
    ['/login', 'Регистрация'],
    ['/login', 'Забыли пароль?'],
    ['/register', '← вход в Личный кабинет'],
    ['/recover', '← вход в Личный кабинет'],
    ['/agreement', '← к регистрации'],
    ['/no-such-page', 'На главную страницу'],
  ];
  for (const [path, name] of cases) {
    await page.goto(path);
    const link = page.getByRole('main').getByRole('link', { name, exact: true });
    await expect(link).toBeVisible();
    await expect.poll(async () => (await link.boundingBox())?.height ?? 0, `${name} on ${path}`).toBeGreaterThanOrEqual(44);
  }
});

test('an account number one digit too long is shown whole in its field, at 320 px too', async ({ page, request }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const form = await openLinkForm(page, request);
  await form.number().fill('36000000011');
  await form.number().blur();
  await expect(page.getByText('Лицевой счет должен содержать не более 10 цифр.').first()).toBeVisible();
  await expect(form.number()).toHaveAttribute('aria-invalid', 'true');
  const [scroll, client] = await form.number().evaluate((input: HTMLInputElement) => [input.scrollWidth, input.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
  await page.setViewportSize({ width: 360, height: 740 });
  const [scroll360, client360] = await form.number().evaluate((input: HTMLInputElement) => [input.scrollWidth, input.clientWidth]);
  expect(scroll360).toBeLessThanOrEqual(client360);
});
