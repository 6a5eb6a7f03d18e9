// Hostile and broken answers of the API, injected in the browser. Whatever
// the API sends, text stays text, every message is Russian and right for the
// case (a failure of the service never blames the subscriber), and nothing
// the subscriber typed is lost.
import { expect, test, type APIRequestContext, type Page, type Route } from './support/fixtures';
import {
  API_URL,
  LinkAccountPage,
  LoginPage,
  NewPasswordPage,
  PASSWORD,
  RecoverPage,
  RegisterPage,
  appPath,
  confirmedSubscriber,
  expectAccessible,
  freshEmail,
  homeHeading,
  latestMail,
  rateLimited,
  subscriberWithAccounts,
  takenOver,
} from './support/kabinet';

const VORONEZH = 'Межрегионгаз Воронеж';
/** Markup that would run if the app ever put API text into HTML. */
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** Appends HOSTILE to every text of a JSON value but ids, codes, kinds, dates and statuses (which the app routes and computes by). */
function poison(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    return /(^|_)(id|code|status|kind|date|at|until|algorithm|challenge|salt|signature|url|value|unit|due)$/.test(key) ? value : `${value} ${HOSTILE}`;
  }
  if (Array.isArray(value)) return value.map((item) => poison(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  }
  return value;
}

async function poisonReads(page: Page): Promise<void> {
  await page.route('**/api/v1/**', async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const answer = await route.fetch();
    const type = answer.headers()['content-type'] ?? '';
    if (!type.includes('json')) return route.fulfill({ response: answer });
    const body = poison(await answer.json());
    return route.fulfill({ response: answer, body: JSON.stringify(body) });
  });
}

async function expectNothingRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('main img[src="x"], main script')).toHaveCount(0);
}

test('markup in every text the API sends is shown as text, never run', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await poisonReads(page);
  for (const path of ['/', '/accounts', '/accounts/link', '/settings']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await expectNothingRan(page);
  }
  await page.goto('/');
  const card = page.getByRole('article').first();
  await expect(card).toContainText(HOSTILE);
  await card.getByRole('link', { name: /Лицевой счет №/ }).click();
  await expect(page.getByRole('heading', { name: 'Тарифы' })).toBeVisible();
  await expect(page.locator('main')).toContainText(HOSTILE);
  await expectNothingRan(page);
  const link = new LinkAccountPage(page);
  await link.open();
  await expect(link.supplier().locator('option').nth(1)).toContainText('<script>');
  // The datum the supplier asks: its label and hint are the API's text too.
  await link.supplier().selectOption({ index: 1 });
  await expect(page.locator('label[for="proof"]')).toContainText('<script>');
  await expectNothingRan(page);
});

interface FormCase {
  name: string;
  /** The request the form sends. */
  endpoint: string;
  method: string;
  /** Opens the form (signed in when needed) and fills it; returns the values to find again. */
  fill: (page: Page) => Promise<[ReturnType<Page['getByLabel']>, string][]>;
  submit: (page: Page) => ReturnType<Page['getByRole']>;
}

const FORMS: FormCase[] = [
  {
    name: 'login',
    endpoint: '/api/v1/session',
    method: 'POST',
    fill: async (page) => {
      const login = new LoginPage(page);
      await login.open();
      await login.email().fill('hostile@example.ru');
      await login.password().fill(PASSWORD);
      return [[login.email(), 'hostile@example.ru'], [login.password(), PASSWORD]];
    },
    submit: (page) => new LoginPage(page).submit(),
  },
  {
    name: 'registration',
    endpoint: '/api/v1/registrations',
    method: 'POST',
    fill: async (page) => {
      const register = new RegisterPage(page);
      await register.open();
      const email = freshEmail('hostile');
      await register.fill(email, PASSWORD);
      await register.robotCheckPassed();
      return [[register.email(), email], [register.password(), PASSWORD]];
    },
    submit: (page) => new RegisterPage(page).submit(),
  },
  {
    name: 'recovery',
    endpoint: '/api/v1/password-resets',
    method: 'POST',
    fill: async (page) => {
      const recover = new RecoverPage(page);
      await recover.open();
      await recover.email().fill('hostile@example.ru');
      await expect(page.getByText('✓ Проверка пройдена')).toBeVisible({ timeout: 15_000 });
      return [[recover.email(), 'hostile@example.ru']];
    },
    submit: (page) => new RecoverPage(page).submit(),
  },
  {
    name: 'account linking',
    endpoint: '/api/v1/accounts',
    method: 'POST',
    fill: async (page) => {
      await confirmedSubscriber(page, page.request);
      const link = new LinkAccountPage(page);
      await link.open();
      await link.supplier().selectOption({ label: VORONEZH });
      await link.number().fill('3600000001');
      await link.proof().fill('СГ-100001');
      return [[link.number(), '3600000001'], [link.proof(), 'СГ-100001']];
    },
    submit: (page) => new LinkAccountPage(page).submit(),
  },
];

