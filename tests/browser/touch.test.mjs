// Touch as a workshop participant uses it, with real touch input (Playwright's
// touchscreen and CDP touch events, in touch-enabled mobile contexts): a tap
// on every header button, combo item and collapsing header does what a click
// does; a vertical swipe scrolls the lever list (and does not move the slider
// it starts on); a long press shows the tooltip that hover shows on desktop.
//
// Widgets are found by their label through the test hook (state().items:
// [x, y, w, h] of every labelled item drawn in the last frame).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEMIS, frames, saveScreenshot, useSite, waitFor } from './helpers.mjs';

const site = useSite();

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
// Swipes and long presses time the finger: software GL draws a 3x phone too
// slowly for that, so these run at 2x (the same logical layout).
const PHONE_2X = { ...PHONE, deviceScaleFactor: 2 };
const TABLET = { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const centre = ([x, y, w, h]) => ({ x: x + w / 2, y: y + h / 2 });

// The item labelled `label` in the last frame (waiting a few frames for it).
async function item(app, label) {
  const s = await waitFor(() => app.state(), (t) => t.items[label], { timeout: 3_000 });
  assert.ok(s.items[label], `"${label}" drawn (items: ${Object.keys(s.items).join(' | ')})`);
  return s.items[label];
}

// A real tap on the item labelled `label`; returns the state once the app has
// seen the press, the release and the finger leaving (one frame each).
async function tap(app, label) {
  const { x, y } = centre(await item(app, label));
  await app.page.touchscreen.tap(x, y);
  return frames(app, 4);
}

// A one-finger gesture through CDP: touchStart at the first point, a move per
// further point (a frame apart), touchEnd. `holdMs`: wait before moving.
async function gesture(app, points, { holdMs = 0 } = {}) {
  const cdp = await app.context.newCDPSession(app.page);
  const touch = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ ...p, id: 1 }] : [] });
  await touch('touchStart', points[0]);
  await frames(app, 1);
  if (holdMs) await new Promise((r) => setTimeout(r, holdMs));
  for (const p of points.slice(1)) {
    await touch('touchMove', p);
    await frames(app, 1);
  }
  await touch('touchEnd');
  await cdp.detach();
  return frames(app, 2);
}

// WCAG 2.5.5 and Apple's guidelines: 44 px for what a finger taps.
const FINGER = 44;
const tall = (s, label) => s.items[label] && s.items[label][3] >= FINGER - 0.5;

