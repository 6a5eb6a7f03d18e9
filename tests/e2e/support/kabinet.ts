// What every journey needs: fresh subscribers, the reference API's outbox,
// the axe-core scan, and page objects that find elements the way a subscriber
// does: by the Russian labels and buttons the screens show.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { API_URL } from './fixtures';
import { LAST_BILL, METER_SERIAL, proofOf } from './seed';

export { API_URL };

let counter = 0;

/** An address nobody registered yet (tests run in parallel workers). */
export function freshEmail(tag = 'abonent'): string {
  counter += 1;
  const nonce = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  return `${tag}.${nonce}@example.ru`;
}

export const PASSWORD = 'Gaz2026ok';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  links: string[];
  sent_at: string;
}

/** The newest mail to `to` in the reference API's outbox (waits for it). */
export async function latestMail(request: APIRequestContext, to: string, count = 1): Promise<Mail> {
  let mails: Mail[] = [];
  await expect
    .poll(async () => {
      const answer = await request.get(`${API_URL}/api/dev/outbox?to=${encodeURIComponent(to)}`);
      mails = (await answer.json()) as Mail[];
      return mails.length;
    })
    .toBeGreaterThanOrEqual(count);
  return mails[0];
}

/** The link of a mail as a path of the app under test (`/confirm?token=…`). */
export function appPath(mail: Mail): string {
  expect(mail.links.length).toBeGreaterThan(0);
  const url = new URL(mail.links[0]);
  return url.pathname + url.search;
}

/** axe-core with the WCAG 2.2 A/AA rules (target size among them) and best practices: no violations allowed. */
/** What the app replaces when it takes a prerendered page over (src/takeover.rs). */
export const SAVED = '[data-prerendered]';

/** The app runs: on a prerendered page, it has taken the saved page over. */
export async function takenOver(page: Page): Promise<void> {
  await expect(page.locator(SAVED)).toHaveCount(0, { timeout: 20_000 });
}

/** Holds the app's wasm until `release()`: meanwhile a saved page stays the saved one. */
export async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * The sum of every layout shift since the page opened (the observer is
 * handed the buffered ones in a task of its own).
 */
export function layoutShifts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) sum += (entry as unknown as { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 500);
      }),
  );
}

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Fails the test if the browser sends a request matching `path` (an invalid form must not reach the API). */
export function recordRequests(page: Page, path: string): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === path && r.method() !== 'GET') seen.push(r.method());
  });
  return seen;
}

export class RegisterPage {
  constructor(readonly page: Page) {}
  email = () => this.page.getByLabel('E-mail (логин)');
  password = () => this.page.getByLabel('Укажите пароль', { exact: true });
  repeat = () => this.page.getByLabel('Повторите пароль', { exact: true });
  submit = () => this.page.getByRole('button', { name: 'Зарегистрироваться' });
  summary = () => this.page.getByRole('alert').filter({ hasText: 'Проверьте введённые данные' });

  async open(): Promise<void> {
    await this.page.goto('/register');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
  }

  async robotCheckPassed(): Promise<void> {
    await expect(this.page.getByText('✓ Проверка пройдена')).toBeVisible({ timeout: 15_000 });
  }

  async fill(email: string, password: string, repeat = password): Promise<void> {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.repeat().fill(repeat);
  }

  /** Fills the form and presses at once, as a subscriber would: the form
   *  waits for the robot check itself. */
  async register(email: string, password = PASSWORD): Promise<void> {
    await this.open();
    await this.fill(email, password);
    await this.submit().click();
    await expect(this.page).toHaveURL(/\/register\/done/);
  }
}

export class LoginPage {
  constructor(readonly page: Page) {}
  email = () => this.page.getByLabel('E-mail (логин)');
  password = () => this.page.getByLabel('Пароль', { exact: true });
  submit = () => this.page.getByRole('button', { name: 'Войти' });

