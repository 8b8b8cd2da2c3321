#!/usr/bin/env python3
"""Orders placed per second over HTTP (used by scripts/bench; can run alone against a running shop).

Prepares BUYERS guest browsers — each with its own session, one product in the cart and the
checkout page loaded (CSRF token, order key, shown total) — then sends every "Continue to payment"
at once from THREADS threads and counts the orders placed (303 to the payment page) per second.
Each placement is the real transaction: re-price, reserve stock, write order, lines and event.

    scripts/bench_orders.py http://127.0.0.1:18080 [buyers] [threads]
"""
import html
import http.cookiejar
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
buyers = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 16


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def fetch(opener, path, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(base + path, data=body, headers={"Accept-Language": "en"})
    try:
        with opener.open(req, timeout=30) as res:
            return res.status, res.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def field(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), page)
    return html.unescape(m.group(1)) if m else ""


# Products in stock with simple rules: the first page of a few categories.
skus = []
for cat in ["office", "construction", "hospitality"]:
    _, page = fetch(browser(), f"/categories/{cat}?stock=1")
    skus += re.findall(r'name="sku" value="([^"]+)"', page)
if not skus:
    sys.exit("no products in stock found")

prepared = []
start = time.time()
for i in range(buyers):
    b = browser()
    sku = skus[i % len(skus)]
    _, page = fetch(b, "/cart")
    status, _ = fetch(b, "/cart/add", {"csrf_token": field(page, "csrf_token"), "sku": sku, "quantity": "1"})
    if status != 303:
        sys.exit(f"adding {sku} failed: {status}")
    _, page = fetch(b, "/checkout")
    form = {name: field(page, name) for name in ["csrf_token", "order_key", "shown_total"]}
    form.update(email=f"bench{i}@example.com", name="Bench Buyer", line1="Storgatan 1",
                postal_code="41138", city="Göteborg", country="SE", delivery="standard", action="pay")
    prepared.append((b, form))
prep = time.time() - start

results = []
lock = threading.Lock()


def worker(chunk):
    for b, form in chunk:
        t0 = time.time()
        status, _ = fetch(b, "/checkout", form)
        with lock:
            results.append((status, time.time() - t0))


chunks = [prepared[i::threads] for i in range(threads)]
start = time.time()
pool = [threading.Thread(target=worker, args=(c,)) for c in chunks]
for t in pool:
    t.start()
for t in pool:
    t.join()
elapsed = time.time() - start
placed = sum(1 for s, _ in results if s == 303)
other = {}
for s, _ in results:
    if s != 303:
        other[s] = other.get(s, 0) + 1
lat = sorted(d for _, d in results)
p = lambda q: lat[min(len(lat) - 1, int(len(lat) * q))] * 1000
print(f"Orders: {placed} placed of {buyers} in {elapsed:.2f} s = {placed / elapsed:.0f} orders/s "
      f"({threads} threads; latency p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms; "
      f"other answers {other or 'none'}; preparing the {buyers} buyers took {prep:.1f} s)")
