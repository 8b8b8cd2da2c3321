// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync, rmSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn } from "./harness.mjs";
rmSync("/tmp/shots", { recursive: true, force: true });
mkdirSync("/tmp/shots", { recursive: true });
const app = await startApp();
const browser = await startBrowser();

// A shopper's review waits for moderation (the bulk form on the queue).
const shopper = await newPage(browser, { js: true });
await signIn(shopper, app.base, "shopper@example.com");
await shopper.goto(`${app.base}/products/ergonomic-task-chair-mesh-of-01005`);
await shopper.check("#rating-4");
await shopper.fill("#review-body", "Comfortable for long days at the desk.");
await Promise.all([shopper.waitForNavigation(), shopper.click(".review-form button[type=submit]")]);
await shopper.close();

for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  const staff = await newPage(browser, { js: true });
  await staff.setViewportSize({ width: w, height: h });
  await signIn(staff, app.base, "admin@duett.example");
  const shot = async (path, name, full = true) => {
    await staff.goto(`${app.base}${path}`);
    await staff.screenshot({ path: `/tmp/shots/${name}-${tag}.png`, fullPage: full });
  };
  if (tag === "desktop") {
    // Files: a refused upload, then a picture and a film uploaded.
    await staff.goto(`${app.base}/admin/files`);
    await staff.setInputFiles("#file", { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await Promise.all([staff.waitForNavigation(), staff.click(".file-send")]);
    await staff.screenshot({ path: `/tmp/shots/admin-file-refused-${tag}.png`, fullPage: true });
    await staff.goto(`${app.base}/categories/desks`);
    const picture = await staff.screenshot({ type: "png" });
    await staff.goto(`${app.base}/admin/files`);
    await staff.fill("#title", "Desks in the showroom");
    await staff.setInputFiles("#file", { name: "desks.png", mimeType: "image/png", buffer: picture });
    await Promise.all([staff.waitForNavigation(), staff.click(".file-send")]);
    await staff.screenshot({ path: `/tmp/shots/admin-file-picture-${tag}.png`, fullPage: true });
    const film = Buffer.concat([Buffer.from("\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41", "latin1"), Buffer.alloc(2048)]);
    await staff.goto(`${app.base}/admin/files`);
    await staff.setInputFiles("#file", { name: "assembly-film.mp4", mimeType: "video/mp4", buffer: film });
    await Promise.all([staff.waitForNavigation(), staff.click(".file-send")]);
  }
  await shot("/admin/files", "admin-files");
  await shot("/admin/content/1", "admin-content-form");
  await shot("/admin/products?q=drill", "admin-products-bulk", false);
  await staff.check("input[name=ids] >> nth=0");
  await staff.check("input[name=ids] >> nth=1");
  await staff.screenshot({ path: `/tmp/shots/admin-products-ticked-${tag}.png` });
  await shot("/admin/reviews", "admin-reviews-bulk");
  await shot("/admin", "admin-dashboard");
  await staff.close();
}
await browser.close();
await app.stop();
