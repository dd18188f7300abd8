// The scenario library and durable autosave (app/library.cpp, app/sharing.cpp,
// web/glue.js): a reload at a random moment after a real drag, click or undo
// restores what the page showed; two tabs edit at once and both keep their
// work; every guide link and share link adds an entry and leaves the work
// that was open as it was; the library window lists, renames, duplicates
// and deletes entries.
//
// TRILEMMA_RELOADS sets how many reloads the first test tries (100 by default,
// CI's bounded run; more in a longer run); TRILEMMA_TRACE=<file> logs each step
// there; TRILEMMA_SEED repeats another random sequence.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SEMIS, VIEWPORT, artifactsDir, assertCleanPage, darkPixels, decodePng, frames, leverDef, mousePressMove, openApp,
  parkMouse, repoRoot, saveScreenshot, stableRect, synced, useSite, valueX, waitFor, waitForReady,
} from './helpers.mjs';

const site = useSite();
const RELOADS = Number(process.env.TRILEMMA_RELOADS || 100);
const GUIDE_IDS = readdirSync(join(repoRoot, 'assets', 'guides')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

// Every library value in the page's storage, as stored: { key: value }.
export const libraryValues = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('trilemma-lab.library.')).map((k) => [k, localStorage.getItem(k)])));
const scenarioIn = (value) => JSON.parse(JSON.parse(value).scenario);

// A stuck step fails the test with its name instead of hanging it.
const withTimeout = (what, promise, ms = 30_000) => Promise.race([promise, new Promise((_, fail) =>
  setTimeout(() => fail(new Error(`${what}: no answer in ${ms} ms`)), ms).unref())]);

// A small deterministic generator: a failing run can be repeated (TRILEMMA_SEED).
function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

// The seat's sliders the reload test moves: the first four drawn whole in the viewport.
const visibleLevers = (s) => Object.entries(s.lever_rects)
  .filter(([k, r]) => k.startsWith(`${s.seat}.`) && r[1] > 60 && r[1] + r[3] < VIEWPORT.height - 20 && r[2] > 50)
  .map(([k]) => k.slice(s.seat.length + 1)).slice(0, 4);

