// The first script of every page, before the app's own (`cargo xtask dist`
// puts it there):
// - it asks the API who is signed in as the app starts loading, rather
//   than after the wasm has arrived: the app takes this answer for its
//   start-up check (api/session.rs), one round trip less before a
//   signed-in page shows;
// - on a prerendered page (see takeover.rs) it holds the forms until the
//   app takes them over, and starts the app once the saved page is painted.

function askWhoIsSignedIn() {
  // As config.rs reads the API's origin.
  const apiBase = (document.querySelector('meta[name="kabinet:api-base"]')?.getAttribute('content') ?? '')
    .trim()
    .replace(/\/+$/, '');
  window.kabinetSession = fetch(`${apiBase}/api/v1/session`, { credentials: 'include' });
  // A failure is the app's to handle when it takes the answer.
  window.kabinetSession.catch(() => {});
}

// Holding the forms of a prerendered page.
//
// The page's submit buttons come disabled from the build, so that the
// browser itself can never send a form (a GET would put the password in the
// address); here they are enabled again, and a press of one is remembered
// instead of sent. The app asks for it once it has taken the page over.
const held = { form: -1 };

function hold(event) {
  event.preventDefault();
  held.form = Array.prototype.indexOf.call(document.forms, event.target);
  // As the app does while a form is being sent: its button is off.
  for (const button of event.target.querySelectorAll('button:not([type=button])')) button.disabled = true;
}

// The app (its loader, glue and wasm) is fetched only once the
// saved page has been painted: on a slow line it would otherwise share the
// bandwidth with the page's stylesheet and hold the first paint back.
// A tab opened in the background paints nothing (and runs no animation
// frame) until shown: there the app starts at once.
function startApp(app) {
  const start = () => {
    if (!window.kabinetSession) askWhoIsSignedIn();
    load(app, 0);
  };
  if (document.visibilityState === 'hidden') start();
  else requestAnimationFrame(() => setTimeout(start));
}

// A saved page for signed-in subscribers (the home page's frame, which
// says nothing untrue to anyone): who is signed in is asked at once, and a
// visitor who is not goes to the sign-in page, with the way back, as the
// app would send them, before anything of the app is fetched. A failed
// question is the app's to answer.
function startIfSignedIn(app) {
  askWhoIsSignedIn();
  window.kabinetSession.then(
    (answer) => {
      if (answer.status !== 401) startApp(app);
      else location.replace(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    },
    () => startApp(app),
  );
}

// The app's loader (what index.html runs at once). When it could not be
// fetched, nor the glue or the wasm it loads (the line dropped), the saved
// page says so above its form, whose typed values stay, and «Повторить»
// tries again under a new address (a browser remembers a failed import under
// its own; the loader passes the address on to the glue).
function load(app, attempt) {
  // A browser that cannot parse a script or compile the wasm is told so
  // (src/browser_check.js), not sent round «Повторить».
  import(attempt ? `${app.boot}?attempt=${attempt}` : app.boot)
    .then((boot) => boot.started)
    .catch(
    (error) => window.kabinetUnsupported?.(error) || startFailed(() => load(app, attempt + 1)),
  );
}

// Says on the saved page that the app could not start; «Повторить» calls
// `retry`. Also called by the app when the opened page's own module did not
// arrive (main.rs).
function startFailed(retry) {
  const main = document.querySelector('main');
  if (!main || main.querySelector('#app-load-failed')) return;
  const alert = document.createElement('div');
  alert.id = 'app-load-failed';
  alert.className = 'alert';
  alert.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = 'Нет связи с сервером. Проверьте подключение к интернету и повторите попытку.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Повторить';
  button.addEventListener('click', () => {
    // The focus waits on the page while the app is fetched again, not on
    // the body (where a removed button would leave it).
    main.focus();
    alert.remove();
    retry();
  });
  alert.append(text, button);
  main.prepend(alert);
  // After a «Повторить» that failed again, the focus goes back to it.
  if (document.activeElement === main) button.focus();
  // A press held meanwhile still counts; the buttons work again.
  for (const button of document.querySelectorAll('form button:disabled')) button.disabled = false;
}

// Only a saved page names the app's files; index.html loads the app itself.
const app = document.querySelector('script[data-boot]')?.dataset;
if (window.kabinetUnsupported?.()) {
  // This browser cannot run the app: src/browser_check.js has said so on
  // the page and left its buttons off; nothing is started.
} else if (app) {
  addEventListener('submit', hold, true);
  for (const button of document.querySelectorAll('[data-until-boot]')) {
    button.removeAttribute('data-until-boot');
    button.disabled = false;
  }
  // Called once by the app: stops holding, and says which form (its index
  // in document.forms) was sent meanwhile, -1 for none.
  window.kabinetTakeover = () => {
    removeEventListener('submit', hold, true);
    return held.form;
  };
  window.kabinetStartFailed = startFailed;
  if ('signedIn' in app) startIfSignedIn(app);
  else startApp(app);
} else {
  askWhoIsSignedIn();
}
