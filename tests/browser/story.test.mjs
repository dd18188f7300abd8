// The story of a scenario and the first minute, as a user meets them: the
// introduction greets a first visit and not the next; the story follows a
// real mouse drag of a lever; the printable summary downloads as a page that
// opens with the scores, the story, the picture of the screen and the link.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SEMIS, countPixels, decodePng, frames, leverDef, mouseDrag, saveScreenshot, stableRect, useSite, valueX, waitFor,
} from './helpers.mjs';

const site = useSite();
const semisDef = leverDef(SEMIS);

describe('story and introduction', () => {
  test('the introduction appears on a first visit, closes with Escape, and not on the next visit', async () => {
    const app = await site.open({ intro: true });
    try {
      await frames(app, 3);
      assert.equal((await app.state()).intro_open, true, 'a first visit opens with the introduction');
      await saveScreenshot(app.page, 'intro-desktop');
      await app.page.keyboard.down('Escape');
      await frames(app, 1);
      await app.page.keyboard.up('Escape');
      const s = await waitFor(() => app.state(), (t) => !t.intro_open);
      assert.equal(s.intro_open, false, 'Escape closes it');
      await app.page.reload({ waitUntil: 'load' });
      await app.page.waitForFunction(() => window.trilemma && window.trilemma.ready());
      await frames(app, 3);
      assert.equal((await app.state()).intro_open, false, 'the next visit starts without it');
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('on a phone, the introduction links to "About the model"; a tap opens it, Escape closes it', async () => {
    const app = await site.open({
      intro: true, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    try {
      let s = await waitFor(() => app.state(), (t) => t.intro_open && t.items['About the model']);
      const r = s.items['About the model'];
      await app.page.touchscreen.tap(r[0] + r[2] / 2, r[1] + r[3] / 2);
      s = await waitFor(() => app.state(), (t) => t.about_open);
      assert.equal(s.intro_open, false, 'the introduction gives way to the page');
      await frames(app, 2);
      s = await app.state();
      assert.deepEqual(s.text_problems, [], 'nothing cut off on a phone');
      await saveScreenshot(app.page, 'about-phone');
      await app.page.keyboard.press('Escape');
      s = await waitFor(() => app.state(), (t) => !t.about_open);
      assert.equal(s.about_open, false, 'Escape closes it');
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('on short phones (360x640, 844x390 sideways) the welcome keeps Start exploring on the screen, and a tap starts', async () => {
    for (const viewport of [{ width: 360, height: 640 }, { width: 844, height: 390 }]) {
      const app = await site.open({ intro: true, viewport, isMobile: true, hasTouch: true });
      try {
        let s = await waitFor(() => app.state(), (t) => t.intro_open && t.items['Start exploring']);
        const r = s.items['Start exploring'];
        assert.ok(r[1] >= 0 && r[1] + r[3] <= viewport.height, `${viewport.width}x${viewport.height}: ${r} on the screen`);
        await app.page.touchscreen.tap(r[0] + r[2] / 2, r[1] + r[3] / 2);
        s = await waitFor(() => app.state(), (t) => !t.intro_open);
        assert.equal(s.intro_open, false);
      } finally {
        await app.close();
      }
    }
  });

  test('Why? explains a preset against 2024, as the story does, when asked (a tap on a phone)', () => site.withApp({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  }, async (app) => {
    assert.deepEqual(await app.command({ cmd: 'preset', id: 'broad_decoupling' }), { ok: true });
    assert.deepEqual(await app.command({ cmd: 'seat', bloc: 'GlobalSouth' }), { ok: true });
    assert.deepEqual(await app.command({ cmd: 'tab', name: 'Why?' }), { ok: true });
    let s = await frames(app, 3);
    const choice = s.items['2024 (as the story)'];
    assert.ok(choice && s.items['the preset'], `the choice is offered with a preset: ${Object.keys(s.items).join(', ')}`);
    // Protect-coloured bar pixels below the choice (the image is at 2x).
    const bars = async (name) => {
      const png = decodePng(await saveScreenshot(app.page, name));
      const top = Math.round((choice[1] + choice[3]) * 2);
      return countPixels(png, { x: 0, y: top, width: png.width, height: png.height - top },
        ([r, g, b]) => r > 140 && g < 130 && b < 90 && r - b > 90);
    };
    // Against the preset nothing moved yet: no bars.
    assert.equal(await bars('why-preset-against-preset-phone'), 0, 'no bar against the preset before a move');
    await app.page.touchscreen.tap(choice[0] + 10, choice[1] + choice[3] / 2);
    s = await frames(app, 3);
    assert.ok(await bars('why-preset-against-2024-phone') > 500, 'against 2024 the preset\'s own levers get bars');
    const back = s.items['the preset'];
    await app.page.touchscreen.tap(back[0] + 10, back[1] + back[3] / 2);
    await frames(app, 3);
    assert.equal(await bars('why-preset-against-preset-again-phone'), 0, 'back against the preset');
  }));

  test('Replay last move replays a move that stands, and is off before a move and after Undo took it back', () =>
    site.withApp({}, async (app) => {
      const click = async (label) => {
        const r = (await app.state()).items[label];
        await app.page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
        return frames(app, 2);
      };
      // Before any move it does nothing (and is drawn disabled).
      let s = await click('Replay last move');
      assert.equal(s.levers[SEMIS], 60);
      assert.equal(s.can_undo, false);
      const { s: s0, rect } = await stableRect(app, `US.${SEMIS}`);
      const y = rect[1] + rect[3] / 2;
      await mouseDrag(app, { x: valueX(rect, s0.levers[SEMIS], semisDef.min, semisDef.max, 12), y },
        { x: rect[0] + rect[2] + 30, y });
      s = await frames(app, 2);
      assert.equal(s.levers[SEMIS], 100);
      // Replayed: the lever goes back to 60 and glides to 100; the history is as it was.
      s = await click('Replay last move');
      assert.ok(s.levers[SEMIS] < 100, `the replay starts from where the move began (${s.levers[SEMIS]})`);
      s = await waitFor(() => app.state(), (t) => t.levers[SEMIS] === 100, { timeout: 8_000 });
      assert.equal(s.levers[SEMIS], 100);
      assert.equal(s.can_undo, true);
      // Undo takes the move back; a replay now would bring it back outside the history.
      s = await click('Undo');
      assert.equal(s.levers[SEMIS], 60);
      s = await click('Replay last move');
      await frames(app, 10);
      s = await app.state();
      assert.equal(s.levers[SEMIS], 60, 'no replay of a move that was undone');
      assert.equal(s.can_redo, true, 'Redo still brings it back');
      s = await click('Redo');
      assert.equal(s.levers[SEMIS], 100);
    }));

  test('the story follows a real drag of the chip-controls slider', () => site.withApp({}, async (app) => {
    const before = await app.state();
    assert.match(before.story, /as they were in 2024/, 'the status quo has nothing to tell yet');
    const { s, rect } = await stableRect(app, `US.${SEMIS}`);
    const y = rect[1] + rect[3] / 2;
    await mouseDrag(app, { x: valueX(rect, s.levers[SEMIS], semisDef.min, semisDef.max, 12), y },
      { x: rect[0] + rect[2] + 30, y });
    const after = await waitFor(() => app.state(), (t) => /export controls for semiconductors/.test(t.story));
    assert.match(after.story, /raised export controls for semiconductors from 60% to 100%/);
    assert.match(after.story, /What it achieved|What it cost/);
    assert.match(after.story_summary, /Protect \d+, Promote \d+, Partner \d+ in 2035/);
    await saveScreenshot(app.page, 'story-desktop');
  }));

  test('the printable summary downloads and opens as a page with the story, the scores and the picture', () =>
    site.withApp({ acceptDownloads: true }, async (app) => {
      await app.command({ cmd: 'set_lever', lever: 'market_access', value: 80 });
      await frames(app, 2);
      const state = await app.state();
      const [download] = await Promise.all([
        app.page.waitForEvent('download', { timeout: 15_000 }),
        app.command({ cmd: 'export_summary' }),
      ]);
      assert.match(download.suggestedFilename(), /-summary\.html$/);
      const html = readFileSync(await download.path(), 'utf8');
      assert.match(html, /<img id="charts" src="data:image\/png;base64,/, 'the screen is inside the page');
      const page = await app.context.newPage();
      await page.setContent(html);
      const text = await page.evaluate(() => document.body.innerText);
      assert.ok(text.includes(state.story_summary), 'the scores line');
      assert.match(text, /raised market access for partners from \d+% to 80%/);
      assert.match(text, /Where the trilemma bit/);
      assert.match(text, /#s=/, 'the link that opens the scenario again');
      const img = await page.evaluate(() => {
        const i = document.getElementById('charts');
        return { w: i.naturalWidth, h: i.naturalHeight };
      });
      assert.ok(img.w > 300 && img.h > 200, `the picture decodes (${img.w}x${img.h})`);
      await page.close();
    }));
});
