// The layout of the pages: forms sized to what they take with their units
// beside them, one look and one gap for the actions, back links above the
// heading, text that keeps «№ 36…» and «… ₽» whole, and tables that never
// split a word.
import { expect, test, type Locator, type Page } from './support/fixtures';
import { LinkAccountPage, confirmedSubscriber, expectAccessible, openSection, subscriberWithAccounts } from './support/kabinet';

const VORONEZH = 'Межрегионгаз Воронеж';

async function box(locator: Locator) {
  // Polled: on a prerendered page the element may be the saved one, gone
  // the next moment when the app takes the page over.
  let b: Awaited<ReturnType<Locator['boundingBox']>> = null;
  await expect.poll(async () => (b = await locator.boundingBox()), { message: `${locator} has a box` }).not.toBeNull();
  return b!;
}

/** The unit after an input: its own element, listed first in the input's description, on the input's row. */
async function expectSuffix(page: Page, input: Locator, unit: string): Promise<void> {
  const id = await input.getAttribute('id');
  const suffix = page.locator(`#${id}-suffix`);
  await expect(suffix).toHaveText(unit);
  await expect(input).toHaveAttribute('aria-describedby', new RegExp(`^${id}-suffix\\b`));
  await expect(input).toHaveAccessibleDescription(new RegExp(`^${unit}`));
  const [i, s] = [await box(input), await box(suffix)];
  expect(s.x, 'after the input').toBeGreaterThanOrEqual(i.x + i.width);
  expect(Math.abs(s.y + s.height / 2 - (i.y + i.height / 2)), 'on its row').toBeLessThan(6);
}

/** Space between the right edge of `first` and the left edge of `second`, on one row. */
async function gap(first: Locator, second: Locator): Promise<number> {
  const [a, b] = [await box(first), await box(second)];
  expect(Math.abs(a.y - b.y), 'on one row').toBeLessThan(4);
  return Math.round(b.x - (a.x + a.width));
}

const look = (locator: Locator) =>
  locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.color, s.backgroundColor, s.borderTopColor, s.borderTopWidth, s.fontWeight, s.borderRadius, el.getBoundingClientRect().height];
  });

/** Text of `main` with no ordinary space after «№» or before «₽». */
async function expectNoLoneSigns(page: Page, what: string): Promise<void> {
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text, what).not.toMatch(/№ | ₽/);
}

test('numbers and sums keep their signs: a no-break space after «№» and before «₽»', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await page.goto('/');
  const card = page.getByRole('article').first();
  await expect(card).toContainText('Лицевой счет №\u00a03600000001');
  await expect(card).toContainText('1\u00a0234,56\u00a0₽');
  await expectNoLoneSigns(page, 'home');
  await card.getByRole('link', { name: /3600000001/ }).click();
  // (While the account loads, the page's h1 is «Лицевой счет» alone.)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('3600000001');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Лицевой счет №\u00a03600000001');
  await expect(page.getByRole('region', { name: 'Приборы учёта' })).toContainText('счетчик №\u00a0');
  await expectNoLoneSigns(page, 'account');
  await page.getByRole('region', { name: 'Баланс' }).getByRole('link', { name: 'Оплата онлайн' }).click();
  await expect(page.getByText('оплата по текущему долгу: 1\u00a0234,56\u00a0₽')).toBeVisible();
  await expectNoLoneSigns(page, 'payment form');
  await page.goto('/settings');
  await expect(page.locator('ul.linked > li').getByText('№\u00a03600000001', { exact: true })).toBeVisible();
  await expectNoLoneSigns(page, 'settings');
});

test('inputs are as wide as what they take, with «₽» and «м³» after them', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  const form = new LinkAccountPage(page);
  await form.open();
  // About ten digits wide, not the whole column.
  const number = await box(form.number());
  expect(number.width).toBeLessThan(220);
  expect(number.width).toBeGreaterThan(120);

  await page.goto('/');
  await page.getByRole('article').first().getByRole('link', { name: 'Оплата онлайн' }).click();
  await page.getByLabel('по самостоятельно внесённой сумме').check();
  const amount = page.getByLabel('Сумма', { exact: true });
  await expectSuffix(page, amount, '₽');
  await page.getByLabel('передать показания при оплате').check();
  const reading = page.getByLabel(/счетчик №/);
  await expectSuffix(page, reading, 'м³');
  // The rule stays in view under the label.
  await expect(reading).toHaveAccessibleDescription(/Новые не могут быть меньше/);
  await expectAccessible(page);
});

