// Starts the real app on a free port with a fresh SQLite database, and Debian's Chromium through
// playwright-core (never a downloaded browser). Used by the *.test.mjs journeys.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
export const PASSWORD = "duett-demo-2026";

export async function startApp() {
  const dir = mkdtempSync(join(tmpdir(), "duett-e2e-"));
  const bin = process.env.DUETT_BIN || join(root, "target/debug/duett");
  const child = spawn(bin, [], {
    cwd: root,
    env: {
      ...process.env,
      APP_ENVIRONMENT: "local",
      DATABASE_URL: `sqlite://${join(dir, "e2e.db")}`,
      APP__SERVER__PORT: "0",
      APP__SESSION__DATA_DIR: dir,
      RUST_LOG: "info",
      NO_COLOR: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`app did not start:\n${log}`)), 120_000);
    const onData = (chunk) => {
      log += chunk.toString();
      const m = log.match(/serving on (http:\/\/[0-9.]+:\d+)/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => fail(new Error(`app exited with ${code}:\n${log}`)));
  });
  return {
    base,
    /// The path of the newest e-mail link matching `pattern` in the app's log (local mode logs
    /// every queued e-mail).
    lastLink(pattern) {
      const links = [...log.matchAll(new RegExp(`https?://[^\\s]*(${pattern}[^\\s]*)`, "g"))];
      return links.length ? links[links.length - 1][1] : undefined;
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((ok) => child.once("exit", ok));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/// A fresh browser context (its own cookies) with JavaScript on or off; collects console errors.
export async function newPage(browser, { js = true, locale = "en-GB" } = {}) {
  // bypassCSP lets the test inject axe-core; the app's own pages never need inline script.
  const context = await browser.newContext({ javaScriptEnabled: js, bypassCSP: true, locale });
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (msg) => { if (msg.type() === "error") page.errors.push(msg.text()); });
  page.on("pageerror", (err) => page.errors.push(String(err)));
  page.on("request", (req) => { if (req.method() === "POST" && process.env.E2E_DEBUG) console.log(`POST ${req.url()} ${req.postData()}`); });
  page.on("response", (res) => { if (res.status() >= 400 && process.env.E2E_DEBUG) console.log(`${res.status()} ${res.url()}`); });
  page.close = async () => context.close();
  return page;
}

/// Runs axe-core (WCAG 2.2 A/AA rules) on the current page and returns the violations.
export async function axe(page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

export async function signIn(page, base, email, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", password);
  await Promise.all([page.waitForNavigation(), page.click("form[action='/login'] button[type=submit]")]);
}

/// The first day `days` ahead that is a weekday (or, with `isWeekday` false, a weekend day).
export function weekday(days, isWeekday) {
  const d = new Date(Date.now() + days * 86400000);
  while ((d.getUTCDay() % 6 !== 0) !== isWeekday) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
