// Contrast, both themes: every text colour at least 4.5:1 and every line,
// band edge and mark at least 3:1 against what it is drawn on (WCAG 2.1
// 1.4.3 and 1.4.11). The app lists its pairs (test hook: state().contrast,
// from theme::contrast_pairs: foreground and tint with their alpha, over the
// opaque panel); the ratios are computed here, from the WCAG formulas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, frames, useSite, waitForReady } from './helpers.mjs';

const site = useSite();

// Relative luminance of an sRGB colour (components 0..1).
function luminance([r, g, b]) {
  const lin = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
// `top` (with alpha) composited over the opaque `under`.
const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3]));

test('WCAG formulas (known values)', () => {
  assert.equal(contrast([0, 0, 0], [1, 1, 1]).toFixed(2), '21.00');
  assert.equal(contrast([1, 1, 1], [1, 1, 1]).toFixed(2), '1.00');
  // #777777 on white: 4.48:1, the classic just-too-light grey.
  assert.equal(contrast([0x77 / 255, 0x77 / 255, 0x77 / 255], [1, 1, 1]).toFixed(2), '4.48');
});

for (const theme of ['light', 'dark']) {
  test(`every text and mark of the ${theme} theme has enough contrast`, async () => {
    await site.withApp({}, async (app) => {
      assert.deepEqual(await app.command({ cmd: 'theme', name: theme }), { ok: true });
      const s = await frames(app, 2);
      assert.equal(s.theme, theme);
      assert.ok(s.contrast.length >= 25, `the app lists its colour pairs (${s.contrast.length})`);
      const failures = [];
      const lines = [];
      for (const p of s.contrast) {
        const background = over(p.bg, p.base);
        const foreground = over(p.fg, background);
        const ratio = contrast(foreground, background);
        const needed = p.text ? 4.5 : 3;
        lines.push(`${p.name}: ${ratio.toFixed(2)}`);
        if (ratio < needed) failures.push(`${p.name}: ${ratio.toFixed(2)}:1, needs ${needed}:1`);
      }
      console.log(`# ${theme}: ${lines.join('; ')}`);
      assert.deepEqual(failures, []);
    });
  });
}

// A trainer sets the projector's text size and a dark theme once: a reload
// (phones and laptops reload tabs) keeps them; a damaged stored value is
// ignored, with the defaults.
test('the text size and the theme survive a reload; a damaged stored value is ignored', async () => {
  await site.withApp({}, async (app) => {
    const reload = async () => {
      await app.page.reload({ waitUntil: 'load' });
      await waitForReady(app.page);
      return frames(app, 2);
    };
    // Through the View menu, as a trainer would: A+ four times, then Dark.
    const click = (label) => clickItem(app, label);
    await click('View');
    for (let i = 0; i < 4; ++i) await click('A+');
    let s = await frames(app, 1);
    assert.equal(s.font_scale.toFixed(2), '1.60');
    // Going from 1.15 to 1.3 and on changed the layout; the menu stayed open to the last press.
    assert.ok(s.items['A+'], 'the View menu is still open after the layout changed');
    await click('Dark');
    assert.equal((await frames(app, 1)).theme, 'dark');
    s = await reload();
    assert.equal(s.font_scale.toFixed(2), '1.60', 'the text size is kept');
    assert.equal(s.theme, 'dark', 'the theme is kept');
    for (const bad of ['9 dark', 'NaN light', '1.3 purple', '1.3', '', 'x'.repeat(100), '1.3e999 dark']) {
      await app.page.evaluate((v) => localStorage.setItem('trilemma-lab.display', v), bad);
      s = await reload();
      assert.equal(s.font_scale, 1, `'${bad.slice(0, 20)}': the default text size`);
      assert.equal(s.theme, 'light', `'${bad.slice(0, 20)}': the default theme`);
      assert.deepEqual(app.pageErrors, []);
    }
  });
});
