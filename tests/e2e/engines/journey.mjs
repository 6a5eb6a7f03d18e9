// The main journey and the prerendered takeover in the other two engines a
// subscriber brings: Firefox ESR (geckodriver) and WebKitGTK, Safari's
// engine (WebKitWebDriver). `cargo xtask test` runs this as its
// `e2e-engines` step, under xvfb-run, against the release served as
// deployed (nginx, the API on its own origin): `node engines/journey.mjs
// firefox webkit`.
//
// Why WebdriverIO: Playwright's Firefox and WebKit are its own patched
// builds, downloaded from its CDN; Debian's Firefox ESR and WebKitGTK speak
// only standard WebDriver. WebdriverIO is a well-kept (OpenJS Foundation)
// WebDriver client for Node, so this sits beside the Playwright suite with
// its lockfile and its habits, and needs no Java Selenium server.
// Elements are found as the Playwright specs find them: by the Russian
// labels and buttons the screens show.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { remote } from 'webdriverio';
import { bootAddress, wasmFilesOf } from '../support/boot-table.cjs';

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8090').replace(/\/+$/, '');
const API_URL = (process.env.API_URL ?? BASE_URL).replace(/\/+$/, '');
/** Where the takeover test serves the app with its wasm held back (an origin the API allows). */
const SLOW_URL = process.env.SLOW_URL ?? 'http://127.0.0.1:8093';
/** Where the app is served through a proxy that counts the wasm downloads (an origin the API allows). */
const COUNT_URL = process.env.COUNT_URL ?? 'http://127.0.0.1:8094';
const WAIT = 20_000;
const PASSWORD = 'Gaz2026ok';

const ENGINES = {
  firefox: {
    driver: ['geckodriver', (port) => ['--host', '127.0.0.1', '--port', String(port)]],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: { 'intl.accept_languages': 'ru-RU' },
      },
    },
  },
  webkit: {
    driver: ['/usr/bin/WebKitWebDriver', (port) => [`--port=${port}`]],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on, for a WebDriver server. */
const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A WebDriver server of `engine` on a free port, and a session with it. */
async function open(engine, port, capabilities = ENGINES[engine].capabilities) {
  const [program, args] = ENGINES[engine].driver;
  const driver = spawn(program, args(port), { stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 100; i += 1) {
    const up = await fetch(`http://127.0.0.1:${port}/status`).then((a) => a.ok, () => false);
    if (up) break;
    await sleep(100);
  }
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'warn',
    connectionRetryCount: 1,
    capabilities: { ...capabilities, 'wdio:enforceWebDriverClassic': true },
  });
  await browser.setWindowSize(1280, 900).catch(() => {});
  return { browser, driver };
}

/** What a subscriber sees, found by its words. */
function screen(browser) {
  const q = (text) => `"${text}"`;
  const find = async (xpath) => {
    const el = await browser.$(xpath);
    await el.waitForDisplayed({ timeout: WAIT, timeoutMsg: `not shown: ${xpath}` });
    return el;
  };
  return {
    /** The field labelled `label` (a `<label for>`). */
    field: async (label) => {
      const l = await find(`//label[normalize-space(.)=${q(label)} or normalize-space(text()[1])=${q(label)}]`);
      return find(`//*[@id=${q(await l.getAttribute('for'))}]`);
    },
    // A sending button's busy words (components/busy.rs) are in it too,
    // hidden until it is busy: its name is then the text of .idle-text.
    button: (name) =>
      find(`//button[normalize-space(.)=${q(name)} or normalize-space(span[@class="idle-text"])=${q(name)}]`),
    link: (name) => find(`//a[normalize-space(.)=${q(name)}]`),
    heading: (name) => find(`//h1[normalize-space(.)=${q(name)}]`),
    text: (text) => find(`//*[contains(normalize-space(.), ${q(text)}) and not(.//*[contains(normalize-space(.), ${q(text)})])]`),
    path: (re) =>
      browser.waitUntil(async () => re.test(new URL(await browser.getUrl()).pathname), {
        timeout: WAIT,
        timeoutMsg: `the address never matched ${re}`,
      }),
  };
}

async function newestMail(to) {
  for (let i = 0; i < 100; i += 1) {
    const mails = await (await fetch(`${API_URL}/api/dev/outbox?to=${encodeURIComponent(to)}`)).json();
    if (mails.length) return mails[0];
    await sleep(200);
  }
  throw new Error(`no mail to ${to}`);
}

