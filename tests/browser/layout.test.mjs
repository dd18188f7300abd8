// Nothing cut off, nothing on top of other text: every screen of the app
// (levers, charts, triangle, why, story, introduction, about, why with components, matrix, assumptions,
// the tornado of assumptions, share, file, view,
// guide, presenter, debrief, room) at five widths (phone to projector) and
// three text scales, judged by the test hook's audit of the last frame
// (app/screen_audit.h: labelled items cut at their window's edge or wider
// than their item, windows whose content overflows or that run off the
// screen, chart labels outside their chart or on top of each other).
//
// Screens are opened as a user opens them: a mouse click on their button or
// tab; guides and the room view through the test hook's commands.
// TRILEMMA_LAYOUT_SURVEY=1 lists every problem instead of failing on the first
// size; TRILEMMA_LAYOUT_SHOTS=1 saves a screenshot of every screen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { frames, saveScreenshot, useSite, waitFor } from './helpers.mjs';

const site = useSite();

const SIZES = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const SCALES = [1.0, 1.3, 1.6];
const survey = process.env.TRILEMMA_LAYOUT_SURVEY === '1';
const shots = process.env.TRILEMMA_LAYOUT_SHOTS === '1';

async function click(app, label) {
  const s = await waitFor(() => app.state(), (t) => t.items[label], { timeout: 3_000 });
  const r = s.items[label];
  assert.ok(r, `"${label}" drawn (items: ${Object.keys(s.items).join(' | ')})`);
  await app.page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await frames(app, 3);
  await app.page.mouse.move(1, 1);  // no hover tooltip over what is measured
  return frames(app, 2);
}

async function tab(app, name) {
  const s = await app.state();
  if (s.layout === 'desktop') return s;
  if (s.layout === 'tablet' && name === 'Levers') return s;
  assert.deepEqual(await app.command({ cmd: 'tab', name }), { ok: true });
  return frames(app, 3);
}

async function closePopups(app) {
  await app.page.keyboard.press('Escape');
  return frames(app, 2);
}

// Assumptions: phone: a header under More (below the sector matrix, folded
// first to bring it up); tablet and desktop: the tab beside Levers.
async function openAssumptions(app) {
  const s = await tab(app, 'More');
  if (s.layout === 'phone') await click(app, 'Sector \u00d7 bloc');
  return click(app, 'Assumptions');
}

async function closeAssumptions(app) {
  const s = await app.state();
  if (s.layout !== 'phone') return click(app, 'Levers');
  await click(app, 'Assumptions');
  return click(app, 'Sector \u00d7 bloc');
}

// A mix that moves all three pillars.
async function moveLevers(app) {
  for (const [lever, value] of [['export_controls.semis', 95], ['market_access', 70], ['subsidies.ai', 40]])
    await app.command({ cmd: 'set_lever', lever, value });
  return frames(app, 2);
}

async function resetLevers(app) {
  await app.command({ cmd: 'reset' });
  return frames(app, 2);
}

// A few room rows: the current scenario's link under several presets.
async function fillRoom(app) {
  for (const id of ['status_quo_2024', 'broad_decoupling', 'allied_tech_alliance', 'eu_tech_sovereignty']) {
    await app.command({ cmd: 'preset', id });
    const s = await frames(app, 1);
    await app.command({ cmd: 'room_add', text: `${site.url}#s=${s.share_code}` });
  }
  return frames(app, 3);
}

