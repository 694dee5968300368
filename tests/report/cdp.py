"""A small Chrome DevTools Protocol client on the standard library (no websockets package, no download).

Launches the system's headless Chromium on a file, collects console errors and exceptions, runs
JavaScript in the page to measure elements, and takes screenshots.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Optional

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_browser() -> Optional[str]:
    env = os.environ.get("MSVITD_CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


class CDPError(Exception):
    pass


class _WebSocket:
    """Just enough of RFC 6455 for DevTools: text frames, masked from the client, large payloads."""

    def __init__(self, url: str, timeout: float = 30.0):
        assert url.startswith("ws://")
        hostport, _, path = url[5:].partition("/")
        host, _, port = hostport.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        req = (f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(req.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise CDPError("DevTools closed the connection during the handshake")
            head += chunk
        status = head.split(b"\r\n", 1)[0]
        if b" 101 " not in status:
            raise CDPError(f"DevTools handshake failed: {status!r}")
        self.buf = head.split(b"\r\n\r\n", 1)[1]

    def _read(self, n: int) -> bytes:
        while len(self.buf) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buf)))
            if not chunk:
                raise CDPError("DevTools connection closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def send(self, text: str) -> None:
        data = text.encode()
        head = bytearray([0x81])
        n = len(data)
        if n < 126:
            head.append(0x80 | n)
        elif n < 65536:
            head.append(0x80 | 126)
            head += struct.pack(">H", n)
        else:
            head.append(0x80 | 127)
            head += struct.pack(">Q", n)
        mask = os.urandom(4)
        head += mask
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
        self.sock.sendall(bytes(head) + masked)

    def recv(self) -> str:
        message = b""
        while True:
            b0, b1 = self._read(2)
            opcode, fin = b0 & 0x0F, b0 & 0x80
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x8:
                raise CDPError("DevTools closed the websocket")
            if opcode == 0x9:  # ping -> pong
                continue
            message += payload
            if fin:
                return message.decode("utf-8", "replace")

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Browser:
    """``with Browser() as b: b.open(path); b.evaluate("..."); b.screenshot(out)``."""

    def __init__(self, binary: Optional[str] = None, width: int = 1100, height: int = 900, timeout: float = 60.0):
        self.binary = binary or find_browser()
        if not self.binary:
            raise CDPError("no chromium binary")
        self.width, self.height, self.timeout = width, height, timeout
        self.events: list[dict] = []
        self._id = 0

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="msvitd-chromium-")
        args = [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--mute-audio", f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
                f"--window-size={self.width},{self.height}", "about:blank"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.time() + self.timeout
        while time.time() < deadline:
            if port_file.exists() and port_file.read_text().strip():
                break
            if self.proc.poll() is not None:
                raise CDPError(f"chromium exited with status {self.proc.returncode} before DevTools started")
            time.sleep(0.05)
        else:
            self._stop()
            raise CDPError("chromium did not start DevTools in time")
        self.port = int(port_file.read_text().split()[0])
        page = None
        while time.time() < deadline and page is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=5) as r:
                    targets = json.load(r)
                page = next((t for t in targets if t.get("type") == "page"), None)
            except OSError:
                pass
            if page is None:
                time.sleep(0.05)
        if page is None:
            self._stop()
            raise CDPError("no page target in chromium")
        self.ws = _WebSocket(page["webSocketDebuggerUrl"], timeout=self.timeout)
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        return self

    def __exit__(self, *exc):
        try:
            self.ws.close()
        finally:
            self._stop()

    def _stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self.profile, ignore_errors=True)

    def call(self, method: str, **params) -> dict:
        self._id += 1
        my = self._id
        self.ws.send(json.dumps({"id": my, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my:
                if "error" in msg:
                    raise CDPError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_event(self, method: str, timeout: Optional[float] = None) -> dict:
        for e in self.events:
            if e["method"] == method:
                return e
        self.ws.sock.settimeout(timeout or self.timeout)
        while True:
            msg = json.loads(self.ws.recv())
            if "method" in msg:
                self.events.append(msg)
                if msg["method"] == method:
                    return msg

    def open(self, path: str | Path, width: Optional[int] = None, mobile: bool = False) -> None:
        w = width or self.width
        self.call("Emulation.setDeviceMetricsOverride", width=w, height=self.height, deviceScaleFactor=1,
                  mobile=mobile)
        self.events.clear()
        url = Path(path).resolve().as_uri()
        self.call("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")

    def console_errors(self) -> list[str]:
        out = []
        for e in self.events:
            m, p = e["method"], e.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append("exception: " + json.dumps(p.get("exceptionDetails", {}))[:500])
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console.error: " + " ".join(str(a.get("value", a.get("description", "")))
                                                        for a in p.get("args", [])))
            elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                ent = p["entry"]
                out.append(f"log ({ent.get('source')}): {ent.get('text')} {ent.get('url', '')}".strip())
        return out

    def evaluate(self, expression: str):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise CDPError(f"evaluate failed: {r['exceptionDetails']}")
        return r["result"].get("value")

    def screenshot(self, out: str | Path, full: bool = True, clip: Optional[dict] = None) -> Path:
        params: dict = {"format": "png"}
        if full or clip:
            m = self.call("Page.getLayoutMetrics")
            size = m.get("cssContentSize") or m["contentSize"]
            params["captureBeyondViewport"] = True
            params["clip"] = clip or {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
            params["clip"].setdefault("scale", 1)
        data = self.call("Page.captureScreenshot", **params)["data"]
        out = Path(out)
        out.write_bytes(base64.b64decode(data))
        return out

    def pdf(self, out: str | Path, paper: str = "a4") -> Path:
        w, h = (8.27, 11.69) if paper == "a4" else (8.5, 11.0)
        data = self.call("Page.printToPDF", paperWidth=w, paperHeight=h, preferCSSPageSize=True,
                         printBackground=True)["data"]
        out = Path(out)
        out.write_bytes(base64.b64decode(data))
        return out
