// Shared helpers for the browser tests (node --test tests/browser/).
//
//   startServer()      static server for build/wasm/site on 127.0.0.1, random port
//   launchBrowser()    Debian's /usr/bin/chromium through playwright-core (WebGL2 via SwiftShader)
//   openApp()          a page at a viewport, waiting for window.trilemma.ready(),
//                      recording console errors, page errors, failed and non-local requests
//   saveScreenshot()   PNG into test-artifacts/
//   decodePng(), distinctColors(), countPixels()   read screenshots (no dependencies)
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const siteDir = process.env.TRILEMMA_SITE || join(repoRoot, 'build', 'wasm', 'site');
export const artifactsDir = join(repoRoot, 'test-artifacts');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

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

// Opens the app in a new browser context. Options: viewport {width,height},
// deviceScaleFactor, waitReady (default true), timeout (ms).
// Returns { page, context, consoleErrors, pageErrors, failedRequests,
//           nonLocalRequests, requests, state(), close() }.
export async function openApp(browser, baseUrl, {
  viewport = { width: 1280, height: 800 },
  deviceScaleFactor = 1,
  waitReady = true,
  timeout = 60_000,
} = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
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