/** In this order: the 429 comes last, as its countdown holds the form. */
type Fault = { name: string; answer: (route: Route) => Promise<void>; message: RegExp; heading?: string };

const FAULTS: Fault[] = [
  {
    name: '500 with an HTML page',
    answer: (route) => route.fulfill({ status: 500, contentType: 'text/html', body: `<h1>${HOSTILE}</h1>` }),
    message: /Сервис временно недоступен/,
    heading: 'Не удалось выполнить запрос',
  },
  {
    name: 'malformed JSON',
    answer: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"email": ' }),
    message: /не удалось прочитать/,
    heading: 'Не удалось выполнить запрос',
  },
  {
    name: 'problem+json with markup in its detail',
    answer: (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'x', status: 422, code: 'something_new', detail: `Отказ ${HOSTILE}` }),
      }),
    message: /Отказ <img src=x/,
  },
  {
    name: 'no network',
    answer: (route) => route.abort('connectionrefused'),
    message: /Нет связи с сервером/,
    heading: 'Не удалось выполнить запрос',
  },
  {
    name: 'a huge Retry-After',
    answer: (route) => route.fulfill(rateLimited(999_999_999)),
    message: /Слишком много попыток\. Повторите позже\./,
  },
];

for (const form of FORMS) {
  test(`${form.name}: every broken answer is worded for the case and keeps the input`, async ({ page }) => {
    test.setTimeout(90_000);
    const typed = await form.fill(page);
    let fault: Fault = FAULTS[0];
    await page.route(`**${form.endpoint}`, (route) => (route.request().method() === form.method ? fault.answer(route) : route.continue()));
    for (fault of FAULTS) {
      await form.submit(page).click();
      await expect(page.getByText(fault.message).first(), fault.name).toBeVisible();
      if (fault.heading) await expect(page.getByRole('heading', { name: fault.heading }), fault.name).toBeVisible();
      for (const [field, value] of typed) await expect(field, fault.name).toHaveValue(value);
      await expectNothingRan(page);
    }
  });
}

test('a request stalled for 10 s keeps the button busy, then the answer lands', async ({ page }) => {
  test.setTimeout(60_000);
  const login = new LoginPage(page);
  await login.open();
  await page.route('**/api/v1/session', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    return route.continue();
  });
  await login.login('stalled@example.ru', PASSWORD);
  await expect(login.submit()).toBeDisabled();
  await page.waitForTimeout(5_000);
  await expect(login.submit()).toBeDisabled();
  await expect(login.email()).toHaveValue('stalled@example.ru');
  await expect(page.getByText('Неверный e-mail или пароль.').first()).toBeVisible({ timeout: 15_000 });
  await expect(login.submit()).toBeEnabled();
});

// ---- Old secrets and look-alike addresses ----

/** The session cookie this browser holds for the API. */
async function sessionCookie(page: Page): Promise<string> {
  // The cookie's path is /api: ask for an address under it.
  const cookie = (await page.context().cookies(`${API_URL}/api/v1/session`)).find((c) => c.name === 'kabinet_session');
  expect(cookie, 'a session cookie').toBeDefined();
  return cookie!.value;
}

/** What the API answers a request carrying only `cookie` (a stolen or a leftover one). */
async function sessionOf(request: APIRequestContext, cookie: string): Promise<number> {
  const answer = await request.get(`${API_URL}/api/v1/session`, { headers: { Cookie: `kabinet_session=${cookie}` } });
  return answer.status();
}

