// scripts/serve.sh's server (tools/serve-site.mjs): the site's files are sent
// precompressed with the encoding the browser accepts (brotli, else gzip, else
// none), with Content-Encoding, Vary and the MIME type a static host must send;
// and the app starts from the compressed files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressSite, serveSite } from '../../tools/serve-site.mjs';
import { assertCleanPage, launchBrowser, openApp, siteDir } from './helpers.mjs';

// GET `path` with an Accept-Encoding header; resolves { status, headers, body }.
function get(port, path, acceptEncoding) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('the site is served precompressed, and the app starts from it', async () => {
  const sizes = compressSite(siteDir);
  const wasmSizes = sizes.find((f) => f.file === 'trilemma.wasm');
  assert.ok(wasmSizes.brotli < wasmSizes.bytes * 0.4, `brotli wasm is under 40% (${JSON.stringify(wasmSizes)})`);
  const server = await serveSite(siteDir, 0);
  const { port } = server.address();
  try {
    const raw = readFileSync(join(siteDir, 'trilemma.wasm'));
    const br = await get(port, '/trilemma.wasm', 'gzip, deflate, br');
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['content-type'], 'application/wasm');
    assert.match(br.headers.vary, /Accept-Encoding/);
    assert.equal(Number(br.headers['content-length']), br.body.length);
    assert.ok(brotliDecompressSync(br.body).equals(raw), 'the brotli body is the wasm');

    const gz = await get(port, '/trilemma.wasm', 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(raw), 'the gzip body is the wasm');

    const plain = await get(port, '/trilemma.wasm', 'identity');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(raw));

    const js = await get(port, '/trilemma.js', 'br;q=0, gzip');
    assert.equal(js.headers['content-encoding'], 'gzip', 'q=0 refuses brotli');
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    const index = await get(port, '/', 'br');
    assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal((await get(port, '/../etc/passwd', 'br')).status, 404);
    console.log(`# served: trilemma.wasm ${br.body.length} B brotli, ${gz.body.length} B gzip, ${raw.length} B raw; ` +
      `trilemma.js ${js.body.length} B gzip`);

    const browser = await launchBrowser();
    try {
      const app = await openApp(browser, `http://127.0.0.1:${port}/`);
      const s = await app.state();
      assert.ok(s.frame > 0, 'the app runs from the compressed files');
      assertCleanPage(app);
      await app.close();
    } finally {
      await browser.close();
    }
  } finally {
    server.closeAllConnections?.();
    await new Promise((ok) => server.close(ok));
  }
});