describe('library', () => {
  test(`reloads at random moments after real drags, clicks and undos lose no committed change (${RELOADS} reloads)`, async () => {
    const seed = Number(process.env.TRILEMMA_SEED || 20261129);
    const random = rng(seed);
    const tally = { reloads: 0, lost: 0, drags: 0, clicks: 0, undos: 0, delays: [] , failures: [] };
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const LEVERS = visibleLevers(await frames(app, 2));
      assert.equal(LEVERS.length, 4, `four sliders to move: ${LEVERS}`);
      for (let i = 0; i < RELOADS; i++) {
        let kind = random() < 0.25 ? 'undo' : random() < 0.6 ? 'drag' : 'click';
        if (kind === 'undo' && !(await app.state()).can_undo) kind = 'drag';
        const lever = LEVERS[Math.floor(random() * LEVERS.length)];
        const d = leverDef(lever);
        if (kind === 'undo') {
          await app.page.keyboard.press('Control+z');
          tally.undos++;
        } else {
          const seat = (await app.state()).seat;
          const { s, rect } = await stableRect(app, `${seat}.${lever}`);
          const y = rect[1] + rect[3] / 2;
          const target = d.min + random() * (d.max - d.min);
          const to = { x: valueX(rect, target, d.min, d.max), y };
          if (kind === 'drag') {
            await mousePressMove(app, { x: valueX(rect, s.levers[lever], d.min, d.max), y }, to, 2 + Math.floor(random() * 3));
            tally.drags++;
          } else {
            await mousePressMove(app, to, to, 0); // press where the value goes, held a frame: a click
            tally.clicks++;
          }
          await app.page.mouse.up();
        }
        // A random moment after the release: at once, within a frame, or a few frames on.
        const delay = [0, 0, 5, 16, 33, 80][Math.floor(random() * 6)];
        tally.delays.push(delay);
        if (process.env.TRILEMMA_TRACE) appendFileSync(process.env.TRILEMMA_TRACE, `${i} ${kind} ${lever}\n`);
        const navigated = app.page.waitForNavigation({ waitUntil: 'load', timeout: 30_000 });
        const shown = await withTimeout(`reload ${i} (${kind})`, app.page.evaluate(async (ms) => {
          if (ms) await new Promise((r) => setTimeout(r, ms));
          const s = window.trilemma.state();
          // The app draws no further frame from here (as if the browser
          // stopped it at once): what the snapshot shows must already be
          // stored, or be stored by the page's pagehide handler.
          Module.pauseMainLoop(); // Emscripten's: not even a frame already requested runs
          // The reload in the next task, so that this answer reaches the test
          // before the page goes (a reload in the same turn raced it: "Execution
          // context was destroyed"); the app draws nothing in between.
          setTimeout(() => location.reload(), 0);
          return { levers: s.levers, share_code: s.share_code, entry: s.entry };
        }, delay));
        if (process.env.TRILEMMA_TRACE) appendFileSync(process.env.TRILEMMA_TRACE, `  evaluated ${delay}\n`);
        await navigated;
        if (process.env.TRILEMMA_TRACE) appendFileSync(process.env.TRILEMMA_TRACE, '  navigated\n');
        await waitForReady(app.page);
        const after = await frames(app, 1);
        tally.reloads++;
        const same = after.share_code === shown.share_code && JSON.stringify(after.levers) === JSON.stringify(shown.levers);
        if (!same) {
          tally.lost++;
          tally.failures.push({ i, kind, lever, delay, shown: shown.share_code, restored: after.share_code });
        }
        if (shown.entry) assert.equal(after.entry, shown.entry, 'the tab keeps editing its own entry');
        await parkMouse(app);
      }
      // The URL follows the restored scenario after the last reload.
      const s = await synced(app);
      assert.ok(s.entry);
      assert.equal(Object.keys(await libraryValues(app.page)).length, 1, 'one tab, one library entry');
    });
    mkdirSync(artifactsDir, { recursive: true });
    const report = { seed, ...tally, delays: undefined };
    writeFileSync(join(artifactsDir, 'library-reloads.json'), JSON.stringify(report, null, 2));
    console.log(`# reloads tried: ${tally.reloads}, changes lost: ${tally.lost} (drags ${tally.drags}, clicks ${tally.clicks}, undos ${tally.undos}, seed ${seed})`);
    assert.deepEqual(tally.failures, [], `no committed change lost in ${tally.reloads} reloads`);
  });

  test('every committed change is in storage once the app has drawn the frame that saw it (no page event needed)', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const stored = async () => {
        const s = await app.state();
        const v = (await libraryValues(app.page))[`trilemma-lab.library.${s.entry}`];
        return { s, levers: v ? scenarioIn(v).levers?.US ?? {} : null };
      };
      // The app's frame counter when the input was delivered; one frame later the change must be stored.
      const afterOneFrame = async () => {
        const f0 = (await app.state()).frame;
        return waitFor(() => app.state(), (t) => t.frame >= f0 + 2, { timeout: 5000 });
      };
      const { s: s0, rect } = await stableRect(app, `US.${SEMIS}`);
      const d = leverDef(SEMIS);
      const y = rect[1] + rect[3] / 2;
      // A drag, released.
      await mousePressMove(app, { x: valueX(rect, s0.levers[SEMIS], d.min, d.max), y }, { x: valueX(rect, 90, d.min, d.max), y }, 3);
      await app.page.mouse.up();
      await afterOneFrame();
      let { s, levers } = await stored();
      assert.ok(levers, 'an entry was written');
      assert.equal(levers[SEMIS], s.levers[SEMIS], 'the drag is stored');
      const afterDrag = s.levers[SEMIS];
      // A click elsewhere on the slider.
      await mousePressMove(app, { x: valueX(rect, 20, d.min, d.max), y }, { x: valueX(rect, 20, d.min, d.max), y }, 0);
      await app.page.mouse.up();
      await afterOneFrame();
      ({ s, levers } = await stored());
      assert.equal(levers[SEMIS], s.levers[SEMIS], 'the click is stored');
      assert.notEqual(s.levers[SEMIS], afterDrag, 'the click moved the lever');
      // Undo by the keyboard.
      await app.page.keyboard.press('Control+z');
      await afterOneFrame();
      ({ s, levers } = await stored());
      assert.equal(s.levers[SEMIS], afterDrag, 'undo brought the dragged value back');
      assert.equal(levers[SEMIS], s.levers[SEMIS], 'the undo is stored');
      await parkMouse(app);
    });
  });

  test('two tabs edit at once and both keep their work', async () => {
    const a = await openApp(site.browser, site.url, { viewport: VIEWPORT });
    try {
      assert.deepEqual(await a.command({ cmd: 'set_lever', lever: SEMIS, value: 90 }), { ok: true });
      const sa0 = await synced(a);
      assert.ok(sa0.entry, 'tab A has an entry after its first change');
      // Tab B in the same browser profile (same storage), opened while A is open.
      const bPage = await a.context.newPage();
      const errors = [];
      bPage.on('pageerror', (e) => errors.push(String(e)));
      await bPage.goto(site.url, { waitUntil: 'load' });
      await waitForReady(bPage);
      const bState = () => bPage.evaluate(() => window.trilemma.state());
      const bCommand = (c) => bPage.evaluate((x) => window.trilemma.command(x), c);
      let sb = await bState();
      assert.equal(sb.levers[SEMIS], 90, 'B starts from A\'s work');
      assert.notEqual(sb.entry, sa0.entry, 'B does not take over the entry A is editing');
      // Both edit, interleaved; each change is another lever so that a clobber shows.
      for (let i = 0; i < 5; i++) {
        assert.deepEqual(await a.command({ cmd: 'set_lever', lever: 'export_controls.ai', value: 10 + i }), { ok: true });
        assert.deepEqual(await bCommand({ cmd: 'set_lever', lever: 'subsidies.semis', value: 20 + i }), { ok: true });
      }
      await frames(a, 2);
      sb = await waitFor(bState, (t) => t.entry && t.entry !== sa0.entry);
      const sa = await a.state();
      assert.equal(sa.entry, sa0.entry);
      const values = await libraryValues(a.page);
      assert.equal(Object.keys(values).length, 2, 'two entries');
      const ea = scenarioIn(values[`trilemma-lab.library.${sa.entry}`]);
      const eb = scenarioIn(values[`trilemma-lab.library.${sb.entry}`]);
      assert.equal(ea.levers.US['export_controls.ai'], 14, 'A\'s last change is in A\'s entry');
      assert.equal(ea.levers.US['subsidies.semis'], undefined, 'B\'s changes are not in A\'s entry');
      assert.equal(eb.levers.US['subsidies.semis'], 24, 'B\'s last change is in B\'s entry');
      assert.equal(eb.levers.US[SEMIS], 90, 'B kept what it started from');
      // Each tab, reloaded, comes back to its own work.
      await a.page.reload({ waitUntil: 'load' });
      await waitForReady(a.page);
      await bPage.reload({ waitUntil: 'load' });
      await waitForReady(bPage);
      const ra = await frames(a, 1);
      const rb = await bState();
      assert.equal(ra.entry, sa.entry);
      assert.equal(ra.levers['export_controls.ai'], 14);
      assert.equal(rb.entry, sb.entry);
      assert.equal(rb.levers['subsidies.semis'], 24);
      // A third tab, once A is closed, carries on with the most recent free entry.
      await a.page.close();
      const cPage = await bPage.context().newPage();
      await cPage.goto(site.url, { waitUntil: 'load' });
      await waitForReady(cPage);
      const sc = await cPage.evaluate(() => window.trilemma.state());
      assert.equal(sc.entry, sa.entry, 'the entry A let go of');
      assert.deepEqual(errors, []);
    } finally {
      await a.close();
    }
  });

  test('every guide link and share link adds an entry and keeps the previous work as it was', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 85 }), { ok: true });
      const mine = await synced(app);
      const myKey = `trilemma-lab.library.${mine.entry}`;
      const myValue = (await libraryValues(app.page))[myKey];
      let count = 1;
      const check = async (what, added) => {
        const values = await libraryValues(app.page);
        assert.equal(values[myKey], myValue, `${what}: my work is unchanged, byte for byte`);
        count += added;
        assert.equal(Object.keys(values).length, count, `${what}: ${added ? 'one entry added' : 'no entry added'}`);
      };
      // Each built-in guide, by a link typed into the address bar of this tab.
      for (const id of GUIDE_IDS) {
        await app.page.goto(`${site.url}#guide=${id}`);
        const s = await waitFor(() => app.state(), (t) => t.guide && t.guide.id === id && t.entry !== mine.entry);
        assert.equal(s.guide.id, id);
        await frames(app, 1);
        await check(`guide ${id}`, 1);
        const guideEntry = JSON.parse((await libraryValues(app.page))[`trilemma-lab.library.${s.entry}`]);
        assert.equal(guideEntry.kind, 'guide');
      }
      assert.deepEqual(await app.command({ cmd: 'guide_leave' }), { ok: true });
      // A refused guide link opens nothing, adds nothing and says the work is kept.
      for (const [hash, says] of [['#guide=no_such_guide', /could not be opened/], ['#guide=~@@@', /damaged/]]) {
        const before = await app.state();
        await app.page.goto(site.url + hash);
        const s = await waitFor(() => app.state(), (t) => t.notices.length && t.notices.at(-1) !== before.notices.at(-1));
        assert.match(s.notices.at(-1), says);
        assert.match(s.notices.at(-1), /Nothing was opened; your saved work is unchanged/);
        assert.equal(s.share_code, before.share_code);
        // The address shows the work again, so a reload does not refuse the link a second time.
        const url = await waitFor(() => app.page.url(), (u) => new URL(u).hash === `#s=${s.share_code}`);
        assert.equal(new URL(url).hash, `#s=${s.share_code}`, `the address after ${hash}`);
        await check(`refused ${hash}`, 0);
      }
      // A share link opened in a new tab of the same browser, twice: two entries.
      const code = mine.share_code; // the same scenario as my work: still a new entry, mine untouched
      for (let i = 0; i < 2; i++) {
        const page = await app.context.newPage();
        await page.goto(`${site.url}#s=${code}`, { waitUntil: 'load' });
        await waitForReady(page);
        const s = await page.evaluate(() => window.trilemma.state());
        assert.equal(s.last_load, 'ok: shared link');
        assert.ok(s.notices.some((n) => /new entry in your library/.test(n)), JSON.stringify(s.notices));
        await page.close();
        await check(`share link ${i + 1}`, 1);
      }
      assertCleanPage(app);
    });
  });

  test('the library window lists the entries; rename, duplicate, open and delete', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 80 }), { ok: true });
      const first = await synced(app);
      // The entry open in this tab has no Delete (it would be kept again with
      // the next change); it can be duplicated or exported.
      assert.deepEqual(await app.command({ cmd: 'library', action: 'show' }), { ok: true });
      const only = await frames(app, 3);
      assert.ok('Duplicate' in only.items && !('Delete' in only.items), Object.keys(only.items).join(', '));
      await app.page.keyboard.press('Escape');
      await app.page.goto(`${site.url}#guide=chip_chokepoint`);
      const guide = await waitFor(() => app.state(), (t) => t.guide && t.entry !== first.entry);
      assert.deepEqual(await app.command({ cmd: 'library', action: 'rename', id: first.entry, name: 'Chips first — my draft' }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'library', action: 'duplicate', id: first.entry }), { ok: true });
      let values = await libraryValues(app.page);
      assert.equal(Object.keys(values).length, 3);
      const names = Object.values(values).map((v) => JSON.parse(v).name).sort();
      assert.deepEqual(names, ['Chips first — my draft', 'Chips first — my draft (copy)', guide.name].sort());
      // Open the first entry from the library: this tab now edits it.
      assert.deepEqual(await app.command({ cmd: 'library', action: 'open', id: first.entry }), { ok: true });
      let s = await frames(app, 1);
      assert.equal(s.entry, first.entry);
      assert.equal(s.levers[SEMIS], 80);
      assert.equal(s.name, 'Chips first — my draft');
      // Shown at desktop, tablet and phone sizes.
      assert.deepEqual(await app.command({ cmd: 'library', action: 'show' }), { ok: true });
      for (const [w, h, name] of [[1366, 768, 'desktop'], [1024, 768, 'tablet'], [390, 844, 'phone']]) {
        await app.page.setViewportSize({ width: w, height: h });
        await frames(app, 4);
        const png = decodePng(await saveScreenshot(app.page, `library-window-${name}`));
        assert.ok(darkPixels(png, { x: 0, y: 0, width: png.width, height: png.height }) > 2000, `the window draws text (${name})`);
      }
      // Phone with text at 1.6x (a projector or poor eyesight): the buttons wrap, nothing runs off.
      assert.deepEqual(await app.command({ cmd: 'font_scale', value: 1.6 }), { ok: true });
      await frames(app, 4);
      await saveScreenshot(app.page, 'library-window-phone-text-1.6');
      assert.deepEqual(await app.command({ cmd: 'font_scale', value: 1 }), { ok: true });
      await app.page.setViewportSize(VIEWPORT);
      await app.page.keyboard.press('Escape');
      // Delete the guide's entry: gone from storage.
      assert.deepEqual(await app.command({ cmd: 'library', action: 'delete', id: guide.entry }), { ok: true });
      values = await libraryValues(app.page);
      assert.equal(values[`trilemma-lab.library.${guide.entry}`], undefined);
      assert.equal(Object.keys(values).length, 2);
    });
  });

  // A phone's pull to refresh is a reload: Undo had taken the tab back to
  // the blank app's status quo (the start-up's own step) and lost the moves.
  test('after a reload Undo and Redo take the steps they had; what start-up brought back is no step', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const AI = 'export_controls.ai';
      const s0 = await synced(app);
      assert.equal(s0.can_undo, false, 'a new tab has nothing to undo');
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 80 }), { ok: true });
      await synced(app);
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: AI, value: 95 }), { ok: true });
      await synced(app);
      assert.deepEqual(await app.command({ cmd: 'undo' }), { ok: true });
      const before = await synced(app);
      assert.equal(before.levers[AI], s0.levers[AI]);
      assert.ok(before.can_undo && before.can_redo);

      const reload = async () => {
        await app.page.reload({ waitUntil: 'load' });
        await waitForReady(app.page);
        return frames(app, 2);
      };
      let s = await reload();
      assert.equal(s.share_code, before.share_code, 'the work came back');
      assert.equal(s.can_undo, true, 'Undo has the step it had');
      assert.equal(s.can_redo, true, 'so has Redo');
      assert.deepEqual(await app.command({ cmd: 'redo' }), { ok: true });
      s = await synced(app);
      assert.equal(s.levers[AI], 95, 'Redo re-applies the undone move');
      assert.deepEqual(await app.command({ cmd: 'undo' }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'undo' }), { ok: true });
      s = await synced(app);
      assert.equal(s.levers[SEMIS], s0.levers[SEMIS], 'Undo takes back the first move');
      assert.equal(s.can_undo, false, 'and stops there: the reload was no step');

      // A history that does not read (edited, or from another version) is dropped whole, and the work stays.
      await app.page.evaluate(() => sessionStorage.setItem('trilemma-lab.tab.history', 'u not-a-code\nr 2.zz\n'));
      s = await reload();
      assert.equal(s.levers[SEMIS], s0.levers[SEMIS]);
      assert.equal(s.can_undo, false);
      assert.equal(s.can_redo, false);
      assert.deepEqual(s.notices, []);
      assertCleanPage(app);
    });
  });

  // A participant who names the scenario looks for that name: beside the
  // title and in the browser tab (and its history), not the preset's.
  test("a scenario's own name shows beside the title and in the page's title", async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      let s = await synced(app);
      assert.equal(await app.page.title(), 'Trilemma Lab', "the preset's own name is no name of the user's");
      assert.equal(s.items['scenario name'], undefined);
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: SEMIS, value: 80 }), { ok: true });
      s = await synced(app);
      assert.deepEqual(await app.command({ cmd: 'library', action: 'rename', id: s.entry, name: 'Team Red' }), { ok: true });
      s = await synced(app);
      assert.equal(s.name, 'Team Red');
      assert.equal(await app.page.title(), 'Team Red \u00b7 Trilemma Lab');
      assert.ok(s.items['scenario name'], 'the name is drawn beside the title');
      assert.ok(s.items['scenario name'][0] > s.items['Trilemma Lab'][0]);
      assert.deepEqual(s.text_problems, []);
    });
  });

  test('a reload of a tab that changed nothing adds no entry and no "shared scenario" notice', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const s0 = await synced(app);
      assert.equal(s0.entry, '', 'no entry before the first change');
      await app.page.evaluate(() => sessionStorage.clear()); // even without this tab's memory of its codes
      await app.page.reload({ waitUntil: 'load' });
      await waitForReady(app.page);
      const s1 = await frames(app, 2);
      assert.equal(s1.share_code, s0.share_code);
      assert.deepEqual(s1.notices, []);
      assert.deepEqual(await libraryValues(app.page), {});
    });
  });

  test('work autosaved by an older version is imported once into the library', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const legacy = JSON.stringify({
        format: 'trilemma-lab/scenario', version: 1, model_version: 1, preset: 'status_quo_2024', seat: 'EU',
        horizon: 2033, reactions: true, name: 'From the old autosave', levers: { EU: { 'subsidies.semis': 30 } },
      });
      await app.page.evaluate((v) => { localStorage.clear(); sessionStorage.clear(); localStorage.setItem('trilemma-lab.autosave.v1', v); }, legacy);
      await app.page.goto(site.url, { waitUntil: 'load' }); // the app's address, as from a bookmark
      await waitForReady(app.page);
      const s = await frames(app, 2);
      assert.equal(s.name, 'From the old autosave');
      assert.equal(s.seat, 'EU');
      assert.equal(s.levers['subsidies.semis'], 30);
      const values = await libraryValues(app.page);
      assert.equal(Object.keys(values).length, 1);
      assert.equal(scenarioIn(values[`trilemma-lab.library.${s.entry}`]).name, 'From the old autosave');
      assert.equal(await app.page.evaluate(() => localStorage.getItem('trilemma-lab.autosave.v1')), null, 'the old key is freed');
    });
  });
});
