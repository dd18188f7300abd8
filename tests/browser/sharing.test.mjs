// Scenarios that travel (app/sharing.cpp, web/glue.js): a share link opened
// in a new browser context reproduces the scenario exactly, a reload restores
// it (URL + autosave) without a false "replaced your work" notice, Back and
// Forward move through the changes, bad files, pasted garbage and a damaged
// link are refused with a notice naming the problem while the work is kept,
// and a good scenario file dropped on the page loads.
//
// Inputs go through the page as a user's would: files are dropped (DragEvent
// with a DataTransfer holding a File) or chosen in glue.js's hidden
// <input type=file>, text arrives by a real 'paste' event, links by the URL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SEMIS, VIEWPORT, assertCleanPage, clickItem, darkPixels, decodePng, dropFile, frames, leverDef, mouseDrag, parkMouse,
  pasteText, saveScreenshot, stableRect, synced, useSite, valueX, waitFor, waitForReady,
} from './helpers.mjs';

// This tab's entry in the scenario library (app/library.h).
const entryKey = (s) => `trilemma-lab.library.${s.entry}`;
const libraryKeys = (app) => app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trilemma-lab.library.')));

const site = useSite();

// ---------------------------------------------------------------------------
// Page helpers (the shared ones are in helpers.mjs).

// Drags the seat's slider `lever` from its grab to past its right end (the lever's max).
async function dragToMax(app, lever) {
  const { s, rect } = await stableRect(app, `${(await app.state()).seat}.${lever}`);
  const d = leverDef(lever);
  const y = rect[1] + rect[3] / 2;
  const { after } = await mouseDrag(app, { x: valueX(rect, s.levers[lever], d.min, d.max), y }, { x: rect[0] + rect[2] + 30, y });
  assert.equal(after.levers[lever], d.max, `mouse drag moved ${lever} to its max`);
  assert.equal(after.can_undo, true);
  return parkMouse(app);
}

// The part of a state that makes up the scenario and what the model says of it.
const scenarioOf = (s) => ({
  seat: s.seat, preset: s.preset, horizon: s.horizon, start_year: s.start_year, reactions: s.reactions, name: s.name,
  levers: s.levers, indicators: s.indicators, baseline: s.baseline, share_code: s.share_code,
});

// Files are read asynchronously and handled on the app's next frame: waits
// until a new notice appears, and returns the state.
async function nextNotice(app, before) {
  const s = await waitFor(() => app.state(), (t) => t.notices_posted > before.notices_posted, { timeout: 10_000 });
  assert.ok(s.notices_posted > before.notices_posted, 'a notice appeared');
  return s;
}

const scenarioFile = (fields) => JSON.stringify({
  format: 'trilemma-lab/scenario', version: 1, model_version: 1, preset: 'status_quo_2024', seat: 'US',
  horizon: 2035, reactions: true, ...fields,
}, null, 2);

// ---------------------------------------------------------------------------

