// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn } from "./harness.mjs";
mkdirSync("/tmp/shots", { recursive: true });
const app = await startApp();
const browser = await startBrowser();

// One paid order to note and print.
const guest = await newPage(browser, { js: true });
await guest.goto(`${app.base}/products/ergonomic-task-chair-mesh-of-01005`);
await Promise.all([guest.waitForNavigation(), guest.click(".add-form button >> nth=0")]);
await guest.goto(`${app.base}/checkout`);
await guest.fill("#email", "shots@example.com");
await guest.fill("#name", "Stina Shot");
await guest.fill("#line1", "Hamngatan 3");
await guest.fill("#postal_code", "111 47");
await guest.fill("#city", "Stockholm");
await Promise.all([guest.waitForNavigation(), guest.click(".checkout-pay")]);
await guest.fill("#card_number", "4242 4242 4242 4242");
await Promise.all([guest.waitForNavigation(), guest.click(".pay-test button >> nth=0")]);
await guest.close();

for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  const staff = await newPage(browser, { js: true });
  await staff.setViewportSize({ width: w, height: h });
  await signIn(staff, app.base, "admin@duett.example");
  const shot = async (path, name, full = true) => {
    await staff.goto(`${app.base}${path}`);
    await staff.screenshot({ path: `/tmp/shots/${name}-${tag}.png`, fullPage: full });
  };
  await shot("/admin", "admin-dashboard", false);
  await shot("/admin/categories", "admin-categories");
  await shot("/admin/categories/new?parent=1", "admin-category-new");
  await staff.fill("#name", "x");
  await Promise.all([staff.waitForNavigation(), staff.click(".category-save")]);
  await staff.screenshot({ path: `/tmp/shots/admin-category-refused-${tag}.png`, fullPage: true });
  await shot("/admin/brands", "admin-brands");
  await shot("/admin/settings", "admin-settings");
  await shot("/admin/customers", "admin-customers");
  await staff.click("table.admin-customers tbody a >> nth=0");
  await staff.waitForLoadState();
  await staff.screenshot({ path: `/tmp/shots/admin-customer-${tag}.png`, fullPage: true });
  await shot("/admin/cart-rules", "admin-cart-rules");
  await shot("/admin/cart-rules/1", "admin-cart-rule");
  await staff.goto(`${app.base}/admin/orders`);
  const order = await staff.getAttribute("table.admin-orders tbody a >> nth=0", "href");
  await staff.goto(`${app.base}${order}`);
  await staff.fill("#note", "Customer asked for delivery after 16:00.\nCall before.");
  await Promise.all([staff.waitForNavigation(), staff.click(".order-notes button[type=submit]")]);
  await staff.screenshot({ path: `/tmp/shots/admin-order-${tag}.png`, fullPage: true });
  await shot(`${order}/print`, "admin-order-print");
  await staff.close();
}
await browser.close();
await app.stop();
