// Prerenders the entry pages of a release build (run by `cargo xtask
// dist`, see xtask/src/release/prerender.rs):
//   node prerender.mjs <dist> <tests/e2e> <early script name> <pages>
// where <pages> is a JSON list of { address, file, signedIn }.
// Loads each address in Chromium, serving <dist> from disk and answering no
// request for the API, so the page saved is the one a visitor sees before
// any answer (for a signed-in page, its frame); writes it to <dist>/<file>,
// its script marked `data-signed-in` when the page is for signed-in
// subscribers (early.js then sends others to /login). In the copy, the page's
// elements are marked `data-prerendered` (what the app replaces), and the
// forms' submit buttons are disabled until the early script
// (src/early.js, in place of the loader) enables them; that script
// starts the app's loader once the page is painted.
import { createRequire } from 'node:module';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const [dist, e2eDir, early, pagesJson] = process.argv.slice(2);
const pages = JSON.parse(pagesJson);
const { chromium } = createRequire(path.join(e2eDir, 'package.json'))('@playwright/test');

const ORIGIN = 'http://kabinet.prerender';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    // The API (here or at another origin) never answers: left pending.
    if (url.origin !== ORIGIN || url.pathname.startsWith('/api/')) return;
    const ext = path.extname(url.pathname);
    try {
      const body = await readFile(path.join(dist, ext ? url.pathname : 'index.html'));
      await route.fulfill({ status: 200, contentType: TYPES[ext || '.html'], body });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  for (const { address, file: saveAs, signedIn } of pages) {
    await page.goto(ORIGIN + address);
    // The app has rendered the page: its heading and its title are there.
    await page.waitForFunction(
      () => document.querySelector('main h1') && document.title.includes(' — '),
      null,
      { timeout: 30_000 },
    );
    if (problems.length) throw new Error(`${address}: ${problems.join('; ')}`);
    const html = await page.evaluate(([early, signedIn]) => {
      const copy = document.documentElement.cloneNode(true);
      // With JavaScript off the notice stands under the page's heading, where
      // the visitor reads (the app replaces it with the page when it takes over).
      const notice = copy.querySelector('body > noscript');
      const heading = copy.querySelector('main h1');
      if (notice && heading) heading.after(notice);
      // What the app replaces when it takes over.
      for (const element of copy.querySelector('body').children) {
        if (!['SCRIPT', 'NOSCRIPT'].includes(element.tagName)) element.setAttribute('data-prerendered', '');
      }
      for (const button of copy.querySelectorAll(
        'form button:not([type=button]):not([disabled]), form input[type=submit]:not([disabled])',
      )) {
        button.setAttribute('disabled', '');
        button.setAttribute('data-until-boot', '');
      }
      // The app is started by the early script after the first paint, not
      // by the page: no preloads; the script is told the app's loader
      // instead, which preloads the page's own module itself (and marks it
      // on <html> again).
      const boot = copy.querySelector('script[type=module][src]');
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/' + early;
      script.dataset.boot = boot.getAttribute('src');
      if (signedIn) script.dataset.signedIn = '';
      boot.replaceWith(script);
      for (const link of copy.querySelectorAll('link[rel=modulepreload], link[rel=preload], link[rel=prefetch]')) link.remove();
      copy.removeAttribute('data-first-module');
      return '<!DOCTYPE html>\n' + copy.outerHTML + '\n';
    }, [early, signedIn]);
    const file = path.join(dist, saveAs);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, html);
    console.log(`prerendered ${address} → ${path.relative(dist, file)}`);
  }
} finally {
  await browser.close();
}
