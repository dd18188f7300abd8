// Hostile input never harms (web/glue.js, app/sharing.cpp, app/trainer.cpp):
// links with malformed percent-encoding, huge fragments and bad codes; pastes
// from 1 KB to 20 MB; binary, empty, huge and oddly named files; damaged and
// oversized guides; corrupted values in storage. For each: no uncaught page
// error, the canvas still draws, the saved work (the library) is unchanged,
// and a notice names the problem. An uncaught error shows the page's error
// box, which downloads the saved work.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SEMIS, VIEWPORT, darkPixels, decodePng, frames, openApp, saveScreenshot, synced, useSite, waitFor, waitForReady,
} from './helpers.mjs';

const site = useSite();
const tried = { links: 0, pastes: 0, files: 0, guides: 0, storage: 0 };
after(() => console.log(`# hostile inputs tried: ${Object.entries(tried).map(([k, v]) => `${k} ${v}`).join(', ')}`));

const libraryValues = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('trilemma-lab.library.')).map((k) => [k, localStorage.getItem(k)])));

// A page with saved work: one library entry. Returns { app, values }.
async function withWork(body, options = {}) {
  const app = await openApp(site.browser, site.url, { viewport: VIEWPORT, ...options });
  try {
    assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 88 }), { ok: true });
    const s = await synced(app);
    await body(app, s, await libraryValues(app.page));
  } finally {
    await app.close();
  }
}

// The checks every hostile input must pass. `says`: what the newest notice must match.
async function harmless(app, what, values, says, before) {
  // A new notice is counted (it may replace an identical refusal: the list alone can look unchanged).
  const s = await waitFor(() => app.state(), (t) => t.notices.length > 0
    && (!before || t.notices_posted > before.notices_posted), { timeout: 15_000 });
  const notice = s.notices.at(-1) ?? '';
  assert.match(notice, says, `${what}: the notice names the problem (${notice.slice(0, 300)})`);
  assert.ok(Buffer.byteLength(notice) <= 620, `${what}: the notice is short (${Buffer.byteLength(notice)} bytes)`);
  assert.deepEqual(app.pageErrors, [], `${what}: no uncaught page error`);
  assert.equal(await app.page.isVisible('#error'), false, `${what}: no error box`);
  const f0 = s.frame;
  const s1 = await frames(app, 3);
  assert.ok(s1.frame >= f0 + 3, `${what}: the app keeps drawing`);
  assert.deepEqual(await libraryValues(app.page), values, `${what}: the library is unchanged`);
  return s1;
}

async function canvasDraws(app, name) {
  const png = decodePng(await saveScreenshot(app.page, name));
  assert.ok(darkPixels(png, { x: 0, y: 0, width: 400, height: 40 }) > 100, `${name}: the canvas draws`);
}

// Pastes `n` characters made in the page (not shipped over the protocol) by
// a real paste event; `head` starts the text.
const pasteMade = (app, head, n) => app.page.evaluate(([h, k]) => {
  const text = h + 'x'.repeat(Math.max(0, k - h.length));
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
  document.dispatchEvent(e);
  return e.defaultPrevented;
}, [head, n]);

// Drops a file of bytes made in the page: kind 'random' (binary), 'text' (repeated), 'bom' (+ text), 'latin1'.
const dropMade = (app, name, kind, n, text = '') => app.page.evaluate(([nm, k, size, t]) => {
  let bytes;
  if (k === 'random') { bytes = new Uint8Array(size); for (let i = 0; i < size; i++) bytes[i] = (i * 7919 + 13) % 256; }
  else if (k === 'png') bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]);
  else if (k === 'bom') bytes = new Uint8Array([0xEF, 0xBB, 0xBF, ...new TextEncoder().encode(t)]);
  else if (k === 'latin1') bytes = new Uint8Array([...new TextEncoder().encode(t), 0xE9, 0x28]);
  else if (k === 'spaces') bytes = new Uint8Array(size).fill(32);
  else bytes = new TextEncoder().encode(t);
  const dt = new DataTransfer();
  dt.items.add(new File([bytes], nm, { type: 'application/json' }));
  const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
  document.getElementById('canvas').dispatchEvent(drop);
  return drop.defaultPrevented;
}, [name, kind, n, text]);

