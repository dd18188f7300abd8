// Shared helpers for the browser tests (node --test tests/browser/).
//
//   startServer()      static server for build/wasm/site on 127.0.0.1, random port
//   launchBrowser()    Debian's /usr/bin/chromium through playwright-core (WebGL2 via SwiftShader)
//   useSite()          server and browser for a test file's tests; site.withApp() runs a
//                      test body on a fresh page and then asserts the page stayed clean
//   openApp()          a page at a viewport, waiting for window.trilemma.ready(),
//                      recording console errors, page errors, failed and non-local requests
//   assertCleanPage()  no errors logged, only local and successful requests
//   assertFields(), canvasSize()                   compare parts of the state, the canvas size
//   frames(), stableRect(), synced()               wait for the app
//   valueX(), mousePressMove(), mouseDrag(), parkMouse()   drive sliders with the mouse
//   dropFile(), pasteText()                        files and text as a user delivers them
//   saveScreenshot()   PNG into test-artifacts/
//   decodePng(), distinctColors(), countPixels(), darkPixels()   read screenshots (no dependencies)
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { MIME } from '../../tools/mime.mjs';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const siteDir = process.env.TRILEMMA_SITE || join(repoRoot, 'build', 'wasm', 'site');
export const artifactsDir = join(repoRoot, 'test-artifacts');

// The desktop viewport most tests use (openApp's default).
export const VIEWPORT = { width: 1280, height: 800 };
// The US semiconductor export controls: the lever the tests drag.
export const SEMIS = 'export_controls.semis';

// Lever definitions from assets/levers.json; leverDef('export_controls.semis')
// is the definition of the lever a slot key belongs to.
export const leversJson = JSON.parse(readFileSync(join(repoRoot, 'assets', 'levers.json'), 'utf8')).levers;
export const leverDef = (key) => leversJson.find((l) => l.id === key.split('.')[0]);


// Serves `dir` on 127.0.0.1 at a free port. Returns { url, port, requests, close() }.
export async function startServer(dir = siteDir) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html not found: build the wasm preset first (bash scripts/test.sh)`);
  }
  const root = resolve(dir);
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    requests.push(path);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] || 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

// Headless Chromium from Debian. `--no-sandbox` is needed as root; WebGL2
// comes from SwiftShader (software). The rest keeps Chromium off the network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--metrics-recording-only',
];

export async function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...args],
  });
}

const isLocal = (url) => {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try { return new URL(url).hostname === '127.0.0.1'; } catch { return false; }
};

// For a test file: starts the static server and Chromium before its tests and
// closes them after. Returns { server, browser, url, open(), withApp() }:
// site.open(options) is openApp on the site, `hash` (e.g. '#s=...') appended to
// its URL; site.withApp(options, body) opens the app, runs body(app), asserts
// the page stayed clean (assertCleanPage) and closes it whatever happens.
export function useSite() {
  const site = {
    server: null,
    browser: null,
    get url() { return site.server.url; },
    open: ({ hash = '', ...options } = {}) => openApp(site.browser, site.url + hash, options),
    async withApp(options, body) {
      const app = await site.open(options);
      try {
        await body(app);
        assertCleanPage(app);
      } finally {
        await app.close();
      }
    },
  };
  before(async () => {
    site.server = await startServer();
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

// Opens the app in a new browser context. Options: viewport {width,height},
// deviceScaleFactor, waitReady (default true), timeout (ms), intro (default
// false: the first-visit introduction is marked as seen before the page
// loads, so it does not cover what a test clicks); any others (isMobile,
// hasTouch) go to the browser context.
// Returns { page, context, consoleErrors, pageErrors, failedRequests,
//           nonLocalRequests, requests, state(), command(), close() }.
export async function openApp(browser, baseUrl, {
  viewport = VIEWPORT,
  deviceScaleFactor = 1,
  waitReady = true,
  timeout = 60_000,
  intro = false,
  ...contextOptions
} = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, ...contextOptions });
  if (!intro) await context.addInitScript(() => { try { localStorage.setItem('trilemma.intro_hidden', '1'); } catch (e) {} });
  const page = await context.newPage();
  const app = {
    page,
    context,
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    nonLocalRequests: [],
    requests: [],
    state: () => page.evaluate(() => window.trilemma.state()),
    command: (cmd) => page.evaluate((c) => window.trilemma.command(c), cmd),
    close: () => context.close(),
  };
  page.on('console', (msg) => { if (msg.type() === 'error') app.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => app.pageErrors.push(String(err)));
  page.on('request', (req) => {
    app.requests.push(req.url());
    if (!isLocal(req.url())) app.nonLocalRequests.push(req.url());
  });
  page.on('requestfailed', (req) => app.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`));
  page.on('response', (res) => { if (res.status() >= 400) app.failedRequests.push(`${res.url()}: HTTP ${res.status()}`); });

  await page.goto(baseUrl, { waitUntil: 'load', timeout });
  if (waitReady) await waitForReady(page, timeout);
  return app;
}

