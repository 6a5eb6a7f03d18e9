// The first script of every page of the release (`cargo xtask dist` puts
// it there, `defer`, before early.js and the boot script), and the only one
// written in syntax every browser parses: no `const`, arrows, `?.` or
// modules. It finds out whether this browser can run the app at all —
// modules, WebAssembly with the features the release's wasm uses, and
// WebAssembly allowed under the page's Content-Security-Policy — and where
// it cannot, says so on the page in words (the floor and its reasons are
// in README.md, "Browsers"), and keeps a saved page's form from pretending
// to work. Below this floor a browser would otherwise show a blank page, a
// form whose button never wakes, or a message about the network.
(function () {
  var support = document.querySelector('meta[name="kabinet:support-email"]');
  var unsupported = !canRunTheApp();

  function canRunTheApp() {
    try {
      if (!('noModule' in HTMLScriptElement.prototype)) return false;
      if (typeof WebAssembly !== 'object' || typeof BigInt !== 'function') return false;
      // A module using what the release's wasm uses (xtask: WASM_FEATURES):
      // two results from one function (multi-value), a table of externref
      // (reference types), memory.copy (bulk memory), i32.extend8_s (sign
      // extension), i32.trunc_sat_f32_s (non-trapping float-to-int); its
      // export takes and returns an i64 (BigInt to i64). Compiling it also
      // asks the CSP: a browser without 'wasm-unsafe-eval' refuses.
      var probe = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([
        0, 97, 115, 109, 1, 0, 0, 0, 1, 11, 2, 96, 0, 2, 127, 127, 96, 1, 126, 1, 126, 3, 3, 2, 0, 1,
        4, 4, 1, 111, 0, 1, 5, 3, 1, 0, 1, 7, 5, 1, 1, 102, 0, 1, 10, 51, 2, 12, 0, 65, 0, 192, 67, 0,
        0, 0, 0, 252, 0, 11, 36, 1, 3, 127, 65, 0, 65, 0, 65, 0, 252, 10, 0, 0, 65, 0, 208, 111, 38, 0,
        16, 0, 33, 2, 34, 1, 33, 3, 32, 2, 26, 32, 3, 26, 32, 0, 11,
      ])));
      return probe.exports.f(BigInt(7)) === BigInt(7);
    } catch (error) {
      return false;
    }
  }

  // What a browser below the floor throws when it meets what the check
  // cannot ask directly: a script it cannot parse, a wasm it cannot compile.
  function isBrowserProblem(error) {
    var name = error && error.name;
    if (name === 'CompileError') return true;
    // Before the app runs (the glue has not put its exports out), a
    // SyntaxError is one of our scripts that this browser cannot parse.
    return name === 'SyntaxError' && !window.wasmBindings;
  }

  function say() {
    if (document.getElementById('browser-unsupported')) return;
    var main = document.querySelector('main');
    if (!main) {
      main = document.createElement('main');
      main.id = 'main';
      document.body.appendChild(main);
    }
    var panel = document.createElement('div');
    panel.id = 'browser-unsupported';
    panel.className = 'alert';
    panel.setAttribute('role', 'alert');
    var heading = document.createElement(main.querySelector('h1') ? 'h2' : 'h1');
    heading.appendChild(document.createTextNode('Этот браузер устарел'));
    var what = document.createElement('p');
    what.appendChild(document.createTextNode(
      'Личный кабинет не может работать в этом браузере: он слишком старый или в нём отключены нужные функции.'));
    var todo = document.createElement('p');
    todo.appendChild(document.createTextNode(
      'Откройте кабинет в другом браузере или обновите этот: подойдут Chrome, Яндекс Браузер и Edge с версии 97, Safari с версии 16 (на iPhone — iOS 16), Firefox с версии 79.'));
    panel.appendChild(heading);
    panel.appendChild(what);
    panel.appendChild(todo);
    var address = support && support.getAttribute('content');
    if (address) {
      var help = document.createElement('p');
      help.appendChild(document.createTextNode('Если не получается, напишите нам: '));
      var link = document.createElement('a');
      link.href = 'mailto:' + address;
      link.appendChild(document.createTextNode(address));
      help.appendChild(link);
      panel.appendChild(help);
    }
    main.insertBefore(panel, main.firstChild);
    // Nothing on the page can be sent: its fields and buttons are off (a
    // saved page's buttons come disabled and stay so).
    var controls = document.querySelectorAll('form input, form select, form textarea, form button');
    for (var i = 0; i < controls.length; i++) controls[i].disabled = true;
  }

  // Called by early.js and the boot script: with no argument, whether this
  // browser cannot run the app; with an error of theirs, whether it is a
  // browser problem. Either way, when it is, the page says so.
  window.kabinetUnsupported = function (error) {
    var problem = arguments.length ? isBrowserProblem(error) : unsupported;
    if (problem) say();
    return problem;
  };

  if (unsupported) {
    say();
    return;
  }
  // What goes wrong later, where no script can catch it: the boot script
  // itself not parsed, the main module not compiled.
  window.addEventListener('error', function (event) {
    if (isBrowserProblem(event.error)) say();
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (isBrowserProblem(event.reason)) say();
  });
})();