describe('sharing', () => {
  test('a share link opened in a new browser context reproduces the scenario exactly', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (a) => {
      // A scenario unlike the default: EU seat, 2032, no reactions, a name
      // (non-ASCII) and notes, from a pasted file; then a mouse drag, a value
      // off the lever's step grid and another bloc's lever.
      const name = 'Brussels — test ✓';
      assert.deepEqual(await a.command({
        cmd: 'open_text',
        text: scenarioFile({
          name, notes: 'Made by sharing.test.mjs', seat: 'EU', horizon: 2032, reactions: false,
          levers: { EU: { 'subsidies.semis': 35 } },
        }),
      }), { ok: true });
      let s = await frames(a, 1);
      assert.equal(s.seat, 'EU');
      assert.equal(s.horizon, 2032);
      assert.equal(s.reactions, false);
      assert.equal(s.name, name);
      s = await dragToMax(a, SEMIS);
      assert.deepEqual(await a.command({ cmd: 'set_lever', lever: 'export_controls.ai', value: 41.7 }), { ok: true });
      assert.deepEqual(await a.command({ cmd: 'set_lever', lever: 'market_access', value: 64 }), { ok: true });
      assert.deepEqual(await a.command({ cmd: 'set_lever', bloc: 'China', lever: SEMIS, value: 25 }), { ok: true });
      // The changes start in 2029, chosen with the mouse in the header's combo.
      assert.equal((await frames(a, 1)).start_year, 2025, 'changes start in 2025 by default');
      for (const label of ['Start year', '2029']) await clickItem(a, label);
      await parkMouse(a);
      const sa = await synced(a);
      assert.equal(sa.start_year, 2029, 'the combo set the start year');
      assert.equal(sa.levers[SEMIS], 100);
      assert.equal(sa.levers['export_controls.ai'], 41.7);
      assert.equal(sa.levers['subsidies.semis'], 35);
      assert.ok(sa.changed_levers >= 4, `changed levers: ${sa.changed_levers}`);
      const code = sa.share_code;
      assert.match(code, /^[0-9A-Za-z._-]+$/, 'a URL-fragment-safe code');
      assert.equal(new URL(a.page.url()).hash, `#s=${code}`);

      // A new context: no localStorage, no history.
      await site.withApp({ hash: `#s=${code}`, viewport: VIEWPORT }, async (b) => {
        const sb = await frames(b, 2);
        assert.equal(sb.last_load, 'ok: shared link');
        assert.deepEqual(scenarioOf(sb), scenarioOf(sa), 'same seat, horizon, levers, name and indicators');
        assert.equal(sb.changed_levers, sa.changed_levers);
        assert.equal(new URL(b.page.url()).hash, `#s=${code}`, 'the link stays in the address bar');
        assert.deepEqual(sb.notices.filter((n) => /could not|previous work/i.test(n)), [], 'no error or replacement notice');
        // Another bloc's lever travelled too: China's seat shows it.
        assert.deepEqual(await b.command({ cmd: 'seat', bloc: 'China' }), { ok: true });
        assert.equal((await b.state()).levers[SEMIS], 25, 'China\'s semiconductor controls came with the link');
        await saveScreenshot(b.page, 'sharing-link-opened');
        assertCleanPage(a);
      });
    });
  });

  test('a reload restores the scenario, without claiming a shared scenario replaced other work', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      assert.deepEqual(await app.command({
        cmd: 'open_text',
        text: scenarioFile({ name: 'Reload — ü € ✓', notes: 'Notes, too.', horizon: 2031 }),
      }), { ok: true });
      await dragToMax(app, SEMIS);
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: 'enforcement', value: 1234.5 }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: 'export_controls.ai', value: 33.3 }), { ok: true });
      const s0 = await synced(app);
      assert.ok(s0.entry, 'the tab edits a library entry');
      const saved = await app.page.evaluate((k) => localStorage.getItem(k), entryKey(s0));
      assert.ok(saved, 'autosaved to localStorage');
      assert.equal(JSON.parse(JSON.parse(saved).scenario).levers.US['enforcement'], 1234.5, 'the library entry holds the work');
      const keys0 = await libraryKeys(app);

      await app.page.reload({ waitUntil: 'load' });
      await waitForReady(app.page);
      const s1 = await frames(app, 2);
      assert.deepEqual(scenarioOf(s1), scenarioOf(s0), 'reload restores the scenario');
      assert.equal(new URL(app.page.url()).hash, `#s=${s0.share_code}`);
      assert.deepEqual(s1.notices.filter((n) => /shared|previous work|could not/i.test(n)), [],
        `no notice claims other work was replaced (${JSON.stringify(s1.notices)})`);
      assert.equal(s1.entry, s0.entry, 'the same library entry');
      assert.deepEqual(await libraryKeys(app), keys0, 'no entry added by the reload');

      // The same page without the link: the autosave alone restores it.
      await app.page.goto(site.url, { waitUntil: 'load' });
      await waitForReady(app.page);
      const s2 = await frames(app, 2);
      assert.deepEqual(scenarioOf(s2), scenarioOf(s0), 'the autosave restores the scenario');
      assert.deepEqual(s2.notices, []);
      await saveScreenshot(app.page, 'sharing-after-reload');
    });
  });

  test('Back and Forward move through the changes', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const s0 = await synced(app);
      const length0 = await app.page.evaluate(() => history.length);
      // Change 1: a mouse drag (one undoable step). Change 2: a command.
      await dragToMax(app, SEMIS);
      const s1 = await synced(app);
      assert.notEqual(s1.share_code, s0.share_code);
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: 'alliance_coordination', value: 85 }), { ok: true });
      const s2 = await synced(app);
      assert.notEqual(s2.share_code, s1.share_code);
      assert.equal(await app.page.evaluate(() => history.length), length0 + 2, 'one history entry per change');

      await app.page.goBack();
      let s = await waitFor(() => app.state(), (t) => t.share_code === s1.share_code);
      assert.equal(s.share_code, s1.share_code, 'Back: the state before the second change');
      assert.deepEqual(s.levers, s1.levers);
      assert.deepEqual(s.indicators, s1.indicators);
      assert.equal(new URL(app.page.url()).hash, `#s=${s1.share_code}`);
      assert.equal(s.last_load, 'ok: link');

      await app.page.goForward();
      s = await waitFor(() => app.state(), (t) => t.share_code === s2.share_code);
      assert.equal(s.share_code, s2.share_code, 'Forward re-applies the second change');
      assert.deepEqual(s.levers, s2.levers);
      assert.deepEqual(s.indicators, s2.indicators);

      // Back twice: the status quo the page opened with.
      await app.page.goBack();
      await waitFor(() => app.state(), (t) => t.share_code === s1.share_code);
      await app.page.goBack();
      s = await waitFor(() => app.state(), (t) => t.share_code === s0.share_code);
      assert.equal(s.share_code, s0.share_code, 'Back twice: where the page started');
      assert.deepEqual(s.levers, s0.levers);
      assert.equal(s.changed_levers, 0);
      // Back/Forward replace entries rather than adding them.
      assert.equal(await app.page.evaluate(() => history.length), length0 + 2);
    });
  });

  test('bad files, pasted garbage and a damaged link are refused and the scenario kept', async (t) => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      await dragToMax(app, SEMIS);
      const s0 = await synced(app);
      const unchanged = async (s, what) => {
        assert.deepEqual(s.levers, s0.levers, `${what}: levers unchanged`);
        assert.equal(s.share_code, s0.share_code, `${what}: share code unchanged`);
        assert.equal(s.seat, s0.seat);
        assert.equal(s.horizon, s0.horizon);
        assert.equal(s.revision, s0.revision, `${what}: the scenario was not touched`);
        assert.equal(s.can_redo, false);
        const later = await frames(app, 2);
        assert.equal(new URL(app.page.url()).hash, `#s=${s0.share_code}`, `${what}: URL unchanged`);
        assert.equal(later.share_code, s0.share_code);
      };

      // 1. An out-of-range lever value, through glue.js's hidden file input.
      const badLever = scenarioFile({ levers: { US: { [SEMIS]: 140 } } });
      const input = await app.page.$('input[type=file]');
      assert.ok(input, 'glue.js created a file input');
      let before = await app.state();
      await input.setInputFiles({ name: 'bad-lever.trilemma.json', mimeType: 'application/json', buffer: Buffer.from(badLever) });
      let s = await nextNotice(app, before);
      assert.match(s.last_load, /^error:/);
      assert.ok(s.last_load.includes('levers.US.export_controls.semis') && s.last_load.includes('outside'), s.last_load);
      let notice = s.notices.at(-1);
      assert.ok(notice.includes('bad-lever.trilemma.json'), `the notice names the file: ${notice}`);
      assert.ok(notice.includes('levers.US.export_controls.semis') && /outside/.test(notice), `names the field: ${notice}`);
      assert.match(notice, /unchanged/);
      await unchanged(s, 'out-of-range file');
      await saveScreenshot(app.page, 'sharing-bad-file-refused');

      // 2. The same file dropped on the page.
      before = s;
      assert.equal(await dropFile(app, 'dropped-bad.trilemma.json', badLever), true, 'the page takes the drop');
      s = await nextNotice(app, before);
      assert.match(s.last_load, /^error: levers\.US\.export_controls\.semis: 140 is outside/);
      assert.ok(s.notices.at(-1).includes('dropped-bad.trilemma.json'));
      await unchanged(s, 'dropped out-of-range file');

      // 3. A truncated JSON file: the error names a line.
      before = s;
      await dropFile(app, 'truncated.json', badLever.slice(0, badLever.length - 30));
      s = await nextNotice(app, before);
      assert.match(s.last_load, /^error: line \d+/, s.last_load);
      assert.match(s.notices.at(-1), /truncated\.json could not be opened: line \d+/);
      await unchanged(s, 'truncated file');

      // 4. Too large: 300 KiB is read but over the scenario limit (256 KiB);
      // over 1 MiB is refused by its size alone, unread (web/glue.js).
      before = s;
      await dropFile(app, 'large.json', '', 300 * 1024);
      s = await nextNotice(app, before);
      assert.equal(s.last_load, 'error: too large');
      assert.match(s.notices.at(-1), /large\.json is 300 KiB, larger than a scenario or a guide may be \(256 KiB\)/);
      await unchanged(s, '300 KiB file');
      before = s;
      assert.equal(await dropFile(app, 'huge.json', '', 1536 * 1024), true);
      s = await nextNotice(app, before);
      assert.match(s.notices.at(-1), /huge\.json is 1\.5 MiB, larger than a scenario or a guide may be/);
      await unchanged(s, '1.5 MiB file');
      assert.equal(s.last_load, 'error: too large', 'a file refused by its size is reported as a failed load');

      // 5. Garbage pasted through a real paste event.
      before = s;
      assert.equal(await pasteText(app, 'https://example.org/#s=1.1.0.0135.zzzz..x'), true, 'the page takes the paste');
      s = await nextNotice(app, before);
      assert.match(s.last_load, /^error:/);
      assert.match(s.notices.at(-1), /^The pasted text could not be opened: .+ Your current scenario is unchanged\.$/);
      await unchanged(s, 'pasted garbage');
      before = s;
      await pasteText(app, 'hello, can you see my scenario?');
      s = await nextNotice(app, before);
      assert.equal(s.last_load, 'error: no share link');
      assert.match(s.notices.at(-1), /^The pasted text holds no share link, share code or scenario file/,
        'prose is not reported as a bad share-code character');
      await unchanged(s, 'pasted text');
      await saveScreenshot(app.page, 'sharing-refusals');
      assertCleanPage(app);

      // 6. A damaged share link in a fresh page: one character of a valid code changed.
      const i = s0.share_code.indexOf('.', 11) - 1; // inside the levers field
      const damaged = s0.share_code.slice(0, i) + (s0.share_code[i] === 'z' ? 'y' : 'z') + s0.share_code.slice(i + 1);
      assert.notEqual(damaged, s0.share_code);
      await site.withApp({ hash: `#s=${damaged}`, viewport: VIEWPORT }, async (fresh) => {
        let f = await frames(fresh, 2);
        assert.match(f.last_load, /^error:/);
        assert.ok(f.notices.some((n) => /^The shared link could not be opened: .+unchanged/.test(n)),
          `a notice says the link is damaged (${JSON.stringify(f.notices)})`);
        assert.equal(f.preset, 'status_quo_2024', 'runs with the status quo');
        assert.equal(f.seat, 'US');
        assert.equal(f.changed_levers, 0);
        assert.notEqual(f.levers[SEMIS], 100);
        // Still running and usable.
        assert.deepEqual(await fresh.command({ cmd: 'set_lever', lever: SEMIS, value: 70 }), { ok: true });
        f = await frames(fresh, 3);
        assert.equal(f.levers[SEMIS], 70);
        assert.ok(f.indicators.protect > f.baseline.protect);
        const png = decodePng(await saveScreenshot(fresh.page, 'sharing-damaged-link'));
        assert.ok(darkPixels(png, { x: 0, y: 0, width: 300, height: 40 }) > 100, 'the app draws');
      });
    });
  });

  test('a link pasted with a title around it, as chat apps send it, opens; two links ask for one', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 85 }), { ok: true });
      const made = await synced(app);
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 40 }), { ok: true });
      let s = await synced(app);
      await pasteText(app, `Team Red: <${site.url}#s=${made.share_code}>, have a look.`);
      s = await waitFor(() => app.state(), (t) => t.levers[SEMIS] === 85);
      assert.equal(s.levers[SEMIS], 85, `the link in the message opened (${s.last_load}; ${s.notices.join(' | ')})`);
      assert.match(s.last_load, /^ok/);
      await pasteText(app, `${site.url}#s=${made.share_code}\nand ${site.url}#s=${made.share_code}`);
      s = await waitFor(() => app.state(), (t) => t.last_load.startsWith('error'));
      assert.equal(s.last_load, 'error: several share links');
      assert.match(s.notices.at(-1), /several share links/);
    });
  });

  test('a horizon before the start year says, in its list, that the start moves with it', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const pick = (label) => clickItem(app, label);
      await pick('Start year');
      await pick('2030');
      await parkMouse(app);
      assert.equal((await synced(app)).start_year, 2030);
      let open = await pick('Horizon');
      assert.ok(open.items['2035'], 'the list opens at the year chosen');
      // Up the list: years from the start on are plain; earlier ones say what they do.
      const [x, y, w, h] = open.items['2035'];
      await app.page.mouse.move(x + w / 2, y + h / 2);
      await app.page.mouse.wheel(0, -400);
      open = await frames(app, 3);
      assert.ok(open.items['2030'] && open.items['2029 (start moves to 2029)'], Object.keys(open.items).join(', '));
      assert.ok(!open.items['2029'], 'a year before the start is not offered bare');
      await saveScreenshot(app.page, 'sharing-horizon-before-start');
      await pick('2028 (start moves to 2028)');
      await parkMouse(app);
      const s = await synced(app);
      assert.equal(s.horizon, 2028);
      assert.equal(s.start_year, 2028, 'the start year moved, as the entry said');
    });
  });

  test('a good scenario file dropped on the page loads', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const s0 = await synced(app);
      assert.equal(s0.seat, 'US');
      const good = JSON.stringify({
        format: 'trilemma-lab/scenario', version: 1, model_version: 1, preset: 'status_quo_2024', seat: 'EU',
        horizon: 2030, reactions: true, levers: { EU: { 'subsidies.semis': 40 } },
      });
      assert.equal(await dropFile(app, 'good.trilemma.json', good), true);
      const s = await nextNotice(app, s0);
      assert.equal(s.last_load, 'ok: file good.trilemma.json');
      assert.ok(s.notices.includes('Opened file good.trilemma.json.'), JSON.stringify(s.notices));
      assert.equal(s.seat, 'EU');
      assert.equal(s.horizon, 2030);
      assert.equal(s.levers['subsidies.semis'], 40);
      assert.equal(s.changed_levers, 1);
      assert.equal(s.can_undo, true, 'opening a file is undoable');
      const s1 = await synced(app);
      assert.notEqual(s1.share_code, s0.share_code);
      // The EU's sliders are drawn, with the loaded value.
      const { rect } = await stableRect(app, 'EU.export_controls.semis');
      assert.ok(rect[2] > 0);
      await saveScreenshot(app.page, 'sharing-good-file');
      // Undo brings the previous scenario back.
      assert.deepEqual(await app.command({ cmd: 'undo' }), { ok: true });
      const u = await app.state();
      assert.equal(u.seat, 'US');
      assert.equal(u.horizon, s0.horizon);
      assert.equal(u.share_code, s0.share_code);
    });
  });
});