export async function waitForReady(page, timeout = 60_000) {
  await page.waitForFunction(() => window.trilemma && window.trilemma.ready(), null, { timeout });
  // The loading overlay fades out after ready.
  await page.waitForSelector('#loader', { state: 'hidden', timeout });
}

// Polls `fn` (async) until `predicate(value)` holds; returns the last value.
export async function waitFor(fn, predicate, { timeout = 10_000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  let value = await fn();
  while (!predicate(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, interval));
    value = await fn();
  }
  return value;
}

// Asserts the page made only local, successful requests and logged no errors.
export function assertCleanPage(app) {
  assert.deepEqual(app.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(app.consoleErrors, [], 'console errors');
  assert.deepEqual(app.failedRequests, [], 'failed requests');
  assert.deepEqual(app.nonLocalRequests, [], 'requests to hosts other than 127.0.0.1');
}

// Asserts obj[key] equals value (assert.equal) for each key of `expected`, in order.
export function assertFields(obj, expected) {
  for (const [k, v] of Object.entries(expected)) assert.equal(obj[k], v);
}

// The canvas's backing store and CSS size: { w, h, cw, ch }.
export function canvasSize(page) {
  return page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
  });
}

// ---------------------------------------------------------------------------
// Waiting for the app.

// Waits until the app has drawn `n` more frames (counted in the page, one
// round trip: under software GL a round trip costs about a frame). Returns
// the state after them.
export async function frames(app, n = 1) {
  const { start, s } = await app.page.evaluate(async (k) => {
    const start = window.trilemma.state().frame;
    const deadline = performance.now() + 5_000;
    let s = window.trilemma.state();
    while (s.frame < start + k && performance.now() < deadline) {
      await new Promise((r) => requestAnimationFrame(r));
      s = window.trilemma.state();
    }
    return { start, s };
  }, n);
  assert.ok(s.frame >= start + n, `app drew ${n} frame(s) (stuck at ${s.frame})`);
  return s;
}

// Waits until the slider `key` (e.g. 'US.export_controls.semis') is drawn at
// the same place in two frames. Returns { s, rect }.
export async function stableRect(app, key) {
  let last = (await frames(app, 1)).lever_rects[key];
  for (let i = 0; i < 20; i++) {
    const s = await frames(app, 1);
    const r = s.lever_rects[key];
    if (r && last && r.every((v, j) => v === last[j])) return { s, rect: r };
    last = r;
  }
  assert.fail(`slider ${key} drawn at a stable place (last ${JSON.stringify(last)})`);
}

// Waits until the app has synced the URL (and the autosave) with the scenario
// (a frame after a change); returns the state.
export async function synced(app) {
  const s = await waitFor(async () => ({ s: await app.state(), url: app.page.url() }),
    ({ s: t, url }) => new URL(url).hash === `#s=${t.share_code}`);
  assert.equal(new URL(s.url).hash, `#s=${s.s.share_code}`, 'the URL fragment holds the share code');
  return s.s;
}

// ---------------------------------------------------------------------------
// The mouse on ImGui sliders.

// x of a value on an ImGui slider (grab centre; grab padding 2 px, GrabMinSize 9 in app/theme.cpp).
export function valueX([x, , w], value, min, max, grab = 9) {
  return x + 2 + grab / 2 + ((value - min) / (max - min)) * (w - 4 - grab);
}

// Mouse press at `from` (held for a frame, so the press lands there), then
// moves to `to` in `steps` frames; the button stays down.
export async function mousePressMove(app, from, to, steps = 4) {
  const { page } = app;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await frames(app, 1);
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await frames(app, 1);
  }
}

// mousePressMove, then release. Returns { during, after }: the state seen
// mid-drag (button still down) and the state a frame after the release.
export async function mouseDrag(app, from, to, steps = 4) {
  await mousePressMove(app, from, to, steps);
  const during = await app.state();
  await app.page.mouse.up();
  return { during, after: await frames(app, 1) };
}