test('radios and checkboxes are 40 px; «Отмена» has one look and one gap after the main button everywhere', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await page.goto('/');
  await page.getByRole('article').first().getByRole('link', { name: 'Оплата онлайн' }).click();
  for (const control of [page.getByLabel('оплата по текущему долгу'), page.getByLabel('передать показания при оплате')]) {
    const b = await box(control);
    expect([Math.round(b.width), Math.round(b.height)]).toEqual([40, 40]);
  }
  const payCancel = page.getByRole('link', { name: 'Отмена' });
  const payGap = await gap(page.getByRole('button', { name: 'Перейти к оплате' }), payCancel);
  const payLook = await look(payCancel);

  const form = new LinkAccountPage(page);
  await form.open();
  const linkCancel = page.getByRole('button', { name: 'Отмена' });
  expect(await gap(form.submit(), linkCancel)).toBe(payGap);
  expect(await look(linkCancel)).toEqual(payLook);

  await page.goto('/settings');
  expect(await gap(page.getByRole('button', { name: 'Сменить пароль' }), page.getByRole('link', { name: 'Забыли пароль?' }))).toBe(payGap);
  // «Отключить» is a warning: the error colour, in the list and in the question.
  const unlink = page.getByRole('button', { name: /Отключить лицевой счет/ });
  const [red] = await look(unlink);
  expect(red).toBe('rgb(179, 38, 30)');
  await unlink.click();
  const dialog = page.getByRole('dialog');
  expect((await look(dialog.getByRole('button', { name: 'Отключить' })))[1]).toBe(red);
  expect(await look(dialog.getByRole('button', { name: 'Отмена' }))).toEqual(payLook);
  await expectAccessible(page);
});

test('back links stand above the heading', async ({ page, request }) => {
  for (const path of ['/register', '/recover']) {
    await page.goto(path);
    const back = page.getByRole('link', { name: '← вход в Личный кабинет' });
    expect((await box(back)).y, path).toBeLessThan((await box(page.getByRole('heading', { level: 1 }))).y);
  }
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await page.goto('/');
  await page.getByRole('article').first().getByRole('link', { name: 'Передать показания' }).click();
  const back = page.getByRole('link', { name: '← к лицевому счету' });
  expect((await box(back)).y).toBeLessThan((await box(page.getByRole('heading', { level: 1, name: 'Передача показаний' }))).y);
  await back.click();
  await expect(page.getByRole('heading', { level: 1, name: /Лицевой счет/ })).toBeVisible();
});

test('where the number is on the receipt: one help control, the «?» of the field', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  // No second control with the same help beside it.
  await expect(page.locator('details')).toHaveCount(0);
  await expect(page.getByText('Где найти номер лицевого счета?')).toHaveCount(0);
  const help = page.getByRole('button', { name: 'Подсказка: Лицевой счет:' });
  await help.click();
  const picture = page.locator('#number-help').getByRole('img', { name: /номер лицевого счета/ });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // The chosen supplier's own words.
  await form.supplier().selectOption({ label: VORONEZH });
  await help.click();
  await expect(page.locator('#number-help')).toContainText('начинается с 36');
  await expectAccessible(page);
});

test('the «?» is a small circle on the line of its text, in a 44 px target; the home heading is short, the welcome leads a home without accounts', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  await page.goto('/settings');
  for (const topic of ['Логин', 'Смена пароля', 'Подключение ЛС']) {
    const button = page.getByRole('button', { name: `Подсказка: ${topic}` });
    expect((await box(button)).height, topic).toBeGreaterThanOrEqual(44);
    const b = await box(button.locator('.hint-mark'));
    expect(b.height, topic).toBeLessThanOrEqual(32);
    expect(b.height, topic).toBeGreaterThanOrEqual(24);
    const text = await box(button.locator('xpath=preceding-sibling::*[1]'));
    expect(b.y, topic).toBeGreaterThanOrEqual(text.y - 4);
    expect(b.y + b.height, topic).toBeLessThanOrEqual(text.y + text.height + 4);
  }
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Главная');
  // Without accounts yet, the welcome leads what the page holds.
  await expect(page.locator('h1 + .home-accounts > p.lead:first-child')).toHaveText('Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.');
});

/** Words of the table's cells that the browser split over two lines. */
async function splitWords(page: Page): Promise<string[]> {
  return page.locator('table').first().evaluate((table) => {
    const split: string[] = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[^\s\u00a0]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
    return split;
  });
}

async function openAccount(page: Page, number: string): Promise<void> {
  await openSection(page, 'Главная');
  await page.getByRole('article').filter({ hasText: `Лицевой счет № ${number}` }).getByRole('link', { name: new RegExp(number) }).first().click();
  await expect(page.getByRole('heading', { name: 'Тарифы' })).toBeVisible();
}

test('the tariffs table never splits a word, on a phone and on a desktop', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  for (const width of [320, 360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await openAccount(page, '3600000001');
    await expect(page.locator('table').first()).toContainText('Газоснабжение');
    expect(await splitWords(page), `at ${width} px`).toEqual([]);
  }
});