describe('touch on a phone (390x844, 3x)', () => {
  test('targets are finger-sized from the first frame, before any tap: buttons, combos, tabs, levers, menu entries', async () => {
    await site.withApp(PHONE, async (app) => {
      let s = await frames(app, 2);
      assert.equal(s.touch, true, 'a phone (its pointer is coarse) starts with finger-sized targets');
      const labels = ['File', 'Share', 'Options', 'Seat', 'Preset', 'Undo', 'Redo', 'Reset', 'Levers', 'Charts',
        'Triangle', 'Story', 'Why?', 'More', 'Protect', 'Export controls'];
      const short = labels.filter((l) => !tall(s, l)).map((l) => `${l}: ${s.items[l]}`);
      assert.deepEqual(short, [], `under ${FINGER} px`);
      const sliders = Object.entries(s.lever_rects).filter(([, r]) => r[1] >= 0 && r[1] + r[3] <= 844);
      assert.ok(sliders.length >= 4, `levers in view: ${sliders.length}`);
      for (const [key, r] of sliders) assert.ok(r[3] >= FINGER - 0.5, `the ${key} slider is ${r[3]} px tall`);

      // A menu's entries: as tall as a finger, and a tap on one does what it says.
      s = await tap(app, 'File');
      const entries = ['New scenario', 'Save as a file', 'Library\u2026', 'Share link and QR code\u2026', 'Export results (CSV)'];
      for (const e of entries) assert.ok(tall(s, e), `the menu entry "${e}" is ${s.items[e]} (under ${FINGER} px)`);
      s = await tap(app, 'Share link and QR code\u2026');
      assert.ok(s.items['Copy link'], 'tapping the entry opened the share dialog');
      s = await tap(app, 'Close');

      // A combo's entries too.
      s = await tap(app, 'Seat');
      assert.ok(tall(s, 'China'), `the seat entry "China" is ${s.items.China}`);
      s = await tap(app, 'China');
      assert.equal(s.seat, 'China');
    });
  });

  test('a phone held sideways keeps the header to two rows: no title, the rest in Options, the scores in one row', async () => {
    await site.withApp({ ...PHONE_2X, viewport: { width: 844, height: 390 } }, async (app) => {
      let s = await frames(app, 2);
      assert.equal(s.items['Trilemma Lab'], undefined, 'no title row');
      const rows = new Set(['File', 'Seat', 'Preset', 'Undo', 'Reset'].map((l) => s.items[l][1]));
      assert.equal(rows.size, 1, `File to Reset on one row: ${[...rows]}`);
      assert.ok(s.items.Levers[1] < 120, `the panels start at ${s.items.Levers[1]} of 390`);
      s = await tap(app, 'Options');
      assert.ok(s.items.Horizon && s.items['Pin to compare'] && s.items.Trainer, 'the rest is in Options');
    });
  });

  test('a small phone held sideways (640x360) shows the first lever whole without a swipe', async () => {
    await site.withApp({ ...PHONE_2X, viewport: { width: 640, height: 360 } }, async (app) => {
      const s = await frames(app, 2);
      assert.equal(s.layout, 'phone');
      const chips = s.lever_rects[`US.${SEMIS}`];
      const [, top, , height] = s.lever_list_visible;
      assert.ok(chips && chips[1] >= top && chips[1] + chips[3] <= top + height,
        `the chips slider ${JSON.stringify(chips)} lies within what the lever list shows (${top} to ${top + height})`);
      await saveScreenshot(app.page, 'touch-640x360-sideways');
    });
  });

  test("a combo's long entry is shortened to the phone's width at text x1.6, whole in its tooltip, and a tap picks it", async () => {
    await site.withApp(PHONE_2X, async (app) => {
      await app.command({ cmd: 'font_scale', value: 1.6 });
      let s = await tap(app, 'Preset');
      const allied = Object.keys(s.items).find((k) => k.startsWith('Allied tech'));
      assert.ok(allied && allied.endsWith('\u2026'), `the entry is shortened: "${allied}"`);
      assert.deepEqual(s.text_problems, [], 'nothing cut at the popup\'s or the screen\'s edge');
      s = await tap(app, allied);
      assert.equal(s.preset, 'allied_tech_alliance');
    });
  });

  test("the room on a phone scrolls as one: a swipe on the table brings the room's triangle into view", async () => {
    await site.withApp({ ...PHONE_2X, viewport: { width: 360, height: 640 } }, async (app) => {
      let text = '';
      for (let i = 0; i < 5; i++) {
        await app.command({ cmd: 'set_lever', lever: SEMIS, value: 10 + i * 20 });
        const t = await frames(app, 2);
        text += `Team ${i}: ${app.page.url().split('#')[0]}#s=${t.share_code}\n`;
      }
      await app.command({ cmd: 'room_add', text });
      let s = await frames(app, 4);
      const add = s.items.Add;
      // From the first row of the table (beside its name, left of its ×), up.
      const row = s.items['\u00d7'];  // the first × drawn: the first row's (the notices come after the room)
      assert.ok(row && row[1] + row[3] < 600, `the first row is on screen: ${JSON.stringify(row)}`);
      const x = 120, y0 = row[1] + row[3] / 2;
      for (let swipe = 0; swipe < 4; swipe++) {
        const points = [];
        for (let i = 0; i <= 8; i++) points.push({ x, y: y0 - i * Math.min(50, (y0 - 60) / 8) });
        s = await gesture(app, points);
        s = await frames(app, 10);
      }
      assert.equal(s.room.length, 5);
      assert.ok(s.items['\u00d7'], "the room is still open, a row's \u00d7 drawn");
      assert.ok(!s.items.Add || s.items.Add[1] < add[1] - 300, `the window scrolled (Add from ${add[1]} to ${s.items.Add?.[1]})`);
    });
  });

  test('phones at large text: the header fits and leaves room, the Options menu fits the screen', async () => {
    const cases = [
      { viewport: { width: 360, height: 640 }, scale: 1.6 },
      { viewport: { width: 844, height: 390 }, scale: 1.15 },
      { viewport: { width: 390, height: 844 }, scale: 1.9, options: true },
    ];
    for (const { viewport, scale, options } of cases) {
      await site.withApp({ ...PHONE_2X, viewport }, async (app) => {
        await app.command({ cmd: 'font_scale', value: scale });
        let s = await frames(app, 3);
        const where = `${viewport.width}x${viewport.height} x${scale}`;
        assert.deepEqual(s.text_problems, [], `${where}: nothing cut or overlapping`);
        // The header's rows: menus, seat and preset, history, scores in at most two rows.
        const panels = Math.min(...['Levers', 'Charts'].map((l) => s.items[l]?.[1] ?? Infinity));
        assert.ok(panels < viewport.height * 0.45, `${where}: the panels start at ${panels}`);
        if (options) {
          s = await tap(app, 'Options');
          assert.ok(s.items['Pin to compare'], `${where}: Options opened`);
          assert.deepEqual(s.text_problems, [], `${where}: the Options menu fits the screen`);
        }
      });
    }
  });

  test('a mouse keeps the compact sizes: a desktop is not finger-sized', async () => {
    await site.withApp({ viewport: { width: 1366, height: 768 } }, async (app) => {
      const s = await frames(app, 2);
      assert.equal(s.touch, false);
      assert.ok(s.items.File[3] < FINGER - 5, `File is ${s.items.File[3]} px on a desktop`);
    });
  });

  test('a tap works on every header button and combo item', async () => {
    await site.withApp(PHONE, async (app) => {
      let s = await frames(app, 2);
      assert.equal(s.layout, 'phone');

      // Seat: the combo opens, an item is picked.
      s = await tap(app, 'Seat');
      assert.ok(s.items.China, 'the seat combo opened on a tap');
      s = await tap(app, 'China');
      assert.equal(s.seat, 'China', 'tapping "China" seats China');
      assert.equal(s.items.China, undefined, 'the combo closed');

      // Preset: the same.
      s = await tap(app, 'Preset');
      assert.ok(s.items['Broad decoupling'], 'the preset combo opened on a tap');
      s = await tap(app, 'Broad decoupling');
      assert.equal(s.preset, 'broad_decoupling');

      // Undo, Redo, Reset after a lever change.
      await app.command({ cmd: 'set_lever', lever: SEMIS, value: 90 });
      s = await frames(app, 2);
      assert.equal(s.changed_levers, 1);
      s = await tap(app, 'Undo');
      assert.equal(s.changed_levers, 0, 'Undo took the lever back');
      assert.equal(s.can_redo, true);
      s = await tap(app, 'Redo');
      assert.equal(s.changed_levers, 1, 'Redo put it back');
      s = await tap(app, 'Reset');
      assert.equal(s.changed_levers, 0, 'Reset reset the levers');

      // File opens its menu; Share opens the share dialog (and Close closes it).
      s = await tap(app, 'File');
      assert.ok(s.items['New scenario'], 'the File menu opened on a tap');
      s = await tap(app, 'File');  // a tap outside the menu (on its button) closes it
      s = await waitFor(() => app.state(), (t) => !t.items['New scenario']);
      assert.equal(s.items['New scenario'], undefined, 'the File menu closed');
      s = await tap(app, 'Share');
      assert.ok(s.items['Copy link'], 'the share dialog opened on a tap');
      await saveScreenshot(app.page, 'touch-390x844-share');
      s = await tap(app, 'Close');
      assert.equal(s.items['Copy link'], undefined, 'Close closed the share dialog');

      // Options: its popup, and a button in it (Pin to compare).
      s = await tap(app, 'Options');
      assert.ok(s.items['Pin to compare'], 'the Options popup opened on a tap');
      assert.equal(s.pinned, false);
      s = await tap(app, 'Pin to compare');
      assert.equal(s.pinned, true, 'tapping "Pin to compare" pinned the scenario');
    });
  });

  test('a tap works on tabs and collapsing headers', async () => {
    await site.withApp(PHONE, async (app) => {
      let s = await frames(app, 2);
      assert.ok(s.items['Export controls'], 'the Protect levers are shown');
      s = await tap(app, 'Protect');
      assert.equal(s.items['Export controls'], undefined, 'tapping the Protect header folded it');
      s = await tap(app, 'Protect');
      assert.ok(s.items['Export controls'], 'a second tap unfolded it');

      for (const tab of ['Charts', 'Triangle', 'Why?', 'More', 'Levers']) {
        s = await tap(app, tab);
        assert.equal(s.tab, tab, `tapping the ${tab} tab shows it`);
      }
      s = await tap(app, 'More');
      const matrix = 'Sector \u00d7 bloc';
      assert.ok(s.items.Metric, 'the sector matrix is open');
      s = await tap(app, matrix);
      assert.equal(s.items.Metric, undefined, `tapping "${matrix}" folded it`);
    });
  });

  test('at text scale 1.6 the File menu opens below its button and New scenario can be cancelled by a tap', async () => {
    await site.withApp(PHONE_2X, async (app) => {
      await app.command({ cmd: 'font_scale', value: 1.6 });
      await app.command({ cmd: 'set_lever', lever: SEMIS, value: 90 });
      let s = await tap(app, 'File');
      const [, fy, , fh] = s.items.File;
      assert.ok(s.items['New scenario'], 'the File menu opened on a tap');
      // A tap on the button's lower half must not land on the menu's first row.
      assert.ok(s.items['New scenario'][1] >= fy + fh, `the menu (${s.items['New scenario']}) is below File (${s.items.File})`);
      s = await tap(app, 'New scenario');
      for (const label of ['Save a file, then start new', 'Start new', 'Cancel']) {
        const [x, y, w, h] = s.items[label] || await item(app, label);
        assert.ok(x >= 0 && y >= 0 && x + w <= 390 && y + h <= 844, `"${label}" is on screen: ${[x, y, w, h]}`);
      }
      await saveScreenshot(app.page, 'touch-390x844-new-scenario-1.6');
      s = await tap(app, 'Cancel');
      s = await waitFor(() => app.state(), (t) => !t.items.Cancel);
      assert.equal(s.changed_levers, 1, 'Cancel kept the scenario');
    });
  });

  test('a tap on a text field brings up the keyboard: typed text, accents and Backspace land in the field', async () => {
    await site.withApp(PHONE_2X, async (app) => {
      let s = await tap(app, 'Share');
      s = await tap(app, '##name');
      // The page's textarea has the focus (a phone shows its keyboard for it), not the canvas.
      assert.equal(await app.page.evaluate(() => document.activeElement.id), 'text-input');
      await app.page.keyboard.insertText('Team Ünï 3!');  // as a phone keyboard or an IME delivers it
      await frames(app, 3);
      await app.page.keyboard.press('Backspace');
      await frames(app, 3);
      await app.page.keyboard.press('Enter');
      s = await waitFor(() => app.state(), (t) => t.name === 'Team Ünï 3', { timeout: 3_000 });
      assert.equal(s.name, 'Team Ünï 3', 'the name typed, less the character Backspace deleted');
      // (ImGui reports the end of the editing a frame later.)
      const active = await waitFor(() => app.page.evaluate(() => document.activeElement.id), (id) => id === 'canvas', { timeout: 3_000 });
      assert.equal(active, 'canvas', 'Enter ends the editing');
    });
  });

  test('the tap that ends typing a name copies the link: the button does not move from under the finger', async () => {
    await site.withApp(PHONE_2X, async (app) => {
      let s = await tap(app, 'Share');
      const before = s.items['Copy link'];
      s = await tap(app, '##name');
      await app.page.keyboard.insertText('Team 3');
      s = await frames(app, 3);
      const posted = s.notices_posted;
      s = await tap(app, 'Copy link');  // no Enter: the tap itself ends the typing
      s = await waitFor(() => app.state(), (t) => t.name === 'Team 3' && t.notices_posted > posted, { timeout: 3_000 });
      assert.equal(s.name, 'Team 3', 'the name was kept');
      assert.ok(s.notices.some((n) => /Link copied/.test(n.text ?? n)), `the first tap copied: ${JSON.stringify(s.notices)}`);
      assert.deepEqual(s.items['Copy link'], before, 'Copy link stayed where it was');
      // The notice sits under the dialog (it had covered Close for its seconds): a tap on Close closes it.
      s = await tap(app, 'Close');
      assert.equal(s.items['Copy link'], undefined, 'the dialog closed');
    });
  });

  test('at text scale 1.6 a swipe on the Share dialog never drags it off the screen', async () => {
    await site.withApp(PHONE_2X, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'font_scale', value: 1.6 }), { ok: true });
      let s = await tap(app, 'Share');
      const field = await item(app, '##name');
      // Swipe up from the middle of the dialog, and once from its title bar.
      const x = PHONE.viewport.width / 2, y = PHONE.viewport.height / 2;
      for (const from of [y, field[1] - 40]) {
        s = await gesture(app, [0, 40, 80, 140, 200].map((d) => ({ x, y: Math.max(5, from - d) })));
        assert.ok(!s.text_problems.some((p) => /window off the screen/.test(p)), s.text_problems.join('; '));
      }
      const after = await item(app, '##name');
      assert.ok(after[1] >= 0, `the name field is still on the screen (${after})`);
    });
  });

  test('a swipe on a menu does not drag it away: the Options menu stays where it opened', async () => {
    await site.withApp(PHONE_2X, async (app) => {
      let s = await tap(app, 'Options');
      const horizon = await item(app, 'Horizon');
      const pin = await item(app, 'Pin to compare');
      // Up from the empty space right of "Pin to compare".
      const x = Math.min(PHONE.viewport.width - 20, pin[0] + pin[2] + 40), y = pin[1] + pin[3] / 2;
      s = await gesture(app, [0, 40, 80, 140, 200].map((d) => ({ x, y: y - d })));
      assert.deepEqual(s.items.Horizon, horizon, 'the menu did not move');
    });
  });

  test('each phone tab keeps its own scroll: a tab opens at its top, not where the last one was', async () => {
    await site.withApp(PHONE_2X, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'font_scale', value: 1.6 }), { ok: true });
      await tap(app, 'Charts');
      const x = PHONE.viewport.width / 2, y = PHONE.viewport.height * 0.8;
      for (let k = 0; k < 2; k++) await gesture(app, [0, 80, 160, 240, 320, 400].map((d) => ({ x, y: y - d })));
      await frames(app, 20);  // the momentum settles
      // The Triangle tab opens with its trilemma selector (its first row) in view, under the tabs.
      const s = await tap(app, 'Triangle');
      await saveScreenshot(app.page, 'phone-triangle-after-charts-scrolled-1.6');
      const tabs = s.items['More'], selector = s.items.Trilemma;
      assert.ok(selector, `the triangle's selector is drawn (${Object.keys(s.items).join(', ')})`);
      assert.ok(selector[1] >= tabs[1] + tabs[3], `it starts under the tabs: ${selector} vs ${tabs}`);
    });
  });

  test('a vertical swipe scrolls the lever list to the Partner levers; a slider under it keeps its value', async () => {
    await site.withApp(PHONE_2X, async (app) => {
      let s = await frames(app, 2);
      const height = PHONE.viewport.height;
      const onScreen = (r) => r && r[1] >= 0 && r[1] + r[3] <= height;
      assert.ok(!onScreen(s.items.Partner), 'the Partner levers start below the screen');
      const levers0 = s.levers;
      // Start on the semiconductor slider, swipe up in steps.
      const start = centre(s.lever_rects[`US.${SEMIS}`]);
      for (let swipe = 0; swipe < 6 && !onScreen(s.items.Partner); swipe++) {
        const points = [];
        for (let i = 0; i <= 8; i++) points.push({ x: start.x, y: start.y + 200 - i * 40 });
        s = await gesture(app, points);
        s = await frames(app, 10);  // and the fling after it
      }
      assert.ok(onScreen(s.items.Partner), `swiping brought the Partner levers on screen (${JSON.stringify(s.items.Partner)})`);
      assert.deepEqual(s.levers, levers0, 'no lever moved while swiping');
      assert.equal(s.can_undo, false);
      await saveScreenshot(app.page, 'touch-390x844-swiped-to-partner');
    });
  });

  test('a long press shows the tooltip, without a click', async () => {
    await site.withApp(PHONE_2X, async (app) => {
      let s = await frames(app, 2);
      assert.equal(s.tooltip, null, 'no tooltip at first');
      const seat = centre(s.items.Seat);
      s = await gesture(app, [seat], { holdMs: 800 });
      assert.ok(s.tooltip, 'a long press on Seat shows its tooltip');
      assert.deepEqual(s.text_problems, [], 'the tooltip fits the screen');
      assert.equal(s.items.China, undefined, 'and does not open the combo');
      await saveScreenshot(app.page, 'touch-390x844-long-press');
      s = await tap(app, 'Levers');
      assert.equal(s.tooltip, null, 'the next tap hides the tooltip');
    });
  });
});