/** Changes the signed-in subscriber's password in «Настройки абонента». */
async function changePassword(page: Page, current: string, fresh: string): Promise<void> {
  await page.goto('/settings');
  await page.getByLabel('Текущий пароль:').fill(current);
  await page.getByLabel('Новый пароль:').fill(fresh);
  await page.getByLabel('Повторите пароль:').fill(fresh);
  await page.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(page.getByText('Пароль изменён.')).toBeVisible();
}

test('a reset link asked for before a password change is dead after it', async ({ page, request, browser }) => {
  const email = await confirmedSubscriber(page, request);
  // Someone (or the subscriber, long ago) asks for a reset link.
  const elsewhere = await browser.newContext();
  const stranger = await elsewhere.newPage();
  const recover = new RecoverPage(stranger);
  await recover.open();
  await recover.request(email);
  const link = appPath(await latestMail(request, email, 2));

  // The subscriber changes the password while signed in.
  await changePassword(page, PASSWORD, 'Newpass1');

  // The old link sets nothing.
  await stranger.goto(link);
  await new NewPasswordPage(stranger).set('Vzlom2026');
  await expect(stranger.getByText('Ссылка недействительна или уже была использована.')).toBeVisible();
  await elsewhere.close();
  await page.getByRole('button', { name: 'Выход' }).click();
  const login = new LoginPage(page);
  await login.login(email, 'Vzlom2026');
  await expect(page.getByText('Неверный e-mail или пароль.').first()).toBeVisible();
});

test('a password change renews this browser’s session; the old cookie opens nothing', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  const before = await sessionCookie(page);
  expect(await sessionOf(request, before)).toBe(200);
  await changePassword(page, PASSWORD, 'Newpass1');
  const after = await sessionCookie(page);
  expect(after).not.toBe(before);
  expect(await sessionOf(request, before)).toBe(401);
  // The subscriber stays signed in with the new one (the app, not the saved
  // frame of `/`, which every visitor sees first).
  await page.goto('/');
  await takenOver(page);
  await expect(page).toHaveURL(/\/$/);
  await expect(homeHeading(page)).toBeVisible();
});

test('a new sign-in in the same browser ends the session it had', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  const first = await sessionCookie(page);
  // The browser signs in again over the session it holds (a second tab, a
  // password manager's autofill): the first session must not live on.
  const again = await page.request.post(`${API_URL}/api/v1/session`, {
    data: { email, password: PASSWORD },
    headers: { 'X-Requested-With': 'kabinet' },
  });
  expect(again.status()).toBe(200);
  const second = await sessionCookie(page);
  expect(second).not.toBe(first);
  expect(await sessionOf(request, first)).toBe(401);
  expect(await sessionOf(request, second)).toBe(200);
  await page.goto('/');
  await takenOver(page);
  await expect(page).toHaveURL(/\/$/);
  await expect(homeHeading(page)).toBeVisible();
});

test('an address that imitates another by its letters is refused in words, and kept', async ({ page }) => {
  const register = new RegisterPage(page);
  await register.open();
  // «а» of «mаil» is Cyrillic. (Chromium's e-mail field gives the domain as
  // punycode, xn--mil-6cd; the app's own check sees the letters elsewhere.)
  const name = `ivan.${Date.now()}`;
  await register.fill(`${name}@m\u0430il.ru`, PASSWORD);
  await register.submit().click();
  const message = 'В адресе смешаны буквы разных алфавитов (латинские и русские). Проверьте, как написан адрес.';
  await expect(register.summary().getByRole('link', { name: message })).toBeVisible();
  await expect(register.email()).toHaveAttribute('aria-invalid', 'true');
  await expect(register.email()).toHaveValue(new RegExp(`^${name.replace('.', '\\.')}@(m\u0430il|xn--mil-6cd)\\.ru$`));
  // …and the API, which also reads punycode, says the same in the field.
  const punycode = `ivan.${Date.now()}@xn--mil-6cd.ru`;
  await register.email().fill(punycode);
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/registrations') && r.request().method() === 'POST');
  await register.submit().click();
  expect((await refused).status()).toBe(422);
  await expect(register.summary().getByRole('link', { name: message })).toBeVisible();
  await expect(register.email()).toHaveValue(punycode);
  await expectAccessible(page);
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
