// One download per wasm file: the loader's early fetches are the ones the
// glue and the split modules' loader use, and the prefetch skips what was
// fetched already (xtask/src/release/boot.js). A preload that the app's own
// fetch does not match costs a second download of the same file (WebKit did
// so for every module with `<link rel=preload as=fetch>`). And only what the
// visit needs: the opened page's group, and the group of where it leads once
// the visitor starts on the page's form (a public page) or at idle (a cabinet
// page).
import { test, expect, type Page } from './support/fixtures';
import { confirmedSubscriber, takenOver } from './support/kabinet';
import { bootAddress, wasmFilesOf as filesOfGroups } from './support/boot-table.cjs';

/** The main wasm and the files of `groups`, as the release's loader names them. */
async function wasmFilesOf(page: Page, address: string, groups: string[]): Promise<string[]> {
  const html = await (await page.request.get(address)).text();
  const script = await (await page.request.get(bootAddress(html))).text();
  return filesOfGroups(script, groups);
}

for (const [address, heading, groups, next] of [
  // After signing in: home, once the visitor starts on the form.
  ['/login', 'Вход в Личный кабинет', ['login'], ['home']],
  // Then «check your mail» (the same group): nothing more.
  ['/register', 'Регистрация', ['forms'], []],
  // Signed out: the app sends the visitor to /login, and on from there.
  ['/settings', 'Вход в Личный кабинет', ['cabinet', 'login'], ['home']],
] as const) {
  test(`${address}: each wasm file it needs is downloaded once, prefetch included, and no other`, async ({ page }) => {
    const opened = await wasmFilesOf(page, address, [...groups]);
    const all = await wasmFilesOf(page, address, [...groups, ...next]);
    expect(opened.length).toBeGreaterThan(2);
    const asked = new Map<string, number>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.wasm')) asked.set(path, (asked.get(path) ?? 0) + 1);
    });
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await takenOver(page);
    // The opened page's files at once; where it leads, not for a visitor who only looks.
    await expect.poll(() => [...asked.keys()].sort(), { timeout: 20_000 }).toEqual(opened);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_500);
    expect([...asked.keys()].sort()).toEqual(opened);
    // The visitor starts on the form: where it leads.
    await page.getByRole('textbox').first().focus();
    await expect.poll(() => [...asked.keys()].sort(), { timeout: 20_000 }).toEqual(all);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(Object.fromEntries(asked)).toEqual(Object.fromEntries(all.map((f) => [f, 1])));
  });
}

test('a cabinet page prefetches its menu\'s groups at idle, with no form touched', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  const signedIn = await page.context().storageState();
  // A fresh cache, signed in.
  const context = await page.context().browser()!.newContext({ storageState: signedIn });
  const home = await context.newPage();
  const asked = new Set<string>();
  home.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.wasm')) asked.add(path);
  });
  await home.goto('/');
  await takenOver(home);
  const menu = await wasmFilesOf(home, '/', ['home', 'cabinet']);
  await expect.poll(() => menu.filter((f) => !asked.has(f)), { timeout: 20_000 }).toEqual([]);
  await context.close();
});
