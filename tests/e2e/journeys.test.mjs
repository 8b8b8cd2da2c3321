// Browser journeys: every theme's home renders, has no console errors and passes axe-core; the
// main flows work with JavaScript on and off.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, startBrowser, newPage, axe, signIn, weekday } from "./harness.mjs";

let app;
let browser;

/** A guest buys an office chair and pays with the test card; the page ends on the order. */
async function guestOrder(page, email, name) {
  await page.goto(`${app.base}/products/ergonomic-task-chair-mesh-of-01005`);
  await Promise.all([page.waitForNavigation(), page.click(".add-form button >> nth=0")]);
  await page.goto(`${app.base}/checkout`);
  await page.fill("#email", email);
  await page.fill("#name", name);
  await page.fill("#line1", "Hamngatan 3");
  await page.fill("#postal_code", "111 47");
  await page.fill("#city", "Stockholm");
  await Promise.all([page.waitForNavigation(), page.click(".checkout-pay")]);
  await page.fill("#card_number", "4242 4242 4242 4242");
  await Promise.all([page.waitForNavigation(), page.click(".pay-test button >> nth=0")]);
}

/** A 1×1 PNG for photo uploads. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABDQottAAAAABJRU5ErkJggg==",
  "base64",
);

before(async () => {
  app = await startApp();
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

for (const js of [true, false]) {
  const mode = js ? "JS on" : "JS off";

  test(`consumer home renders in the B2C theme (${mode})`, async () => {
    const page = await newPage(browser, { js });
    const res = await page.goto(`${app.base}/`);
    assert.equal(res.status(), 200);
    assert.equal(await page.getAttribute("body", "data-theme"), "b2c");
    assert.equal(await page.locator("h1").count(), 1);
    assert.ok((await page.locator("#featured-track .card").count()) >= 6);
    const hidden = await page.locator(".carousel-controls").first().isHidden();
    assert.equal(hidden, !js, "carousel buttons appear only with JavaScript");
    if (js) {
      // The next button scrolls the list; without JS the list is a plain scrollable row.
      await page.click(".carousel-next[aria-controls=featured-track]");
      await page.waitForFunction(() => document.querySelector("#featured-track").scrollLeft > 0);
    }
    if (js) assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`the product carousel works by keyboard (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await page.goto(`${app.base}/`);
    // Tab moves through the cards (each card's link, then its "Buy now" button); a card that was
    // out of view scrolls into view when it gets focus.
    await page.locator("#featured-track .card-link").first().focus();
    let index = 0;
    for (let presses = 0; presses < 20 && index !== 6; presses++) {
      await page.keyboard.press("Tab");
      index = await page.evaluate(() =>
        [...document.querySelectorAll("#featured-track .card-link")].indexOf(document.activeElement));
    }
    assert.equal(index, 6);
    await page.waitForFunction(() => document.querySelector("#featured-track").scrollLeft > 0);
    const box = await page.locator("#featured-track .card-link").nth(6).boundingBox();
    const track = await page.locator("#featured-track").boundingBox();
    assert.ok(box.x >= track.x - 1 && box.x + box.width <= track.x + track.width + 1, "the focused card is in view");
    if (js) {
      // The previous/next buttons are reachable and work with Enter.
      await page.locator(".carousel-prev[aria-controls=featured-track]").focus();
      const before = await page.evaluate(() => document.querySelector("#featured-track").scrollLeft);
      await page.keyboard.press("Enter");
      await page.waitForFunction((b) => document.querySelector("#featured-track").scrollLeft < b, before);
    }
    // Enter on a card opens the product.
    await page.locator("#featured-track .card-link").nth(1).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    assert.match(page.url(), /\/products\//);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a shopper browses from category to product (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await page.goto(`${app.base}/categories/construction`);
    assert.equal(await page.textContent("h1"), "Construction & workshop");
    if (js) assert.deepEqual(await axe(page), []);
    // Filter: in stock, one subcategory; then sort. One submit keeps every choice.
    await page.check("#stock");
    await page.check("#cat-power-tools");
    await Promise.all([page.waitForNavigation(), page.click("#facets button[type=submit]")]);
    assert.match(page.url(), /cat=power-tools/);
    assert.match(page.url(), /stock=1/);
    assert.equal(await page.locator(".grid .stock-out").count(), 0);
    assert.equal(await page.locator(".active-filters .chip").count(), 2);
    await page.selectOption("select[name=sort]", "price-asc");
    await Promise.all([page.waitForNavigation(), page.click(".sort-form button")]);
    assert.match(page.url(), /sort=price-asc/);
    assert.match(page.url(), /cat=power-tools/);
    if (js) assert.deepEqual(await axe(page), []);
    // Remove one filter with its chip; the other stays.
    await Promise.all([page.waitForNavigation(), page.click(".active-filters .chip >> nth=0")]);
    assert.equal(await page.locator(".active-filters .chip").count(), 1);
    await Promise.all([page.waitForNavigation(), page.click(".grid .card-link >> nth=0")]);
    assert.match(page.url(), /\/products\//);
    assert.equal(await page.locator(".buybox .price-note").textContent(), "incl. VAT");
    if (js) assert.deepEqual(await axe(page), []);
    // Into the cart: a refused quantity is explained and kept, then one is added.
    const product = await page.textContent("h1");
    await page.fill("#add-quantity", "0");
    await Promise.all([page.waitForNavigation(), page.click(".add-form button >> nth=0")]);
    assert.match(await page.textContent("#add-error"), /smallest quantity is 1/);
    assert.equal(await page.inputValue("#add-quantity"), "0");
    await page.fill("#add-quantity", "1");
    await Promise.all([page.waitForNavigation(), page.click(".add-form button >> nth=0")]);
    assert.match(await page.textContent("[role=status]"), /Added to your cart/);
    assert.equal(await page.textContent(".cart-count"), "1");
    await Promise.all([page.waitForNavigation(), page.click(".cart-link")]);
    assert.equal(await page.textContent("h1"), "Your cart");
    assert.equal(await page.textContent(".cart-line-name a"), product);
    assert.match(await page.textContent(".cart-summary"), /1 item/);
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click(".cart-line-side button >> nth=0")]);
    assert.match(await page.textContent("main"), /Your cart is empty/);
    if (js) assert.deepEqual(await axe(page), []);
    // The gallery: thumbnails swap the main picture and the main picture opens full size (JS);
    // without JS every picture is a link to the full-size file.
    await page.goto(`${app.base}/products/cordless-drill-driver-18-v-compact-po-01000`);
    const second = await page.getAttribute(".thumbs a >> nth=1", "href");
    if (js) {
      await page.click(".thumbs a >> nth=1");
      assert.equal(await page.getAttribute(".gallery-main img", "src"), second);
      await page.click(".gallery-main");
      await page.waitForSelector("dialog.lightbox[open]");
      assert.deepEqual(await axe(page), []);
      await page.keyboard.press("Escape");
      await page.waitForSelector("dialog.lightbox:not([open])", { state: "attached" });
      assert.equal(await page.evaluate(() => document.activeElement.className), "gallery-main");
    } else {
      assert.match(await page.getAttribute(".gallery-main", "href"), /\/media\//);
      assert.match(second, /\/media\//);
    }
    // Out of stock: a guest asks to hear when it is back.
    await page.goto(`${app.base}/products/desk-screen-oak-de-01234`);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#notify-email", js ? "guest-js@example.com" : "guest@example.com");
    await Promise.all([page.waitForNavigation(), page.click(".notify-form button")]);
    assert.match(await page.textContent("[role=status]"), /back in stock/);
    // The refused quantity above was answered 422 on purpose; nothing else went wrong.
    assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
    await page.close();
  });

  test(`a shopper searches, narrows the results and opens a product (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await page.goto(`${app.base}/`);
    await page.fill("#site-q", "chair");
    if (js) {
      // Suggestions arrive as the shopper types.
      await page.waitForFunction(() => document.querySelectorAll("datalist option").length > 0);
    }
    await Promise.all([page.waitForNavigation(), page.press("#site-q", "Enter")]);
    assert.equal(new URL(page.url()).pathname, "/search");
    assert.match(await page.textContent("h1"), /chair/);
    if (js) assert.deepEqual(await axe(page), []);
    const before = await page.locator(".grid .card").count();
    assert.ok(before > 0);
    await page.check("#facets input[name=brand] >> nth=0");
    await Promise.all([page.waitForNavigation(), page.click("#facets button[type=submit]")]);
    assert.match(page.url(), /q=chair/);
    assert.match(page.url(), /brand=/);
    assert.equal(await page.locator(".active-filters .chip").count(), 1);
    await Promise.all([page.waitForNavigation(), page.click(".grid .card-link >> nth=0")]);
    assert.match(page.url(), /\/products\//);
    // Nothing found: a helpful page, not an error.
    await page.goto(`${app.base}/search?q=zzqxv`);
    assert.match(await page.textContent(".empty-search"), /Nothing matches/);
    if (js) assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a guest buys now, checks out on one page and pays with a test card (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await page.goto(`${app.base}/categories/office?stock=1`);
    const name = await page.textContent(".grid .card-name >> nth=0");
    await Promise.all([page.waitForNavigation(), page.click(".grid .card-buy button >> nth=0")]);
    assert.equal(new URL(page.url()).pathname, "/cart");
    assert.equal(await page.textContent(".cart-line-name a"), name);
    await Promise.all([page.waitForNavigation(), page.click(".cart-checkout")]);
    assert.equal(await page.textContent("h1"), "Checkout");
    if (js) assert.deepEqual(await axe(page), []);
    // A mistake is explained next to its field and the rest is kept.
    await page.fill("#email", js ? "guest-js@example.com" : "guest-nojs@example.com");
    await page.fill("#name", "Gun Gäst");
    await page.fill("#line1", "Storgatan 1");
    await page.fill("#postal_code", "411");
    await page.fill("#city", "Göteborg");
    await Promise.all([page.waitForNavigation(), page.click(".checkout-pay")]);
    assert.match(await page.textContent("#postal_code-error"), /postal code/);
    assert.equal(await page.inputValue("#line1"), "Storgatan 1");
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#postal_code", "411 38");
    await page.check("#delivery-express");
    if (js) {
      // The summary follows the choice at once, without a page load.
      await page.waitForFunction(() => /149\.00/.test(document.querySelector(".cart-summary").textContent));
      assert.match(await page.textContent(".cart-summary [role=status]"), /SEK/);
    } else {
      await Promise.all([page.waitForNavigation(), page.click("fieldset button[value=update] >> nth=0")]);
    }
    assert.match(await page.textContent(".cart-summary"), /149\.00/);
    await Promise.all([page.waitForNavigation(), page.click(".checkout-pay")]);
    assert.match(new URL(page.url()).pathname, /^\/pay\/test\//);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#card_number", "4242 4242 4242 4242");
    await Promise.all([page.waitForNavigation(), page.click(".pay-test button >> nth=0")]);
    assert.match(new URL(page.url()).pathname, /^\/orders\//);
    assert.equal(await page.textContent("h1"), "Thank you for your order");
    assert.equal(await page.textContent(".order-status"), "Paid");
    assert.match(await page.textContent(".order-lines"), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    if (js) assert.deepEqual(await axe(page), []);
    assert.equal(await page.locator(".cart-count").count(), 0, "the cart is empty");
    // The checkout's refused submit was a 422 on purpose.
    assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
    await page.close();
  });

  test(`a signed-in shopper checks out with a saved address and a coupon (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "shopper@example.com");
    await page.goto(`${app.base}/products/ergonomic-task-chair-mesh-of-01005`);
    await Promise.all([page.waitForNavigation(), page.click(".add-form button >> nth=0")]);
    await page.goto(`${app.base}/checkout`);
    // The saved address fills the form.
    await page.fill("#line1", "");
    await Promise.all([page.waitForNavigation(), page.click("button[value=use_address]")]);
    assert.equal(await page.inputValue("#line1"), "Storgatan 12");
    assert.equal(await page.inputValue("#city"), "Göteborg");
    // A wrong code is explained next to the field (in place with JS), a good one applies.
    const apply = async () => {
      if (js) await page.click("button.coupon-apply");
      else await Promise.all([page.waitForNavigation(), page.click("button.coupon-apply")]);
    };
    await page.fill("#coupon", "NOSUCHCODE");
    await apply();
    if (js) await page.waitForSelector("#coupon-error");
    assert.match(await page.textContent("#coupon-error"), /code/i);
    // WELCOME10 is once per customer: each mode uses its own code.
    const code = js ? "WELCOME10" : "FRAKTFRI";
    await page.fill("#coupon", code.toLowerCase());
    await apply();
    if (js) {
      await page.waitForFunction(() => !document.querySelector("#coupon-error"));
      await page.waitForFunction(() => /WELCOME10/.test(document.querySelector(".cart-summary").textContent));
      assert.deepEqual(await axe(page), []);
    } else {
      assert.match(await page.textContent(".cart-summary"), /Free/);
    }
    await Promise.all([page.waitForNavigation(), page.click(".checkout-pay")]);
    assert.match(new URL(page.url()).pathname, /^\/pay\/test\//, await page.textContent("main"));
    await page.fill("#card_number", "4242 4242 4242 4242");
    await Promise.all([page.waitForNavigation(), page.click(".pay-test button >> nth=0")]);
    assert.equal(await page.textContent(".order-status"), "Paid");
    const summary = await page.textContent(".cart-summary");
    if (js) assert.match(summary, /Discounts \(incl\. code WELCOME10\)/);
    else assert.match(summary, /Delivery\s*SEK\s0\.00/);
    assert.match(await page.textContent("address"), /Storgatan 12/);
    assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
    await page.close();
  });

  test(`a guest returns an item, prints the slip and staff receive and refund it (${mode})`, async () => {
    const page = await newPage(browser, { js });
    // A guest: the order link (with its token) is all they need to return something. (The demo
    // consumers' passwords are changed by the reset journey, so none is used here.)
    await guestOrder(page, js ? "returner-js@example.com" : "returner-nojs@example.com", "Maja Retur");
    const orderUrl = page.url();
    const number = (await page.textContent(".order-number")).trim();
    assert.equal(await page.locator("a.order-return").count(), 0, "nothing to return before shipping");

    // Staff pack, ship with a tracking number and deliver.
    const staff = await newPage(browser, { js });
    await signIn(staff, app.base, "support@duett.example");
    await staff.goto(`${app.base}/admin/orders?q=${number}`);
    await Promise.all([staff.waitForNavigation(), staff.click(`a[href='/admin/orders/${number}']`)]);
    if (js) assert.deepEqual(await axe(staff), []);
    await Promise.all([staff.waitForNavigation(), staff.click("form.order-step button:has-text('packed')")]);
    await staff.fill("#tracking", "JJSE 0001 2345");
    await Promise.all([staff.waitForNavigation(), staff.click("form.order-step button:has-text('shipped')")]);
    assert.equal(await staff.textContent(".tracking-number"), "JJSE00012345");
    await Promise.all([staff.waitForNavigation(), staff.click("form.order-step button:has-text('delivered')")]);
    assert.match(await staff.textContent(".order-status"), /Delivered/);

    // The shopper asks for a return from the order page.
    await page.goto(orderUrl);
    assert.match(await page.textContent(".timeline"), /JJSE00012345/);
    await Promise.all([page.waitForNavigation(), page.click("a.order-return")]);
    assert.equal(await page.textContent("h1"), "Return or exchange");
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill(".return-lines input[type=number]", "1");
    await Promise.all([page.waitForNavigation(), page.click("form.return-form button[type=submit]")]);
    assert.match(await page.textContent("#reason-error"), /reason/);
    assert.equal(await page.inputValue(".return-lines input[type=number]"), "1", "the quantity is kept");
    if (js) assert.deepEqual(await axe(page), []);
    await page.selectOption("#reason", "wrong-size");
    await page.fill("#comment", "Too low for my desk.");
    await Promise.all([page.waitForNavigation(), page.click("form.return-form button[type=submit]")]);
    assert.match(new URL(page.url()).pathname, /^\/returns\/R/);
    assert.match(await page.textContent(".return-status"), /Requested/);
    assert.match(await page.textContent(".slip-addresses"), /Duett Returns/);
    assert.equal(await page.locator("button.print-slip").isVisible(), js, "the print button needs JS");
    if (js) assert.deepEqual(await axe(page), []);
    const returnNumber = (await page.textContent(".return-number")).trim();

    // Staff receive it and refund.
    await staff.goto(`${app.base}/admin/returns`);
    await Promise.all([staff.waitForNavigation(), staff.click(`a[href='/admin/returns/${returnNumber}']`)]);
    if (js) assert.deepEqual(await axe(staff), []);
    await Promise.all([staff.waitForNavigation(), staff.click("button[value=receive]")]);
    await Promise.all([staff.waitForNavigation(), staff.click("button[value=refund]")]);
    assert.match(await staff.textContent(".return-status"), /Refunded/);
    await page.reload();
    assert.match(await page.textContent(".return-status"), /Refunded/);
    assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
    assert.deepEqual(staff.errors, []);
    await staff.close();
    await page.close();
  });

  test(`support gives money back straight from an order's page (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await guestOrder(page, js ? "goodwill-js@example.com" : "goodwill-nojs@example.com", "Gun Goodwill");
    const number = (await page.textContent(".order-number")).trim();
    const staff = await newPage(browser, { js });
    await signIn(staff, app.base, "support@duett.example");
    await staff.goto(`${app.base}/admin/orders/${number}`);
    // Too much is refused with the input kept; then a part is given back.
    await staff.fill("#refund-amount", "999999");
    await staff.fill("#refund-note", "Sorry for the wait");
    await Promise.all([staff.waitForNavigation(), staff.click(".order-refund-give")]);
    assert.match(await staff.textContent("#refund-amount-error"), /is left/);
    assert.equal(await staff.inputValue("#refund-note"), "Sorry for the wait");
    if (js) assert.deepEqual(await axe(staff), []);
    await staff.fill("#refund-amount", "10");
    await Promise.all([staff.waitForNavigation(), staff.click(".order-refund-give")]);
    assert.match(await staff.textContent(".timeline"), /Sorry for the wait/);
    assert.match(await staff.textContent(".order-refunded"), /SEK\s10\.00\sof/);
    if (js) assert.deepEqual(await axe(staff), []);
    assert.deepEqual(staff.errors.filter((e) => !/status of 422/.test(e)), []);
    await staff.close();
    await page.close();
  });

  test(`a guest reports a damaged item with a photo from the order page and an agent replies (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await guestOrder(page, js ? "case-js@example.com" : "case-nojs@example.com", "Kim Ärende");
    const orderUrl = page.url();

    // From the order page: "Report a problem". A mistake is explained; what was typed stays.
    await Promise.all([page.waitForNavigation(), page.click("a.order-report")]);
    assert.equal(await page.textContent("h1"), "Report a problem");
    if (js) assert.deepEqual(await axe(page), []);
    await page.check("input[name=kind][value=damaged]");
    await page.fill("#description", "Broken");
    await Promise.all([page.waitForNavigation(), page.click("form.case-form button[type=submit]")]);
    assert.match(await page.textContent("#description-error"), /at least 10/);
    assert.match(await page.textContent("#lines-error"), /how many units/);
    assert.equal(await page.inputValue("#description"), "Broken");
    assert.ok(await page.isChecked("input[name=kind][value=damaged]"));
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#description", "One armrest arrived snapped off.");
    await page.fill("table.case-lines input[type=number]", "1");
    await page.setInputFiles("#photos", { name: "armrest.png", mimeType: "image/png", buffer: PNG });
    await Promise.all([page.waitForNavigation(), page.click("form.case-form button[type=submit]")]);
    assert.match(new URL(page.url()).pathname, /^\/cases\/C/);
    assert.match(await page.textContent(".case-status"), /Open/);
    assert.equal(await page.locator(".case-photos img").count(), 1);
    if (js) assert.deepEqual(await axe(page), []);
    const caseUrl = page.url();
    const number = (await page.textContent(".case-number")).trim();

    // An agent finds it in the queue, takes it and replies.
    const staff = await newPage(browser, { js });
    await signIn(staff, app.base, "support@duett.example");
    await staff.goto(`${app.base}/admin/cases?q=${number}`);
    if (js) assert.deepEqual(await axe(staff), []);
    await Promise.all([staff.waitForNavigation(), staff.click(`a[href='/admin/cases/${number}']`)]);
    if (js) assert.deepEqual(await axe(staff), []);
    await Promise.all([staff.waitForNavigation(), staff.click("form.case-assign button[name=take]")]);
    await staff.fill("#body", "Sorry about that! A new armrest is on its way.");
    await staff.selectOption("#after", "resolved");
    await Promise.all([staff.waitForNavigation(), staff.click("form.case-reply button[type=submit]")]);
    assert.match(await staff.textContent(".case-status"), /Resolved/);
    assert.match(await staff.textContent(".case-first-timer"), /before the target/);

    // The customer reads the answer on the case's page (and from the order page).
    await page.goto(orderUrl);
    assert.match(await page.textContent(".order-cases"), new RegExp(number));
    await page.goto(caseUrl);
    assert.match(await page.textContent(".case-thread"), /new armrest is on its way/);
    assert.match(await page.textContent(".case-status"), /Resolved/);
    assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
    assert.deepEqual(staff.errors, []);
    await staff.close();
    await page.close();
  });

  test(`a shopper and an agent chat, live with JS and by plain forms without (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await page.goto(`${app.base}/products/ergonomic-task-chair-mesh-of-01005`);
    // The launcher on every storefront page: with JS a panel, opened by keyboard, focus in the
    // form; without JS the plain chat page.
    const scope = js ? ".chat-panel " : "";
    if (js) {
      await page.focus("a.chat-launcher");
      await page.keyboard.press("Enter");
      await page.waitForSelector(".chat-panel form.chat-start");
      assert.equal(await page.evaluate(() => document.activeElement.id), "chat-name");
      assert.equal(await page.getAttribute("a.chat-launcher", "aria-expanded"), "true");
      assert.deepEqual(await axe(page), []);
    } else {
      await Promise.all([page.waitForNavigation(), page.click("a.chat-launcher")]);
      assert.equal(new URL(page.url()).pathname, "/chat");
    }
    const send = async (p, selector, waitFor) => {
      if (js) {
        await p.click(selector);
        if (waitFor) await p.waitForSelector(waitFor);
      } else {
        await Promise.all([p.waitForNavigation(), p.click(selector)]);
      }
    };
    // A mistake is explained next to the field; what was typed stays.
    const name = js ? "Lova Chatt" : "Lova Formulär";
    await page.fill(`${scope}#chat-name`, name);
    await page.fill(`${scope}#chat-email`, "lova@");
    await page.fill(`${scope}#chat-body`, "Does this chair come in black?");
    await send(page, `${scope}form.chat-start button[type=submit]`, `${scope}#chat-email-error`);
    assert.match(await page.textContent(`${scope}#chat-email-error`), /name@example.com/);
    assert.equal(await page.inputValue(`${scope}#chat-body`), "Does this chair come in black?");
    await page.fill(`${scope}#chat-email`, "lova@example.com");
    await send(page, `${scope}form.chat-start button[type=submit]`, `${scope}.chat-status`);
    assert.match(await page.textContent(`${scope}.chat-status`), /number \d+ in the queue/);
    assert.match(await page.textContent(`${scope}.chat-lines`), /come in black/);
    if (js) assert.deepEqual(await axe(page), []);

    // An agent sees it waiting, takes it and answers.
    const staff = await newPage(browser, { js });
    await signIn(staff, app.base, "support@duett.example");
    await staff.goto(`${app.base}/admin/chats`);
    if (js) assert.deepEqual(await axe(staff), []);
    await Promise.all([staff.waitForNavigation(), staff.click(`tr.row-waiting a:text-is("${name}")`)]);
    if (js) assert.deepEqual(await axe(staff), []);
    await send(staff, ".chat form.inline button", "form.chat-write");
    if (js) {
      // The customer's panel hears about it without a reload.
      await page.waitForFunction(() => /has joined the chat/.test(document.querySelector(".chat-panel .chat-lines").textContent));
    }
    await staff.fill("#chat-body", "Yes — in black and in grey.");
    await send(staff, "form.chat-write button[type=submit]", null);
    await staff.waitForFunction(() => /in black and in grey/.test(document.querySelector(".chat-lines").textContent));
    if (js) {
      await page.waitForFunction(() => /in black and in grey/.test(document.querySelector(".chat-panel .chat-lines").textContent));
    } else {
      await Promise.all([page.waitForNavigation(), page.click("a[data-chat-refresh]")]);
      assert.match(await page.textContent(".chat-lines"), /in black and in grey/);
    }
    assert.match(await page.textContent(`${scope}.chat-status`), /You are chatting with/);

    // The customer answers (Enter sends with JS); the agent's page gets it.
    await page.fill(`${scope}#chat-body`, "Great, I'll take a black one.");
    if (js) {
      await page.press(`${scope}#chat-body`, "Enter");
      await staff.waitForFunction(() => /take a black one/.test(document.querySelector(".chat-lines").textContent));
      // The panel stays open on the next page, with the conversation.
      await page.goto(`${app.base}/`);
      await page.waitForSelector(".chat-panel .chat-lines");
      assert.match(await page.textContent(".chat-panel .chat-lines"), /take a black one/);
      assert.deepEqual(await axe(page), []);
      await page.keyboard.press("Tab");
      await page.focus(".chat-panel #chat-body");
      await page.keyboard.press("Escape");
      assert.equal(await page.locator(".chat-panel").count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement.className), "chat-launcher");
      await page.goto(`${app.base}/chat`);
    } else {
      await Promise.all([page.waitForNavigation(), page.click("form.chat-write button[type=submit]")]);
      await staff.reload();
      assert.match(await staff.textContent(".chat-lines"), /take a black one/);
    }

    // The customer ends the chat; the agent's page shows it ended.
    await send(page, "form.chat-close button", ".chat-ended");
    assert.match(await page.textContent(".chat-status"), /This chat has ended/);
    if (js) {
      await staff.waitForFunction(() => /This chat has ended/.test(document.querySelector(".chat-status").textContent));
    } else {
      await staff.reload();
      assert.match(await staff.textContent(".chat-status"), /This chat has ended/);
    }
    if (js) assert.deepEqual(await axe(staff), []);
    assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
    assert.deepEqual(staff.errors, []);
    await staff.close();
    await page.close();
  });

  test(`a shopper writes a review and staff publish it (${mode})`, async () => {
    const page = await newPage(browser, { js });
    const email = js ? "erik@example.com" : "maja@example.com";
    const product = js ? "/products/ergonomic-task-chair-mesh-of-01005" : "/products/cordless-drill-driver-18-v-compact-po-01000";
    await signIn(page, app.base, email);
    await page.goto(`${app.base}${product}`);
    if (js) assert.deepEqual(await axe(page), []);
    // A mistake is explained next to the field, and what was typed stays.
    await page.check("#rating-4");
    await page.fill("#review-body", "Short");
    await Promise.all([page.waitForNavigation(), page.click(".review-form button[type=submit]")]);
    assert.match(await page.textContent("#body-error"), /at least 10/);
    assert.equal(await page.inputValue("#review-body"), "Short");
    if (js) assert.deepEqual(await axe(page), []);
    const text = js ? "Comfortable for long days at the desk." : "Strong battery, light enough for overhead work.";
    await page.fill("#review-body", text);
    await Promise.all([page.waitForNavigation(), page.click(".review-form button[type=submit]")]);
    assert.match(await page.textContent(".reviews .note"), /waiting for moderation/);
    await page.close();

    const staff = await newPage(browser, { js });
    await signIn(staff, app.base, "catalog@duett.example");
    await Promise.all([staff.waitForNavigation(), staff.click(".admin-side a[href='/admin/reviews']")]);
    if (js) assert.deepEqual(await axe(staff), []);
    // Ticked and published with the bulk form (the box sits in the card, the form above).
    const card = staff.locator(".pending-review", { hasText: text });
    await card.locator("input[name=ids]").check();
    assert.equal(await staff.locator("#tick-all").count(), js ? 1 : 0);
    await Promise.all([staff.waitForNavigation(), staff.click(".bulk-approve")]);
    assert.match(await staff.textContent("[role=status]"), /One review published/);
    await staff.close();

    const visitor = await newPage(browser, { js });
    await visitor.goto(`${app.base}${product}`);
    assert.ok((await visitor.locator(".review-items li", { hasText: text }).count()) === 1);
    assert.deepEqual(visitor.errors, []);
    await visitor.close();
  });

  test(`a company buyer signs in and gets the B2B home (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "buyer@nordbygg.example");
    assert.equal(new URL(page.url()).pathname, "/");
    assert.equal(await page.getAttribute("body", "data-theme"), "b2b");
    assert.match(await page.textContent("h1"), /Britt Bygg/);
    if (js) assert.deepEqual(await axe(page), []);
    await page.goto(`${app.base}/products/cordless-drill-driver-18-v-compact-po-01000`);
    assert.equal(await page.locator(".buybox .price-note").textContent(), "excl. VAT");
    if (js) assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a company buyer uploads a CSV, fixes the bad lines and adds the rest to the cart (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "buyer@nordbygg.example");
    await Promise.all([page.waitForNavigation(), page.click(".main-nav a[href='/b2b/quick-order']")]);
    assert.equal(await page.getAttribute("body", "data-theme"), "b2b");
    if (js) assert.deepEqual(await axe(page), []);
    await page.setInputFiles("#file", {
      name: "order.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("sku;quantity\nHA-01025;2\nFA-01003;15\nNOPE-9;1\n"),
    });
    await Promise.all([page.waitForNavigation(), page.click(".quick-upload button[type=submit]")]);
    assert.equal(await page.textContent(".quick-summary"), "Lines read: 3. Ready to add: 1. Need attention: 2.");
    assert.match(await page.textContent(".quick-problems"), /steps of 10/);
    if (js) assert.deepEqual(await axe(page), []);
    // The two problem lines are rows to fix; the good line is kept.
    assert.equal(await page.inputValue("#sku-1"), "FA-01003");
    await page.fill("#qty-1", "20");
    await page.fill("#sku-2", "");
    await page.fill("#qty-2", "");
    await Promise.all([page.waitForNavigation(), page.click(".quick-grid .form-actions button[value=check]")]);
    assert.equal(await page.textContent(".quick-summary"), "Lines read: 2. Ready to add: 2. Need attention: 0.");
    await Promise.all([page.waitForNavigation(), page.click(".quick-confirm button")]);
    assert.equal(new URL(page.url()).pathname, "/cart");
    assert.match(await page.textContent(".alert-success"), /added to your cart/);
    const line = page.locator(".cart-line", { hasText: "FA-01003" });
    await line.locator(".why-price summary").click();
    assert.ok(await line.locator(".why-steps li").first().isVisible());
    assert.match(await line.locator(".why-steps").textContent(), /List price/);
    if (js) assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a buyer uploads a CSV with a bad line, fixes it, orders over their limit on invoice and an approver approves it (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "buyer@kontorsgruppen.example");
    await page.goto(`${app.base}/b2b/quick-order`);
    await page.setInputFiles("#file", {
      name: "desks.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("sku,quantity\nDE-01150,3\nDE-99999,2\n"),
    });
    await Promise.all([page.waitForNavigation(), page.click(".quick-upload button[type=submit]")]);
    assert.equal(await page.textContent(".quick-summary"), "Lines read: 2. Ready to add: 1. Need attention: 1.");
    assert.match(await page.textContent(".quick-problems"), /DE-99999/);
    // The unknown SKU is taken out; the good line goes to the cart.
    assert.equal(await page.inputValue("#sku-1"), "DE-99999");
    await page.fill("#sku-1", "");
    await page.fill("#qty-1", "");
    await Promise.all([page.waitForNavigation(), page.click(".quick-grid .form-actions button[value=check]")]);
    assert.equal(await page.textContent(".quick-summary"), "Lines read: 1. Ready to add: 1. Need attention: 0.");
    await Promise.all([page.waitForNavigation(), page.click(".quick-confirm button")]);
    assert.equal(new URL(page.url()).pathname, "/cart");
    await page.goto(`${app.base}/checkout`);
    assert.match(await page.textContent(".coupon-feedback"), /needs your company's approval/);
    assert.equal(await page.inputValue("#line1"), "Stora Södergatan 8", "the company's address");
    assert.ok(await page.isChecked("#payment-invoice"));
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#po_number", `PO-${mode.replace(/\W/g, "")}`);
    await Promise.all([page.waitForNavigation(), page.click(".checkout-pay")]);
    assert.match(new URL(page.url()).pathname, /^\/orders\//);
    assert.match(await page.textContent(".order-status"), /Awaiting approval/);
    const number = (await page.textContent(".order-number")).trim();
    if (js) assert.deepEqual(await axe(page), []);

    const approver = await newPage(browser, { js });
    await signIn(approver, app.base, "approver@kontorsgruppen.example");
    await Promise.all([approver.waitForNavigation(), approver.click(".main-nav a[href='/b2b/approvals']")]);
    if (js) assert.deepEqual(await axe(approver), []);
    const item = approver.locator(".approval", { hasText: number });
    await item.locator("textarea").fill("Approved for the new office");
    await Promise.all([approver.waitForNavigation(), item.locator("button[value=approve]").click()]);
    assert.match(await approver.textContent(".alert-success"), /approved/);
    assert.match(await approver.textContent(".approvals-decided"), new RegExp(number));
    if (js) assert.deepEqual(await axe(approver), []);

    await page.reload();
    assert.match(await page.textContent(".order-status"), /Confirmed \(invoice\)/);
    assert.match(await page.textContent(".order-approval"), /Approved for the new office/);

    // The buyer changes the approved order before it is packed: it goes back for approval.
    await Promise.all([page.waitForNavigation(), page.click("a.order-change")]);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill(".order-change-lines input >> nth=0", "4");
    await page.fill("#note", "One more desk for reception");
    await Promise.all([page.waitForNavigation(), page.click(".order-change-review-button")]);
    assert.match(await page.textContent(".order-change-approval"), /approvers/);
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click(".order-change-save")]);
    assert.match(new URL(page.url()).pathname, new RegExp(`^/orders/${number}`));
    assert.match(await page.textContent("[role=status]"), /sent to your company's approvers/);
    assert.match(await page.textContent(".order-status"), /Awaiting approval/);
    await approver.reload();
    assert.equal(await approver.locator(".approval", { hasText: number }).count(), 1, "waits again");
    assert.deepEqual(page.errors, []);
    assert.deepEqual(approver.errors, []);
    await page.close();
    await approver.close();
  });

  test(`a buyer requests a quote, a sales rep answers and the buyer orders at the quoted price (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "admin@nordbygg.example");
    await page.goto(`${app.base}/b2b/quick-order`);
    await page.fill("#paste", "PO-01024, 30");
    await Promise.all([page.waitForNavigation(), page.click(".quick-paste button[type=submit]")]);
    await Promise.all([page.waitForNavigation(), page.click(".quick-confirm button")]);
    await Promise.all([page.waitForNavigation(), page.click("a.cart-quote")]);
    assert.equal(new URL(page.url()).pathname, "/b2b/quotes/new");
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill(".quote-lines input[name^=target_]", "850");
    await page.fill("#quote-message", `Thirty drills for the Kiruna team (${mode})`);
    await Promise.all([page.waitForNavigation(), page.click(".quote-send")]);
    assert.match(new URL(page.url()).pathname, /^\/b2b\/quotes\/Q/);
    assert.match(await page.textContent(".quote-status"), /waiting for our offer/);
    const number = (await page.textContent(".quote-number")).trim();
    if (js) assert.deepEqual(await axe(page), []);

    const rep = await newPage(browser, { js });
    await signIn(rep, app.base, "sales@duett.example");
    await rep.goto(`${app.base}/admin/quotes`);
    if (js) assert.deepEqual(await axe(rep), []);
    await Promise.all([rep.waitForNavigation(), rep.click(`a[href='/admin/quotes/${number}']`)]);
    if (js) assert.deepEqual(await axe(rep), []);
    for (const input of await rep.locator(".quote-lines input[name^=price_]").all()) await input.fill("870");
    await rep.fill("#quote-message", "870 kr each for thirty.");
    await Promise.all([rep.waitForNavigation(), rep.click(".quote-offer")]);
    assert.match(await rep.textContent(".alert-success"), /offer was sent/);

    await page.reload();
    assert.match(await page.textContent(".quote-status"), /Offer received/);
    assert.match(await page.textContent(".quote-offered"), /SEK\s870\.00/);
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click(".quote-accept")]);
    assert.equal(new URL(page.url()).pathname, "/checkout");
    assert.match(await page.textContent(".quote-order-note"), new RegExp(number));
    assert.match(await page.textContent(".checkout-lines"), /× 30/);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#po_number", `Q-${mode.replace(/\W/g, "")}`);
    await Promise.all([page.waitForNavigation(), page.click(".checkout-pay")]);
    assert.match(new URL(page.url()).pathname, /^\/orders\//);
    assert.match(await page.textContent(".order-status"), /Confirmed \(invoice\)/);
    await page.goto(`${app.base}/b2b/quotes/${number}`);
    assert.match(await page.textContent(".quote-status"), /Ordered/);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(rep.errors, []);
    await page.close();
    await rep.close();
  });

  test(`a buyer books a live demo and a sales rep schedules it (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "admin@nordbygg.example");
    await Promise.all([page.waitForNavigation(), page.click("a.demo-book-this >> nth=0")]);
    assert.equal(await page.locator("input[name=demo]").count(), 1, "asked from a demo");
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#preferred_date", weekday(10, false));
    await page.fill("#attendees", "3");
    await page.check("#format-on_site");
    await Promise.all([page.waitForNavigation(), page.click(".demo-send")]);
    assert.match(await page.textContent("#preferred_date-error"), /weekdays/);
    assert.equal(await page.inputValue("#attendees"), "3", "what was typed is kept");
    assert.ok(await page.isChecked("#format-on_site"));
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#preferred_date", weekday(10, true));
    await Promise.all([page.waitForNavigation(), page.click(".demo-send")]);
    assert.match(await page.textContent(".demo-status"), /Waiting for a time/);
    const number = (await page.textContent(".demo-number")).trim();
    if (js) assert.deepEqual(await axe(page), []);

    const rep = await newPage(browser, { js });
    await signIn(rep, app.base, "sales@duett.example");
    await rep.goto(`${app.base}/admin/demos`);
    if (js) assert.deepEqual(await axe(rep), []);
    await Promise.all([rep.waitForNavigation(), rep.click(`a:text-is("${number}")`)]);
    await rep.fill("#scheduled_at", `${weekday(11, true)}T10:30`);
    await rep.fill("#meeting_details", "Storgatan 1, Umeå — ask for Eva at reception");
    await Promise.all([rep.waitForNavigation(), rep.click(".demo-schedule-button")]);
    assert.match(await rep.textContent(".alert-success"), /scheduled/);
    if (js) assert.deepEqual(await axe(rep), []);

    await page.reload();
    assert.match(await page.textContent(".demo-status"), /Booked/);
    assert.match(await page.textContent(".demo-when"), /10:30 CES?T/);
    assert.match(await page.textContent(".demo-details"), /ask for Eva/);
    if (js) assert.deepEqual(await axe(page), []);
    // The Saturday was refused with a 422 on purpose.
    assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
    assert.deepEqual(rep.errors, []);
    await page.close();
    await rep.close();
  });

  test(`a buyer orders again from their order history (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "buyer@kontorsgruppen.example");
    await page.goto(`${app.base}/orders`);
    await Promise.all([page.waitForNavigation(), page.click(".orders-list tbody tr:first-child a")]);
    assert.ok((await page.locator(".reorder input[name=line]").count()) >= 1);
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click(".reorder button[type=submit]")]);
    assert.match(await page.textContent(".quick-summary"), /Need attention: 0\./);
    assert.match(await page.textContent(".quick-ready"), /DE-01150/);
    await Promise.all([page.waitForNavigation(), page.click(".quick-confirm button")]);
    assert.equal(new URL(page.url()).pathname, "/cart");
    assert.ok((await page.locator(".cart-line", { hasText: "DE-01150" }).count()) === 1);
    if (js) assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a buyer keeps a requisition list and orders from it (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "buyer@smakbyran.example");
    await Promise.all([page.waitForNavigation(), page.click(".main-nav a[href='/b2b/lists']")]);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#list-name", `Kitchen ${mode}`);
    await Promise.all([page.waitForNavigation(), page.click(".list-create button[type=submit]")]);
    assert.equal(await page.textContent("h1"), `Kitchen ${mode}`);
    await page.fill("#add-sku", "TA-01142");
    await page.fill("#add-quantity", "4");
    await Promise.all([page.waitForNavigation(), page.click("form[action$='/lines'] button[type=submit]")]);
    assert.equal(await page.inputValue(".list-lines input[name=quantity]"), "4");
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click("button.list-order")]);
    assert.match(await page.textContent(".quick-summary"), /Ready to add: 1\./);
    await Promise.all([page.waitForNavigation(), page.click(".quick-confirm button")]);
    assert.equal(new URL(page.url()).pathname, "/cart");
    assert.ok((await page.locator(".cart-line", { hasText: "TA-01142" }).count()) === 1);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a sales rep acts for a buyer under a banner and stops (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "sales@duett.example");
    await page.goto(`${app.base}/admin/act-for?q=buyer@smakbyran`);
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click(".act-for-people button >> nth=0")]);
    assert.equal(await page.getAttribute("body", "data-theme"), "b2b");
    assert.match(await page.textContent(".acting-bar"), /you are acting for .* at Smakbyrån/);
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click(".acting-stop")]);
    assert.equal(new URL(page.url()).pathname, "/admin/act-for");
    assert.equal(await page.getAttribute("body", "data-theme"), "admin");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`staff sign in to the admin theme (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "admin@duett.example");
    assert.equal(new URL(page.url()).pathname, "/admin");
    assert.equal(await page.getAttribute("body", "data-theme"), "admin");
    if (js) assert.deepEqual(await axe(page), []);
    for (const path of ["/admin/applications", "/admin/outbox", "/admin/audit"]) {
      await Promise.all([page.waitForNavigation(), page.click(`.admin-side a[href='${path}']`)]);
      assert.equal(await page.getAttribute("body", "data-theme"), "admin");
      if (js) assert.deepEqual(await axe(page), []);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a person in two companies chooses and switches company (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await signIn(page, app.base, "consultant@example.com");
    assert.equal(new URL(page.url()).pathname, "/company");
    assert.equal(await page.getAttribute("body", "data-theme"), "b2b");
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click("button.company-choice:has-text('Nordbygg AB')")]);
    assert.equal(new URL(page.url()).pathname, "/");
    assert.match(await page.textContent(".who"), /Nordbygg AB/);
    await Promise.all([page.waitForNavigation(), page.click("a.switch-company")]);
    await Promise.all([page.waitForNavigation(), page.click("button.company-choice:has-text('Kontorsgruppen')")]);
    assert.match(await page.textContent(".who"), /Kontorsgruppen/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a shopper registers, confirms the e-mail and is signed in (${mode})`, async () => {
    const page = await newPage(browser, { js });
    const email = `new-${js ? "js" : "nojs"}@example.com`;
    await page.goto(`${app.base}/login`);
    await Promise.all([page.waitForNavigation(), page.click("a[href='/register']")]);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#name", "Nova Nilsson");
    await page.fill("#email", email);
    await page.fill("#password", "short");
    await Promise.all([page.waitForNavigation(), page.click("form[action='/register'] button[type=submit]")]);
    assert.match(await page.textContent("#password-error"), /at least 12/);
    assert.equal(await page.inputValue("#email"), email, "what was typed is kept");
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#password", "lamp river orange bicycle");
    await Promise.all([page.waitForNavigation(), page.click("form[action='/register'] button[type=submit]")]);
    assert.equal(new URL(page.url()).pathname, "/register/sent");
    const link = app.lastLink("/register/confirm\\?token=");
    assert.ok(link, "the confirmation e-mail is in the log");
    // The link opens a page whose button confirms (opening a link changes nothing).
    await page.goto(`${app.base}${link}`);
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click("form[action='/register/confirm'] button[type=submit]")]);
    assert.equal(new URL(page.url()).pathname, "/");
    assert.match(await page.textContent(".who"), /Nova Nilsson/);
    // The new account saves an address; a mistake is explained on the same page.
    await Promise.all([page.waitForNavigation(), page.click("a.account-link")]);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#address-name", "Nova Nilsson");
    await page.fill("#line1", "Drottninggatan 1");
    await page.fill("#postal_code", "1115");
    await page.fill("#city", "Stockholm");
    await Promise.all([page.waitForNavigation(), page.click(".address-form button[type=submit]")]);
    assert.match(await page.textContent("#postal_code-error"), /postal code/);
    assert.equal(await page.inputValue("#line1"), "Drottninggatan 1");
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#postal_code", "111 52");
    await Promise.all([page.waitForNavigation(), page.click(".address-form button[type=submit]")]);
    assert.match(await page.textContent(".addresses"), /111 52 Stockholm/);
    assert.deepEqual(page.errors.filter((e) => !e.includes("422")), []);
    await page.close();
  });

  test(`a prospect applies, staff approve, the invited admin sets a password and lands in the portal (${mode})`, async () => {
    const org = js ? "559123-4561" : "556036-0793";
    const email = js ? "berit@bergsbyggarna.example" : "olle@ostbygg.example";
    const company = js ? "Bergsbyggarna AB" : "Östbygg AB";
    const prospect = await newPage(browser, { js });
    await prospect.goto(`${app.base}/`);
    await Promise.all([prospect.waitForNavigation(), prospect.click(".main-nav a[href='/business']")]);
    if (js) assert.deepEqual(await axe(prospect), []);
    await prospect.fill("#company_name", company);
    await prospect.fill("#org_no", org);
    await prospect.selectOption("#industry", "construction");
    await prospect.fill("#contact_name", "Berit Berg");
    await prospect.fill("#contact_email", email);
    await Promise.all([prospect.waitForNavigation(), prospect.click("form[action='/business'] button[type=submit]")]);
    assert.equal(new URL(prospect.url()).pathname, "/business/thanks");

    const staff = await newPage(browser, { js });
    await signIn(staff, app.base, "sales@duett.example");
    await Promise.all([staff.waitForNavigation(), staff.click(".admin-side a[href='/admin/applications']")]);
    if (js) assert.deepEqual(await axe(staff), []);
    const card = staff.locator(".application", { hasText: company });
    await Promise.all([staff.waitForNavigation(), card.locator("form[action$='/approve'] button").click()]);
    assert.match(await staff.textContent("[role=status]"), /active/);
    await staff.close();

    const link = app.lastLink("/invitation\\?token=");
    assert.ok(link, "the invitation e-mail is in the log");
    await prospect.goto(`${app.base}${link}`);
    if (js) assert.deepEqual(await axe(prospect), []);
    await prospect.fill("#password", "granite willow seventeen kites");
    await Promise.all([prospect.waitForNavigation(), prospect.click("form[action='/invitation'] button[type=submit]")]);
    assert.equal(await prospect.getAttribute("body", "data-theme"), "b2b");
    assert.match(await prospect.textContent(".who"), new RegExp(company));
    // As company admin, invite a buyer.
    await Promise.all([prospect.waitForNavigation(), prospect.click("a[href='/b2b/company/users']")]);
    if (js) assert.deepEqual(await axe(prospect), []);
    await prospect.fill("#invite-name", "Bo Buyer");
    await prospect.fill("#invite-email", js ? "bo@bergsbyggarna.example" : "bo@ostbygg.example");
    await prospect.fill("#invite-order", "25 000");
    await Promise.all([prospect.waitForNavigation(), prospect.click("form[action='/b2b/company/users'] button[type=submit]")]);
    assert.match(await prospect.textContent("[role=status]"), /invitation has been sent/);
    assert.equal(await prospect.locator("table.members tbody tr").count(), 2);
    assert.deepEqual(prospect.errors, []);
    await prospect.close();

    // The invited buyer sets a password, lands in the B2B portal, and can sign in again later.
    const buyerEmail = js ? "bo@bergsbyggarna.example" : "bo@ostbygg.example";
    const invite = app.lastLink("/invitation\\?token=");
    const buyer = await newPage(browser, { js });
    await buyer.goto(`${app.base}${invite}`);
    assert.equal(await buyer.inputValue("#email"), buyerEmail);
    await buyer.fill("#password", "harbour cobalt ninety owls");
    await Promise.all([buyer.waitForNavigation(), buyer.click("form[action='/invitation'] button[type=submit]")]);
    assert.equal(await buyer.getAttribute("body", "data-theme"), "b2b");
    assert.match(await buyer.textContent(".who"), new RegExp(company));
    assert.equal(await buyer.locator("a[href='/b2b/company/users']").count(), 0, "a buyer does not manage users");
    if (js) assert.deepEqual(await axe(buyer), []);
    await Promise.all([buyer.waitForNavigation(), buyer.click("form[action='/logout'] button")]);
    await signIn(buyer, app.base, buyerEmail, "harbour cobalt ninety owls");
    assert.equal(await buyer.getAttribute("body", "data-theme"), "b2b");
    assert.match(await buyer.textContent(".who"), /Bo Buyer/);
    assert.deepEqual(buyer.errors, []);
    await buyer.close();
  });

  test(`a shopper resets a forgotten password (${mode})`, async () => {
    const page = await newPage(browser, { js });
    const email = js ? "erik@example.com" : "maja@example.com";
    await page.goto(`${app.base}/login`);
    await Promise.all([page.waitForNavigation(), page.click("a[href='/password/forgot']")]);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#email", email);
    await Promise.all([page.waitForNavigation(), page.click("form[action='/password/forgot'] button[type=submit]")]);
    assert.equal(new URL(page.url()).pathname, "/password/forgot/sent");
    if (js) assert.deepEqual(await axe(page), []);
    const link = app.lastLink("/password/reset\\?token=");
    assert.ok(link, "the reset e-mail is in the log");
    await page.goto(`${app.base}${link}`);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#password", "copper meadow lantern quiet");
    await Promise.all([page.waitForNavigation(), page.click("form[action='/password/reset'] button[type=submit]")]);
    assert.equal(new URL(page.url()).pathname, "/");
    assert.ok((await page.textContent(".who")).length > 0, "signed in");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a visitor finds an answer in the help centre's FAQ (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await page.goto(`${app.base}/`);
    await Promise.all([page.waitForNavigation(), page.click(".site-footer a[href='/help']")]);
    assert.equal(await page.getAttribute("body", "data-theme"), "b2c");
    assert.match(await page.textContent(".help-phone-now"), /The phone is (open|closed) now/);
    if (js) assert.deepEqual(await axe(page), []);
    await page.fill("#faq-q", "return slip");
    await Promise.all([page.waitForNavigation(), page.press("#faq-q", "Enter")]);
    assert.equal(new URL(page.url()).pathname, "/help/faq");
    assert.match(await page.textContent(".faq-found"), /1 answer for “return slip”/);
    if (js) assert.deepEqual(await axe(page), []);
    await Promise.all([page.waitForNavigation(), page.click(".faq-found a")]);
    assert.ok((await page.locator("article.faq-entry").count()) > 5, "all answers again");
    if (js) assert.deepEqual(await axe(page), []);
    // Each answer links to itself (the address to share).
    await page.click("#faq-return-an-item .faq-link a");
    assert.equal(new URL(page.url()).hash, "#faq-return-an-item");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a catalog manager adds a product with a picture and both shops show it with their prices (${mode})`, async () => {
    const n = js ? "one" : "two";
    const staff = await newPage(browser, { js });
    await signIn(staff, app.base, "catalog@duett.example");
    await staff.goto(`${app.base}/admin/products`);
    await Promise.all([staff.waitForNavigation(), staff.click("a[href='/admin/products/new']")]);
    // A real picture: this screen, 1280 pixels wide.
    const picture = await staff.screenshot({ type: "png" });
    await staff.fill("#sku", `E2E-SAW-${n}`);
    await staff.fill("#name", `Track saw ${n}`);
    await staff.selectOption("#category", { index: 1 });
    await staff.fill("#specs", "Blade: 190 mm");
    await staff.setInputFiles("#pictures", { name: "saw.png", mimeType: "image/png", buffer: picture });
    // Forgot the price: refused next to the field, the rest kept, the picture asked for again.
    let res;
    [res] = await Promise.all([staff.waitForNavigation(), staff.click(".product-save")]);
    assert.equal(res.status(), 422);
    assert.match(await staff.textContent("#price-error"), /list price/);
    assert.equal(await staff.inputValue("#name"), `Track saw ${n}`);
    assert.match(await staff.textContent("#pictures-error"), /choose them again/);
    if (js) assert.deepEqual(await axe(staff), [], "refused product form");
    await staff.fill("#price", "800");
    await staff.setInputFiles("#pictures", { name: "saw.png", mimeType: "image/png", buffer: picture });
    await staff.fill("#picture_alt", "The saw from the side");
    [res] = await Promise.all([staff.waitForNavigation(), staff.click(".product-save")]);
    assert.equal(res.status(), 200);
    assert.match(new URL(staff.url()).pathname, /^\/admin\/products\/\d+$/);
    assert.match(await staff.textContent("[role=status]"), /saved/);
    assert.equal(await staff.locator(".picture-item").count(), 1);
    assert.match(await staff.textContent(".product-prices"), /1,000\.00\W{0,3}incl\. VAT/);
    // Stock comes in through the ledger.
    await staff.fill("#change", "5");
    await staff.selectOption("#reason", "received");
    await Promise.all([staff.waitForNavigation(), staff.click(".stock-save")]);
    assert.match(await staff.textContent(".stock-level"), /^5 on hand/);
    if (js) assert.deepEqual(await axe(staff), [], "product page in admin");
    await staff.goto(`${app.base}/admin/products?q=e2e-saw`);
    if (js) assert.deepEqual(await axe(staff), [], "product list");
    assert.deepEqual(staff.errors.filter((e) => !/status of 422/.test(e)), []);
    await staff.close();

    // The consumer shop: found by search, price incl. VAT, the picture loaded at a width that fits.
    const shopper = await newPage(browser, { js });
    await shopper.goto(`${app.base}/search?q=${encodeURIComponent(`track saw ${n}`)}`);
    await Promise.all([shopper.waitForNavigation(), shopper.click(`.card-link:has-text("Track saw ${n}")`)]);
    assert.equal(await shopper.getAttribute("body", "data-theme"), "b2c");
    assert.match(await shopper.textContent(".buybox .price-amount"), /^SEK\s1,000\.00$/);
    const img = shopper.locator(".gallery-main img");
    assert.equal(await img.getAttribute("alt"), "The saw from the side");
    await img.evaluate((i) => i.decode());
    assert.ok((await img.evaluate((i) => i.naturalWidth)) >= 320);
    assert.match(await img.evaluate((i) => i.currentSrc), /\/media\/p\/.+-\d+\.(jpg|png)$/);
    await Promise.all([shopper.waitForNavigation(), shopper.click(".add-form button >> nth=0")]);
    await shopper.goto(`${app.base}/cart`);
    assert.match(await shopper.textContent("main"), new RegExp(`Track saw ${n}`));
    if (js) assert.deepEqual(await axe(shopper), []);
    assert.deepEqual(shopper.errors, []);
    await shopper.close();

    // The business portal: excl. VAT (Nordbygg pays on 30 days, no adjustment).
    const buyer = await newPage(browser, { js });
    await signIn(buyer, app.base, "buyer@nordbygg.example");
    await buyer.goto(`${app.base}/search?q=${encodeURIComponent(`track saw ${n}`)}`);
    await Promise.all([buyer.waitForNavigation(), buyer.click(`.card-link:has-text("Track saw ${n}")`)]);
    assert.equal(await buyer.getAttribute("body", "data-theme"), "b2b");
    assert.match(await buyer.textContent(".why-total strong"), /^SEK\s800\.00$/);
    assert.deepEqual(buyer.errors, []);
    await buyer.close();

    // Taken off sale from the list with the bulk action: the shop no longer finds it.
    const again = await newPage(browser, { js });
    await signIn(again, app.base, "catalog@duett.example");
    await again.goto(`${app.base}/admin/products?q=e2e-saw`);
    assert.equal(await again.locator("#tick-all").count(), js ? 1 : 0);
    await again.locator("tr", { hasText: `Track saw ${n}` }).locator("input[name=ids]").check();
    await again.selectOption("#bulk-action", "archive");
    await Promise.all([again.waitForNavigation(), again.click(".bulk-apply")]);
    assert.match(await again.textContent("[role=status]"), /One product archived/);
    assert.match(new URL(again.url()).search, /q=e2e-saw/);
    if (js) assert.deepEqual(await axe(again), [], "product list after a bulk action");
    assert.deepEqual(again.errors, []);
    await again.close();
    const later = await newPage(browser, { js });
    await later.goto(`${app.base}/search?q=${encodeURIComponent(`track saw ${n}`)}`);
    assert.equal(await later.locator(`.card-link:has-text("Track saw ${n}")`).count(), 0);
    await later.close();
  });

  test(`the language switcher changes the page to Swedish (${mode})`, async () => {
    const page = await newPage(browser, { js });
    await page.goto(`${app.base}/categories/desks`);
    await page.selectOption("#lang-select", "sv");
    await Promise.all([page.waitForNavigation(), page.click(".lang-switch button")]);
    assert.equal(new URL(page.url()).pathname, "/categories/desks");
    assert.equal(await page.getAttribute("html", "lang"), "sv");
    assert.match(await page.locator(".grid .price-amount").first().textContent(), /kr$/);
    if (js) assert.deepEqual(await axe(page), []);
    await page.close();
  });
}

test("the 404 page is themed and accessible", async () => {
  const page = await newPage(browser);
  const res = await page.goto(`${app.base}/no-such-page`);
  assert.equal(res.status(), 404);
  assert.equal(await page.getAttribute("body", "data-theme"), "b2c");
  assert.deepEqual(await axe(page), []);
  // The 404 itself is reported by Chromium as a failed resource; nothing else may fail.
  assert.ok(page.errors.every((e) => e.includes("404")), page.errors.join("\n"));
  await page.close();
});

test("every portal, help and staff page of the B2B and help issues passes axe-core", async () => {
  // A company admin sees every portal page; the pages are opened as a person would.
  const page = await newPage(browser);
  await signIn(page, app.base, "admin@nordbygg.example");
  const portal = [
    "/", "/b2b/quick-order", "/b2b/lists", "/b2b/quotes", "/b2b/approvals", "/b2b/demos",
    "/b2b/demos/new", "/b2b/company/invoices", "/b2b/company/users", "/orders", "/cases", "/account", "/help", "/help/faq",
    "/content/demo-cordless-system", "/products/wood-screws-4-0-40-200-fa-01003", "/cart", "/chat",
  ];
  const problems = {};
  for (const path of portal) {
    const res = await page.goto(`${app.base}${path}`);
    assert.equal(res.status(), 200, path);
    assert.equal(await page.getAttribute("body", "data-theme"), "b2b", path);
    const found = await axe(page);
    if (found.length) problems[path] = found;
  }
  // A list with a line, the cart's quote request and the checkout.
  await page.goto(`${app.base}/products/wood-screws-4-0-40-200-fa-01003`);
  await Promise.all([page.waitForNavigation(), page.click(".add-form button >> nth=0")]);
  for (const path of ["/b2b/quotes/new", "/checkout"]) {
    await page.goto(`${app.base}${path}`);
    const found = await axe(page);
    if (found.length) problems[path] = found;
  }
  assert.deepEqual(page.errors, []);
  await page.close();

  // Promotions as catalog managers schedule them.
  const catalog = await newPage(browser);
  await signIn(catalog, app.base, "catalog@duett.example");
  for (const path of ["/admin/products", "/admin/products/new", "/admin/products/import", "/admin/promotions", "/admin/promotions/new", "/admin/coupons", "/admin/coupons/new",
    "/admin/categories", "/admin/categories/new", "/admin/categories/1", "/admin/brands", "/admin/brands?q=zebra", "/admin/cart-rules", "/admin/cart-rules/new", "/admin/cart-rules/1",
    "/admin/content", "/admin/content/new?kind=guide", "/admin/content/1", "/admin/testimonials", "/admin/testimonials/new", "/admin/testimonials/1"]) {
    const res = await catalog.goto(`${app.base}${path}`);
    assert.equal(res.status(), 200, path);
    const found = await axe(catalog);
    if (found.length) problems[path] = found;
  }
  await catalog.goto(`${app.base}/admin/coupons/new`);
  await Promise.all([catalog.waitForNavigation(), catalog.click(".coupon-save")]);
  const couponRefused = await axe(catalog);
  if (couponRefused.length) problems["admin coupon refused"] = couponRefused;
  await catalog.goto(`${app.base}/admin/promotions/new`);
  await Promise.all([catalog.waitForNavigation(), catalog.click(".promo-save")]);
  const refusedFound = await axe(catalog);
  if (refusedFound.length) problems["admin promotion refused"] = refusedFound;
  await catalog.goto(`${app.base}/admin/categories/new`);
  await Promise.all([catalog.waitForNavigation(), catalog.click(".category-save")]);
  const categoryRefused = await axe(catalog);
  if (categoryRefused.length) problems["admin category refused"] = categoryRefused;
  await catalog.goto(`${app.base}/admin/cart-rules/new`);
  await catalog.fill("#pay", "9");
  await Promise.all([catalog.waitForNavigation(), catalog.click(".cart-rule-save")]);
  const ruleRefused = await axe(catalog);
  if (ruleRefused.length) problems["admin cart rule refused"] = ruleRefused;
  await catalog.goto(`${app.base}/admin/content/new?kind=guide`);
  await catalog.fill("#title", "Choosing drills");
  await catalog.fill("#body", "## Sizes\n\n- **12 V** for shelves\n\n| Job | Volt |\n|---|---|\n| Deck | 18 V |");
  await Promise.all([catalog.waitForNavigation(), catalog.click(".content-preview-button")]);
  assert.equal(await catalog.textContent(".content-preview .markdown td"), "Deck");
  const previewFound = await axe(catalog);
  if (previewFound.length) problems["admin content preview"] = previewFound;
  await catalog.fill("#title", "x");
  await Promise.all([catalog.waitForNavigation(), catalog.click(".content-save")]);
  const contentRefused = await axe(catalog);
  if (contentRefused.length) problems["admin content refused"] = contentRefused;
  await catalog.goto(`${app.base}/admin/testimonials/new`);
  await catalog.fill("#quote", "Short");
  await Promise.all([catalog.waitForNavigation(), catalog.click(".testimonial-save")]);
  const testimonialRefused = await axe(catalog);
  if (testimonialRefused.length) problems["admin testimonial refused"] = testimonialRefused;
  // Files: the empty list, a refused upload, a picture and a film uploaded (their pages), the
  // list with them, and the article form offering the picture.
  await catalog.goto(`${app.base}/admin/files`);
  const filesEmpty = await axe(catalog);
  if (filesEmpty.length) problems["admin files empty"] = filesEmpty;
  await catalog.setInputFiles("#file", { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await Promise.all([catalog.waitForNavigation(), catalog.click(".file-send")]);
  assert.match(await catalog.textContent("#file-error"), /notes\.txt/);
  const fileRefused = await axe(catalog);
  if (fileRefused.length) problems["admin file refused"] = fileRefused;
  const shot = await catalog.screenshot({ type: "png" });
  await catalog.fill("#title", "Drill in use");
  await catalog.setInputFiles("#file", { name: "drill.png", mimeType: "image/png", buffer: shot });
  await Promise.all([catalog.waitForNavigation(), catalog.click(".file-send")]);
  assert.equal(await catalog.textContent("h1"), "Drill in use");
  const pictureFound = await axe(catalog);
  if (pictureFound.length) problems["admin file picture"] = pictureFound;
  const film = Buffer.concat([Buffer.from("\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41", "latin1"), Buffer.alloc(2048)]);
  await catalog.goto(`${app.base}/admin/files`);
  await catalog.setInputFiles("#file", { name: "drill-film.mp4", mimeType: "video/mp4", buffer: film });
  await Promise.all([catalog.waitForNavigation(), catalog.click(".file-send")]);
  assert.match(await catalog.inputValue("#file-url"), /^\/media\/f\/.+\.mp4$/);
  const filmFound = await axe(catalog);
  if (filmFound.length) problems["admin file film"] = filmFound;
  for (const path of ["/admin/files", "/admin/files?kind=picture&q=drill", "/admin/content/1"]) {
    await catalog.goto(`${app.base}${path}`);
    const found = await axe(catalog);
    if (found.length) problems[path] = found;
  }
  assert.deepEqual(catalog.errors.filter((e) => !/status of 422/.test(e)), []);
  await catalog.close();

  // Staff accounts, for administrators.
  const admin = await newPage(browser);
  await signIn(admin, app.base, "admin@duett.example");
  await admin.goto(`${app.base}/admin/staff`);
  const staffFound = await axe(admin);
  if (staffFound.length) problems["/admin/staff"] = staffFound;
  for (const path of ["/admin/staff?q=zebra&role=catalog_manager", "/admin/applications?q=fj&industry=construction", "/admin/applications?q=zebra"]) {
    await admin.goto(`${app.base}${path}`);
    const found = await axe(admin);
    if (found.length) problems[path] = found;
  }
  await admin.goto(`${app.base}/admin/staff`);
  await Promise.all([admin.waitForNavigation(), admin.click(".staff-invite-send")]);
  const staffRefused = await axe(admin);
  if (staffRefused.length) problems["admin staff refused"] = staffRefused;
  for (const path of ["/admin/settings", "/admin/customers", "/admin/customers?q=shopper"]) {
    await admin.goto(`${app.base}${path}`);
    const found = await axe(admin);
    if (found.length) problems[path] = found;
  }
  await admin.goto(`${app.base}/admin/settings`);
  await admin.fill("#new-name", "x");
  await Promise.all([admin.waitForNavigation(), admin.click(".delivery-new button[type=submit]")]);
  const settingsRefused = await axe(admin);
  if (settingsRefused.length) problems["admin settings refused"] = settingsRefused;
  await admin.goto(`${app.base}/admin/customers?q=shopper`);
  await Promise.all([admin.waitForNavigation(), admin.click("table.admin-customers tbody a >> nth=0")]);
  const consumerFound = await axe(admin);
  if (consumerFound.length) problems["admin consumer"] = consumerFound;
  await admin.close();

  const staff = await newPage(browser);
  await signIn(staff, app.base, "sales@duett.example");
  for (const path of ["/admin", "/admin/quotes", "/admin/demos", "/admin/act-for", "/admin/orders?segment=b2b"]) {
    const res = await staff.goto(`${app.base}${path}`);
    assert.equal(res.status(), 200, path);
    const found = await axe(staff);
    if (found.length) problems[path] = found;
  }
  // Companies and agreed prices: the overview with a preview, a price list, a company's agreements.
  for (const path of ["/admin/companies", "/admin/companies/1", "/admin/prices?company=1&sku=FA-01003&qty=12", "/admin/prices"]) {
    await staff.goto(`${app.base}${path}`);
    const found = await axe(staff);
    if (found.length) problems[path] = found;
  }
  for (const link of [".price-lists tbody a >> nth=0", ".price-companies tbody a >> nth=0"]) {
    await staff.goto(`${app.base}/admin/prices`);
    await Promise.all([staff.waitForNavigation(), staff.click(link)]);
    const found = await axe(staff);
    if (found.length) problems[`admin prices: ${link}`] = found;
  }
  // A refused price (no SKU) keeps the form accessible.
  await Promise.all([staff.waitForNavigation(), staff.click(".price-save")]);
  const priceRefused = await axe(staff);
  if (priceRefused.length) problems["admin price refused"] = priceRefused;
  // The demo quote as staff answer it.
  await staff.goto(`${app.base}/admin/quotes`);
  await Promise.all([staff.waitForNavigation(), staff.click(".admin-quotes tbody a >> nth=0")]);
  const found = await axe(staff);
  if (found.length) problems["admin quote"] = found;
  assert.deepEqual(staff.errors.filter((e) => !/status of 422/.test(e)), []);
  await staff.close();

  // The FAQ as support agents write it.
  const agent = await newPage(browser);
  await signIn(agent, app.base, "support@duett.example");
  for (const path of ["/admin/faq", "/admin/faq/new", "/admin/cases", "/admin/cases?status=closed&breached=1", "/admin/chats"]) {
    await agent.goto(`${app.base}${path}`);
    const found = await axe(agent);
    if (found.length) problems[path] = found;
  }
  await agent.goto(`${app.base}/admin/faq`);
  await Promise.all([agent.waitForNavigation(), agent.click(".admin-faq tbody a >> nth=0")]);
  const faqFound = await axe(agent);
  if (faqFound.length) problems["admin faq entry"] = faqFound;
  assert.deepEqual(agent.errors, []);
  await agent.close();
  assert.deepEqual(problems, {});
});
