// An account is linked only by its owner. Linking asks, besides the
// number, the datum of the receipt the supplier names (a meter's serial or the
// last bill); an unknown number and a wrong datum get one and the same
// answer; nothing of the account is shown before the proof; a household links
// one account from several cabinets, each proving it. Two cabinets, each in a
// browser of its own.
import { expect, test, type Page } from './support/fixtures';
import { LINKED, LinkAccountPage, confirmedSubscriber, expectAccessible } from './support/kabinet';
import { IVANOV, LAST_BILL, METER_SERIAL } from './support/seed';

const VORONEZH = 'Межрегионгаз Воронеж';
const KIROV = 'Межрегионгаз Киров';

const notFound = (supplier: string) =>
  `Лицевой счет с такими данными не найден у поставщика «${supplier}». Проверьте номер и данные квитанции.`;

/** The panel that says an account was linked, with what was linked. */
const linked = (page: Page) => page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Лицевой счет подключен' }) });

/** Nothing of Иванов's account (3600000001) anywhere on the page. */
async function nothingOfTheOwners(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toContainText(IVANOV.address);
  await expect(page.locator('body')).not.toContainText(IVANOV.holder);
}

test('another cabinet cannot link, see or open an account by its number alone; with the receipt it may', async ({ page, request, browser, baseURL }) => {
  // Cabinet A, the owner, links the account with its meter's serial.
  await confirmedSubscriber(page, request);
  const owner = new LinkAccountPage(page);
  await owner.open();
  await owner.link(VORONEZH, IVANOV.number);
  await expect(page.getByText(LINKED)).toBeVisible();
  const accountPath = await page.getByRole('link', { name: 'Открыть лицевой счет' }).getAttribute('href');
  expect(accountPath).toMatch(/^\/accounts\/[^/]+$/);

  // Cabinet B, another subscriber in another browser, knows the number.
  const other = await browser.newContext({ baseURL });
  const stranger = await other.newPage();
  await confirmedSubscriber(stranger, request);
  const form = new LinkAccountPage(stranger);
  await form.open();
  const sent: string[] = [];
  stranger.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/accounts' && r.method() === 'POST') sent.push(r.postData() ?? '');
  });

  // Without the datum the form asks for it and sends nothing.
  await form.link(VORONEZH, IVANOV.number, '');
  await expect(form.summary().getByRole('link', { name: 'Введите заводской номер счетчика, как он указан на квитанции.' })).toBeVisible();
  expect(sent).toEqual([]);

  // A wrong datum and an unknown number: one answer, which names neither.
  await form.link(VORONEZH, IVANOV.number, 'СГ-999999');
  await expect(form.summary()).toContainText(notFound(VORONEZH));
  const wrongProof = await form.summary().innerText();
  await expect(form.number()).toHaveValue(IVANOV.number);
  await expect(form.proof()).toHaveValue('СГ-999999');
  await nothingOfTheOwners(stranger);
  await expectAccessible(stranger);

  await form.link(VORONEZH, '3600099999', 'СГ-100001');
  await expect(form.summary()).toContainText(notFound(VORONEZH));
  expect(await form.summary().innerText()).toBe(wrongProof);
  await nothingOfTheOwners(stranger);
  expect(sent).toHaveLength(2);
  expect(JSON.parse(sent[0])).toEqual({ supplier_id: 'voronezh', number: IVANOV.number, proof: 'СГ-999999' });

  // A's account by its address: not B's, and nothing of it shown.
  await stranger.goto(accountPath!);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Лицевой счет', exact: true })).toBeVisible();
  await expect(stranger.getByRole('alert')).toContainText('не найден');
  await nothingOfTheOwners(stranger);
  await stranger.goto('/');
  await expect(stranger.getByText('Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета.')).toBeVisible();
  await nothingOfTheOwners(stranger);

  // A household: B has the receipt too, and proves it.
  await form.open();
  await form.link(VORONEZH, IVANOV.number);
  await expect(stranger.getByText(LINKED)).toBeVisible();
  await expect(linked(stranger)).toContainText(IVANOV.address);
  await other.close();

  // A keeps the account.
  await page.goto('/');
  await expect(page.getByRole('article').filter({ hasText: `Лицевой счет № ${IVANOV.number}` })).toContainText(IVANOV.address);
});

test('a supplier that asks for the last bill takes it in rubles and kopecks, however it is typed', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  await form.supplier().selectOption({ label: KIROV });
  await expect(page.getByLabel(METER_SERIAL, { exact: true })).toHaveCount(0);
  await expect(page.getByLabel(LAST_BILL, { exact: true })).toHaveAttribute('inputmode', 'decimal');

  // A kopeck off is not the bill.
  await form.link(KIROV, '4300000002', '1 050,01');
  await expect(form.summary()).toContainText(notFound(KIROV));
  await expect(page.locator('body')).not.toContainText('г. Киров');

  // The bill as printed, without the kopecks.
  await form.proof().fill('1050');
  await form.submit().click();
  await expect(page.getByText(LINKED)).toBeVisible();
  await expect(linked(page)).toContainText('г. Киров');
});
