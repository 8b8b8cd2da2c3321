// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn, weekday } from "./harness.mjs";
mkdirSync("/tmp/shots", { recursive: true });
const app = await startApp();
const browser = await startBrowser();
for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  const visitor = await newPage(browser, { js: true });
  await visitor.setViewportSize({ width: w, height: h });
  await visitor.goto(`${app.base}/help`);
  await visitor.screenshot({ path: `/tmp/shots/help-${tag}.png`, fullPage: true });
  await visitor.goto(`${app.base}/help/faq?q=return`);
  await visitor.screenshot({ path: `/tmp/shots/faq-search-${tag}.png`, fullPage: true });
  await visitor.close();
  const buyer = await newPage(browser, { js: true });
  await buyer.setViewportSize({ width: w, height: h });
  await signIn(buyer, app.base, "admin@nordbygg.example");
  await buyer.screenshot({ path: `/tmp/shots/b2b-home-${tag}.png`, fullPage: true });
  await buyer.goto(`${app.base}/b2b/demos/new?demo=demo-cordless-system`);
  await buyer.fill("#preferred_date", weekday(9, false));
  await Promise.all([buyer.waitForNavigation(), buyer.click(".demo-send")]);
  await buyer.screenshot({ path: `/tmp/shots/demo-refused-${tag}.png`, fullPage: true });
  await buyer.fill("#preferred_date", weekday(9, true));
  await Promise.all([buyer.waitForNavigation(), buyer.click(".demo-send")]);
  const demo = new URL(buyer.url()).pathname;
  // An order on invoice, then its change reviewed.
  await buyer.goto(`${app.base}/products/wood-screws-4-0-40-200-fa-01003`);
  await Promise.all([buyer.waitForNavigation(), buyer.click(".add-form button >> nth=0")]);
  await buyer.goto(`${app.base}/checkout`);
  await Promise.all([buyer.waitForNavigation(), buyer.click(".checkout-pay")]);
  await Promise.all([buyer.waitForNavigation(), buyer.click("a.order-change")]);
  const qty = buyer.locator(".order-change-lines input >> nth=0");
  await qty.fill(String(Number(await qty.inputValue()) * 3));
  await Promise.all([buyer.waitForNavigation(), buyer.click(".order-change-review-button")]);
  await buyer.screenshot({ path: `/tmp/shots/order-change-${tag}.png`, fullPage: true });
  const rep = await newPage(browser, { js: true });
  await rep.setViewportSize({ width: w, height: h });
  await signIn(rep, app.base, "sales@duett.example");
  await rep.goto(`${app.base}${demo.replace("/b2b/", "/admin/")}`);
  await rep.fill("#scheduled_at", `${weekday(10, true)}T10:30`);
  await rep.fill("#meeting_details", "https://meet.example/duett-nordbygg");
  await Promise.all([rep.waitForNavigation(), rep.click(".demo-schedule-button")]);
  await rep.screenshot({ path: `/tmp/shots/admin-demo-${tag}.png`, fullPage: true });
  await rep.close();
  await buyer.goto(`${app.base}${demo}`);
  await buyer.screenshot({ path: `/tmp/shots/demo-booked-${tag}.png`, fullPage: true });
  await buyer.close();
  const agent = await newPage(browser, { js: true });
  await agent.setViewportSize({ width: w, height: h });
  await signIn(agent, app.base, "support@duett.example");
  await agent.goto(`${app.base}/admin/faq`);
  await agent.click(".admin-faq tbody a >> nth=0");
  await agent.waitForLoadState();
  await agent.screenshot({ path: `/tmp/shots/admin-faq-${tag}.png`, fullPage: true });
  await agent.close();
}
await browser.close();
await app.stop();
