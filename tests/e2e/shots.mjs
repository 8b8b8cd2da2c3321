// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn } from "./harness.mjs";
mkdirSync("/tmp/shots", { recursive: true });
const app = await startApp();
const browser = await startBrowser();

let n = 0;
for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  n += 1;
  const staff = await newPage(browser, { js: true });
  await staff.setViewportSize({ width: w, height: h });
  await signIn(staff, app.base, "admin@duett.example");
  // A product refused, then saved with a picture (a screenshot of this screen), with stock.
  await staff.goto(`${app.base}/admin/products/new`);
  const picture = await staff.screenshot({ type: "png" });
  await staff.fill("#name", "Shot saw");
  await Promise.all([staff.waitForNavigation(), staff.click(".product-save")]);
  await staff.screenshot({ path: `/tmp/shots/admin-product-refused-${tag}.png`, fullPage: true });
  await staff.fill("#sku", `SHOT-${n}`);
  await staff.fill("#name", `Shot saw ${n}`);
  await staff.fill("#price", "800");
  await staff.selectOption("#category", { index: 1 });
  await staff.fill("#specs", "Blade: 190 mm\nWeight: 3,1 kg");
  await staff.setInputFiles("#pictures", { name: "saw.png", mimeType: "image/png", buffer: picture });
  await Promise.all([staff.waitForNavigation(), staff.click(".product-save")]);
  await staff.fill("#change", "12");
  await staff.selectOption("#reason", "received");
  await Promise.all([staff.waitForNavigation(), staff.click(".stock-save")]);
  await staff.screenshot({ path: `/tmp/shots/admin-product-${tag}.png`, fullPage: true });
  await staff.goto(`${app.base}/admin/products`);
  await staff.screenshot({ path: `/tmp/shots/admin-products-${tag}.png` });
  // An import with problems.
  await staff.goto(`${app.base}/admin/products/import`);
  await staff.setInputFiles("#file", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("sku;name;category;price\nX-1;Saw;boats;10\nX-1;Saw;boats;=1\n") });
  await Promise.all([staff.waitForNavigation(), staff.click(".import-check")]);
  await staff.waitForSelector(".import-summary", { timeout: 10000 });
  await staff.screenshot({ path: `/tmp/shots/admin-import-${tag}.png`, fullPage: true });
  // Prices with a preview, a company, staff.
  await staff.goto(`${app.base}/admin/prices?company=1&sku=FA-01003&qty=12`);
  await staff.screenshot({ path: `/tmp/shots/admin-prices-${tag}.png`, fullPage: true });
  await staff.goto(`${app.base}/admin/prices/companies/1`);
  await staff.screenshot({ path: `/tmp/shots/admin-company-prices-${tag}.png`, fullPage: true });
  await staff.goto(`${app.base}/admin/companies/1`);
  await staff.screenshot({ path: `/tmp/shots/admin-company-${tag}.png`, fullPage: true });
  await staff.goto(`${app.base}/admin/staff`);
  await staff.screenshot({ path: `/tmp/shots/admin-staff-${tag}.png`, fullPage: true });
  await staff.close();
  // The consumer's product page with the uploaded picture.
  const shopper = await newPage(browser, { js: true });
  await shopper.setViewportSize({ width: w, height: h });
  await shopper.goto(`${app.base}/products/shot-saw-${n}`);
  await shopper.screenshot({ path: `/tmp/shots/product-uploaded-${tag}.png` });
  await shopper.close();
}
await browser.close();
await app.stop();