  async open(query = ''): Promise<void> {
    await this.page.goto(`/login${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
  }

  async login(email: string, password = PASSWORD): Promise<void> {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.submit().click();
  }
}

/**
 * Opens a section of the signed-in navigation as a subscriber would: on a
 * phone the links are behind «Меню», which is pressed first.
 */
export async function openSection(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Меню' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name, exact: true }).click();
}

/** The welcome sentence, the lead paragraph of the home page. */
export const WELCOME = 'Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.';

/** The home page's heading: short; the welcome is the paragraph under it. */
export const HOME = 'Главная';

/** The home page's heading, as a locator. */
export const homeHeading = (page: Page) => page.getByRole('heading', { level: 1, name: HOME, exact: true });

/** dd.mm.yyyy, `days` from today (UTC), as the app shows deadlines. */
export function ddmmyyyy(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/** Registers and confirms a subscriber through the UI; leaves them signed in on /confirm. */
export async function confirmedSubscriber(page: Page, request: APIRequestContext, email = freshEmail()): Promise<string> {
  await new RegisterPage(page).register(email);
  const mail = await latestMail(request, email);
  await page.goto(appPath(mail));
  await expect(page.getByText('Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет!')).toBeVisible();
  return email;
}

export class LinkAccountPage {
  constructor(readonly page: Page) {}
  supplier = () => this.page.getByLabel('Поставщик:', { exact: true });
  number = () => this.page.getByLabel('Лицевой счет:', { exact: true });
  /** The datum of the receipt the chosen supplier asks, under the label the API gives it. */
  proof = () => this.page.getByLabel(METER_SERIAL, { exact: true }).or(this.page.getByLabel(LAST_BILL, { exact: true }));
  submit = () => this.page.getByRole('button', { name: 'Подключить' });
  summary = () => this.page.getByRole('alert').filter({ hasText: 'Проверьте введённые данные' });

  async open(): Promise<void> {
    await this.page.goto('/accounts/link');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Подключение лицевых счетов' })).toBeVisible();
    await expect(this.supplier()).toBeVisible();
  }

  /** Chooses, types and presses; `proof` is the seeded account's own datum unless given. */
  async link(supplier: string, number: string, proof = proofOf(number)): Promise<void> {
    await this.supplier().selectOption({ label: supplier });
    await this.number().fill(number);
    await this.proof().fill(proof);
    await this.submit().click();
  }
}

export const LINKED = 'Поздравляем! Все шаги пройдены, Вы можете пользоваться Личным кабинетом клиента.';

/** A confirmed subscriber with the given accounts linked, signed in. */
export async function subscriberWithAccounts(
  page: Page,
  request: APIRequestContext,
  accounts: [string, string][],
): Promise<string> {
  const email = await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  for (const [supplier, number] of accounts) {
    await form.open();
    await form.link(supplier, number);
    await expect(page.getByText(LINKED)).toBeVisible();
  }
  return email;
}

export class RecoverPage {
  constructor(readonly page: Page) {}
  email = () => this.page.getByLabel('E-mail (логин)');
  submit = () => this.page.getByRole('button', { name: 'Выслать ссылку' });

  async open(): Promise<void> {
    await this.page.goto('/recover');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Восстановление пароля' })).toBeVisible();
  }

  /** Asks for a reset link for `email`, pressing at once (the form waits for
   *  the robot check), and waits for the «check your mail» answer. */
  async request(email: string): Promise<void> {
    await this.email().fill(email);
    await this.submit().click();
    const checkMail = this.page.getByRole('status').filter({ has: this.page.getByRole('heading', { name: 'Проверьте почту' }) });
    await expect(checkMail).toContainText('на него отправлено письмо со ссылкой для смены пароля');
  }
}

export class NewPasswordPage {
  constructor(readonly page: Page) {}
  password = () => this.page.getByLabel('Новый пароль', { exact: true });
  repeat = () => this.page.getByLabel('Повторите пароль', { exact: true });
  submit = () => this.page.getByRole('button', { name: 'Сохранить пароль' });

  async set(password: string, repeat = password): Promise<void> {
    await this.password().fill(password);
    await this.repeat().fill(repeat);
    await this.submit().click();
  }
}

/** Moves the reference API's clock forward (needs `--dev-clock`); only in `*.clock.spec.ts`. */
export async function advanceClock(request: APIRequestContext, seconds: number): Promise<void> {
  const answer = await request.post(`${API_URL}/api/dev/clock`, {
    data: { advance_seconds: seconds },
    headers: { 'X-Requested-With': 'kabinet' },
  });
  expect(answer.status()).toBe(200);
}

/**
 * What the API adds to its answers for the app on another origin (`API_URL`)
 * so that the page may read `Retry-After`: a faked answer needs it too
 * (Playwright adds `Access-Control-Allow-Origin` to a fulfilled answer itself).
 */
export const EXPOSE_RETRY_AFTER = { 'Access-Control-Expose-Headers': 'Retry-After' };

/** A 429 answer of the API with `Retry-After`, for `page.route`; `account_locked` when one account number had too many failed attempts. */
export function rateLimited(retryAfter: number, code: 'rate_limited' | 'account_locked' = 'rate_limited') {
  const detail = code === 'account_locked'
    ? 'Слишком много неудачных попыток подключить этот лицевой счет. Повторите через 1 мин.'
    : 'Слишком много запросов.';
  return {
    status: 429,
    headers: { 'Content-Type': 'application/problem+json', 'Retry-After': String(retryAfter), ...EXPOSE_RETRY_AFTER },
    body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, code, detail }),
  };
}

/**
 * The meter's previous reading shown on the form, in thousandths. Supplier
 * accounts are shared by every cabinet that links them (a family), so tests
 * running side by side move the same meter: each starts from what it sees.
 */
export async function previousReading(page: Page): Promise<number> {
  const note = await page.getByText(/Предыдущие показания: \d/).first().innerText();
  // Grouped by thousands for the eye: «12 345,678 м³».
  const digits = /Предыдущие показания: ([\d,\s\u00a0]+)/.exec(note)![1].replace(/[\s\u00a0]/g, '');
  const [whole, fraction = ''] = digits.split(',');
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
}

/** Thousandths as they are typed: `12350,25`. */
export function readingText(thousandths: number): string {
  const whole = Math.floor(thousandths / 1000);
  const fraction = String(thousandths % 1000).padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole},${fraction}` : String(whole);
}

/** Thousandths as the app shows them, grouped like money: `12 350,25` (no-break spaces). */
export function readingShown(thousandths: number): string {
  const [whole, fraction] = readingText(thousandths).split(',');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, '\u00a0');
  return fraction ? `${grouped},${fraction}` : grouped;
}
