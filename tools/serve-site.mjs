// Serves the static site (build/wasm/site) the way a well-configured static
// host does: each file precompressed once (gzip -9 and brotli q11, written
// beside it as name.gz / name.br), the smallest one the browser accepts sent
// with Content-Encoding and Vary: Accept-Encoding, and the right MIME types
// (application/wasm, so browsers compile the wasm while it downloads).
//
//   node tools/serve-site.mjs [SITE_DIR] [PORT] [HOST]   serve (compressing first)
//   node tools/serve-site.mjs --compress [SITE_DIR]  only write the .gz/.br files
//
// Node's own zlib does both compressions: no other tool to install.
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { MIME } from './mime.mjs';

// Worth compressing: text and wasm (PNGs are compressed already).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt']);

// Writes name.gz and name.br beside every compressible file that has none or
// an older one. Returns [{ file, bytes, gzip, brotli }].
export function compressSite(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (!COMPRESSIBLE.has(extname(name)) || !statSync(file).isFile()) continue;
    const mtime = statSync(file).mtimeMs;
    const fresh = (p) => existsSync(p) && statSync(p).mtimeMs >= mtime;
    const data = readFileSync(file);
    if (!fresh(`${file}.gz`)) writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    if (!fresh(`${file}.br`)) {
      writeFileSync(`${file}.br`, brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }));
    }
    out.push({ file: name, bytes: data.length, gzip: statSync(`${file}.gz`).size, brotli: statSync(`${file}.br`).size });
  }
  return out;
}

// The encodings the request accepts, best first ('br', 'gzip'), ignoring q=0.
function accepted(header = '') {
  const list = header.split(',').map((s) => s.trim().split(';')).filter(([n, q]) => n && !/q=0(\.0*)?$/.test(q || ''));
  const names = new Set(list.map(([n]) => n.toLowerCase()));
  return ['br', 'gzip'].filter((e) => names.has(e) || names.has('*'));
}

export function serveSite(dir, port, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path;
    try { path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname); } catch { res.writeHead(400).end(); return; }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const headers = {
      'Content-Type': MIME[extname(file)] || 'application/octet-stream',
      // The app's files keep their names across builds: revalidate each time.
      'Cache-Control': 'no-cache',
    };
    let body = file;
    if (COMPRESSIBLE.has(extname(file))) {
      headers.Vary = 'Accept-Encoding';
      const encoding = accepted(req.headers['accept-encoding']).find((e) => existsSync(`${file}.${e === 'br' ? 'br' : 'gz'}`));
      if (encoding) {
        body = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
        headers['Content-Encoding'] = encoding;
      }
    }
    headers['Content-Length'] = statSync(body).size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') { res.end(); return; }
    res.end(readFileSync(body));
  });
  return new Promise((ok, fail) => server.once('error', fail).listen(port, host, () => ok(server)));
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const args = process.argv.slice(2);
  const onlyCompress = args[0] === '--compress';
  if (onlyCompress) args.shift();
  const dir = args[0] || 'build/wasm/site';
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  for (const f of compressSite(dir)) {
    console.log(`${f.file.padEnd(16)} ${kb(f.bytes).padStart(8)}  gzip ${kb(f.gzip).padStart(7)}  brotli ${kb(f.brotli).padStart(7)}`);
  }
  if (!onlyCompress) {
    const port = Number(args[1] || process.env.PORT || 8080);
    await serveSite(dir, port, args[2] || '127.0.0.1');
    console.log(`\nTrilemma Lab: http://localhost:${port}/   (serving ${dir}, compressed; Ctrl+C to stop)\n`);
  }
}
