// The first script of a prerendered page (see takeover.rs): loaded before
// the app, it holds the page's forms until the app takes them over, and
// starts the app once the saved page is painted.
//
// The page's submit buttons come disabled from the build, so that the
// browser itself can never send a form (a GET would put the password in the
// address); here they are enabled again, and a press of one is remembered
// instead of sent. The app asks for it once it has taken the page over.
const held = { form: -1 };

function hold(event) {
  event.preventDefault();
  held.form = Array.prototype.indexOf.call(document.forms, event.target);
}

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

// The app (its loader, glue and 250 KB of wasm) is fetched only once the
// saved page has been painted: on a slow line it would otherwise share the
// bandwidth with the page's stylesheet and hold the first paint back.
// A tab opened in the background paints nothing (and runs no animation
// frame) until shown: there the app starts at once.
const boot = document.querySelector('script[data-boot]')?.dataset.boot;
if (boot && document.visibilityState === 'hidden') import(boot);
else if (boot) requestAnimationFrame(() => setTimeout(() => import(boot)));
