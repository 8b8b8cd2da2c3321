// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn } from "./harness.mjs";
mkdirSync("/tmp/shots", { recursive: true });
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABDQottAAAAABJRU5ErkJggg==",
  "base64",
);
const app = await startApp();
const browser = await startBrowser();
for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  const buyer = await newPage(browser, { js: true });
  await buyer.setViewportSize({ width: w, height: h });
  await signIn(buyer, app.base, "buyer@nordbygg.example");
  await buyer.goto(`${app.base}/products/wood-screws-4-0-40-200-fa-01003`);
  await Promise.all([buyer.waitForNavigation(), buyer.click(".add-form button >> nth=0")]);
  await buyer.goto(`${app.base}/checkout`);
  await Promise.all([buyer.waitForNavigation(), buyer.click(".checkout-pay")]);
  await buyer.screenshot({ path: `/tmp/shots/order-with-report-${tag}.png`, fullPage: true });
  await Promise.all([buyer.waitForNavigation(), buyer.click("a.order-report")]);
  await buyer.check("input[name=kind][value=missing]");
  await buyer.fill("#description", "Short");
  await Promise.all([buyer.waitForNavigation(), buyer.click("form.case-form button[type=submit]")]);
  await buyer.screenshot({ path: `/tmp/shots/case-form-refused-${tag}.png`, fullPage: true });
  await buyer.fill("#description", "One box of screws of the three was missing from the pallet.");
  await buyer.fill("table.case-lines input[type=number]", "1");
  await buyer.setInputFiles("#photos", { name: "pallet.png", mimeType: "image/png", buffer: PNG });
  await Promise.all([buyer.waitForNavigation(), buyer.click("form.case-form button[type=submit]")]);
  const caseUrl = buyer.url();
  const number = (await buyer.textContent(".case-number")).trim();
  const agent = await newPage(browser, { js: true });
  await agent.setViewportSize({ width: w, height: h });
  await signIn(agent, app.base, "support@duett.example");
  await agent.goto(`${app.base}/admin/cases/${number}`);
  await agent.fill("#body", "Checked the packing list: the box was left behind.");
  await agent.check("#note");
  await Promise.all([agent.waitForNavigation(), agent.click("form.case-reply button[type=submit]")]);
  await agent.fill("#body", "Sorry! We send the missing box today, free of charge.");
  await agent.selectOption("#after", "waiting_on_customer");
  await Promise.all([agent.waitForNavigation(), agent.click("form.case-reply button[type=submit]")]);
  await agent.screenshot({ path: `/tmp/shots/admin-case-${tag}.png`, fullPage: true });
  await agent.goto(`${app.base}/admin/cases?status=`);
  await agent.screenshot({ path: `/tmp/shots/admin-cases-${tag}.png`, fullPage: true });
  await agent.close();
  await buyer.goto(caseUrl);
  await buyer.screenshot({ path: `/tmp/shots/case-${tag}.png`, fullPage: true });
  await buyer.goto(`${app.base}/help`);
  await buyer.screenshot({ path: `/tmp/shots/help-${tag}.png`, fullPage: true });
  await buyer.close();
}
await browser.close();
await app.stop();
console.log("screenshots in /tmp/shots");
