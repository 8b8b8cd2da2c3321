#!/usr/bin/env python3
"""Live chat under load (used by scripts/bench-chat; can run alone against a running shop).

1. Starts CONNECTIONS guest chats, each from its own browser (session), and signs in an agent.
2. Opens one event stream per chat (`/chat/events`) and holds them all idle, reading the
   keep-alive comments, while it samples the server's resident memory (VmRSS of PID).
3. With every stream still open, measures delivery: the time from sending a message (the
   HTTP POST, which stores it) until the other side's open stream has it — agent → customer
   on one chat, and customer → agent over several chats (customers may send 30 a minute each).

    scripts/bench_chat.py BASE_URL PID [connections] [samples]
"""
import asyncio
import concurrent.futures
import html
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
pid = int(sys.argv[2])
connections = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
samples = int(sys.argv[4]) if len(sys.argv) > 4 else 200
host, port = urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def fetch(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(base + path, data=body, headers={"Accept-Language": "en"})
        try:
            with self.opener.open(req, timeout=30) as res:
                return res.status, res.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def csrf(self, path):
        _, page = self.fetch(path)
        return html.unescape(re.search(r'name="csrf_token" value="([^"]+)"', page).group(1))

    def cookie(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def rss_kib():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def start_chat(n):
    b = Browser()
    token = b.csrf("/chat")
    status, _ = b.fetch("/chat", {"csrf_token": token, "name": f"Guest {n}",
                                  "email": f"guest{n}@example.com", "body": f"Hello from guest {n}"})
    assert status == 303, f"chat {n} did not start: {status}"
    return b


class Stream:
    """One open event stream: keeps reading, remembers what arrived."""

    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer
        self.seen = bytearray()
        self.changed = asyncio.Event()
        self.task = asyncio.create_task(self.pump())

    @classmethod
    async def open(cls, path, cookie):
        reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
        writer.write((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookie}\r\n"
                      "Accept: text/event-stream\r\nAccept-Language: en\r\n\r\n").encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        assert b" 200 " in head.split(b"\r\n")[0], head
        return cls(reader, writer)

    async def pump(self):
        while True:
            data = await self.reader.read(65536)
            if not data:
                return
            self.seen += data
            if len(self.seen) > 1 << 16:
                del self.seen[: len(self.seen) - 4096]
            self.changed.set()

    async def wait_for(self, marker: bytes, timeout=10):
        deadline = time.monotonic() + timeout
        while marker not in self.seen:
            self.changed.clear()
            await asyncio.wait_for(self.changed.wait(), max(0.001, deadline - time.monotonic()))


def summary(values):
    values = sorted(values)
    p = lambda q: values[min(len(values) - 1, int(round(q * (len(values) - 1))))]
    return f"p50 {p(0.5):.1f} ms · p95 {p(0.95):.1f} ms · max {values[-1]:.1f} ms (n={len(values)})"


async def main():
    pool = concurrent.futures.ThreadPoolExecutor(16)
    loop = asyncio.get_running_loop()
    t0 = time.monotonic()
    browsers = list(await asyncio.gather(*[loop.run_in_executor(pool, start_chat, n)
                                           for n in range(connections)]))
    print(f"started {connections} chats in {time.monotonic() - t0:.1f} s")
    agent = Browser()
    token = agent.csrf("/login")
    status, _ = agent.fetch("/login", {"csrf_token": token, "email": "support@duett.example",
                                       "password": "duett-demo-2026"})
    assert status == 303, "the agent could not sign in"
    _, queue = agent.fetch("/admin/chats")
    ids = sorted(int(i) for i in set(re.findall(r'href="/admin/chats/(\d+)"', queue)))

    def owner(chat_id):
        """The browser whose guest started this chat (the agent's page names the guest)."""
        _, page = agent.fetch(f"/admin/chats/{chat_id}")
        return int(re.search(r"Guest (\d+)", page).group(1))

    first_chat = ids[0]

    before = rss_kib()
    streams = []
    for i in range(0, connections, 100):
        streams += await asyncio.gather(*[Stream.open("/chat/events", b.cookie())
                                          for b in browsers[i:i + 100]])
    await asyncio.sleep(1)
    opened = rss_kib()
    print(f"RSS before streams {before / 1024:.1f} MiB · with {len(streams)} open streams "
          f"{opened / 1024:.1f} MiB (+{(opened - before) / len(streams):.1f} KiB each)")
    idle = []
    for second in range(0, 61, 15):
        if second:
            await asyncio.sleep(15)
        idle.append(rss_kib())
        print(f"  idle {second:2d} s: RSS {idle[-1] / 1024:.1f} MiB")
    alive = sum(1 for s in streams if not s.task.done())
    beats = min(s.seen.count(b": keep-alive") for s in streams)
    print(f"streams still open after 60 s idle: {alive} of {len(streams)} "
          f"(each has had at least {beats} keep-alive comments)")

    # Agent → customer on the first chat, read on its customer's open stream.
    first_stream = streams[owner(first_chat)]
    status, _ = agent.fetch(f"/admin/chats/{first_chat}",
                            {"csrf_token": agent.csrf(f"/admin/chats/{first_chat}"),
                             "action": "take", "seen": "0"})
    assert status == 303, f"take: {status}"
    token = agent.csrf(f"/admin/chats/{first_chat}")
    to_customer = []
    for k in range(samples):
        marker = f"agent-ping-{k}-end"
        start = time.perf_counter()
        post = loop.run_in_executor(pool, agent.fetch, f"/admin/chats/{first_chat}",
                                    {"csrf_token": token, "action": "write", "body": marker})
        await first_stream.wait_for(marker.encode())
        to_customer.append((time.perf_counter() - start) * 1000)
        assert (await post)[0] == 303
    print(f"agent → customer: {summary(to_customer)}")

    # Customer → agent: the agent watches a chat while its customer writes (25 per chat).
    to_agent = []
    per_chat = 25
    for c in range(max(1, samples // per_chat)):
        chat_id = ids[c + 1]
        customer = browsers[owner(chat_id)]
        watch = await Stream.open(f"/admin/chats/{chat_id}/events", agent.cookie())
        token = customer.csrf("/chat")
        for k in range(per_chat):
            marker = f"customer-ping-{c}-{k}-end"
            start = time.perf_counter()
            post = loop.run_in_executor(pool, customer.fetch, "/chat/messages",
                                        {"csrf_token": token, "body": marker})
            await watch.wait_for(marker.encode())
            to_agent.append((time.perf_counter() - start) * 1000)
            assert (await post)[0] == 303
        watch.writer.close()
    print(f"customer → agent: {summary(to_agent)}")
    alive = sum(1 for s in streams if not s.task.done())
    print(f"RSS at the end {rss_kib() / 1024:.1f} MiB with {alive} streams still open")
    for s in streams:
        s.writer.close()
    await asyncio.sleep(1)
    print(f"RSS after closing the streams {rss_kib() / 1024:.1f} MiB")


asyncio.run(main())
