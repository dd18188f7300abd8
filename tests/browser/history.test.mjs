// Issue 14 in the app: a chart of an indicator with observed values shows the
// years 2017-2023 as shaded history with the observed values beside the
// model's line, at desktop and phone sizes, without clipped or overlapping
// text. The chart is added with real clicks and taps on "+ Add a chart".
// Screenshots: test-artifacts/history-chart-1366x768.png, history-chart-390x844.png.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, frames, parkMouse, saveScreenshot, useSite, waitFor } from './helpers.mjs';

const site = useSite();
const centre = ([x, y, w, h]) => ({ x: x + w / 2, y: y + h / 2 });
const CHART = 'Direct investment from the rival';

async function item(app, label) {
  const s = await waitFor(() => app.state(), (t) => t.items[label], { timeout: 5_000 });
  assert.ok(s.items[label], `"${label}" drawn (items: ${Object.keys(s.items).join(' | ')})`);
  return s.items[label];
}

// Scrolls the chart panel until the "+ Add a chart" combo is on screen, opens
// it and picks `label` (a click, or a tap on a touch device).
async function addChart(app, label, touch) {
  const press = async (rect) => {
    const { x, y } = centre(rect);
    if (touch) await app.page.touchscreen.tap(x, y);
    else await app.page.mouse.click(x, y);
    await frames(app, 4);
  };
  let s = await app.state();
  for (let k = 0; k < 20; ++k) {
    const r = s.items['Add a chart'];
    if (r && r[1] + r[3] < s.height - 4) break;
    const at = r ? centre(r) : { x: s.width / 2, y: s.height / 2 };
    await app.page.mouse.move(at.x, Math.min(at.y, s.height - 60));
    await app.page.mouse.wheel(0, 300);
    s = await frames(app, 3);
  }
  await press(await item(app, 'Add a chart'));
  // The list is longer than its popup: scroll it (wheel over its items) until `label` shows.
  for (let k = 0; k < 20; ++k) {
    s = await app.state();
    if (s.items[label]) break;
    const visible = Object.entries(s.items).find(([key]) => key === 'Escalation' || key === 'Technology capability');
    assert.ok(visible, 'the chart list is open');
    const { x, y } = centre(visible[1]);
    await app.page.mouse.move(x, y);
    await app.page.mouse.wheel(0, 120);
    await frames(app, 3);
  }
  await press(await item(app, label));
}

// The chart's title button: "<name>  (<unit>)", maybe shortened with "…".
function chartTitle(s, name) {
  return Object.entries(s.items).find(([k]) => k.startsWith(name.slice(0, 12)) && k !== name)?.[1];
}

describe('history in the charts', () => {
  for (const [w, h, touch] of [[1366, 768, false], [390, 844, true]]) {
    test(`${w}x${h}: the added chart shows history and observed values; no text clipped or overlapping`, async () => {
      const options = touch
        ? { viewport: { width: w, height: h }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
        : { viewport: { width: w, height: h } };
      await site.withApp(options, async (app) => {
        let s = await app.state();
        if (s.items.Charts) {  // phone and tablet: the charts have a tab of their own
          const { x, y } = centre(s.items.Charts);
          await app.page.touchscreen.tap(x, y);
          await frames(app, 4);
        }
        await addChart(app, CHART, touch);
        s = await waitFor(() => app.state(), (t) => chartTitle(t, CHART), { timeout: 5_000 });
        const title = chartTitle(s, CHART);
        assert.ok(title, `the "${CHART}" chart is drawn`);
        // Bring the new chart into view and take the picture.
        await app.page.mouse.move(w / 2, Math.min(title[1] + 40, h - 40));
        for (let k = 0; k < 10 && (s = await app.state()) && chartTitle(s, CHART)[1] > h * 0.45; ++k) {
          await app.page.mouse.wheel(0, 200);
          await frames(app, 3);
        }
        await parkMouse(app);
        s = await frames(app, 4);
        assert.deepEqual(s.text_problems, [], 'no clipped or overlapping text');
        // The year history ends is labelled (2024, the calibration point): on a
        // phone the axis read 2017, 2025, 2030, with 2025 beside the history's edge.
        const years = s.drawn_texts.map(([t]) => t).filter((t) => /^20\d\d$/.test(t));
        assert.ok(years.includes('2024'), `2024 labels the history's edge (years: ${years.join(' ')})`);
        const png = decodePng(await saveScreenshot(app.page, `history-chart-${w}x${h}`));
        assert.ok(png.width >= w);
        // The app's history is the core's backcast: Chinese FDI in the US,
        // observed $23.4bn in 2017 and $3.2bn in 2022 (002:L14), each within +-50%.
        const fdi = s.history.investment_from_rival;
        assert.equal(fdi.length, 7, 'seven history years, 2017..2023');
        assert.ok(Math.abs(fdi[0] - 23.4) <= 0.5 * 23.4, `2017: ${fdi[0]}`);
        assert.ok(Math.abs(fdi[5] - 3.2) <= 0.5 * 3.2, `2022: ${fdi[5]}`);
      });
    });
  }
});
