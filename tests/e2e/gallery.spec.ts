// The designers' gallery (/gallery; debug builds only: `trunk serve`,
// `cargo xtask dev`): every state its index lists, at a phone's and a
// desktop's width, compared with the committed pictures in
// gallery.spec.ts-snapshots/. After a change of the look, renew them with
//
//   cargo xtask test --only e2e-dev -- gallery.spec.ts --update-snapshots
//
// and look at what changed (`git diff --stat`, an image viewer) before
// committing. Against the release build (KABINET_BUILD=release, as the
// `e2e` step of `cargo xtask test` runs it) it checks that /gallery is the
// not-found page instead.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './support/fixtures';
import { expectAccessible } from './support/kabinet';

const RELEASE = process.env.KABINET_BUILD === 'release';
const WIDTHS = { phone: 360, desktop: 1280 } as const;
/** The gallery's «today», which its sample data is dated around: every
 * page's clock stands still there, so dates and countdowns never move. */
const TODAY = new Date('2026-03-16T09:00:00+03:00');
const PICTURES = path.join(__dirname, 'gallery.spec.ts-snapshots');

test.describe.configure({ mode: 'parallel' });

/** The addresses of the states, from the index. */
async function stateAddresses(page: Page): Promise<string[]> {
  await page.goto('/gallery');
  await expect(page.getByRole('heading', { level: 1, name: 'Галерея состояний' })).toBeVisible();
  const hrefs = await page.locator('main a[href^="/gallery/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs)];
}

/** `/gallery/login/field-errors` → `login-field-errors`. */
function pictureName(address: string): string {
  return new URL(address, 'http://x').pathname.replace(/^\/gallery\//, '').replace(/\//g, '-');
}

test.describe('the gallery of a debug build', () => {
  test.skip(RELEASE, 'the release build has no gallery');

  test('its index links every state, is accessible, and every picture belongs to a state', async ({ page }) => {
    const addresses = await stateAddresses(page);
    expect(addresses.length).toBeGreaterThan(50);
    await expectAccessible(page);
    const expected = new Set(addresses.flatMap((a) => Object.keys(WIDTHS).map((device) => `${pictureName(a)}-${device}.png`)));
    const stale = fs.existsSync(PICTURES) ? fs.readdirSync(PICTURES).filter((file) => !expected.has(file)) : [];
    expect(stale, `pictures of states the gallery no longer has: delete them from ${PICTURES}`).toEqual([]);
  });

  for (const [device, width] of Object.entries(WIDTHS)) {
    test(`every state at ${width} px looks as its picture`, async ({ page }) => {
      test.setTimeout(10 * 60_000);
      const requests: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/')) requests.push(request.url());
      });
      await page.clock.setFixedTime(TODAY);
      await page.setViewportSize({ width, height: 800 });
      for (const address of await stateAddresses(page)) {
        await page.goto(address);
        // Set by the gallery once the subscriber's steps are done and answered.
        await page.locator('html[data-gallery-ready]').waitFor({ state: 'attached', timeout: 10_000 });
        await expect.soft(page, address).toHaveScreenshot(`${pictureName(address)}-${device}.png`, { fullPage: true });
      }
      expect(requests, 'the gallery answers every request itself').toEqual([]);
    });
  }
});

test.describe('the header in the gallery', () => {
  test.skip(RELEASE, 'the release build has no gallery');

  test('marks the page its picture shows, as the live header does', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const cases: [string, string][] = [
      ['/gallery/settings/hint-open', 'Настройки'],
      ['/gallery/link-account/hint-open', 'Лицевые счета'],
      ['/gallery/pay/debt', 'Оплата онлайн'],
      ['/gallery/home/one-account', 'Главная'],
      ['/gallery/login/empty', 'Вход'],
      ['/gallery/register/empty', 'Регистрация'],
    ];
    for (const [address, name] of cases) {
      await page.goto(address);
      await page.locator('html[data-gallery-ready]').waitFor({ state: 'attached', timeout: 10_000 });
      const current = page.getByRole('navigation', { name: 'Основное меню' }).locator('a[aria-current="page"]');
      await expect(current, address).toHaveText(name);
      // Bold, a 3 px underline: the live header's mark.
      const look = await current.evaluate((a) => [getComputedStyle(a).fontWeight, getComputedStyle(a).textDecorationThickness]);
      expect(look, address).toEqual(['700', '3px']);
    }
  });
});

test('the release build has no gallery: its addresses are the not-found page', async ({ page }) => {
  test.skip(!RELEASE, 'only a release build is checked for its absence');
  for (const address of ['/gallery', '/gallery/login/empty']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
  }
});