// Parks the mouse in the margin left of the panels, where nothing shows a
// tooltip; returns the state a frame later.
// Clicks the item the app reports under `label` (test hook: state().items),
// once it is drawn; returns the state a few frames later.
export async function clickItem(app, label) {
  const s = await waitFor(() => app.state(), (t) => t.items[label], { timeout: 3_000 });
  const r = s.items[label];
  assert.ok(r, `"${label}" drawn (items: ${Object.keys(s.items).join(' | ')})`);
  await app.page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  return frames(app, 3);
}

export async function parkMouse(app) {
  await app.page.mouse.move(3, VIEWPORT.height / 2);
  return frames(app, 1);
}

// ---------------------------------------------------------------------------
// Files and text, delivered as a user's would be.

// Delivers a file to the page by drag and drop (dragover then drop on the
// canvas, bubbling to glue.js's window listeners). `size`: a file of that
// many spaces instead of `text`. Returns whether the page took the drop.
export function dropFile(app, name, text, size = 0) {
  return app.page.evaluate(([n, t, sz]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([sz ? new Uint8Array(sz).fill(32) : t], n, { type: 'application/json' }));
    const canvas = document.getElementById('canvas');
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    canvas.dispatchEvent(over);
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    canvas.dispatchEvent(drop);
    return over.defaultPrevented && drop.defaultPrevented;
  }, [name, text, size]);
}

// Pastes text through a real 'paste' event on the document. Returns whether
// the page took it.
export function pasteText(app, text) {
  return app.page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    document.dispatchEvent(e);
    return e.defaultPrevented;
  }, text);
}

// ---------------------------------------------------------------------------
// The model.

// For every indicator the CLI moves clearly (cliDelta = { key: change },
// |change| >= 0.25), asserts the app moves it the same way: appDelta(key) has
// the same sign. The message reads `${key}${moves} the way the CLI says (...)`.
export function assertMovesLikeCli(cliDelta, appDelta, moves = ' moves') {
  for (const [k, d] of Object.entries(cliDelta)) {
    if (Math.abs(d) < 0.25) continue;
    const appD = appDelta(k);
    assert.equal(Math.sign(appD), Math.sign(d), `${k}${moves} the way the CLI says (cli ${d.toFixed(3)}, app ${appD.toFixed(3)})`);
  }
}

// Screenshot of the page into test-artifacts/<name>.png; returns the PNG buffer.
export async function saveScreenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const buffer = await page.screenshot();
  writeFileSync(join(artifactsDir, `${name}.png`), buffer);
  return buffer;
}

// Minimal PNG decoder: 8-bit greyscale/RGB/RGBA (+alpha), non-interlaced, which
// is what Chromium writes. Returns { width, height, channels, data }.
export function decodePng(buffer) {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  sig.forEach((b, i) => { if (buffer[i] !== b) throw new Error('not a PNG'); });
  let pos = 8, width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
  const idat = [];
  while (pos < buffer.length) {
    const len = buffer.readUInt32BE(pos);
    const type = buffer.toString('ascii', pos + 4, pos + 8);
    const body = buffer.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4);
      bitDepth = body[8]; colorType = body[9]; interlace = body[12];
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (bitDepth !== 8 || !channels || interlace) {
    throw new Error(`unsupported PNG (depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`);
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = data.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? data.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prev ? prev[x] : 0;
      const c = prev && x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      switch (filter) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`bad PNG filter ${filter}`);
      }
      out[x] = v & 0xff;
    }
  }
  return { width, height, channels, data };
}

function* pixels(img, { x = 0, y = 0, width = img.width - x, height = img.height - y } = {}) {
  const c = img.channels;
  for (let j = y; j < Math.min(img.height, y + height); j++) {
    for (let i = x; i < Math.min(img.width, x + width); i++) {
      const o = (j * img.width + i) * c;
      yield c >= 3 ? [img.data[o], img.data[o + 1], img.data[o + 2]] : [img.data[o], img.data[o], img.data[o]];
    }
  }
}

// Number of distinct RGB colours in a region of a decoded image.
export function distinctColors(img, region) {
  const seen = new Set();
  for (const [r, g, b] of pixels(img, region)) seen.add((r << 16) | (g << 8) | b);
  return seen.size;
}

// Number of pixels in a region for which predicate([r,g,b]) holds.
export function countPixels(img, region, predicate) {
  let n = 0;
  for (const p of pixels(img, region)) if (predicate(p)) n++;
  return n;
}

// Number of dark pixels (r + g + b below `below`) in a region: text, a QR code.
export function darkPixels(img, region, below = 200) {
  return countPixels(img, region, ([r, g, b]) => r + g + b < below);
}
