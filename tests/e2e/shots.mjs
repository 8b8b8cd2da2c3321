// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn } from "./harness.mjs";
mkdirSync("/tmp/shots", { recursive: true });
const app = await startApp();
const browser = await startBrowser();

// Two paid guest orders so the dashboard has figures.
for (const email of ["shot-one@example.com", "shot-two@example.com"]) {
  const guest = await newPage(browser, { js: false });
  await guest.goto(`${app.base}/products/ergonomic-task-chair-mesh-of-01005`);
  await Promise.all([guest.waitForNavigation(), guest.click(".add-form button >> nth=0")]);
  await guest.goto(`${app.base}/checkout`);
  await guest.fill("#email", email);
  await guest.fill("#name", "Shot Guest");
  await guest.fill("#line1", "Hamngatan 3");
  await guest.fill("#postal_code", "111 47");
  await guest.fill("#city", "Stockholm");
  await Promise.all([guest.waitForNavigation(), guest.click(".checkout-pay")]);
  await guest.fill("#card_number", "4242 4242 4242 4242");
  await Promise.all([guest.waitForNavigation(), guest.click(".pay-test button >> nth=0")]);
  await guest.close();
}

for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  // A guest opens the chat panel from a product page, makes a mistake, then starts the chat.
  const guest = await newPage(browser, { js: true });
  await guest.setViewportSize({ width: w, height: h });
  await guest.goto(`${app.base}/products/ergonomic-task-chair-mesh-of-01005`);
  await guest.click("a.chat-launcher");
  await guest.waitForSelector(".chat-panel form.chat-start");
  await guest.screenshot({ path: `/tmp/shots/chat-panel-start-${tag}.png` });
  await guest.fill(".chat-panel #chat-name", "Lova Lind");
  await guest.fill(".chat-panel #chat-email", "lova@example.com");
  await guest.fill(".chat-panel #chat-body", "Does this chair come in black?");
  await guest.click(".chat-panel form.chat-start button[type=submit]");
  await guest.waitForSelector(".chat-panel .chat-status");
  const agent = await newPage(browser, { js: true });
  await agent.setViewportSize({ width: w, height: h });
  await signIn(agent, app.base, "support@duett.example");
  await agent.goto(`${app.base}/admin/chats`);
  await Promise.all([agent.waitForNavigation(), agent.click("tr.row-waiting a >> nth=0")]);
  await agent.click(".chat form.inline button");
  await agent.waitForSelector("form.chat-write");
  await agent.fill("#chat-body", "Yes — it comes in black and in grey. Both are in stock.");
  await agent.click("form.chat-write button[type=submit]");
  await guest.waitForFunction(() => /in black and in grey/.test(document.querySelector(".chat-panel .chat-lines").textContent));
  await guest.screenshot({ path: `/tmp/shots/chat-panel-conversation-${tag}.png` });
  await agent.screenshot({ path: `/tmp/shots/admin-chat-${tag}.png`, fullPage: true });
  await agent.close();
  await guest.close();

  // The dashboard with figures, and promotions.
  const admin = await newPage(browser, { js: true });
  await admin.setViewportSize({ width: w, height: h });
  await signIn(admin, app.base, "admin@duett.example");
  await admin.goto(`${app.base}/admin`);
  await admin.screenshot({ path: `/tmp/shots/admin-dashboard-${tag}.png`, fullPage: true });
  await admin.goto(`${app.base}/admin/promotions`);
  await admin.screenshot({ path: `/tmp/shots/admin-promotions-${tag}.png`, fullPage: true });
  await admin.goto(`${app.base}/admin/promotions/new`);
  await admin.fill("#title", "");
  await admin.fill("#link_url", "javascript:alert(1)");
  await Promise.all([admin.waitForNavigation(), admin.click(".promo-save")]);
  await admin.screenshot({ path: `/tmp/shots/admin-promotion-refused-${tag}.png`, fullPage: true });
  await admin.close();
}
await browser.close();
await app.stop();
console.log("screenshots in /tmp/shots");