/** The journey, step by step; `step(name, f)` times and names each. */
async function journey(browser, engine, step) {
  const s = screen(browser);
  const email = `${engine}.${Date.now().toString(36)}@example.ru`;
  await step('register (robot check in the page)', async () => {
    await browser.url(`${BASE_URL}/register`);
    await s.heading('Регистрация');
    await (await s.field('E-mail (логин)')).setValue(email);
    await (await s.field('Укажите пароль')).setValue(PASSWORD);
    await (await s.field('Повторите пароль')).setValue(PASSWORD);
    await (await s.button('Зарегистрироваться')).click();
    await s.path(/^\/register\/done$/);
  });
  await step('confirm from the mail', async () => {
    const link = new URL((await newestMail(email)).links[0]);
    await browser.url(`${BASE_URL}${link.pathname}${link.search}`);
    await s.text('Вы успешно зарегистрированы в Системе.');
  });
  await step('sign out, sign in', async () => {
    await (await s.button('Выход')).click();
    await s.path(/^\/login$/);
    await s.heading('Вход в Личный кабинет');
    await (await s.field('E-mail (логин)')).setValue(email);
    await (await s.field('Пароль')).setValue(PASSWORD);
    await (await s.button('Войти')).click();
    await s.heading('Главная');
  });
  await step('reopen / signed in: the saved frame, then the home page', async () => {
    await browser.url(`${BASE_URL}/`);
    await s.heading('Главная');
    // Only the app, once it knows the subscriber, offers this.
    await s.link('Подключить ЛС');
  });
  await step('link an account', async () => {
    await (await s.link('Подключить ЛС')).click();
    await s.heading('Подключение лицевых счетов');
    await (await s.field('Поставщик:')).selectByVisibleText('Межрегионгаз Воронеж');
    await (await s.field('Лицевой счет:')).setValue('3600000001');
    await (await s.field('Заводской номер счетчика:')).setValue('СГ-100001');
    await (await s.button('Подключить')).click();
    await s.text('Поздравляем! Все шаги пройдены');
  });
  await step('open the account', async () => {
    await (await s.link('Открыть лицевой счет')).click();
    // The address keeps «г.» to its word with a no-break space (rules/typography.rs).
    await s.text('г.\u00a0Воронеж');
    await s.link('Передать показания');
  });
  await step('send a reading', async () => {
    await (await s.link('Передать показания')).click();
    await s.heading('Передача показаний');
    const note = await (await s.text('Предыдущие показания:')).getText();
    // «Предыдущие показания: 12 345,6 м³ от …» (grouped by no-break spaces):
    // five more whole cubic metres.
    const whole = /Предыдущие показания: ([\d\s\u00a0]+)/.exec(note)[1].replace(/[\s\u00a0]/g, '');
    const next = String(Number(whole) + 5);
    const field = await browser.$('//label[contains(., "счетчик №")]');
    await field.waitForDisplayed({ timeout: WAIT });
    await (await browser.$(`//*[@id="${await field.getAttribute('for')}"]`)).setValue(next);
    await (await s.button('Передать показания')).click();
    await s.text('Показания приняты. Спасибо!');
  });
  await step('sign out', async () => {
    await (await s.button('Выход')).click();
    await s.path(/^\/login$/);
    // The saved home frame sends a visitor who is not signed in on (early.js).
    await browser.url(`${BASE_URL}/`);
    await s.path(/^\/login$/);
    await s.heading('Вход в Личный кабинет');
  });
}

/**
 * A proxy of the app at `url` whose wasm files arrive `delay` ms late (the
 * saved page is up long before the app), counting the requests for each.
 */
function proxy(url, delay) {
  const target = new URL(BASE_URL);
  const counts = new Map();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url, BASE_URL).pathname;
    if (path.endsWith('.wasm')) counts.set(path, (counts.get(path) ?? 0) + 1);
    const forward = () => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (/\.wasm(\?|$)/.test(req.url)) setTimeout(forward, delay);
    else forward();
  });
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => server.listen(Number(port), hostname, () => resolve({ server, counts })));
}

/** The main wasm and the files of `groups`, as the release's loader names them. */
async function wasmFiles(address, groups) {
  const html = await (await fetch(`${BASE_URL}${address}`)).text();
  const script = await (await fetch(`${BASE_URL}${bootAddress(html)}`)).text();
  return wasmFilesOf(script, groups);
}

/**
 * Each wasm file a first visit of `address` needs (the main one and those of
 * `groups`) downloaded once, and no other; once the visitor starts on the
 * form, those of `next` too (the prefetch), each once: in a fresh session
 * (an empty cache), through the counting proxy.
 */
