// Trainer mode (app/trainer.cpp): a built-in guide walked from its link to
// the debrief, meeting each step's goal with the known solution
// (tests/unit/guides_test.cpp) and real mouse drags, with closed levers drawn
// disabled and deaf to the mouse; the presenter view and Previous; the room
// view fed three participants' share links and a garbage line, and a paste
// read line by line (titles beside links name the rows, a line without a
// link is one row showing it and why, the 200-row cap); a custom guide
// carried in the link, and a damaged one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SEMIS, VIEWPORT, assertCleanPage, clickItem, countPixels, darkPixels, decodePng, distinctColors, dropFile, frames, leverDef, mouseDrag,
  mousePressMove, parkMouse, pasteText, repoRoot, saveScreenshot, synced, useSite, valueX, waitFor, waitForReady,
} from './helpers.mjs';

const PROTECT_RGB = [0x9e, 0x42, 0x00]; // theme::ink().pillar[Protect] (light theme), the Protect levers' slider grab

const chipGuide = JSON.parse(readFileSync(join(repoRoot, 'assets', 'guides', 'chip_chokepoint.json'), 'utf8'));

// Known lever settings that meet each step's goal of chip_chokepoint, in order
// (copied from known_solutions() in tests/unit/guides_test.cpp). `drag`: the
// levers moved with the mouse (the rest by command).
const CHIP_SOLUTIONS = [
  {
    set: { 'export_controls.semis': 90, 'export_controls.ai': 90, 'export_controls.quantum': 80,
      'export_controls.telecom': 0, 'export_controls.biotech': 0, control_breadth: 10 },
    drag: ['export_controls.telecom', 'export_controls.semis'],
  },
  { set: { enforcement: 1400 }, drag: ['enforcement'] },
  {
    set: { alliance_coordination: 100, market_access: 100, domestic_content: 0, enforcement: 2000 },
    drag: ['alliance_coordination', 'market_access', 'domestic_content'],
  },
];

const site = useSite();

// ---------------------------------------------------------------------------
// Page helpers (the shared ones are in helpers.mjs).

// Scrolls the lever list with the mouse wheel until the seat's slider `key`
// lies wholly within [minY, maxY] (CSS px), drawn at the same place twice.
// In the desktop layout with a guide open, the lever list is the lower half of
// the left panel. Returns { s, rect }.
async function revealLever(app, key, { minY = VIEWPORT.height * 0.66, maxY = VIEWPORT.height - 18 } = {}) {
  let s = await frames(app, 1);
  // Slots are drawn in this order (levers.json is sorted by pillar), except
  // that a guide's step draws its open levers first, above the closed ones.
  const open = s.guide && s.guide.open_levers.length < Object.keys(s.levers).length ? s.guide.open_levers : [];
  const order = Object.keys(s.levers).sort((a, b) => open.includes(b) - open.includes(a));
  const full = `${s.seat}.${key}`;
  let last = null;
  for (let i = 0; i < 60; i++) {
    const rect = s.lever_rects[full];
    // Within the list's visible part too: a slider half under the tabs is drawn but cannot be pressed.
    const listTop = s.lever_list_visible ? s.lever_list_visible[1] : 0;
    if (rect && rect[1] >= Math.max(minY, listTop) && rect[1] + rect[3] <= maxY) {
      if (last && rect.every((v, j) => v === last[j])) {
        await parkMouse(app);
        return { s, rect };
      }
      last = rect;
      s = await frames(app, 1);
      continue;
    }
    last = null;
    let down;
    if (rect) down = rect[1] + rect[3] > maxY;
    else {
      const shown = Object.keys(s.lever_rects).map((k) => order.indexOf(k.slice(k.indexOf('.') + 1)));
      assert.ok(shown.length > 0, 'some lever sliders are drawn');
      down = order.indexOf(key) > Math.max(...shown);
    }
    await app.page.mouse.move(150, VIEWPORT.height - 40);
    await app.page.mouse.wheel(0, down ? 50 : -50);
    s = await frames(app, 2);
  }
  assert.fail(`slider ${full} scrolled into [${minY}, ${maxY}] (last ${JSON.stringify(s.lever_rects[full])})`);
}

// Drags the seat's slider `key` with the mouse to `target`: press on the
// grab, move there in a few frames, then nudge a pixel at a time to the
// nearest value the slider's pixels allow, and release. Returns the state.
async function dragLever(app, key, target) {
  const d = leverDef(key);
  const { s, rect } = await revealLever(app, key, { minY: 0 });
  const y = rect[1] + rect[3] / 2;
  const from = valueX(rect, s.levers[key], d.min, d.max);
  const to = target <= d.min ? rect[0] - 30 : target >= d.max ? rect[0] + rect[2] + 30 : Math.round(valueX(rect, target, d.min, d.max));
  const { page } = app;
  await mousePressMove(app, { x: from, y }, { x: to, y });
  let x = to;
  let best = { x, err: Math.abs((await app.state()).levers[key] - target) };
  for (let i = 0; i < 8 && best.err > 0; i++) {
    const v = (await app.state()).levers[key];
    x += v < target ? 1 : -1;
    await page.mouse.move(x, y);
    const err = Math.abs((await frames(app, 1)).levers[key] - target);
    if (err < best.err) best = { x, err };
  }
  await page.mouse.move(best.x, y);
  await frames(app, 1);
  await page.mouse.up();
  await frames(app, 1);
  await parkMouse(app);
  return app.state();
}

