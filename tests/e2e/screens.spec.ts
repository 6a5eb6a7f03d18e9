// Issue 8 §4: what a new subscriber saw on the screens — split words in the
// tariffs table, the navigation's current section, the supplier's rule in
// view, the reading days, one spelling, and error wording that does not
// blame the subscriber for the service's failures.
import { expect, test, type Page } from './support/fixtures';
import { LinkAccountPage, LoginPage, PASSWORD, confirmedSubscriber, openSection, rateLimited, subscriberWithAccounts } from './support/kabinet';

const VORONEZH = 'Межрегионгаз Воронеж';

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

test('the link form shows the supplier\'s rule under the label', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  const rule = page.getByText('Лицевой счет должен содержать не более 10 цифр.');
  await expect(rule).toBeVisible();
  await expect(form.number()).toHaveAttribute('aria-describedby', /number-note/);
  await form.supplier().selectOption({ label: VORONEZH });
  await expect(rule).toBeVisible();
});

test('a server failure on a form is not the subscriber\'s fault; the input stays', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await page.route('**/api/v1/session', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' })
      : route.continue(),
  );
  await login.login('someone@example.ru', PASSWORD);
  const summary = page.getByRole('alert').filter({ hasText: 'Не удалось выполнить запрос' });
  await expect(summary).toContainText('Сервис временно недоступен');
  await expect(summary).toContainText('Введённые данные сохранены.');
  await expect(page.getByText('Проверьте введённые данные')).toHaveCount(0);
  await expect(login.email()).toHaveValue('someone@example.ru');
});

test('an unreadable answer and an absurd Retry-After are worded for a person', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  let answer: 'malformed' | 'limited' = 'malformed';
  await page.route('**/api/v1/session', (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    return answer === 'malformed'
      ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"oops": ' })
      : route.fulfill(rateLimited(999_999_999));
  });
  await login.login('someone@example.ru', PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: 'Сервис прислал ответ, который не удалось прочитать.' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('код 200');

  answer = 'limited';
  await login.submit().click();
  await expect(page.getByText('Слишком много попыток. Повторите позже.')).toBeVisible();
  await expect(page.getByText(/через \d+ мин/)).toHaveCount(0);
});

test('a failed read on the home page says what happened without mentioning typed data', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  await page.route('**/api/v1/accounts', (route) => route.abort('connectionrefused'));
  await page.getByRole('link', { name: 'Главная' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Нет связи с сервером.' });
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText('введённые');
  await expect(alert.getByRole('button', { name: 'Повторить' })).toBeVisible();
});
