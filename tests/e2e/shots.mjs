// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync, rmSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn } from "./harness.mjs";
rmSync("/tmp/shots", { recursive: true, force: true });
mkdirSync("/tmp/shots", { recursive: true });
const app = await startApp();
const browser = await startBrowser();

for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  // A signed-in consumer gets the shared pages with their own header and reviews section.
  const shopper = await newPage(browser, { js: true });
  await shopper.setViewportSize({ width: w, height: h });
  await signIn(shopper, app.base, "shopper@example.com");
  const mine = async (path, name, full = false) => {
    await shopper.goto(`${app.base}${path}`);
    await shopper.screenshot({ path: `/tmp/shots/${name}-${tag}.png`, fullPage: full });
  };
  await mine("/", "consumer-home");
  await shopper.goto(`${app.base}/categories/desks`);
  const product = await shopper.getAttribute(".card-link >> nth=0", "href");
  await mine(product, "consumer-product", true);
  await shopper.close();

  const staff = await newPage(browser, { js: true });
  await staff.setViewportSize({ width: w, height: h });
  await signIn(staff, app.base, "admin@duett.example");
  const shot = async (path, name, full = true) => {
    await staff.goto(`${app.base}${path}`);
    await staff.screenshot({ path: `/tmp/shots/${name}-${tag}.png`, fullPage: full });
  };
  await shot("/admin/staff?role=support_agent", "admin-staff-filtered");
  await shot("/admin/brands?q=nord", "admin-brands-searched");
  await shot("/admin/applications?q=fj&industry=construction", "admin-applications-searched");
  await shot("/admin/categories/1#picture", "admin-category-picture");
  await staff.close();
}
await browser.close();
await app.stop();