// Slot keys of the seat's levers that `open` (lever ids or slot keys) opens.
const expandOpen = (open, keys) => keys.filter((k) => open.includes(k) || open.includes(k.split('.')[0])).sort();

const near = ([r, g, b], [R, G, B], tol = 10) => Math.abs(r - R) <= tol && Math.abs(g - G) <= tol && Math.abs(b - B) <= tol;

// ---------------------------------------------------------------------------

describe('trainer', () => {
  test('a guide from its link, walked from the first step to the debrief', async (t) => {
    await site.withApp({ hash: '#guide=chip_chokepoint', viewport: VIEWPORT }, async (app) => {
      let s = await frames(app, 2);
      assert.ok(s.guide, 'a guide is open');
      assert.equal(s.guide.id, 'chip_chokepoint');
      assert.equal(s.guide.step, 0);
      assert.equal(s.guide.steps, chipGuide.steps.length);
      assert.equal(s.guide.finished, false);
      assert.equal(s.guide.has_goal, true);
      assert.equal(s.seat, chipGuide.seat);
      assert.equal(s.name, chipGuide.title);
      assert.deepEqual(s.notices, [], 'nothing to keep: the guide panel names the guide, no notice covers it');
      const keys = Object.keys(s.levers);
      assert.deepEqual([...s.guide.open_levers].sort(), expandOpen(chipGuide.steps[0].open_levers, keys),
        'only the first step\'s levers are open');
      assert.ok(s.guide.open_levers.length < keys.length);
      await saveScreenshot(app.page, 'trainer-guide-step1-start');

      // An open lever's grab is drawn vivid.
      await parkMouse(app);
      ({ s } = await revealLever(app, 'control_breadth', { minY: 0, maxY: VIEWPORT.height - 18 }));
      const openRect = s.lever_rects['US.control_breadth'];
      const openImg = decodePng(await saveScreenshot(app.page, 'trainer-open-levers-first'));
      const region = ([x, y, w, h]) => ({ x: Math.round(x), y: Math.round(y), width: Math.round(w), height: Math.round(h) });
      assert.ok(countPixels(openImg, region(openRect), (p) => near(p, PROTECT_RGB)) > 40, "the open slider's grab is vivid");

      // A closed lever (enforcement) is drawn disabled, and the mouse cannot move it.
      await parkMouse(app);
      ({ s } = await revealLever(app, 'enforcement', { minY: 0, maxY: VIEWPORT.height - 18 }));
      const closedRect = s.lever_rects['US.enforcement'];
      assert.ok(!s.guide.open_levers.includes('enforcement'));
      const img = decodePng(await saveScreenshot(app.page, 'trainer-closed-lever'));
      const vivid = (r) => countPixels(img, region(r), (p) => near(p, PROTECT_RGB));
      const faded = (r) => countPixels(img, region(r), ([R, G, B]) => R > 170 && R - B > 40 && !near([R, G, B], PROTECT_RGB));
      assert.equal(vivid(closedRect), 0, 'the closed slider has no vivid grab');
      assert.ok(faded(closedRect) > 40, `the closed slider's grab is drawn faded (${faded(closedRect)} px)`);
      const e = leverDef('enforcement');
      const y = closedRect[1] + closedRect[3] / 2;
      await mouseDrag(app, { x: valueX(closedRect, s.levers.enforcement, e.min, e.max), y },
        { x: closedRect[0] + closedRect[2] + 30, y });
      await parkMouse(app);
      let after = await frames(app, 1);
      assert.equal(after.levers.enforcement, s.levers.enforcement, 'the closed lever did not move');
      assert.equal(after.revision, s.revision, 'the scenario did not change');

      for (let k = 0; k < chipGuide.steps.length; k++) {
        const step = chipGuide.steps[k];
        const solution = CHIP_SOLUTIONS[k];
        s = await frames(app, 1);
        assert.equal(s.guide.step, k);
        assert.equal(s.guide.finished, false);
        assert.equal(s.guide.goal_met, false, `step ${k + 1}: the goal is not met at the start`);
        assert.ok(s.guide.conditions_met < step.goal.conditions.length);
        assert.deepEqual([...s.guide.open_levers].sort(), expandOpen(step.open_levers, keys), `step ${k + 1}: open levers`);
        for (const lever of Object.keys(solution.set)) assert.ok(s.guide.open_levers.includes(lever), `${lever} is open`);

        if (k === 1) {
          // Previous: back to the first step with its levers open again; its
          // goal is still met (the levers stay where they were); then forward.
          assert.ok(!s.guide.open_levers.includes('export_controls.semis'), 'the first step\'s levers are closed now');
          // The step's open lever comes first, above every closed one (here
          // enforcement, listed after the export controls by pillar), so a
          // participant finds it without scrolling past closed levers.
          const r = await revealLever(app, 'enforcement', { minY: 0, maxY: VIEWPORT.height - 18 });
          const tops = (open) => Object.entries(r.s.lever_rects)
            .filter(([k]) => r.s.guide.open_levers.includes(k.slice(k.indexOf('.') + 1)) === open).map(([, rect]) => rect[1]);
          assert.ok(tops(false).length > 0 && Math.max(...tops(true)) < Math.min(...tops(false)),
            `open levers (${tops(true)}) above closed ones (${tops(false)})`);
          assert.deepEqual(await app.command({ cmd: 'guide_prev' }), { ok: true });
          const p = await frames(app, 1);
          assert.equal(p.guide.step, 0);
          assert.equal(p.guide.goal_met, true, 'the first step\'s goal is still met');
          assert.deepEqual([...p.guide.open_levers].sort(), expandOpen(chipGuide.steps[0].open_levers, keys));
          assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
          const n = await frames(app, 1);
          assert.equal(n.guide.step, 1);
          assert.equal(n.guide.goal_met, false);
        }

        // The known solution: mouse drags first, then commands for the rest
        // (and to put a dragged lever exactly on its value if the slider's
        // pixels cannot reach it).
        for (const lever of solution.drag) {
          const d = leverDef(lever);
          const target = solution.set[lever];
          const before = (await app.state()).levers[lever];
          const dragged = await dragLever(app, lever, target);
          const perPixel = (d.max - d.min) / 60; // sliders are at least 80 px wide
          assert.ok(Math.abs(dragged.levers[lever] - target) <= perPixel,
            `step ${k + 1}: the mouse moved ${lever} from ${before} to ${dragged.levers[lever]} (target ${target})`);
          if (target === d.min || target === d.max) assert.equal(dragged.levers[lever], target, `${lever} at its end`);
          t.diagnostic(`step ${k + 1}: mouse drag ${lever} ${before} -> ${dragged.levers[lever]} (target ${target})`);
        }
        for (const [lever, value] of Object.entries(solution.set)) {
          if ((await app.state()).levers[lever] === value) continue;
          assert.deepEqual(await app.command({ cmd: 'set_lever', lever, value }), { ok: true });
        }
        s = await waitFor(() => app.state(), (t) => t.guide.goal_met);
        for (const [lever, value] of Object.entries(solution.set)) assert.equal(s.levers[lever], value, lever);
        assert.equal(s.guide.goal_met, true, `step ${k + 1}: the known solution meets the goal`);
        assert.equal(s.guide.conditions_met, step.goal.conditions.length);
        await saveScreenshot(app.page, `trainer-guide-step${k + 1}-met`);

        if (k === chipGuide.steps.length - 1) {
          // Presenter view: large type, no lever sliders; and back.
          assert.deepEqual(await app.command({ cmd: 'presenter' }), { ok: true });
          let p = await frames(app, 2);
          assert.equal(p.guide.presenter, true);
          assert.deepEqual(p.lever_rects, {}, 'the presenter view shows no sliders');
          const png = decodePng(await saveScreenshot(app.page, 'trainer-presenter'));
          assert.ok(distinctColors(png) >= 64, 'the presenter view is drawn');
          // The QR code for the guide's link: black and white modules on the right.
          const qrDark = darkPixels(png, { x: 700, y: 0, width: 580, height: 800 }, 60);
          assert.ok(qrDark > 2000, `a QR code is drawn (${qrDark} dark px)`);
          assert.deepEqual(await app.command({ cmd: 'presenter' }), { ok: true });
          p = await frames(app, 2);
          assert.equal(p.guide.presenter, false);
          assert.ok(Object.keys(p.lever_rects).length > 0, 'sliders are back');
        }

        assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      }

      s = await frames(app, 2);
      assert.equal(s.guide.finished, true, 'the guide is finished');
      assert.equal(s.guide.path, chipGuide.steps.length, 'every step is in the path');
      assert.equal(s.guide.open_levers.length, keys.length, 'every lever is open again');
      const debrief = decodePng(await saveScreenshot(app.page, 'trainer-debrief'));
      assert.ok(distinctColors(debrief, { x: 10, y: 100, width: 340, height: 340 }) >= 16, 'the debrief panel is drawn');
    });
  });

  test("a laptop shows every lever each step opens; a file opened during a guide leaves the guide", async () => {
    await site.withApp({ viewport: { width: 1366, height: 768 } }, async (app) => {
      await app.command({ cmd: 'set_lever', lever: SEMIS, value: 77 });  // work to keep
      await synced(app);
      assert.deepEqual(await app.command({ cmd: 'guide', id: 'chip_chokepoint' }), { ok: true });
      assert.ok((await frames(app, 1)).notices.some((n) => /^Started the guide .*: your previous work is kept in the library\.$/.test(n)));
      // Step 1 opens seven levers (export controls in six sectors, breadth), step 3 four.
      for (let step = 0; step < 3; ++step) {
        if (step > 0) await app.command({ cmd: 'guide_next' });
        const s = await frames(app, 4);
        assert.equal(s.guide.step, step);
        const [, top, , height] = s.lever_list_visible;
        assert.equal(s.guide.open_levers.length, [7, 1, 4][step]);
        for (const key of s.guide.open_levers) {
          const r = s.lever_rects[`US.${key}`];
          assert.ok(r && r[1] >= top && r[1] + r[3] <= top + height,
            `step ${step + 1}: ${key} (${r}) shows in the lever list (${top}-${top + height})`);
        }
        // The goal's progress beside "Open in this step" (its status lines can be below the guide box's fold).
        const note = s.items['step goal'];
        assert.ok(note && note[1] >= top && note[1] + note[3] <= top + height, `step ${step + 1}: the goal's progress shows above the levers`);
      }
      // The guide judges its goals on its own seat and horizon: a scenario file replaces them, so the guide is left.
      const file = JSON.stringify({ format: 'trilemma-lab/scenario', version: 1, preset: 'status_quo_2024', seat: 'US', horizon: 2031 });
      assert.equal(await dropFile(app, 'mid.json', file), true);
      const t = await waitFor(() => app.state(), (x) => x.guide === null, { timeout: 15_000 });
      assert.ok(t.notices.some((n) => /^Left the guide \u201cThe chip chokepoint and leaky controls\u201d: the scenario on screen is no longer the guide's/.test(n)),
        JSON.stringify(t.notices));
      assert.equal(t.horizon, 2031);
    });
  });

  test("Restart puts the step's levers back; Previous then Next returns to the step as it was left, its goal measured from the same start", async () => {
    await site.withApp({ viewport: { width: 1366, height: 768 } }, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'guide', id: 'chip_chokepoint' }), { ok: true });
      let s = await frames(app, 2);
      const semisAtStart = s.levers[SEMIS];
      await app.command({ cmd: 'set_lever', lever: SEMIS, value: 95 });
      await synced(app);
      s = await clickItem(app, 'Restart');
      s = await frames(app, 2);
      assert.equal(s.guide.step, 0);
      assert.equal(s.levers[SEMIS], semisAtStart, 'Restart put the dragged lever back to where the step began');

      for (const [lever, value] of Object.entries(CHIP_SOLUTIONS[0].set)) await app.command({ cmd: 'set_lever', lever, value });
      s = await clickItem(app, 'Next step');
      // Step 2's leakage target is measured from where the step began.
      const target = (await frames(app, 2)).guide.targets[0];
      await app.command({ cmd: 'set_lever', lever: 'enforcement', value: 1400 });
      s = await waitFor(() => app.state(), (t) => t.guide.goal_met);
      s = await clickItem(app, 'Restart');
      s = await frames(app, 2);
      assert.notEqual(s.levers.enforcement, 1400, 'Restart put enforcement back');
      assert.equal(s.guide.targets[0], target, "Restart kept the step's target");
      await app.command({ cmd: 'set_lever', lever: 'enforcement', value: 1400 });
      s = await waitFor(() => app.state(), (t) => t.guide.goal_met);

      // Back to re-read step 1 and on again: nothing changed, so step 2 is as it was left, still met.
      s = await clickItem(app, 'Previous');
      s = await frames(app, 2);
      assert.equal(s.guide.step, 0);
      assert.equal(s.levers[SEMIS], CHIP_SOLUTIONS[0].set[SEMIS], 'step 1 as it was left');
      s = await clickItem(app, 'Next step');
      s = await waitFor(() => app.state(), (t) => t.guide.step === 1 && t.guide.goal_met);
      assert.equal(s.levers.enforcement, 1400, 'step 2 as it was left');
      assert.equal(s.guide.targets[0], target, "the step's target did not move");
    });
  });

  test("on a projector at text x1.6, opening the facilitator notes leaves the triangle and the QR code's column as they were", async () => {
    await site.withApp({ viewport: { width: 1920, height: 1080 } }, async (app) => {
      await app.command({ cmd: 'font_scale', value: 1.6 });
      assert.deepEqual(await app.command({ cmd: 'guide', id: 'chip_chokepoint' }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'presenter' }), { ok: true });
      const before = await frames(app, 3);
      assert.ok(before.items.Trilemma, 'the trilemma selector over the triangle is drawn');
      // The code is under the brief (the left 55%), its column free for the triangle.
      const shot = decodePng(await app.page.screenshot());
      assert.ok(darkPixels(shot, { x: 0, y: 540, width: 1000, height: 540 }, 60) > 2000, 'the QR code is under the brief');
      assert.ok(darkPixels(shot, { x: 1500, y: 0, width: 420, height: 400 }, 60) < 2000, 'no QR code at the top right');
      await clickItem(app, 'Facilitator notes');
      await clickItem(app, 'Hints');
      await parkMouse(app);
      const after = await frames(app, 3);
      assert.ok(after.items['Facilitator notes'][1] > before.items['Facilitator notes'][1], 'the hints opened above the notes');
      assert.deepEqual(after.items.Trilemma, before.items.Trilemma, 'the triangle column did not change (the QR code did not move beside it)');
    });
  });

  test("a lever open in two steps takes the earlier step's new value; the later step's other moves are kept", async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'guide', id: 'any_two_or_all_three' }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });  // steps 2 and 3 open every lever
      await app.command({ cmd: 'set_lever', lever: 'market_access', value: 70 });
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      await app.command({ cmd: 'set_lever', lever: 'market_access', value: 90 });
      await app.command({ cmd: 'set_lever', lever: 'talent_openness', value: 20 });
      assert.deepEqual(await app.command({ cmd: 'guide_prev' }), { ok: true });
      let s = await frames(app, 2);
      assert.equal(s.levers.market_access, 70, 'step 2 as it was left');
      await app.command({ cmd: 'set_lever', lever: 'market_access', value: 40 });
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      s = await frames(app, 2);
      assert.equal(s.guide.step, 2);
      assert.equal(s.levers.market_access, 40, "the earlier step's new value");
      assert.equal(s.levers.talent_openness, 20, "the later step's own move is kept");
    });
  });

  test("each new step opens the lever list at its top, where the step's open levers are", async () => {
    await site.withApp({ viewport: { width: 1366, height: 768 } }, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'guide', id: 'chip_chokepoint' }), { ok: true });
      let s = await frames(app, 2);
      const [x, top, w, height] = s.lever_list_visible;
      await app.page.mouse.move(x + w / 2, top + height / 2);
      for (let k = 0; k < 6; ++k) { await app.page.mouse.wheel(0, 400); await frames(app, 1); }
      s = await frames(app, 2);
      assert.ok(!s.lever_rects[`US.${SEMIS}`], 'the list was scrolled past the first step\'s levers');
      await parkMouse(app);
      s = await clickItem(app, 'Next step');
      s = await frames(app, 3);
      const r = s.lever_rects['US.enforcement'];
      assert.ok(r && r[1] >= top && r[1] + r[3] <= top + height, `step 2's open lever shows (${r}; list ${top}-${top + height})`);
    });
  });

  test("during a guide the seat, preset, horizon and start year are the guide's, and Reset resets only the levers open now", async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'guide', id: 'chip_chokepoint' }), { ok: true });
      await app.command({ cmd: 'set_lever', lever: SEMIS, value: 95 });  // open in the first step
      await app.command({ cmd: 'guide_next' });  // the second opens enforcement only
      const enforcement = (await frames(app, 1)).levers.enforcement;
      await app.command({ cmd: 'set_lever', lever: 'enforcement', value: 1000 });
      let s = await frames(app, 2);
      assert.equal(s.guide.step, 1);
      for (const combo of ['Seat', 'Preset', 'Horizon']) {
        s = await clickItem(app, combo);
        s = await frames(app, 2);
        assert.ok(!s.items['Broad decoupling'] && !s.items.China && !s.items['2040'], `${combo} did not open`);
      }
      assert.equal(s.seat, 'US');
      assert.equal(s.preset, 'status_quo_2024');
      s = await clickItem(app, 'Reset levers');
      s = await frames(app, 2);
      assert.equal(s.levers.enforcement, enforcement, 'the open lever went back to the baseline');
      assert.equal(s.levers[SEMIS], 95, "the first step's lever, closed now, kept its value");
      // Only closed levers differ now: Reset has nothing to do, and is disabled.
      assert.ok(s.changed_levers >= 1 && s.resettable_levers === 0, `${s.changed_levers} changed, ${s.resettable_levers} resettable`);
    });
  });

  test('the room view gathers three share links and reports a garbage line', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      // Three participants' scenarios, each with its share code and indicators.
      const made = [];
      const snapshot = async () => {
        const s = await synced(app);
        made.push({ code: s.share_code, ind: s.indicators, seat: s.seat });
      };
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: 'export_controls.semis', value: 90 }), { ok: true });
      await snapshot();
      assert.deepEqual(await app.command({ cmd: 'preset', id: 'broad_decoupling' }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: 'market_access', value: 80 }), { ok: true });
      await snapshot();
      assert.deepEqual(await app.command({ cmd: 'seat', bloc: 'EU' }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: 'subsidies.semis', value: 60 }), { ok: true });
      await snapshot();
      assert.equal(new Set(made.map((m) => m.code)).size, 3, 'three different scenarios');
      assert.notEqual(made[0].ind.protect, made[1].ind.protect);

      const before = await app.state();
      const text = [`${site.url}#s=${made[0].code}`, made[1].code, 'not-a-share-link', made[2].code].join('\n');
      assert.deepEqual(await app.command({ cmd: 'room_add', text }), { ok: true });
      let s = await frames(app, 2);
      assert.equal(s.room.length, 4);
      assert.deepEqual(s.room.map((e) => e.ok), [true, true, false, true]);
      const okEntries = s.room.filter((e) => e.ok);
      okEntries.forEach((e, i) => {
        for (const p of ['protect', 'promote', 'partner']) {
          assert.ok(Math.abs(e[p] - made[i].ind[p]) < 1e-9, `participant ${i + 1}: ${p} ${e[p]} = ${made[i].ind[p]}`);
        }
      });
      // Labels: the row number, then the scenario's name when it has one (two
      // participants may share a name); unreadable lines get the number alone.
      assert.ok(s.room[0].label.startsWith('1'), s.room[0].label);
      assert.equal(s.room[2].label, '3');
      assert.ok(s.room.every((e, i) => e.label.startsWith(String(i + 1))));
      assert.ok(s.room.every((e) => e.label.length > 0));
      assert.equal(s.room_status, '3 scenarios added to the room, 1 line could not be read (see the table).');
      assert.equal(s.share_code, before.share_code, 'the room does not change the scenario');
      await parkMouse(app);
      await saveScreenshot(app.page, 'trainer-room');

      // With the room open, a link pasted on the page (a real paste event) joins the room.
      const took = await pasteText(app, made[0].code);
      assert.equal(took, true);
      s = await waitFor(() => app.state(), (t) => t.room.length === 5);
      assert.equal(s.room.length, 5, 'the pasted link joined the room');
      assert.equal(s.room[4].ok, true);
      assert.ok(Math.abs(s.room[4].protect - made[0].ind.protect) < 1e-9);
      assert.equal(s.share_code, before.share_code);
    });
  });

  test('the room reads a paste line by line: a title beside a link names its row, a line without one is one row saying why', async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const code = async (commands) => {
        for (const c of commands) assert.deepEqual(await app.command(c), { ok: true });
        return (await synced(app)).share_code;
      };
      const red = await code([{ cmd: 'set_lever', lever: 'export_controls.semis', value: 90 }]);
      const blue = await code([{ cmd: 'preset', id: 'broad_decoupling' }, { cmd: 'set_lever', lever: 'market_access', value: 70 }]);
      // A scenario with a name of its own (the participant typed it when sharing).
      const file = { format: 'trilemma-lab/scenario', version: 2, name: 'Table 4 by the window', preset: 'allied_tech_alliance',
        seat: 'US', horizon: 2035, start_year: 2025, reactions: true, levers: { US: { 'export_controls.semis': 20 } }, assumptions: {} };
      const named = await code([{ cmd: 'open_text', text: JSON.stringify(file) }]);
      const before = await app.state();

      // As chat apps and the phone's Share button send them: a title with each link.
      const text = [`Team Red: ${site.url}#s=${red}`, `<${site.url}#s=${blue}> from Blue`, '', 'hello world', '  '].join('\n');
      assert.deepEqual(await app.command({ cmd: 'font_scale', value: 1.6 }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'room_add', text }), { ok: true });
      let s = await frames(app, 3);
      assert.equal(s.room.length, 3, `three lines with text, three rows (${JSON.stringify(s.room)})`);
      assert.deepEqual(s.room.map((e) => e.ok), [true, true, false]);
      assert.equal(s.room[0].label, '1 Team Red', 'the title before the link names the row');
      assert.equal(s.room[1].label, '2 Blue', 'the title after it too, without "from"');
      assert.equal(s.room[2].label, '3');
      assert.equal(s.room[2].text, 'hello world', 'the unreadable row keeps the line it came from');
      assert.match(s.room[2].error, /no share link or share code in this line/);
      assert.equal(s.room_status, '2 scenarios added to the room, 1 line could not be read (see the table).');
      assert.equal(s.share_code, before.share_code, 'the room does not change the scenario');

      // The line and the reason are in plain view (no hover), in the wide column, whole.
      await parkMouse(app);
      s = await frames(app, 2);
      assert.equal(s.tooltip, null, 'no tooltip is open');
      const line = s.items['room line 3'], reason = s.items['room reason 3'];
      assert.ok(line && reason, `the row shows its line and the reason (${Object.keys(s.items).filter((k) => k.startsWith('room'))})`);
      assert.equal(line[0], reason[0], 'one above the other');
      assert.ok(reason[2] >= 300, `in a wide column (${line}, ${reason})`);
      assert.ok(line[0] < VIEWPORT.width / 8, `at the row's start (${line})`);
      assert.deepEqual(s.text_problems, [], 'no text clipped or overlapping, in the table or at the marks');

      // A name of its own comes first, the title with it; broken links, other links and several links on a line.
      const more = [
        `Table 4: ${site.url}#s=${named}`,
        `Team Yellow: ${site.url}#s=${red.slice(0, 12)}`,
        `Orange: ${site.url}#guide=chip_chokepoint`,
        `Green: ${red} Purple: ${blue}`,
        `${site.url}#s=${blue.slice(0, 14)}`,
      ].join('\r\n');
      assert.deepEqual(await app.command({ cmd: 'room_add', text: more }), { ok: true });
      s = await frames(app, 3);
      assert.equal(s.room.length, 9, JSON.stringify(s.room.map((e) => e.label)));
      assert.equal(s.room[3].label, '4 Table 4 by the window', "the scenario's own name, which holds the title");
      assert.equal(s.room[4].ok, false);
      assert.equal(s.room[4].text, 'Team Yellow', 'a link cut short: its title names the row');
      assert.match(s.room[4].error, /character \d+/, `what is wrong and where (${s.room[4].error})`);
      assert.equal(s.room[5].ok, false);
      assert.match(s.room[5].error, /not to a scenario.*#s=/, s.room[5].error);
      assert.ok(s.room[5].text.startsWith('Orange: http'), s.room[5].text);
      assert.deepEqual(s.room.slice(6, 8).map((e) => e.label), ['7 Green', '8 Purple'], 'two links on a line: two rows');
      assert.deepEqual(s.room.slice(6, 8).map((e) => e.same_as), [0, 1], 'the same scenarios as rows 1 and 2');
      assert.equal(s.room[8].ok, false);
      await parkMouse(app);
      s = await frames(app, 2);
      // A bare broken link, with no title: the row shows the link, so the trainer can tell whose it was.
      assert.ok(s.items['room line 9'] && s.items['room reason 9'], Object.keys(s.items).filter((k) => k.startsWith('room')).join(', '));
      assert.deepEqual(s.text_problems, [], 'the marks\' numbers are placed apart, clear of the names');
      await saveScreenshot(app.page, 'trainer-room-titles');

      // The room holds 200 rows: what is beyond is left out, and the notice says so.
      const many = Array.from({ length: 200 }, (_, i) => `Seat ${i}: ${site.url}#s=${red}`).join('\n');
      assert.deepEqual(await app.command({ cmd: 'room_add', text: many }), { ok: true });
      s = await frames(app, 2);
      assert.equal(s.room.length, 200);
      assert.match(s.room_status, /^191 scenarios added to the room, 191 the same as an earlier row .*, 9 lines left out: the room holds 200 rows/);
    });
  });

  test('a custom guide carried in the link, and a damaged one', async () => {
    const md = readFileSync(join(repoRoot, 'docs', 'guides.md'), 'utf8');
    const example = md.match(/```json\n([\s\S]*?)\n```/);
    assert.ok(example, 'docs/guides.md has an example guide');
    const guide = JSON.parse(example[1]);
    const encoded = Buffer.from(JSON.stringify(guide), 'utf8').toString('base64url');
    await site.withApp({ hash: `#guide=~${encoded}`, viewport: VIEWPORT }, async (app) => {
      let s = await frames(app, 2);
      assert.ok(s.guide, `the guide opened (${JSON.stringify(s.notices)})`);
      assert.equal(s.guide.id, guide.id);
      assert.equal(s.guide.steps, guide.steps.length);
      assert.equal(s.guide.step, 0);
      assert.equal(s.name, guide.title);
      assert.deepEqual([...s.guide.open_levers].sort(), expandOpen(guide.steps[0].open_levers, Object.keys(s.levers)));
      for (const [k, v] of Object.entries(guide.steps[0].set)) assert.equal(s.levers[k], v, `the step's set: ${k}`);
      assert.equal(s.guide.goal_met, false);
      // Its first goal: a tenth less leakage from the step's start, by enforcement.
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: 'enforcement', value: 2000 }), { ok: true });
      s = await frames(app, 1);
      assert.equal(s.guide.goal_met, true, 'full enforcement meets the example\'s first goal');
      await saveScreenshot(app.page, 'trainer-custom-guide');
      assertCleanPage(app);

      await site.withApp({ hash: '#guide=~@@@', viewport: VIEWPORT }, async (damaged) => {
        const d = await frames(damaged, 3);
        assert.equal(d.guide, null, 'no guide');
        assert.ok(d.notices.some((n) => /guide from the link could not be opened: guide: the link is damaged/.test(n)), JSON.stringify(d.notices));
        assert.equal(d.preset, 'status_quo_2024');
        assert.equal(d.changed_levers, 0);
        assert.deepEqual(await damaged.command({ cmd: 'set_lever', lever: 'export_controls.semis', value: 75 }), { ok: true });
        assert.equal((await frames(damaged, 1)).levers['export_controls.semis'], 75, 'the app still runs');
        await saveScreenshot(damaged.page, 'trainer-damaged-guide-link');
      });
    });
  });

  test("after a reload, Previous then Next keep a step's start, and the debrief's Back to the last step keeps its levers", async () => {
    await site.withApp({ viewport: VIEWPORT }, async (app) => {
      const reload = async () => {
        await app.page.reload({ waitUntil: 'load' });
        await waitForReady(app.page);
        return frames(app, 2);
      };
      assert.deepEqual(await app.command({ cmd: 'guide', id: 'chip_chokepoint' }), { ok: true });
      for (const [lever, value] of Object.entries(CHIP_SOLUTIONS[0].set)) await app.command({ cmd: 'set_lever', lever, value });
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      const target = (await frames(app, 2)).guide.targets[0];
      await app.command({ cmd: 'set_lever', lever: 'enforcement', value: 1400 });
      await waitFor(() => app.state(), (t) => t.guide.goal_met);
      await synced(app);
      let r = await reload();
      assert.equal(r.guide.step, 1);
      r = await waitFor(() => app.state(), (t) => t.guide.goal_met);
      assert.equal(r.guide.targets[0], target, 'the target after a reload');
      assert.deepEqual(await app.command({ cmd: 'guide_prev' }), { ok: true });
      assert.equal((await frames(app, 2)).levers[SEMIS], CHIP_SOLUTIONS[0].set[SEMIS], 'step 1 as it was left');
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      r = await waitFor(() => app.state(), (t) => t.guide.step === 1 && t.guide.goal_met);
      assert.equal(r.levers.enforcement, 1400, 'step 2 as it was left');
      assert.equal(r.guide.targets[0], target, "the step's target did not move");

      // The last step, then the debrief; after a reload, back to the last step with its levers.
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      await app.command({ cmd: 'set_lever', lever: 'market_access', value: 100 });
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      assert.equal((await synced(app)).guide.finished, true);
      r = await reload();
      assert.equal(r.guide.finished, true);
      // The button is at the end of the debrief: scroll the guide's box to it, as a participant would.
      for (let i = 0; i < 30 && !r.items['Back to the last step']; ++i) {
        await app.page.mouse.move(150, 250);
        await app.page.mouse.wheel(0, 200);
        r = await frames(app, 2);
      }
      r = await clickItem(app, 'Back to the last step');
      r = await frames(app, 2);
      assert.equal(r.guide.finished, false);
      assert.equal(r.guide.step, 2);
      assert.equal(r.levers.market_access, 100, "the last step's move is kept");
      assert.ok(r.items.Restart, "the step's buttons are in view (its panel opened at its top, not at the debrief's scroll)");

      // An earlier step changed: the step after it starts afresh from it, keeping the levers it opens as they were.
      assert.deepEqual(await app.command({ cmd: 'guide_prev' }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'guide_prev' }), { ok: true });
      assert.equal((await frames(app, 2)).guide.step, 0);
      await app.command({ cmd: 'set_lever', lever: 'control_breadth', value: 12 });
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      r = await frames(app, 2);
      assert.equal(r.guide.step, 1);
      assert.equal(r.levers.control_breadth, 12, "step 1's change carried into step 2");
      assert.equal(r.levers.enforcement, 1400, "step 2's own lever kept the participant's value");
    });
  });

  test('a reload comes back to the guide at its step, with its path, levers and presenter view', async () => {
    await site.withApp({ hash: '#guide=chip_chokepoint', viewport: VIEWPORT }, async (app) => {
      const entries = () => app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trilemma-lab.library.')).length);
      const reload = async () => {
        await app.page.reload({ waitUntil: 'load' });
        await waitForReady(app.page);
        return frames(app, 2);
      };
      let s = await frames(app, 2);
      const entry = s.entry;
      const kept = await entries();
      // A reload at once, the guide's link still in the address: the same
      // guide and entry, not a new start in a new entry.
      let r = await reload();
      assert.ok(r.guide, 'the guide is back after a reload');
      assert.equal(r.guide.id, 'chip_chokepoint');
      assert.equal(r.guide.step, 0);
      assert.equal(r.entry, entry);
      assert.equal(await entries(), kept, 'no new library entry');
      // A move, the next step, the presenter view: all back after a reload.
      assert.deepEqual(await app.command({ cmd: 'set_lever', lever: 'export_controls.semis', value: 90 }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'presenter' }), { ok: true });
      s = await synced(app);
      assert.equal(s.guide.step, 1);
      r = await reload();
      assert.ok(r.guide, 'the guide is back after the second reload');
      assert.equal(r.guide.step, 1, 'at the step it was on');
      assert.equal(r.guide.path, 1, 'with the path so far (for the debrief)');
      assert.equal(r.guide.presenter, true);
      // Its way out is in view on a laptop at large text, and Escape leaves it.
      assert.deepEqual(await app.command({ cmd: 'font_scale', value: 1.6 }), { ok: true });
      const big = await frames(app, 3);
      const leave = big.items['Leave presenter view'];
      assert.ok(leave && leave[1] >= 0 && leave[1] + leave[3] <= VIEWPORT.height && leave[3] > 10, JSON.stringify(leave));
      await saveScreenshot(app.page, 'trainer-presenter-laptop-text-1.6');
      assert.deepEqual(await app.command({ cmd: 'font_scale', value: 1 }), { ok: true });
      await app.page.keyboard.press('Escape');
      assert.equal((await frames(app, 2)).guide.presenter, false, 'Escape leaves the presenter view');
      assert.equal(r.levers['export_controls.semis'], 90);
      assert.equal(r.entry, entry);
      assert.deepEqual([...r.guide.open_levers].sort(), [...s.guide.open_levers].sort(), 'the step\'s levers are open');
      // The debrief, too.
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      assert.deepEqual(await app.command({ cmd: 'guide_next' }), { ok: true });
      assert.equal((await frames(app, 1)).guide.finished, true);
      r = await reload();
      assert.equal(r.guide.finished, true, 'the debrief is back');
      assert.equal(r.guide.path, 3);
      // Left: a reload does not bring it back; the work stays.
      assert.deepEqual(await app.command({ cmd: 'guide_leave' }), { ok: true });
      await frames(app, 1);
      r = await reload();
      assert.equal(r.guide, null, 'a guide that was left stays left');
      assert.equal(r.levers['export_controls.semis'], 90);
      assert.equal(r.entry, entry);
      // A damaged session in storage (steps out of range, a broken scenario,
      // a foreign guide, a megabyte): ignored; the work stays.
      for (const bad of [
        `trilemma-lab/guide-session 1\nentry ${entry}\nguide guide=chip_chokepoint\nstep 99 0 0\nstart\n{}`,
        `trilemma-lab/guide-session 1\nentry ${entry}\nguide guide=chip_chokepoint\nstep 1 0 0\npath 0 1 2 x y z\nstart\n{}`,
        `trilemma-lab/guide-session 1\nentry ${entry}\nguide guide=chip_chokepoint\nstep 1 0 0\nstart\n{"format":1`,
        `trilemma-lab/guide-session 1\nentry ${entry}\nguide guide=~%%%\nstep 0 0 0\nstart\n{}`,
        `trilemma-lab/guide-session 1\nentry ${entry}\nguide guide=chip_chokepoint\nstep 0 0 0\nstart\n${'['.repeat(1 << 20)}`,
      ]) {
        await app.page.evaluate((v) => sessionStorage.setItem('trilemma-lab.tab.guide', v), bad);
        r = await reload();
        assert.equal(r.guide, null, `ignored: ${bad.slice(0, 90)}`);
        assert.equal(r.levers['export_controls.semis'], 90);
        assert.equal(r.entry, entry);
      }
    });
  });
});
