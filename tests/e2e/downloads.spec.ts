// One download per wasm file: the loader's early fetches are the ones the
// glue and the split modules' loader use, and the idle prefetch skips what
// was fetched already (xtask/src/release/boot.js). A preload that the app's
// own fetch does not match costs a second download of the same file (WebKit
// did so for every module with `<link rel=preload as=fetch>`). And only what
// the visit needs: the opened page's group and the group of where it leads.
import { test, expect, type Page } from './support/fixtures';
import { takenOver } from './support/kabinet';

/** The main wasm and the files of `groups`, as the release's loader names them. */
async function wasmFilesOf(page: Page, address: string, groups: string[]): Promise<string[]> {
  const html = await (await page.request.get(address)).text();
  const boot = html.match(/\/boot-[0-9a-f]{16}\.js/)?.[0];
  expect(boot, `${address} names its loader`).toBeTruthy();
  const script = await (await page.request.get(boot!)).text();
  const files = new Set(script.match(/\/kabinet-[0-9a-f]{16}_bg\.wasm/g) ?? []);
  for (const group of groups) {
    // A row of the loader's table: [/path/, "group", [its files], …].
    const row = script.match(new RegExp(`"${group}", \\[([^\\]]*)\\]`));
    expect(row, `the loader knows group ${group}`).toBeTruthy();
    for (const file of row![1].match(/\/[\w-]+\.wasm/g) ?? []) files.add(file);
  }
  return [...files].sort();
}

for (const [address, heading, groups] of [
  // After signing in: home.
  ['/login', 'Вход в Личный кабинет', ['login', 'home']],
  // Then «check your mail» (the same group): nothing more.
  ['/register', 'Регистрация', ['forms']],
  // Signed out: the app sends the visitor to /login, and on from there.
  ['/settings', 'Вход в Личный кабинет', ['cabinet', 'login', 'home']],
] as const) {
  test(`${address}: each wasm file it needs is downloaded once, prefetch included, and no other`, async ({ page }) => {
    const files = await wasmFilesOf(page, address, [...groups]);
    expect(files.length).toBeGreaterThan(2);
    const asked = new Map<string, number>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.wasm')) asked.set(path, (asked.get(path) ?? 0) + 1);
    });
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await takenOver(page);
    // The opened page's files at once, where it leads at idle.
    await expect.poll(() => [...asked.keys()].sort(), { timeout: 20_000 }).toEqual(files);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(Object.fromEntries(asked)).toEqual(Object.fromEntries(files.map((f) => [f, 1])));
  });
}
