import { startApp, startBrowser, newPage, signIn } from "/work/main/tests/e2e/harness.mjs";
const app = await startApp();
const browser = await startBrowser();
const staff = await newPage(browser, { js: true });
await staff.setViewportSize({ width: 390, height: 844 });
await signIn(staff, app.base, "admin@duett.example");
let n = 0;
for (const p of ["/admin/cases", "/admin/quotes", "/admin/returns", "/admin/content", "/admin/reviews", "/admin/orders", "/admin/faq", "/admin/cart-rules", "/admin/testimonials", "/admin/audit", "/admin/customers"]) {
  await staff.goto(`${app.base}${p}`);
  const sw = await staff.evaluate(() => document.documentElement.scrollWidth);
  n++; if (sw > 390) console.log("WIDE", p, sw);
}
console.log("checked", n);
await browser.close(); await app.stop();
