// Smoke test of the WebAssembly build in headless Chromium: the page loads
// with no errors and no request off this machine, the app draws, the canvas
// follows the viewport and the device pixel ratio.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertFields, canvasSize, darkPixels, decodePng, distinctColors, launchBrowser, saveScreenshot, useSite, waitFor,
} from './helpers.mjs';

const site = useSite();

describe('wasm app', () => {
  test('loads at 1280x800, draws its UI, makes only local requests', async () => {
    await site.withApp({ viewport: { width: 1280, height: 800 } }, async (app) => {
      const s = await app.state();
      assertFields(s, { width: 1280, height: 800, dpr: 1, fb_width: 1280, fb_height: 800 });

      // The frame loop keeps running.
      const later = await waitFor(() => app.state(), (t) => t.frame > s.frame + 5);
      assert.ok(later.frame > s.frame + 5, `frames advance (${s.frame} -> ${later.frame})`);

      // Static files only: the page, its glue, the app.
      const paths = app.requests.map((u) => new URL(u).pathname);
      for (const p of ['/', '/glue.js', '/trilemma.js', '/trilemma.wasm']) assert.ok(paths.includes(p), `requested ${p}`);

      const png = decodePng(await saveScreenshot(app.page, 'smoke-1280x800'));
      assert.equal(png.width, 1280);
      // Title bar (top-left): the bold "Trilemma Lab" heading in dark text on white.
      const title = { x: 0, y: 0, width: 400, height: 64 };
      assert.ok(distinctColors(png, title) >= 8, 'title bar has anti-aliased text');
      const dark = darkPixels(png, title);
      assert.ok(dark > 150, `title text is drawn (${dark} dark pixels)`);
      // Whole canvas: more than a flat fill.
      assert.ok(distinctColors(png) >= 16, 'canvas shows a UI, not a flat colour');

      // Test hook: commands answer with a JSON object.
      const reply = await app.command({ cmd: 'nothing' });
      assert.equal(typeof reply, 'object');
      // An error quoting what was sent (quotes, a backslash) is still JSON, escaped.
      assert.deepEqual(await app.command({ cmd: 'say "hi" \\' }), { ok: false, error: 'unknown command say "hi" \\' });
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: 'no_such', value: 1 }),
        { ok: false, error: 'unknown lever "no_such" (see `trilemma-cli levers`)' });
    });
  });

  test('follows viewport resizes', async () => {
    await site.withApp({ viewport: { width: 1280, height: 800 } }, async (app) => {
      await app.page.setViewportSize({ width: 900, height: 700 });
      const s = await waitFor(() => app.state(), (t) => t.width === 900 && t.height === 700);
      assertFields(s, { width: 900, height: 700, fb_width: 900, fb_height: 700 });
      assert.deepEqual(await canvasSize(app.page), { w: 900, h: 700, cw: 900, ch: 700 });
      const png = decodePng(await saveScreenshot(app.page, 'smoke-900x700'));
      assert.ok(distinctColors(png, { x: 0, y: 0, width: 400, height: 64 }) >= 8, 'redrawn after resize');
    });
  });

  test('renders at device pixel ratio 2 with a 2x backing store', async () => {
    await site.withApp({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 }, async (app) => {
      const s = await app.state();
      assertFields(s, { dpr: 2, width: 800, height: 600, fb_width: 1600, fb_height: 1200 });
      assert.deepEqual(await canvasSize(app.page), { w: 1600, h: 1200, cw: 800, ch: 600 });
      const png = decodePng(await saveScreenshot(app.page, 'smoke-800x600@2x'));
      assert.equal(png.width, 1600);
      const dark = darkPixels(png, { x: 0, y: 0, width: 800, height: 128 });
      assert.ok(dark > 600, `title text is drawn at 2x (${dark} dark pixels)`);
    });
  });

  test('shows a plain message when WebGL2 is unavailable', async () => {
    const noGl = await launchBrowser({ args: ['--disable-3d-apis'] });
    try {
      const context = await noGl.newContext({ viewport: { width: 800, height: 600 } });
      const page = await context.newPage();
      const requests = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(site.url, { waitUntil: 'load' });
      await page.waitForSelector('#error', { state: 'visible', timeout: 10_000 });
      const text = await page.textContent('#error');
      assert.match(text, /WebGL 2 is not available/);
      assert.ok(!requests.includes('/trilemma.wasm'), 'does not download the app');
      assert.equal(await page.evaluate(() => window.trilemma.ready()), false);
      await saveScreenshot(page, 'smoke-no-webgl2');
    } finally {
      await noGl.close();
    }
  });
});
