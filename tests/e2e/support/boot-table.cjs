// The release's loader (xtask/src/release/boot.js) names, for each route,
// its group of pages and the wasm files of that group. Read by the specs that
// count downloads (downloads.spec.ts in Chromium, engines/journey.mjs in
// Firefox and WebKit). CommonJS, so that both the specs (which Playwright
// compiles to CommonJS) and the ES module of the engines can load it.

/** The loader's address, as a page's HTML names it. */
exports.bootAddress = function bootAddress(html) {
  const address = /\/boot-[0-9a-f]{16}\.js/.exec(html)?.[0];
  if (!address) throw new Error('the page names no loader');
  return address;
};

/** The main wasm and the files of `groups`, sorted, as the loader's `script` names them. */
exports.wasmFilesOf = function wasmFilesOf(script, groups) {
  const files = new Set(script.match(/\/kabinet-[0-9a-f]{16}_bg\.wasm/g) ?? []);
  for (const group of groups) {
    // A row of the loader's table: [/path/, "group", [its files], …].
    const row = new RegExp(`"${group}", \\[([^\\]]*)\\]`).exec(script);
    if (!row) throw new Error(`the loader knows no group ${group}`);
    for (const file of row[1].match(/\/[\w-]+\.wasm/g) ?? []) files.add(file);
  }
  return [...files].sort();
};
