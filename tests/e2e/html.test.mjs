// HTML validity: the server's own HTML for every page so far, in every theme, checked by the Nu
// HTML Checker (vnu-jar from npm, run with the machine's Java). Errors fail; info warnings do not.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { startApp, startBrowser, newPage, signIn, weekday } from "./harness.mjs";

const require = createRequire(import.meta.url);
let app;
let browser;

before(async () => {
  app = await startApp();
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/// Fetches raw HTML (as served, before any script runs) with the page's cookies.
async function fetchAll(page, paths) {
  const out = {};
  for (const path of paths) {
    const res = await page.request.get(`${app.base}${path}`, { failOnStatusCode: false });
    out[path] = await res.text();
  }
  return out;
}

function validate(pages) {
  const dir = mkdtempSync(join(tmpdir(), "duett-vnu-"));
  try {
    const files = Object.entries(pages).map(([path, html], i) => {
      const file = join(dir, `${i}-${path.replace(/[^a-z0-9]+/gi, "_")}.html`);
      writeFileSync(file, html);
      return file;
    });
    try {
      execFileSync("java", ["-jar", require("vnu-jar"), "--errors-only", ...files], { stdio: "pipe" });
      return "";
    } catch (err) {
      return `${err.stderr}`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("every page validates as HTML in every theme", async () => {
  const visitor = await newPage(browser);
  const pages = await fetchAll(visitor, [
    "/", "/categories/office", "/categories/office?page=2&sort=price-asc",
    "/categories/office?cat=desks&stock=1&min=abc&rating=1", "/search?q=chair&brand=kontorio", "/search?q=", "/search?q=zzqxv",
    "/products/ergonomic-task-chair-mesh-of-01005", "/products/desk-screen-oak-de-01234", "/login", "/no-such-page",
    "/register", "/register/sent", "/register/confirm?token=x", "/account/email/confirm?token=x",
    "/password/forgot", "/password/forgot/sent", "/password/reset?token=x", "/business", "/business/thanks", "/invitation?token=x", "/cart",
    "/help", "/help/faq", "/help/faq?q=return", "/help/faq?q=zzqxv", "/chat",
  ]);
  await visitor.close();
  // A guest's chat (plain forms, as served): the start form refused, then the conversation.
  const chatter = await newPage(browser, { js: false });
  await chatter.goto(`${app.base}/chat`);
  await Promise.all([chatter.waitForNavigation(), chatter.click("form.chat-start button[type=submit]")]);
  pages["guest chat form refused"] = await chatter.content();
  await chatter.fill("#chat-name", "Vera Valid");
  await chatter.fill("#chat-email", "vera@example.com");
  await chatter.fill("#chat-body", "Is the oak desk in stock?");
  await Promise.all([chatter.waitForNavigation(), chatter.click("form.chat-start button[type=submit]")]);
  pages["guest chat"] = await chatter.content();
  await chatter.close();

  const buyer = await newPage(browser);
  await signIn(buyer, app.base, "buyer@nordbygg.example");
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(buyer, [
    "/", "/products/wood-screws-4-0-40-200-fa-01003", "/content/demo-cordless-system", "/categories/fasteners", "/account", "/search?q=screw", "/cart",
    "/b2b/quick-order", "/b2b/approvals", "/b2b/lists", "/b2b/quotes", "/help", "/help/faq", "/chat",
  ])).map(([k, v]) => [`b2b ${k}`, v])));
  // The demo quote with an offer to read, and the request form for a cart line.
  await buyer.goto(`${app.base}/b2b/quotes`);
  const demoQuote = await buyer.getAttribute(".quotes-table a", "href");
  await buyer.goto(`${app.base}/products/wood-screws-4-0-40-200-fa-01003`);
  await Promise.all([buyer.waitForNavigation(), buyer.click(".add-form button >> nth=0")]);
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(buyer, [demoQuote, "/b2b/quotes/new"]))
    .map(([k, v]) => [`b2b ${k}`, v])));
  // Order the cart on invoice; the form that changes the order, then the change reviewed.
  await buyer.goto(`${app.base}/checkout`);
  await Promise.all([buyer.waitForNavigation(), buyer.click(".checkout-pay")]);
  pages["b2b order page"] = await buyer.content();
  await Promise.all([buyer.waitForNavigation(), buyer.click("a.order-change")]);
  pages["b2b order change form"] = await buyer.content();
  const qty = buyer.locator(".order-change-lines input >> nth=0");
  await qty.fill(String(Number(await qty.inputValue()) * 2));
  await Promise.all([buyer.waitForNavigation(), buyer.click(".order-change-review-button")]);
  assert.equal(await buyer.locator(".order-change-save").count(), 1);
  pages["b2b order change reviewed"] = await buyer.content();
  // Book a live demo: the form refused (a Saturday), then the request's page and the list.
  await buyer.goto(`${app.base}/b2b/demos/new?demo=demo-cordless-system`);
  pages["b2b demo form"] = await buyer.content();
  await buyer.fill("#preferred_date", weekday(9, false));
  await Promise.all([buyer.waitForNavigation(), buyer.click(".demo-send")]);
  pages["b2b demo form refused"] = await buyer.content();
  await buyer.fill("#preferred_date", weekday(9, true));
  await Promise.all([buyer.waitForNavigation(), buyer.click(".demo-send")]);
  const demoUrl = new URL(buyer.url()).pathname;
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(buyer, [demoUrl, "/b2b/demos"]))
    .map(([k, v]) => [`b2b ${k}`, v])));
  await buyer.close();

  const shopper = await newPage(browser);
  await signIn(shopper, app.base, "shopper@example.com");
  // A cart with a line in it, and the product page's refused quantity.
  await shopper.goto(`${app.base}/products/ergonomic-task-chair-mesh-of-01005`);
  await Promise.all([shopper.waitForNavigation(), shopper.click(".add-form button >> nth=0")]);
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(shopper, [
    "/products/ergonomic-task-chair-mesh-of-01005", "/products/ergonomic-task-chair-mesh-of-01005?reviews=helpful", "/cart",
    "/checkout",
  ])).map(([k, v]) => [`consumer ${k}`, v])));
  // Place the order: the payment page, then the order page.
  await shopper.goto(`${app.base}/checkout`);
  await Promise.all([shopper.waitForNavigation(), shopper.click(".checkout-pay")]);
  pages["consumer payment page"] = await shopper.content();
  await shopper.fill("#card_number", "4242 4242 4242 4242");
  await Promise.all([shopper.waitForNavigation(), shopper.click(".pay-test button >> nth=0")]);
  const order = new URL(shopper.url());
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(shopper, [`${order.pathname}${order.search}`]))
    .map(([, v]) => ["consumer order page", v])));
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(shopper, ["/orders"])).map(([k, v]) => [`consumer ${k}`, v])));
  // Staff ship and deliver it; the shopper asks for a return (the form, then the slip).
  const number = (await shopper.textContent(".order-number")).trim();
  const fulfiller = await newPage(browser);
  await signIn(fulfiller, app.base, "support@duett.example");
  await fulfiller.goto(`${app.base}/admin/orders/${number}`);
  await Promise.all([fulfiller.waitForNavigation(), fulfiller.click("form.order-step button >> nth=0")]);
  await fulfiller.fill("#tracking", "JJSE12345678");
  await Promise.all([fulfiller.waitForNavigation(), fulfiller.click("form.order-step button >> nth=0")]);
  await Promise.all([fulfiller.waitForNavigation(), fulfiller.click("form.order-step button >> nth=0")]);
  await fulfiller.close();
  await shopper.goto(`${app.base}${order.pathname}${order.search}`);
  await Promise.all([shopper.waitForNavigation(), shopper.click("a.order-return")]);
  pages["consumer return form"] = await shopper.content();
  await shopper.fill(".return-lines input[type=number]", "1");
  await shopper.selectOption("#reason", "damaged");
  await Promise.all([shopper.waitForNavigation(), shopper.click("form.return-form button[type=submit]")]);
  const slip = new URL(shopper.url());
  const returnNumber = (await shopper.textContent(".return-number")).trim();
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(shopper, [`${slip.pathname}${slip.search}`]))
    .map(([, v]) => ["consumer return slip", v])));
  // Report a problem: the form refused, then the case's page and the list.
  await shopper.goto(`${app.base}${order.pathname}${order.search}`);
  await Promise.all([shopper.waitForNavigation(), shopper.click("a.order-report")]);
  pages["consumer case form"] = await shopper.content();
  await Promise.all([shopper.waitForNavigation(), shopper.click("form.case-form button[type=submit]")]);
  pages["consumer case form refused"] = await shopper.content();
  await shopper.check("input[name=kind][value=missing]");
  await shopper.fill("#description", "One chair of the two is missing.");
  await shopper.fill("table.case-lines input[type=number]", "1");
  await Promise.all([shopper.waitForNavigation(), shopper.click("form.case-form button[type=submit]")]);
  const caseNumber = (await shopper.textContent(".case-number")).trim();
  pages["consumer case page"] = await shopper.content();
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(shopper, ["/cases"])).map(([k, v]) => [`consumer ${k}`, v])));
  await shopper.close();

  const consultant = await newPage(browser);
  await signIn(consultant, app.base, "consultant@example.com");
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(consultant, ["/company"])).map(([k, v]) => [`multi ${k}`, v])));
  await consultant.close();

  const companyAdmin = await newPage(browser);
  await signIn(companyAdmin, app.base, "admin@nordbygg.example");
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(companyAdmin, ["/b2b/company/users"])).map(([k, v]) => [`company admin ${k}`, v])));
  await companyAdmin.close();

  const staff = await newPage(browser);
  await signIn(staff, app.base, "admin@duett.example");
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(staff, [
    "/admin", "/admin/applications", "/admin/reviews", "/admin/outbox", "/admin/audit", "/admin/orders?status=delivered",
    `/admin/orders/${number}`, "/admin/returns", `/admin/returns/${returnNumber}`, "/admin/quotes", demoQuote.replace("/b2b/", "/admin/"),
    "/admin/act-for", "/admin/demos", demoUrl.replace("/b2b/", "/admin/"), "/admin/faq", "/admin/faq/new",
    "/admin/cases", `/admin/cases/${caseNumber}`, "/admin/chats", "/admin/promotions", "/admin/promotions/new", "/admin/coupons", "/admin/coupons/new",
    "/admin/products", "/admin/products/new", "/admin/products?q=to&state=active",
    "/admin/prices", "/admin/prices?company=1&sku=FA-01003&qty=12", "/admin/prices/lists/1", "/admin/prices/companies/1",
    "/admin/companies", "/admin/companies/1", "/admin/staff", "/admin/staff?q=zebra&role=catalog_manager", "/admin/staff?state=active",
    "/admin/applications?q=fj&industry=construction", "/admin/applications?q=zebra", "/admin/brands?q=nord", "/admin/brands?q=zebra",
    "/admin/categories", "/admin/categories/new", "/admin/categories/1", "/admin/brands", "/admin/settings",
    "/admin/customers", "/admin/customers?q=shopper", "/admin/cart-rules", "/admin/cart-rules/new", "/admin/cart-rules/1",
    `/admin/orders/${number}/print`,
    "/admin/content", "/admin/content?kind=guide&state=published", "/admin/content/new?kind=block", "/admin/content/1",
    "/admin/testimonials", "/admin/testimonials/new", "/admin/testimonials/1",
  ])).map(([k, v]) => [`admin ${k}`, v])));
  // An article's preview (Markdown with a table and typed HTML) and a refused article;
  // an FAQ answer's preview.
  await staff.goto(`${app.base}/admin/content/new?kind=guide`);
  await staff.fill("#title", "Choosing drills");
  await staff.fill("#body", "## Sizes\n\n- **12 V** for shelves\n\n| Job | Volt |\n|---|---|\n| Deck | 18 V |\n\n<script>x</script>");
  await Promise.all([staff.waitForNavigation(), staff.click(".content-preview-button")]);
  pages["admin content preview"] = await staff.content();
  await staff.fill("#title", "x");
  await staff.fill("#product", "NO-SUCH");
  await Promise.all([staff.waitForNavigation(), staff.click(".content-save")]);
  pages["admin content refused"] = await staff.content();
  await staff.goto(`${app.base}/admin/faq/new`);
  await staff.fill("#question", "Can I pay by card?");
  await staff.fill("#answer", "**Yes**, see [payment](/help).");
  await Promise.all([staff.waitForNavigation(), staff.click(".faq-preview")]);
  pages["admin faq preview"] = await staff.content();
  await staff.goto(`${app.base}/admin/orders/${number}`);
  await staff.fill("#refund-amount", "0");
  await staff.fill("#refund-note", "Goodwill");
  await Promise.all([staff.waitForNavigation(), staff.click(".order-refund-give")]);
  pages["admin order refund refused"] = await staff.content();
  // Refused forms of the catalog's structure, the settings and a cart rule; a consumer's page.
  await staff.goto(`${app.base}/admin/categories/new`);
  await staff.fill("#name", "x");
  await Promise.all([staff.waitForNavigation(), staff.click(".category-save")]);
  pages["admin category refused"] = await staff.content();
  await staff.goto(`${app.base}/admin/brands`);
  await staff.fill("#name", "Nordverk");
  await Promise.all([staff.waitForNavigation(), staff.click(".brand-add")]);
  pages["admin brand refused"] = await staff.content();
  await staff.goto(`${app.base}/admin/settings`);
  await staff.fill("#return_days", "many");
  await Promise.all([staff.waitForNavigation(), staff.click(".settings-shop-save")]);
  pages["admin settings refused"] = await staff.content();
  await staff.goto(`${app.base}/admin/cart-rules/new`);
  await staff.fill("#pay", "9");
  await Promise.all([staff.waitForNavigation(), staff.click(".cart-rule-save")]);
  pages["admin cart rule refused"] = await staff.content();
  await staff.goto(`${app.base}/admin/customers?q=shopper`);
  await Promise.all([staff.waitForNavigation(), staff.click("table.admin-customers tbody a >> nth=0")]);
  pages["admin consumer"] = await staff.content();
  // A product refused (no SKU, no price), then one saved with a picture and open for editing,
  // and a refused stock change on it.
  await staff.goto(`${app.base}/admin/products/new`);
  const picture = await staff.screenshot({ type: "png" });
  await staff.fill("#name", "Valid saw");
  await Promise.all([staff.waitForNavigation(), staff.click(".product-save")]);
  pages["admin product refused"] = await staff.content();
  await staff.fill("#sku", "HTML-1");
  await staff.fill("#price", "100");
  await staff.selectOption("#category", { index: 1 });
  await staff.setInputFiles("#pictures", { name: "saw.png", mimeType: "image/png", buffer: picture });
  await Promise.all([staff.waitForNavigation(), staff.click(".product-save")]);
  pages["admin product"] = await staff.content();
  await staff.fill("#change", "-5");
  await Promise.all([staff.waitForNavigation(), staff.click(".stock-save")]);
  pages["admin product stock refused"] = await staff.content();
  await staff.fill("#video_url", "https://example.com/film.avi");
  await Promise.all([staff.waitForNavigation(), staff.click(".video-save")]);
  pages["admin product video refused"] = await staff.content();
  await staff.fill("#video_url", "/static/video/demo.webm");
  await staff.fill("#video_captions", "/static/video/demo.en.vtt");
  await Promise.all([staff.waitForNavigation(), staff.click(".video-save")]);
  pages["product with a video set in admin"] = await (await staff.request.get(`${app.base}/products/valid-saw`)).text();
  pages["product with an uploaded picture"] = await (await staff.request.get(`${app.base}/products/valid-saw`)).text();
  // The import page and a checked file's report (an unknown SKU's price: a new product with no name).
  await staff.goto(`${app.base}/admin/products/import`);
  pages["admin product import"] = await staff.content();
  await staff.setInputFiles("#file", { name: "prices.csv", mimeType: "text/csv", buffer: Buffer.from("sku,price\nNOPE-1,10\n") });
  await Promise.all([staff.waitForNavigation(), staff.click(".import-check")]);
  await staff.waitForSelector(".import-summary", { timeout: 10000 });
  pages["admin product import report"] = await staff.content();
  // Files: the empty list, a refused upload, a picture and a film uploaded, the list with them
  // and an article's form offering them.
  await staff.goto(`${app.base}/admin/files`);
  pages["admin files empty"] = await staff.content();
  await staff.setInputFiles("#file", { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await Promise.all([staff.waitForNavigation(), staff.click(".file-send")]);
  pages["admin file refused"] = await staff.content();
  await staff.fill("#title", "Saw in use");
  await staff.setInputFiles("#file", { name: "saw.png", mimeType: "image/png", buffer: picture });
  await Promise.all([staff.waitForNavigation(), staff.click(".file-send")]);
  pages["admin file picture"] = await staff.content();
  await staff.goto(`${app.base}/admin/files`);
  const film = Buffer.concat([Buffer.from("\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41", "latin1"), Buffer.alloc(2048)]);
  await staff.setInputFiles("#file", { name: "saw.mp4", mimeType: "video/mp4", buffer: film });
  await Promise.all([staff.waitForNavigation(), staff.click(".file-send")]);
  pages["admin file film"] = await staff.content();
  Object.assign(pages, Object.fromEntries(Object.entries(await fetchAll(staff, [
    "/admin/files?q=saw", "/admin/content/new?kind=demo", "/admin/promotions/new",
  ])).map(([k, v]) => [`admin with files ${k}`, v])));
  // A promotion refused (every field wrong), then one saved and open for editing.
  await staff.goto(`${app.base}/admin/promotions/new`);
  await staff.fill("#title", "");
  await staff.fill("#priority", "lots");
  await Promise.all([staff.waitForNavigation(), staff.click(".promo-save")]);
  pages["admin promotion refused"] = await staff.content();
  await staff.fill("#title", "Valid week");
  await staff.fill("#priority", "5");
  await Promise.all([staff.waitForNavigation(), staff.click(".promo-save")]);
  pages["admin promotion"] = await staff.content();
  // The guest's chat for an agent.
  await staff.goto(`${app.base}/admin/chats`);
  await Promise.all([staff.waitForNavigation(), staff.click("tr.row-waiting a >> nth=0")]);
  pages["admin chat"] = await staff.content();
  // Acting for a buyer: the portal with the banner.
  await staff.goto(`${app.base}/admin/act-for?q=buyer@smakbyran`);
  await Promise.all([staff.waitForNavigation(), staff.click(".act-for-people button >> nth=0")]);
  pages["acting for a buyer: home"] = await (await staff.request.get(`${app.base}/`)).text();
  await staff.close();

  assert.equal(Object.keys(pages).length, 152);
  assert.equal(validate(pages), "");
});
