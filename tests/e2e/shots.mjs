// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync, rmSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn } from "./harness.mjs";
mkdirSync("/tmp/shots", { recursive: true });
rmSync("/tmp/shots", { recursive: true, force: true });
mkdirSync("/tmp/shots", { recursive: true });
const app = await startApp();
const browser = await startBrowser();

for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  const staff = await newPage(browser, { js: true });
  await staff.setViewportSize({ width: w, height: h });
  await signIn(staff, app.base, "admin@duett.example");
  const shot = async (path, name, full = true) => {
    await staff.goto(`${app.base}${path}`);
    await staff.screenshot({ path: `/tmp/shots/${name}-${tag}.png`, fullPage: full });
  };
  await shot("/admin/content", "admin-content");
  await shot("/admin/content/new?kind=guide", "admin-content-new");
  await staff.fill("#title", "Choosing a cordless drill");
  await staff.fill("#summary", "Which voltage for which job, and what to check before you buy.");
  await staff.fill("#body", "## What to check\n\n- **Torque** for screws into hardwood\n- Weight, if you work overhead\n\n| Job | Volt |\n|---|---|\n| Shelves | 12 V |\n| Decking | 18 V |\n\n> Buy the battery system first.\n\n<script>alert(1)</script>");
  await Promise.all([staff.waitForNavigation(), staff.click(".content-preview-button")]);
  await staff.screenshot({ path: `/tmp/shots/admin-content-preview-${tag}.png`, fullPage: true });
  await staff.fill("#title", "x");
  await staff.fill("#product", "NO-SUCH");
  await Promise.all([staff.waitForNavigation(), staff.click(".content-save")]);
  await staff.screenshot({ path: `/tmp/shots/admin-content-refused-${tag}.png`, fullPage: true });
  await shot("/admin/testimonials", "admin-testimonials");
  await shot("/admin/testimonials/1", "admin-testimonial");
  await staff.close();
  const buyer = await newPage(browser, { js: true });
  await buyer.setViewportSize({ width: w, height: h });
  await signIn(buyer, app.base, "buyer@nordbygg.example");
  await buyer.goto(`${app.base}/`);
  await buyer.screenshot({ path: `/tmp/shots/b2b-home-block-${tag}.png`, fullPage: false });
  await buyer.goto(`${app.base}/content/guide-choosing-fasteners`);
  await buyer.screenshot({ path: `/tmp/shots/b2b-article-${tag}.png`, fullPage: true });
  await buyer.close();
}
await browser.close();
await app.stop();
