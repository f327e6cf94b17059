#!/usr/bin/env python3
"""Drives headless Chromium over the Chrome DevTools Protocol (on a pipe: no port, no extra
package) to test, time and photograph bitext's review pages.

    cdp.py review PAGE.html           JSON: what a reviewer's keys, filter and hover do
    cdp.py controls URL               JSON: the harness sees a request and a CSP violation
    cdp.py load PAGE.html [RUNS]      JSON: load and interactive times in milliseconds
    cdp.py screenshot PAGE.html OUT.png [WIDTH HEIGHT [j]]   (j: at the first problem, a sentence hovered)

Every command also reports the network requests the page made and the Content-Security-Policy
violations Chromium logged, so a caller can require both to be empty.
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def chromium_path():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    sys.exit("chromium not found (scripts/test installs it)")


class Browser:
    """One headless Chromium; commands and events on fds 3/4 (--remote-debugging-pipe)."""

    def __init__(self, width=1280, height=900):
        self.profile = tempfile.mkdtemp(prefix="bitext-cdp-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands from fd 3 and writes replies to fd 4; bash puts the pipes
        # there (Python closes every descriptor it was not asked to pass, after preexec_fn).
        args = [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + self.profile, "--window-size=%d,%d" % (width, height), "about:blank"]
        self.proc = subprocess.Popen(
            ["/bin/bash", "-c", 'exec "$@" 3<&%d 4>&%d' % (to_chrome_r, from_chrome_w),
             "sh"] + args,
            pass_fds=(to_chrome_r, from_chrome_w), stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.profile, "stderr"), "w"))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None
        self.width, self.height = width, height

    def close(self):
        try:
            self.call("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self, deadline):
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                raise EOFError("Chromium closed the pipe: " + self.stderr_tail())
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def stderr_tail(self):
        try:
            with open(os.path.join(self.profile, "stderr"), errors="replace") as f:
                return "".join(l for l in f.readlines() if "dbus" not in l)[-1500:]
        except OSError:
            return ""

    def call(self, method, params=None, session=True, timeout=60):
        self.next_id += 1
        if self.proc.poll() is not None:
            raise EOFError("Chromium exited (%s): %s" % (self.proc.returncode, self.stderr_tail()))
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            if "method" in m:
                self.events.append(m)

    def wait_event(self, method, timeout=60):
        deadline = time.time() + timeout
        while True:
            for k, e in enumerate(self.events):
                if e["method"] == method:
                    return self.events.pop(k)
            self.events.append(self._read(deadline))

    def drain(self, seconds):
        """Collects events for a while (late requests, late violations)."""
        deadline = time.time() + seconds
        os.set_blocking(self.from_chrome, False)
        try:
            while time.time() < deadline:
                try:
                    chunk = os.read(self.from_chrome, 1 << 20)
                except BlockingIOError:
                    time.sleep(0.02)
                    continue
                if not chunk:
                    break
                self.buf += chunk
                while b"\0" in self.buf:
                    msg, self.buf = self.buf.split(b"\0", 1)
                    self.events.append(json.loads(msg))
        finally:
            os.set_blocking(self.from_chrome, True)

    def open(self, url):
        """A new tab watched for requests, console messages and CSP reports, showing `url`."""
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log", "Audits"):
            self.call(domain + ".enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})
        self.started = time.time()
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")
        self.loaded = time.time()

    def eval(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError("page error: %s" % json.dumps(r["exceptionDetails"])[:500])
        return r["result"].get("value")

    def key(self, key):
        code = "Key" + key.upper() if len(key) == 1 else key
        vk = ord(key.upper()) if len(key) == 1 else 0
        self.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "code": code, "text": key,
                                             "windowsVirtualKeyCode": vk})
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": vk})

    def mouse(self, x, y, kind="mouseMoved"):
        self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left" if kind != "mouseMoved" else "none",
                                               "clickCount": 1 if kind != "mouseMoved" else 0})

    def click(self, x, y):
        self.mouse(x, y)
        self.mouse(x, y, "mousePressed")
        self.mouse(x, y, "mouseReleased")

    def center(self, selector):
        """The centre of an element, scrolled into view, in viewport pixels."""
        return self.eval("(function(){var e=document.querySelector(%s);if(!e)return null;e.scrollIntoView({block:'center'});"
                         "var r=e.getBoundingClientRect();return [r.left+Math.min(r.width/2,20),r.top+r.height/2]})()"
                         % json.dumps(selector))

    def requests(self):
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def violations(self):
        out = []
        for e in self.events:
            if e["method"] == "Log.entryAdded":
                t = e["params"]["entry"].get("text", "")
                if "Content Security Policy" in t:
                    out.append(t)
            elif e["method"] == "Audits.issueAdded":
                issue = e["params"]["issue"]
                if issue.get("code") == "ContentSecurityPolicyIssue":
                    d = issue["details"].get("contentSecurityPolicyIssueDetails", {})
                    out.append("CSP issue: %s %s" % (d.get("violatedDirective"), d.get("blockedURL", "")))
            elif e["method"] == "Runtime.exceptionThrown":
                out.append("exception: " + json.dumps(e["params"]["exceptionDetails"])[:300])
        return out

    def screenshot(self, path, full=False):
        params = {"format": "png"}
        if full:
            h = self.eval("document.documentElement.scrollHeight")
            params["clip"] = {"x": 0, "y": 0, "width": self.width, "height": min(h, 8000), "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def url_of(path):
    return path if "://" in path else "file://" + os.path.abspath(path)


def review(page):
    """What a reviewer does: j/k, the filter, hovering and focusing a sentence."""
    b = Browser()
    out = {}
    try:
        b.open(url_of(page))
        out["ready"] = b.eval("document.documentElement.dataset.ready === '1'")
        rows = "Array.from(document.querySelectorAll('main .row'))"
        out["rows"] = b.eval(rows + ".length")
        out["problemRows"] = b.eval(rows + ".filter(r=>r.classList.contains('problem')).map(r=>r.id)")
        # j from the top focuses the first problem row, j again the next, k goes back.
        focused = "(document.activeElement && document.activeElement.closest ? (document.activeElement.closest('.row')||{}).id : null)"
        seq = []
        for k in ("j", "j", "k"):
            b.key(k)
            seq.append(b.eval(focused))
        out["keys"] = seq
        # The buttons do the same.
        b.eval("document.getElementById('next-problem').click()")
        out["nextButton"] = b.eval(focused)
        # Filters: rows actually visible after clicking each filter button.
        counts = {}
        for f in ("problems", "untranslated", "stale", "all"):
            xy = b.center("[data-filter='%s']" % f)
            if xy is None:
                continue
            b.click(*xy)
            counts[f] = {"visible": b.eval(rows + ".filter(r=>r.offsetParent!==null).length"),
                         "shown": b.eval("document.getElementById('shown-count').textContent")}
        out["filters"] = counts
        # Hovering a target sentence highlights its source counterpart(s), and the reverse.
        def hover(side):
            sel = "main .%s .s[data-g]" % side
            g = b.eval("(function(){var s=Array.from(document.querySelectorAll(%s));"
                       "var other=%s;for(const e of s){var g=e.dataset.g;"
                       "if(document.querySelector('main .'+other+' .s[data-g=\"'+g+'\"]'))return g}return null})()"
                       % (json.dumps(sel), json.dumps("src" if side == "tgt" else "tgt")))
            if g is None:
                return None
            xy = b.center("main .%s .s[data-g='%s']" % (side, g))
            b.mouse(*xy)
            lit = b.eval("Array.from(document.querySelectorAll('.s.hi')).map(e=>[e.closest('.src')?'src':'tgt',e.dataset.g])")
            return {"group": g, "highlighted": lit}
        out["hoverTarget"] = hover("tgt")
        out["hoverSource"] = hover("src")
        b.mouse(1, 1)
        # Keyboard focus on a sentence does the same.
        g = b.eval("(function(){var e=document.querySelector('main .tgt .s[data-g]');e.focus();return e.dataset.g})()")
        out["focusSentence"] = {"group": g, "highlighted": b.eval(
            "Array.from(document.querySelectorAll('.s.hi')).map(e=>[e.closest('.src')?'src':'tgt',e.dataset.g])")}
        b.drain(0.5)
        out["requests"] = [u for u in b.requests() if not u.startswith("file:")]
        out["localFiles"] = [u for u in b.requests() if u.startswith("file:") and u != url_of(page)]
        out["violations"] = b.violations()
    finally:
        b.close()
    return out


def controls(server):
    """Pages that do make a request and break their CSP: the harness must see both."""
    d = tempfile.mkdtemp(prefix="bitext-cdp-controls-")
    try:
        leaky = os.path.join(d, "leaky.html")
        with open(leaky, "w") as f:
            f.write('<!DOCTYPE html><title>x</title><img src="%s/control.png">' % server)
        strict = os.path.join(d, "strict.html")
        with open(strict, "w") as f:
            f.write('<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
                    '<title>x</title><img src="%s/blocked.png"><script>document.title="ran"</script>' % server)
        out = {}
        b = Browser()
        try:
            b.open(url_of(leaky))
            b.drain(0.5)
            out["requests"] = [u for u in b.requests() if u.startswith("http")]
        finally:
            b.close()
        b = Browser()
        try:
            b.open(url_of(strict))
            b.drain(0.5)
            out["violations"] = b.violations()
            out["blockedRequests"] = [u for u in b.requests() if u.startswith("http")]
        finally:
            b.close()
        return out
    finally:
        shutil.rmtree(d, ignore_errors=True)


def load(page, runs=3):
    """Milliseconds from navigation to the load event and to the page's script being ready
    (data-ready set), best of RUNS fresh browsers."""
    results = []
    for _ in range(runs):
        b = Browser()
        try:
            t0 = time.time()
            b.open(url_of(page))
            # The page marks the moment its script has set everything up.
            ready = b.eval("(function(){return new Promise(function(res){function t(){"
                           "var m=performance.getEntriesByName('bitext-ready');if(m.length)res(m[0].startTime);else setTimeout(t,5)}t()})})()")
            nav = b.eval("performance.getEntriesByType('navigation')[0].toJSON()")
            # A key press answered after load: the page is interactive.
            t1 = time.time()
            b.key("j")
            b.eval("1")
            key_ms = (time.time() - t1) * 1000
            results.append({"load": round(nav["loadEventEnd"]), "domContentLoaded": round(nav["domContentLoadedEventEnd"]),
                            "ready": round(ready), "firstKey": round(key_ms), "wall": round((b.loaded - t0) * 1000),
                            "violations": b.violations()})
        finally:
            b.close()
    best = min(results, key=lambda r: r["ready"])
    return {"runs": results, "best": best}


def screenshot(page, out, width=1280, height=1500, action=None):
    """A PNG of the page; action "j" first moves to the first problem and hovers a sentence of it."""
    b = Browser(width, height)
    try:
        b.open(url_of(page))
        if action == "j":
            b.key("j")
            xy = b.eval("(function(){var r=document.activeElement;var s=r&&r.querySelector('.tgt .s[data-g]');"
                        "if(!s)return null;var q=s.getBoundingClientRect();return [q.left+Math.min(q.width/2,30),q.top+8]})()")
            if xy:
                b.mouse(*xy)
        b.drain(0.3)
        b.screenshot(out)
        return {"wrote": out, "requests": [u for u in b.requests() if u.startswith("http")], "violations": b.violations()}
    finally:
        b.close()


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    cmd = argv[1]
    if cmd == "review":
        r = review(argv[2])
    elif cmd == "controls":
        r = controls(argv[2])
    elif cmd == "load":
        r = load(argv[2], int(argv[3]) if len(argv) > 3 else 3)
    elif cmd == "screenshot":
        r = screenshot(argv[2], argv[3], *(int(a) for a in argv[4:6]), *(argv[6:7]))
    elif cmd == "eval":
        b = Browser()
        try:
            b.open(url_of(argv[2]))
            r = {"value": b.eval(argv[3]), "violations": b.violations(), "requests": b.requests()}
        finally:
            b.close()
    else:
        sys.exit(__doc__)
    print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