// Each screen: how to get there from the start, and how to leave it.
const SCREENS = [
  { name: 'levers', open: (app) => tab(app, 'Levers') },
  { name: 'charts', open: (app) => tab(app, 'Charts') },
  { name: 'triangle', open: (app) => tab(app, 'Triangle') },
  { name: 'why', open: (app) => tab(app, 'Why?') },
  {
    name: 'story',
    // A story with every section: a mix that moves all three pillars.
    open: async (app) => {
      await moveLevers(app);
      return tab(app, 'Story');
    },
    close: resetLevers,
  },
  {
    name: 'intro',
    open: async (app) => {
      await click(app, (await app.state()).layout === 'phone' ? 'Options' : 'View');
      return click(app, 'Introduction');
    },
    close: closePopups,
  },
  {
    name: 'about',
    open: async (app) => {
      await click(app, (await app.state()).layout === 'phone' ? 'Options' : 'View');
      return click(app, 'About the model');
    },
    close: closePopups,
  },
  {
    name: 'why-components',
    // A pillar score's components under the lever bars.
    open: async (app) => {
      await moveLevers(app);
      return tab(app, 'Why?');
    },
    close: resetLevers,
  },
  { name: 'matrix', open: (app) => tab(app, 'More') },
  { name: 'assumptions', open: openAssumptions, close: closeAssumptions },
  {
    name: 'tornado',
    // "Which matter most?" for a scenario with levers moved.
    open: async (app) => {
      await moveLevers(app);
      await openAssumptions(app);
      return click(app, 'Which matter most?');
    },
    close: async (app) => {
      await click(app, 'Which matter most?');
      await closeAssumptions(app);
      return resetLevers(app);
    },
  },
  {
    // The longest seat name ("Global South" had been cut mid-letter on a phone).
    name: 'global-south',
    open: async (app) => {
      assert.deepEqual(await app.command({ cmd: 'seat', bloc: 'GlobalSouth' }), { ok: true });
      return frames(app, 3);
    },
    close: async (app) => {
      await app.command({ cmd: 'seat', bloc: 'US' });
      return frames(app, 2);
    },
  },
  {
    // Renaming an entry: the field leaves Save and Cancel on the screen
    // (on a phone Save had been pushed past the dialog's edge).
    name: 'library-rename',
    open: async (app) => {
      await moveLevers(app);  // the first change makes the entry to rename
      assert.deepEqual(await app.command({ cmd: 'library', action: 'show' }), { ok: true });
      await frames(app, 3);
      return click(app, 'Rename');
    },
    close: async (app) => {
      await click(app, 'Cancel');
      await closePopups(app);
      return resetLevers(app);
    },
  },
  { name: 'share', open: (app) => click(app, 'Share'), close: closePopups },
  { name: 'file', open: (app) => click(app, 'File'), close: closePopups },
  {
    name: 'view',
    open: async (app) => click(app, (await app.state()).layout === 'phone' ? 'Options' : 'View'),
    close: closePopups,
  },
  {
    name: 'guide',
    open: async (app) => {
      assert.deepEqual(await app.command({ cmd: 'guide', id: 'chip_chokepoint' }), { ok: true });
      return tab(app, 'Guide');
    },
  },
  {
    name: 'presenter',
    open: async (app) => {
      assert.deepEqual(await app.command({ cmd: 'presenter' }), { ok: true });
      return frames(app, 3);
    },
    close: async (app) => {
      await app.command({ cmd: 'presenter' });
      return frames(app, 2);
    },
  },
  {
    name: 'debrief',
    open: async (app) => {
      for (let i = 0; i < 20 && !(await app.state()).guide.finished; i++) await app.command({ cmd: 'guide_next' });
      return tab(app, 'Guide');
    },
    close: async (app) => {
      await app.command({ cmd: 'guide_leave' });
      return frames(app, 2);
    },
  },
  { name: 'room', open: fillRoom },
];

describe('layout: no clipped or overlapping text', () => {
  for (const size of SIZES) {
    test(`every screen at ${size.width}x${size.height}, text x${SCALES.join(', x')}`, async () => {
      const problems = [];
      for (const scale of SCALES) {
        await site.withApp({ viewport: size }, async (app) => {
          assert.deepEqual(await app.command({ cmd: 'font_scale', value: scale }), { ok: true });
          await frames(app, 3);
          for (const screen of SCREENS) {
            await screen.open(app);
            const s = await frames(app, 2);  // the audit is of a complete frame at this size
            const where = `${screen.name} at ${size.width}x${size.height} x${scale} (${s.layout})`;
            if (shots) await saveScreenshot(app.page, `layout-${size.width}-${scale}-${screen.name}`);
            for (const p of s.text_problems) problems.push(`${where}: ${p}`);
            if (screen.close) await screen.close(app);
          }
        });
      }
      if (survey) console.log(problems.map((p) => `# ${p}`).join('\n'));
      assert.deepEqual(problems, [], `clipped or overlapping text:\n${problems.join('\n')}`);
    });
  }
});