const scenarioFile = (fields = {}) => JSON.stringify({
  format: 'trilemma-lab/scenario', version: 1, model_version: 1, preset: 'status_quo_2024', seat: 'US',
  horizon: 2035, reactions: true, ...fields,
});

describe('hostile input', () => {
  test('hostile links: malformed %, huge fragments, bad codes and guides', async () => {
    await withWork(async (app, work, values) => {
      const damaged = work.share_code.slice(0, -3) + '@@@';
      const links = [
        ['#s=%', /address is damaged \(a % sign/],
        ['#%', /address is damaged/],
        ['#guide=%', /address is damaged/],
        ['#s=%E0%A4%A', /address is damaged/],
        ['#s=%FF%FE', /address is damaged/],
        ['#s=', /link could not be opened/],
        ['#s=null', /link could not be opened: share code \(character 1\)/],
        ['#s=1', /link could not be opened/],
        [`#s=${damaged}`, /link could not be opened/],
        ['#s=1.1.0.0135.zzzz..x', /link could not be opened/],
        ['#guide=no_such_guide', /guide from the link could not be opened.*saved work is unchanged/],
        ['#guide=~!!!', /guide from the link could not be opened: guide: the link is damaged \(not base64url\)/],
        [`#guide=${'g'.repeat(500_000)}`, /guide from the link could not be opened/],   // echoed id: cut
        [`#guide=${'g'.repeat(1_000_000)}`, /address is 1000006 characters long/],
        [`#s=${'A'.repeat(1_500_000)}`, /address is 1500002 characters long/],
      ];
      // Each in a new tab of the same browser (sharing the saved work), as a user opens links.
      for (const [hash, says] of links) {
        const page = await app.context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(site.url + hash, { waitUntil: 'load' });
        await waitForReady(page);
        const tab = { page, pageErrors: errors, state: () => page.evaluate(() => window.trilemma.state()) };
        await harmless(tab, `link ${hash.slice(0, 30)}`, values, says);
        tried.links++;
        if (hash === '#s=%') await canvasDraws(tab, 'hostile-link-malformed');
        await page.close();
      }
      // The same set in the open page (the fragment changed under it: Back/Forward, an edited address).
      for (const [hash, says] of links.filter(([h]) => h.startsWith('#s=') || h.startsWith('#%'))) {
        const before = await app.state();
        await app.page.evaluate((h) => { location.hash = h; }, hash);
        const s = await harmless(app, `open page ${hash.slice(0, 30)}`, values, hash === '#s=' ? /./ : says, hash === '#s=' ? null : before);
        assert.equal(s.levers[SEMIS], 88, 'the work on screen is kept');
        // The address shows the work again, so a copy of it is not the broken link.
        const url = await waitFor(() => app.page.url(), (u) => new URL(u).hash === `#s=${s.share_code}`);
        assert.equal(new URL(url).hash, `#s=${s.share_code}`, `the address after ${hash.slice(0, 30)}`);
        tried.links++;
        // Bad links opened in a row leave one refusal on screen, the newest, not a stack of them.
        assert.equal(s.notices.filter((n) => /unchanged|Nothing was changed/.test(n)).length, 1,
          `one refusal shown after ${hash.slice(0, 30)}: ${JSON.stringify(s.notices)}`);
      }
      // The same refusal again and again (two links that fail alike,
      // alternated so that each change of the address is an event): one
      // refusal, counted.
      const times = (n) => Number((/\(\u00d7(\d+)\)$/.exec(n) ?? [0, 1])[1]);
      let counts = [];
      for (let i = 0; i < 3; i++) {
        const before = await app.state();
        await app.page.evaluate((h) => { location.hash = h; }, i % 2 ? '#s=AAAA' : '#s=AAAB');
        const t = await waitFor(() => app.state(), (t) => t.notices_posted > before.notices_posted, { timeout: 15_000 });
        const shown = t.notices.filter((n) => /unchanged/.test(n));
        assert.equal(shown.length, 1, JSON.stringify(shown));
        counts.push(times(shown[0]));
      }
      assert.deepEqual([counts[1] - counts[0], counts[2] - counts[1]], [1, 1], `the same refusal is counted: ${counts}`);
      await canvasDraws(app, 'hostile-links-open-page');
      // A good link after them (a guide's) clears the refusal: it is out of date.
      await app.page.evaluate(() => { location.hash = '#guide=chip_chokepoint'; });
      const good = await waitFor(() => app.state(), (t) => t.guide, { timeout: 15_000 });
      assert.deepEqual(good.notices.filter((n) => /unchanged|Nothing was changed/.test(n)), [], JSON.stringify(good.notices));
    });
  });

  test('pastes from 1 KB to 20 MB, and JSON that is not a scenario', async () => {
    await withWork(async (app, work, values) => {
      const cases = [
        ['', 1_000, /could not be opened/],
        ['{"format":"trilemma-lab/scenario","name":"', 10_000, /could not be opened/],
        ['', 100_000, /could not be opened/],
        ['', 300_000, /300000 characters, larger than a scenario or a guide may be \(256 KiB\)/],
        ['', 1_000_000, /1\.0 million characters, larger than a scenario or a guide may be/],
        ['', 1_500_000, /1\.5 million characters, larger than a scenario or a guide may be/],
        ['{"a":', 5_000_000, /5\.0 million characters, larger than a scenario or a guide may be/],
        ['', 20_000_000, /20\.0 million characters, larger than a scenario or a guide may be/],
      ];
      for (const [head, n, says] of cases) {
        const before = await app.state();
        assert.equal(await pasteMade(app, head, n), true);
        const s = await harmless(app, `paste of ${n} characters`, values, says, before);
        assert.equal(s.share_code, work.share_code);
        tried.pastes++;
      }
      for (const [text, says] of [['null', /not a scenario: it is JSON null/], ['[]', /not a scenario: it is a JSON list/],
        ['"a bare string"', /not a scenario: it is a JSON string/], [' 42 ', /not a scenario: it is a number/],
        ['true', /not a scenario: it is a JSON true or false/]]) {
        const before = await app.state();
        await pasteMade(app, text, 0);
        await harmless(app, `paste ${text}`, values, says, before);
        tried.pastes++;
      }
      await canvasDraws(app, 'hostile-pastes');
    });
  });

  test('what chats and damaged storage do: a NUL, braces in a room paste, #S= and &utm, ?s=, a stored room unread, a claim ahead of the clock', async () => {
    await withWork(async (app, work, values) => {
      const link = `${site.url}#s=${work.share_code}`;
      // A NUL in a paste would end the text the app reads: refused, naming its line.
      let before = await app.state();
      await pasteMade(app, `Team A: ${link}\nTeam B \u0000 ${link}\nTeam C: ${link}`, 0);
      await harmless(app, 'a paste with a NUL', values, /pasted text holds a NUL character \(line 2\).*Nothing was changed/, before);
      tried.pastes++;
      // With the room open, a chat's lines go to the room even where a name holds a brace.
      assert.deepEqual(await app.command({ cmd: 'room_add', text: '' }), { ok: true });  // opens the room
      await pasteMade(app, `Team {Red}: ${link}\nTeam Blue: ${link}`, 0);
      let s = await waitFor(() => app.state(), (t) => t.room.length === 2);
      assert.deepEqual(s.room.map((e) => e.ok), [true, true], JSON.stringify(s.room.map((e) => e.label)));
      tried.pastes++;
    });
    // Links as chats and trackers pass them on: a capital key, parameters appended, a query.
    await withWork(async (app, work) => {
      await app.command({ cmd: 'set_lever', lever: SEMIS, value: 41 });
      const other = (await synced(app)).share_code;
      for (const address of [`#S=${other}&utm_source=chat`, `?s=${other}`, `?S=${other}&fbclid=x`, `?fbclid=abc&s=${other}`,
        `?utm_source=x#s=${other}`]) {
        const page = await app.context.newPage();
        await page.goto(site.url + address, { waitUntil: 'load' });
        await waitForReady(page);
        const t = await waitFor(() => page.evaluate(() => window.trilemma.state()), (x) => x.share_code === other, { timeout: 15_000 });
        assert.equal(t.levers[SEMIS], 41, `${address.slice(0, 12)} opened the link`);
        assert.equal(new URL(page.url()).search, '', `${address.slice(0, 12)}: no query is left in the address`);
        tried.links++;
        await page.close();
      }
    });
    // A stored room this version cannot read is set aside whole, in the library's unreadable values, never written over.
    await withWork(async (app, work) => {
      const stored = `trilemma-lab/room 1\nnext 1000001\n1\tRed\t${site.url}#s=${work.share_code}\n`;
      await app.page.evaluate((v) => localStorage.setItem('trilemma-lab.room', v), stored);
      await app.page.reload({ waitUntil: 'load' });
      await waitForReady(app.page);
      let s = await frames(app, 2);
      assert.ok(s.notices.some((n) => /room stored in this browser could not be read whole \(its row count .*kept as it was stored in the Library/.test(n)),
        JSON.stringify(s.notices));
      assert.equal(s.room.length, 0);
      assert.ok(s.unreadable >= 1, 'the Library lists it as unreadable');
      const kept = () => app.page.evaluate(() => [localStorage.getItem('trilemma-lab.library.room-unread-1'),
        localStorage.getItem('trilemma-lab.library.room-unread-2'), localStorage.getItem('trilemma-lab.room')]);
      assert.deepEqual(await kept(), [stored, null, null], 'set aside byte for byte, once; nothing was read to store in its place');
      // A reload does not set it aside again; rows added are kept as usual.
      await app.page.reload({ waitUntil: 'load' });
      await waitForReady(app.page);
      assert.deepEqual(await kept(), [stored, null, null], 'no second copy after a reload');
      assert.deepEqual(await app.command({ cmd: 'room_add', text: `Yellow: ${site.url}#s=${work.share_code}` }), { ok: true });
      assert.equal((await kept())[0], stored);
      assert.match((await kept())[2], /\tYellow\t/);
      tried.storage++;
      // A claim on this tab's entry dated an hour ahead (a clock set back) holds nothing: a reload stays in the entry.
      await app.page.evaluate((e) => localStorage.setItem(`trilemma-lab.claim.${e}`, `othertab ${Date.now() + 3_600_000}`), work.entry);
      await app.page.reload({ waitUntil: 'load' });
      await waitForReady(app.page);
      s = await frames(app, 2);
      assert.equal(s.entry, work.entry, 'the reloaded tab keeps its entry');
      // ... and claims it (every 3 s), so that a second tab sees it taken.
      const claim = await waitFor(() => app.page.evaluate((e) => localStorage.getItem(`trilemma-lab.claim.${e}`), work.entry),
        (v) => v && !v.startsWith('othertab '), { timeout: 8_000 });
      assert.ok(!claim.startsWith('othertab '), claim);
      tried.storage++;
    });
    // Where it cannot be set aside (the storage refuses the copy), it is left as it was and not written over.
    await withWork(async (app, work) => {
      const stored = 'trilemma-lab/room 9\nsomething newer\n';
      await app.context.addInitScript(() => {
        const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          if (String(k).includes('room-unread')) throw new DOMException('full', 'QuotaExceededError');
          return set.call(this, k, v);
        };
      });
      await app.page.evaluate((v) => localStorage.setItem('trilemma-lab.room', v), stored);
      await app.page.reload({ waitUntil: 'load' });
      await waitForReady(app.page);
      const s = await frames(app, 2);
      assert.ok(s.notices.some((n) => /could not be read \(it does not start as this version stores a room\) nor set aside/.test(n)),
        JSON.stringify(s.notices));
      assert.deepEqual(await app.command({ cmd: 'room_add', text: `Yellow: ${site.url}#s=${work.share_code}` }), { ok: true });
      const t = await frames(app, 2);
      assert.equal(t.room.length, 1, 'the room works for this session');
      assert.equal(await app.page.evaluate(() => localStorage.getItem('trilemma-lab.room')), stored, 'not written over');
      assert.equal(await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('room-unread')).length), 0);
      tried.storage++;
    });
  });

  test('hostile files: binary, not UTF-8, empty, huge, a very long name; a file with a byte-order mark opens', async () => {
    await withWork(async (app, work, values) => {
      const cases = [
        ['image.png', 'png', 0, '', /image\.png is not a scenario: it holds binary data, not UTF-8 text \(16 bytes\)/],
        ['data.bin', 'random', 4096, '', /data\.bin is not a scenario: it holds binary data, not UTF-8 text \(4 KiB\)/],
        ['latin1.json', 'latin1', 0, scenarioFile({ name: 'caf' }), /latin1\.json is not a scenario: it holds binary data/],
        ['empty.json', 'text', 0, '', /empty\.json is empty/],
        ['null.json', 'text', 0, 'null', /null\.json is not a scenario: it is JSON null/],
        ['big.json', 'spaces', 2 * 1024 * 1024, '', /big\.json is 2\.0 MiB, larger than a scenario or a guide may be/],
        ['mid.json', 'spaces', 300 * 1024, '', /mid\.json is 300 KiB, larger than a scenario or a guide may be/],
        [`${'n'.repeat(5000)}.json`, 'text', 0, '{', /could not be opened/],
      ];
      for (const [name, kind, n, text, says] of cases) {
        const before = await app.state();
        assert.equal(await dropMade(app, name, kind, n, text), true);
        await harmless(app, `file ${name.slice(0, 20)}`, values, says, before);
        tried.files++;
      }
      // A valid file starting with a byte-order mark opens (as a new entry; my work stays).
      const before = await app.state();
      await dropMade(app, 'bom.trilemma.json', 'bom', 0, scenarioFile({ name: 'With a BOM', horizon: 2031 }));
      const s = await waitFor(() => app.state(), (t) => t.last_load !== before.last_load);
      assert.equal(s.last_load, 'ok: file bom.trilemma.json', s.notices.at(-1));
      assert.equal(s.horizon, 2031);
      await frames(app, 2);
      const now = await libraryValues(app.page);
      for (const [k, v] of Object.entries(values)) assert.equal(now[k], v, 'the work that was open is unchanged');
      assert.equal(Object.keys(now).length, Object.keys(values).length + 1, 'the file is a new entry');
      tried.files++;
      await canvasDraws(app, 'hostile-files');
    });
  });

  test('hostile guides: damaged, oversized, deeply nested, extreme numbers', async () => {
    await withWork(async (app, work, values) => {
      const guide = (extra) => JSON.stringify({ format: 'trilemma-lab/guide', version: 1, ...extra });
      const cases = [
        [guide({ id: 'x' }), /guide from the pasted text could not be opened/],
        [guide({ id: 'x', title: 'T', seat: 'US', steps: 'no' }), /guide from the pasted text could not be opened/],
        ['{"format":"trilemma-lab/guide",' + '"pad":"' + 'p'.repeat(300 * 1024) + '"}', /guide from the pasted text could not be opened/],
        ['{"format":"trilemma-lab/guide","x":' + '['.repeat(2000) + ']'.repeat(2000) + '}', /guide from the pasted text could not be opened/],
        [guide({ id: 'big', title: 'x'.repeat(100_000), seat: 'US', steps: [] }), /guide from the pasted text could not be opened/],
      ];
      for (const [text, says] of cases) {
        const before = await app.state();
        await pasteMade(app, text, 0);
        const s = await harmless(app, `guide ${text.slice(0, 40)}`, values, says, before);
        assert.equal(s.guide, null);
        assert.match(s.notices.at(-1), /saved work is unchanged/);
        tried.guides++;
      }
      await canvasDraws(app, 'hostile-guides');
    });
  });

  test('corrupted storage values are kept byte for byte and reported; storage full is shown', async () => {
    const corrupt = [
      ['garbage', 'not json at all', /could not be read \(not a library entry/],
      ['NUL', '{"format":"trilemma-lab/library-entry"\u0000,"id":"x"}', /could not be read/],
      ['lone surrogate', '{"format":"trilemma-lab/library-entry","id":"\uD800"}', /could not be read/],
      ['bad scenario', null, /could not be read \(its scenario cannot be read/],
      ['huge', 'z'.repeat(400 * 1024), /could not be read \(too large to be a scenario/],
      ['4.5 MB', 'y'.repeat(4_500_000), /could not be read \(too large to be a scenario/],
    ];
    for (const [what, value, says] of corrupt) {
      await withWork(async (app, work) => {
        const key = `trilemma-lab.library.${work.entry}`;
        const bad = value ?? JSON.stringify({ format: 'trilemma-lab/library-entry', id: work.entry, kind: 'mine', scenario: '{"format":"nope"}' });
        await app.page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, bad]);
        await app.page.reload({ waitUntil: 'load' });
        await waitForReady(app.page);
        const s = await frames(app, 2);
        assert.ok(s.notices.some((n) => says.test(n) && /kept unchanged/.test(n)), `${what}: ${JSON.stringify(s.notices)}`);
        assert.equal(s.unreadable, 1, `${what}: listed as unreadable`);
        // The app carries on; the next change goes to a new entry, never over the unreadable one.
        assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 61 }), { ok: true });
        const s2 = await synced(app);
        assert.notEqual(s2.entry, work.entry);
        assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), key), bad, `${what}: kept byte for byte`);
        assert.deepEqual(app.pageErrors, []);
        tried.storage++;
      });
    }
    // An older version's autosave holding a NUL: kept, reported, never overwritten.
    const app = await openApp(site.browser, site.url, { viewport: VIEWPORT });
    try {
      const legacy = '{"format":"trilemma-lab/scenario",\u0000"version":1}';
      await app.page.evaluate((v) => localStorage.setItem('trilemma-lab.autosave.v1', v), legacy);
      await app.page.reload({ waitUntil: 'load' });
      await waitForReady(app.page);
      let s = await frames(app, 2);
      assert.ok(s.notices.some((n) => /autosaved work could not be restored.*kept unchanged/.test(n)), JSON.stringify(s.notices));
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 40 }), { ok: true });
      await synced(app);
      assert.equal(await app.page.evaluate(() => localStorage.getItem('trilemma-lab.autosave.v1')), legacy);
      tried.storage++;

      // Storage full: another site's data fills the quota; the change is not saved and the page says so.
      const filled = await app.page.evaluate(() => {
        let n = 6 * 1024 * 1024;
        while (n > 1024) { try { localStorage.setItem('another-app.filler', 'f'.repeat(n)); return n; } catch (e) { n = Math.floor(n * 0.9); } }
        return 0;
      });
      assert.ok(filled > 0);
      // Top up until even a small entry cannot be written.
      await app.page.evaluate(() => {
        let i = 0;
        for (const size of [65536, 4096, 256, 16]) {
          for (;;) { try { localStorage.setItem('another-app.top' + i++, 'f'.repeat(size)); } catch (e) { break; } }
        }
      });
      // A change that needs more room: a longer name (a same-size rewrite may still fit).
      s = await app.state();
      assert.deepEqual(await app.command({ cmd: 'library', action: 'rename', id: s.entry, name: 'A much longer name '.repeat(10) }), { ok: true });
      s = await waitFor(() => app.state(), (t) => t.storage_full, { timeout: 5000 });
      assert.equal(s.storage_full, true, `storage full reported (${JSON.stringify(s.notices)}, filled ${filled})`);
      assert.ok(s.notices.some((n) => /storage is full: this change is not saved/.test(n)), JSON.stringify(s.notices));
      await saveScreenshot(app.page, 'hostile-storage-full');
      await app.page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('another-app.')) localStorage.removeItem(k); });
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 46 }), { ok: true });
      s = await waitFor(() => app.state(), (t) => !t.storage_full, { timeout: 5000 });
      assert.equal(s.storage_full, false, 'saved again once there is room');
      const values = await libraryValues(app.page);
      assert.equal(JSON.parse(JSON.parse(values[`trilemma-lab.library.${s.entry}`]).scenario).levers.US[SEMIS], 46);
      tried.storage++;
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('an uncaught error shows the error box, which downloads the saved work', async () => {
    await withWork(async (app, work, values) => {
      await app.page.evaluate(() => setTimeout(() => { throw new Error('injected failure'); }, 0));
      await app.page.waitForSelector('#error', { state: 'visible', timeout: 5000 });
      assert.equal(await app.page.textContent('#error-title'), 'Trilemma Lab stopped');
      assert.match(await app.page.textContent('#error-text'), /injected failure/);
      assert.equal(await app.page.isVisible('#error-download'), true);
      await saveScreenshot(app.page, 'hostile-error-box');
      const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('#error-download')]);
      const chunks = [];
      for await (const c of await download.createReadStream()) chunks.push(c);
      const saved = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      assert.equal(saved.format, 'trilemma-lab/saved-work');
      for (const [k, v] of Object.entries(values)) assert.equal(saved.values[k], v, 'the download holds the library as stored');
      app.pageErrors.length = 0; // the injected error was the point
    });
  });
});