describe('touch on a tablet (1024x768, 2x)', () => {
  test('a tap works on every header button and combo item', async () => {
    await site.withApp(TABLET, async (app) => {
      let s = await frames(app, 2);
      assert.equal(s.layout, 'tablet');

      s = await tap(app, 'Horizon');
      assert.ok(s.items['2032'], 'the horizon combo opened (at the year chosen, 2035)');
      s = await tap(app, '2032');
      assert.equal(s.horizon, 2032);

      s = await tap(app, 'View');
      assert.ok(s.items['A+'], 'the View popup opened');
      const scale = s.font_scale;
      s = await tap(app, 'A+');
      assert.ok(s.font_scale > scale, 'A+ made the text larger');
      s = await tap(app, 'Dark');
      assert.equal(s.theme, 'dark', 'the Dark button switched the theme');
      await app.command({ cmd: 'font_scale', value: 1 });
      await app.command({ cmd: 'theme', name: 'light' });
      await app.page.keyboard.press('Escape');
      s = await frames(app, 2);
      assert.equal(s.items['A+'], undefined, 'Escape closed the View popup');

      await app.command({ cmd: 'set_lever', lever: SEMIS, value: 90 });
      s = await tap(app, 'Pin to compare');
      assert.equal(s.pinned, true);
      s = await tap(app, 'Unpin');
      assert.equal(s.pinned, false);
      s = await tap(app, 'Reset levers');
      assert.equal(s.changed_levers, 0);

      s = await tap(app, 'Why?');
      assert.equal(s.tab, 'Why?');
      s = await tap(app, 'Why indicator');
      // The list opens at its current entry (Protect score, mid-list of 25),
      // so the first entries are above: a downward swipe on the list brings them.
      assert.ok(s.items['Protect score'], `the Why? selector opened at its current entry (items: ${Object.keys(s.items).join(' | ')})`);
      assert.ok(s.items['Standards influence'] && s.items['Standards influence'][1] < s.items['Protect score'][1],
        'the current entry sits mid-list: the entry before it shows above it');
      await saveScreenshot(app.page, 'touch-1024x768-why-selector-open');
      // The popup stays where it opened, so every swipe starts on the same
      // point: the current entry.
      const { x, y } = centre(s.items['Protect score']);
      for (let swipe = 0; swipe < 6 && !s.items['Rival access leakage']; swipe++) {
        s = await gesture(app, [0, 20, 40, 60, 80, 100, 120].map((d) => ({ x, y: y + d })));
      }
      assert.ok(s.items['Rival access leakage'], 'a swipe scrolled the selector to its first entries');
      s = await tap(app, 'Rival access leakage');
      assert.equal(s.items['Dependence on the rival'], undefined, 'picking an indicator closed the selector');
      await saveScreenshot(app.page, 'touch-1024x768-why-selector');

      // A guide that starts (as from the library or a link) shows its
      // briefing, and Undo cannot step back over its start onto the previous
      // work (the guide would judge it by its goals).
      await app.command({ cmd: 'seat', bloc: 'China' });
      await app.command({ cmd: 'set_lever', lever: SEMIS, value: 25 });
      assert.deepEqual(await app.command({ cmd: 'guide', id: 'any_two_or_all_three' }), { ok: true });
      s = await waitFor(() => app.state(), (t) => t.guide && t.tab === 'Guide');
      assert.equal(s.seat, 'US', 'the guide set its seat');
      assert.equal(s.can_undo, false, 'Undo cannot step back over the guide\'s start');
      // The goal's progress beside the step's levers: a tap (no tooltip on touch) opens the Guide tab and its conditions.
      s = await tap(app, 'Charts');
      assert.equal(s.tab, 'Charts');
      s = await tap(app, 'step goal');
      assert.equal(s.tab, 'Guide', "a tap on the goal's progress opens the Guide tab");

      // Last: the room view covers most of a tablet's screen.
      s = await tap(app, 'Trainer');
      assert.ok(s.items['Room view: compare participants\u2026'], 'the Trainer menu opened');
      s = await tap(app, 'Room view: compare participants\u2026');
      assert.ok(s.items['Export CSV'], 'the room view opened');
    });
  });
});
