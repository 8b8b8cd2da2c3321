#!/usr/bin/env python3
"""Staff product pages on a large catalog (used by scripts/bench-admin; can run alone).

Signs in as the catalog manager, then: times REQUESTS sequential GETs of each list URL (p50,
p95, max), the whole-catalog export (time, size, rows), and an import of that export: the dry
run (every row checked against the catalog) and the run (every product saved, audited).

    scripts/bench_admin.py BASE_URL [requests]
"""
import csv
import html
import http.cookiejar
import io
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

base = sys.argv[1].rstrip("/")
requests = int(sys.argv[2]) if len(sys.argv) > 2 else 40


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def fetch(path, data=None, headers=None):
    req = urllib.request.Request(base + path, data=data, headers={"Accept-Language": "en", **(headers or {})})
    try:
        with opener.open(req, timeout=600) as res:
            return res.status, res.headers, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def csrf(path):
    _, _, page = fetch(path)
    return html.unescape(re.search(r'name="csrf_token" value="([^"]+)"', page.decode()).group(1))


def post_form(path, fields):
    return fetch(path, urllib.parse.urlencode(fields).encode())


def post_file(path, token, name, body, mime="text/csv"):
    boundary = uuid.uuid4().hex
    parts = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
        f"Content-Type: {mime}\r\n\r\n"
    ).encode() + body + f"\r\n--{boundary}--\r\n".encode()
    return fetch(path, parts, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


status, _, _ = post_form("/login", {"csrf_token": csrf("/login"), "email": "catalog@duett.example",
                                     "password": "duett-demo-2026"})
assert status == 303, status
_, _, page = fetch("/admin/products")
category = re.search(r'<option value="(\d+)">', page.decode()).group(1)
sku = re.search(r"<code>([A-Z0-9-]+)</code>", page.decode()).group(1)
product = re.search(r'href="/admin/products/(\d+)"', page.decode()).group(1)
ticked = re.findall(r'name="ids" value="(\d+)"', page.decode())


def png(width, height):
    """A gradient picture, as a PNG, without any imaging library."""
    import struct
    import zlib
    raw = b"".join(b"\0" + bytes(v for x in range(width) for v in (x * 255 // width, y * 255 // height, 128))
                   for y in range(height))
    chunk = lambda kind, data: (struct.pack(">I", len(data)) + kind + data
                                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


# Files: a 2 400 × 1 600 picture (checked, resized into four widths) and a 50 MB film (streamed
# to disk), each uploaded once.
print("file library uploads")
for name, data, mime in [("bench.png", png(2400, 1600), "image/png"),
                         ("bench.mp4", b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41" + bytes(50 * 1024 * 1024), "video/mp4")]:
    t = time.perf_counter()
    status, headers, _ = post_file("/admin/files", csrf("/admin/files"), name, data, mime)
    assert status == 303, (name, status)
    print(f"  {name:20} {len(data) / 1024 / 1024:6.1f} MiB  {(time.perf_counter() - t) * 1000:7.1f} ms")
file_page = headers["Location"]

# Bulk: the first page's 50 products archived and put back on sale, one form each.
token = csrf("/admin/products")
for action in ["archive", "restore"]:
    t = time.perf_counter()
    status, _, _ = post_form("/admin/products/bulk", [("csrf_token", token), ("action", action)]
                             + [("ids", i) for i in ticked])
    assert status == 303, status
    print(f"  bulk {action} {len(ticked)} products {(time.perf_counter() - t) * 1000:7.1f} ms")

print(f"product list, {requests} sequential requests each (ms)")
for label, path in [
    ("first page", "/admin/products"),
    ("a SKU", f"/admin/products?q={sku}"),
    ("a common word", "/admin/products?q=drill"),
    ("a word nothing has", "/admin/products?q=zebra"),
    ("a category", f"/admin/products?category={category}"),
    ("page 100", "/admin/products?page=100"),
    ("categories (counts)", "/admin/categories"),
    ("brands (counts)", "/admin/brands"),
    ("cart rules", "/admin/cart-rules"),
    ("content (articles)", "/admin/content"),
    ("content, a word", "/admin/content?q=guide"),
    ("testimonials", "/admin/testimonials"),
    ("reviews to moderate, a word", "/admin/reviews?q=drill"),
    ("a product's page", f"/admin/products/{product}"),
    ("files", "/admin/files"),
    ("files, pictures, a word", "/admin/files?kind=picture&q=bench"),
    ("a file's page (uses)", file_page),
]:
    times = []
    for _ in range(requests):
        t = time.perf_counter()
        status, _, _ = fetch(path)
        times.append((time.perf_counter() - t) * 1000)
        assert status == 200, (path, status)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"  {label:20} p50 {statistics.median(times):7.1f}  p95 {p95:7.1f}  max {times[-1]:7.1f}")

t = time.perf_counter()
status, _, body = fetch("/admin/products/export.csv")
export_s = time.perf_counter() - t
assert status == 200
rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
print(f"export: {export_s:.2f} s, {len(body) / 1024 / 1024:.1f} MiB, {len(rows) - 1} products")


def settle(job):
    start = time.perf_counter()
    while True:
        _, _, page = fetch(job)
        text = page.decode()
        if "data-refresh" not in text:
            summary = re.search(r'class="import-summary">([^<]*)<', text)
            return time.perf_counter() - start, summary.group(1) if summary else text[-400:]
        time.sleep(0.2)


def dry_run_and_run(name, data, run):
    t = time.perf_counter()
    status, headers, _ = post_file("/admin/products/import", csrf("/admin/products/import"), name, data)
    assert status == 303, status
    job = headers["Location"]
    upload_s = time.perf_counter() - t
    took, summary = settle(job)
    print(f"{name}: upload {upload_s:.2f} s, dry run {took:.1f} s — {summary}")
    if run:
        status, _, _ = post_form(job, {"csrf_token": csrf(job)})
        assert status == 303, status
        took, summary = settle(job)
        print(f"{name}: import {took:.1f} s — {summary}")


# The whole export back: every row checked, none changes anything.
dry_run_and_run("export.csv", body, False)
# A price list update: every product 1 krona dearer (sku and price columns only).
header = rows[0]
sku_at, price_at = header.index("sku"), header.index("price")
out = io.StringIO()
w = csv.writer(out)
w.writerow(["sku", "price"])
for r in rows[1:]:
    kronor, ore = r[price_at].split(".")
    w.writerow([r[sku_at], f"{int(kronor) + 1}.{ore}"])
dry_run_and_run("prices.csv", out.getvalue().encode(), True)
