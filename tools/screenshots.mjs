// Manual helper: screenshots of the app at the four target sizes.
//   node tools/screenshots.mjs [site-dir] [out-prefix]
import { startServer, launchBrowser, openApp, waitFor } from '../tests/browser/helpers.mjs';
import { writeFileSync } from 'node:fs';
const dir = process.argv[2];
const prefix = process.argv[3] || '/tmp/shot';
const sizes = [[1280, 800, 'desktop'], [1920, 1080, 'full-hd'], [1024, 768, 'tablet'], [390, 844, 'phone']];
const server = await startServer(dir);
const browser = await launchBrowser();
try {
  for (const [w, h, name] of sizes) {
    const app = await openApp(browser, server.url, { viewport: { width: w, height: h }, deviceScaleFactor: name === 'phone' ? 2 : 1 });
    await waitFor(app.state, (s) => s.bands_draws >= 1000 && s.frontier_samples >= 2400, { timeout: 30000 });
    const buf = await app.page.screenshot();
    writeFileSync(`${prefix}-${name}.png`, buf);
    console.log(name, JSON.stringify({ errors: app.consoleErrors, pageErrors: app.pageErrors }));
    await app.close();
  }
} finally {
  await browser.close();
  await server.close();
}