async function downloads(engine, counting, address, heading, groups, next, step) {
  await step(`${address}: each wasm file it needs downloaded once`, async () => {
    const opened = await wasmFiles(address, groups);
    const all = await wasmFiles(address, [...groups, ...next]);
    const { browser, driver } = await open(engine, await freePort());
    const countsAre = async (files, when) => {
      await browser.waitUntil(async () => [...counting.counts.keys()].length >= files.length, {
        timeout: WAIT,
        timeoutMsg: `${when}: not every file was fetched: ${JSON.stringify(Object.fromEntries(counting.counts))}`,
      });
      await sleep(1500);
      const counts = Object.fromEntries([...counting.counts].sort());
      if (JSON.stringify(counts) !== JSON.stringify(Object.fromEntries(files.map((f) => [f, 1])))) {
        throw new Error(`${when}: downloads: ${JSON.stringify(counts)}`);
      }
      return counts;
    };
    try {
      counting.counts.clear();
      await browser.url(`${COUNT_URL}${address}`);
      await screen(browser).heading(heading);
      await countsAre(opened, 'opened');
      // The visitor starts on the form: where it leads.
      await (await browser.$('form input')).click();
      downloadCounts.push([engine, address, await countsAre(all, 'after a focus on the form')]);
    } finally {
      await browser.deleteSession().catch(() => {});
      driver.kill();
    }
  });
}
const downloadCounts = [];

/** Text typed into the saved /login before the app starts is kept when the app takes it over. */
async function takeover(browser, step) {
  const s = screen(browser);
  await step('takeover keeps typed text', async () => {
    await browser.url(`${SLOW_URL}/login`);
    await (await s.field('E-mail (логин)')).setValue('early@example.ru');
    const saved = await browser.$('[data-prerendered]');
    if (!(await saved.isExisting())) throw new Error('the app had started before the typing: no test');
    await saved.waitForExist({ reverse: true, timeout: WAIT, timeoutMsg: 'the app never took the page over' });
    const value = await (await s.field('E-mail (логин)')).getValue();
    if (value !== 'early@example.ru') throw new Error(`after the takeover the field holds «${value}»`);
  });
}

/**
 * Firefox with WebAssembly switched off (about:config), a browser below the
 * floor for real: the saved page says so and its form stays off
 * (src/browser_check.js). WebKitGTK has no such switch.
 */
async function belowTheFloor(engine, step) {
  if (engine !== 'firefox') return;
  const capabilities = structuredClone(ENGINES.firefox.capabilities);
  capabilities['moz:firefoxOptions'].prefs['javascript.options.wasm'] = false;
  const { browser, driver } = await open(engine, await freePort(), capabilities);
  try {
    await step('WebAssembly off: «Этот браузер устарел», the form off', async () => {
      const s = screen(browser);
      await browser.url(`${BASE_URL}/login`);
      await s.heading('Вход в Личный кабинет');
      await s.text('Этот браузер устарел');
      if (await (await s.button('Войти')).isEnabled()) throw new Error('«Войти» works in a browser that cannot run the app');
      if (await (await s.field('E-mail (логин)')).isEnabled()) throw new Error('the e-mail field is still on');
    });
  } finally {
    await browser.deleteSession().catch(() => {});
    driver.kill();
  }
}

const engines = process.argv.slice(2);
const slow = await proxy(SLOW_URL, 4000);
const counting = await proxy(COUNT_URL, 0);
const table = [];
let failed = 0;
for (const engine of engines) {
  if (!ENGINES[engine]) throw new Error(`unknown engine ${engine}: ${Object.keys(ENGINES).join(', ')}`);
  const started = Date.now();
  let session;
  let broken = false;
  const step = async (name, f) => {
    if (broken) {
      table.push([engine, name, 'skipped', 0]);
      return;
    }
    const t = Date.now();
    try {
      await f();
      table.push([engine, name, 'ok', Date.now() - t]);
    } catch (e) {
      broken = true;
      failed += 1;
      table.push([engine, name, 'FAILED', Date.now() - t]);
      console.error(`${engine}: ${name}: ${e.stack ?? e}`);
    }
  };
  try {
    for (const [address, heading, groups, next] of [
      ['/login', 'Вход в Личный кабинет', ['login'], ['home']],
      ['/register', 'Регистрация', ['forms'], []],
      ['/settings', 'Вход в Личный кабинет', ['cabinet', 'login'], ['home']],
    ]) {
      await downloads(engine, counting, address, heading, groups, next, step);
      broken = false;
    }
    await belowTheFloor(engine, step);
    broken = false;
    session = await open(engine, await freePort());
    await journey(session.browser, engine, step);
    broken = false;
    await takeover(session.browser, step);
  } catch (e) {
    failed += 1;
    console.error(`${engine}: ${e.stack ?? e}`);
  } finally {
    await session?.browser.deleteSession().catch(() => {});
    session?.driver.kill();
  }
  console.log(`${engine}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
slow.server.close();
counting.server.close();
for (const [engine, address, counts] of downloadCounts) {
  const per = Object.entries(counts).map(([file, n]) => `${file.replace(/-[0-9a-f]{16}/, '')}×${n}`);
  console.log(`${engine.padEnd(8)} ${address.padEnd(10)} ${per.join(' ')}`);
}
for (const [engine, name, result, ms] of table) {
  console.log(`${engine.padEnd(8)} ${result.padEnd(7)} ${(ms / 1000).toFixed(1).padStart(5)} s  ${name}`);
}
console.log(`engines: ${table.filter((r) => r[2] === 'ok').length} steps passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
