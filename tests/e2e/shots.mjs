// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn } from "./harness.mjs";
mkdirSync("/tmp/shots", { recursive: true });
const app = await startApp();
const browser = await startBrowser();
for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  const buyer = await newPage(browser, { js: true });
  await buyer.setViewportSize({ width: w, height: h });
  await signIn(buyer, app.base, "buyer@nordbygg.example");
  await buyer.goto(`${app.base}/b2b/quotes`);
  await buyer.screenshot({ path: `/tmp/shots/quotes-${tag}.png`, fullPage: true });
  await buyer.click(".quotes-table a");
  await buyer.waitForLoadState();
  await buyer.screenshot({ path: `/tmp/shots/quote-offer-${tag}.png`, fullPage: true });
  await buyer.goto(`${app.base}/b2b/quick-order`);
  await buyer.fill("#paste", "OF-01005, 12\nDE-01150, 4");
  await Promise.all([buyer.waitForNavigation(), buyer.click(".quick-paste button[type=submit]")]);
  await Promise.all([buyer.waitForNavigation(), buyer.click(".quick-confirm button")]);
  await buyer.goto(`${app.base}/b2b/quotes/new`);
  await buyer.screenshot({ path: `/tmp/shots/quote-new-${tag}.png`, fullPage: true });
  await buyer.close();
  const rep = await newPage(browser, { js: true });
  await rep.setViewportSize({ width: w, height: h });
  await signIn(rep, app.base, "sales@duett.example");
  await rep.goto(`${app.base}/admin/quotes`);
  await rep.screenshot({ path: `/tmp/shots/admin-quotes-${tag}.png`, fullPage: true });
  await rep.click(".admin-quotes a >> nth=0");
  await rep.waitForLoadState();
  await rep.screenshot({ path: `/tmp/shots/admin-quote-${tag}.png`, fullPage: true });
  await rep.goto(`${app.base}/admin/act-for?q=nordbygg`);
  await Promise.all([rep.waitForNavigation(), rep.click(".act-for-people button >> nth=0")]);
  await rep.screenshot({ path: `/tmp/shots/acting-home-${tag}.png` });
  await rep.close();
}
await browser.close();
await app.stop();
