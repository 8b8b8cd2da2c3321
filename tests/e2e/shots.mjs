// Screenshots of this session's pages at desktop and phone width (not a test; run by hand:
// `node tests/e2e/shots.mjs` after `cargo build`; they land in /tmp/shots).
import { mkdirSync } from "node:fs";
import { startApp, startBrowser, newPage, signIn } from "./harness.mjs";
mkdirSync("/tmp/shots", { recursive: true });
const app = await startApp();
const browser = await startBrowser();
for (const [w, h, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  // A guest opens the chat panel from a product page, makes a mistake, then starts the chat.
  const guest = await newPage(browser, { js: true });
  await guest.setViewportSize({ width: w, height: h });
  await guest.goto(`${app.base}/products/ergonomic-task-chair-mesh-of-01005`);
  await guest.click("a.chat-launcher");
  await guest.waitForSelector(".chat-panel form.chat-start");
  await guest.screenshot({ path: `/tmp/shots/chat-panel-start-${tag}.png` });
  await guest.fill(".chat-panel #chat-name", "Lova Lind");
  await guest.fill(".chat-panel #chat-email", "lova@");
  await guest.fill(".chat-panel #chat-body", "Does this chair come in black?");
  await guest.click(".chat-panel form.chat-start button[type=submit]");
  await guest.waitForSelector(".chat-panel #chat-email-error");
  await guest.screenshot({ path: `/tmp/shots/chat-panel-refused-${tag}.png` });
  await guest.fill(".chat-panel #chat-email", "lova@example.com");
  await guest.click(".chat-panel form.chat-start button[type=submit]");
  await guest.waitForSelector(".chat-panel .chat-status");
  // An agent takes it and answers; the guest's panel gets the answer over the stream.
  const agent = await newPage(browser, { js: true });
  await agent.setViewportSize({ width: w, height: h });
  await signIn(agent, app.base, "support@duett.example");
  await agent.goto(`${app.base}/admin/chats`);
  await agent.screenshot({ path: `/tmp/shots/admin-chats-waiting-${tag}.png`, fullPage: true });
  await Promise.all([agent.waitForNavigation(), agent.click("tr.row-waiting a >> nth=0")]);
  await agent.click(".chat form.inline button");
  await agent.waitForSelector("form.chat-write");
  await agent.fill("#chat-body", "Yes — it comes in black and in grey. Both are in stock.");
  await agent.click("form.chat-write button[type=submit]");
  await guest.waitForFunction(() => /in black and in grey/.test(document.querySelector(".chat-panel .chat-lines").textContent));
  await guest.fill(".chat-panel #chat-body", "Great, thanks!");
  await guest.press(".chat-panel #chat-body", "Enter");
  await agent.waitForFunction(() => /Great, thanks/.test(document.querySelector(".chat-lines").textContent));
  await guest.screenshot({ path: `/tmp/shots/chat-panel-conversation-${tag}.png` });
  await agent.screenshot({ path: `/tmp/shots/admin-chat-${tag}.png`, fullPage: true });
  await guest.goto(`${app.base}/chat`);
  await guest.screenshot({ path: `/tmp/shots/chat-page-${tag}.png`, fullPage: true });
  await agent.goto(`${app.base}/admin/chats`);
  await agent.screenshot({ path: `/tmp/shots/admin-chats-${tag}.png`, fullPage: true });
  await agent.close();
  await guest.close();
}
await browser.close();
await app.stop();
console.log("screenshots in /tmp/shots");
