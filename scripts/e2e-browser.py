#!/usr/bin/env python3
"""Renders the HTML review in headless Chromium and checks it through the DevTools protocol.

Usage: e2e-browser.py REVIEW.html OUTDIR [--screenshot PNG]

At 1280 and 390 CSS pixels, light and dark: every chart is there with its title and text
alternative, nothing is wider than the viewport (scrollWidth), the colour scheme applies. Then
print to PDF (A4) and check, from the PDF's own text positions (pdftotext -bbox-layout), that no
chart starts on one page and ends on the next. Screenshots go to OUTDIR. With --screenshot, only
writes a cropped light screenshot at 1280 px for the README.
"""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

import websocket  # websocket-client, from the virtualenv under .build/

CHARTS = ["chart-calendar", "chart-rates", "chart-outcomes", "chart-people", "chart-themes", "chart-mirror"]
A4 = (8.27, 11.69)  # inches
MARGIN = 0.4  # inches, every side


class DevTools:
    """The smallest DevTools client: one browser socket, one page session, no events kept."""

    def __init__(self, url):
        self.socket = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluate failed: {result['exceptionDetails']}")
        return result["result"].get("value")


def launch(profile):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        sys.exit("e2e-browser: no chromium on PATH")
    arguments = [
        chromium, "--headless=new", "--remote-debugging-port=0", f"--user-data-dir={profile}",
        "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--hide-scrollbars",
        "--disable-extensions", "--disable-background-networking", "--disable-sync", "about:blank",
    ]
    if os.geteuid() == 0:
        arguments.insert(1, "--no-sandbox")
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        match = re.search(r"DevTools listening on (ws://\S+)", line)
        if match:
            return process, match.group(1)
    sys.exit("e2e-browser: chromium did not start its DevTools endpoint")


def open_page(tools, url):
    target = tools.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
    tools.session = tools.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)[
        "sessionId"]
    tools.send("Page.enable")
    tools.send("Runtime.enable")
    return url


def load(tools, url, width, scheme, media=""):
    tools.send("Emulation.setDeviceMetricsOverride",
               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    tools.send("Emulation.setEmulatedMedia",
               {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    tools.send("Page.navigate", {"url": url})
    deadline = time.time() + 30
    while tools.evaluate("document.readyState") != "complete":
        if time.time() > deadline:
            raise RuntimeError("the page did not finish loading")
        time.sleep(0.1)


INSPECT = """(() => {
  const charts = [...document.querySelectorAll('figure.chart-figure')].map(figure => {
    const svg = figure.querySelector('svg');
    const ids = (svg && svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
    return {
      id: figure.id,
      caption: (figure.querySelector('figcaption') || {}).textContent || '',
      role: svg && svg.getAttribute('role'),
      labelled: ids.map(id => (document.getElementById(id) || {}).textContent || ''),
      shapes: svg ? svg.querySelectorAll('rect, circle, polyline').length : 0,
      width: figure.getBoundingClientRect().width,
      height: figure.getBoundingClientRect().height,
    };
  });
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')].filter(element => {
    // Inside a scrolling frame (a wide table, a chart at phone width) is the frame's to clip.
    const frame = element.closest('.scroll, .chart-scroll');
    if (frame && frame !== element) return false;
    if (element.closest('svg.patterns')) return false;
    return element.getBoundingClientRect().right > root.clientWidth + 0.5;
  }).slice(0, 5).map(element => element.tagName + '.' + (element.getAttribute('class') || ''));
  return {
    charts, wide, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    background: getComputedStyle(document.body).backgroundColor,
    ink: getComputedStyle(document.body).color,
    tables: document.querySelectorAll('table').length,
    scripts: document.querySelectorAll('script').length,
    height: root.scrollHeight,
  };
})()"""


def luminance(css):
    red, green, blue = [int(value) for value in re.findall(r"\d+", css)[:3]]
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def screenshot(tools, path, width, height, clip_height=None):
    tools.send("Emulation.setDeviceMetricsOverride",
               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    params = {"format": "png", "captureBeyondViewport": True}
    if clip_height:
        # Cropped to the page's column: the body, without the margins either side.
        body = tools.evaluate("(() => { const r = document.body.getBoundingClientRect();"
                              " return {x: r.left, width: r.width}; })()")
        params["clip"] = {"x": body["x"], "y": 0, "width": body["width"], "height": clip_height, "scale": 1}
    data = tools.send("Page.captureScreenshot", params)["data"]
    with open(path, "wb") as file:
        file.write(base64.b64decode(data))


def check_view(tools, url, width, scheme, outdir, failures):
    load(tools, url, width, scheme)
    page = tools.evaluate(INSPECT)
    where = f"{width}px {scheme}"
    found = [chart["id"] for chart in page["charts"]]
    if found != CHARTS:
        failures.append(f"{where}: charts {found}, expected {CHARTS}")
    for chart in page["charts"]:
        if not chart["caption"].strip() or chart["role"] != "img" or len(chart["labelled"]) != 2 \
                or not all(text.strip() for text in chart["labelled"]):
            failures.append(f"{where}: {chart['id']} lacks a title, role=img or its text alternative")
        if chart["shapes"] == 0:
            failures.append(f"{where}: {chart['id']} draws nothing")
        if chart["width"] > width:
            failures.append(f"{where}: {chart['id']} is {chart['width']}px wide")
    if page["scrollWidth"] > width:
        failures.append(f"{where}: scrollWidth {page['scrollWidth']} > {width}; too wide: {page['wide']}")
    if page["wide"]:
        failures.append(f"{where}: elements past the right edge: {page['wide']}")
    if page["scripts"]:
        failures.append(f"{where}: the page has a script element")
    if page["tables"] < 5:
        failures.append(f"{where}: only {page['tables']} tables")
    light = luminance(page["background"])
    if (scheme == "dark") != (light < 0.25) or (scheme == "light") != (light > 0.9):
        failures.append(f"{where}: background {page['background']} does not follow {scheme}")
    if abs(luminance(page["ink"]) - light) < 0.5:
        failures.append(f"{where}: text {page['ink']} on {page['background']} has too little contrast")
    path = os.path.join(outdir, f"review-{width}-{scheme}.png")
    screenshot(tools, path, width, page["height"])
    print(f"e2e-browser: ok: {where}, {len(found)} charts, {page['tables']} tables, scrollWidth "
          f"{page['scrollWidth']}; {path}")


def check_print(tools, url, outdir, failures):
    content_width = round((A4[0] - 2 * MARGIN) * 96)
    load(tools, url, content_width, "light", media="print")
    heights = {chart["id"]: chart["height"] for chart in tools.evaluate(INSPECT)["charts"]}
    captions = {chart["id"]: chart["caption"].strip() for chart in tools.evaluate(INSPECT)["charts"]}
    tools.send("Emulation.clearDeviceMetricsOverride")
    pdf = tools.send("Page.printToPDF", {
        "paperWidth": A4[0], "paperHeight": A4[1], "marginTop": MARGIN, "marginBottom": MARGIN,
        "marginLeft": MARGIN, "marginRight": MARGIN, "printBackground": True,
    })["data"]
    path = os.path.join(outdir, "review.pdf")
    with open(path, "wb") as file:
        file.write(base64.b64decode(pdf))
    if not shutil.which("pdftotext"):
        failures.append("print: no pdftotext (poppler-utils) to read the PDF")
        return
    layout = subprocess.run(["pdftotext", "-bbox-layout", path, "-"], check=True, capture_output=True,
                            text=True).stdout
    layout = re.sub(r"<!DOCTYPE[^>]*>", "", layout).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    tree = ElementTree.fromstring(layout)
    pages = tree.findall(".//page")
    bottom_limit = (A4[1] - MARGIN) * 72 + 2  # points, with a little slack for rounding
    for chart, caption in captions.items():
        places = []
        for number, page in enumerate(pages, 1):
            for line in page.iter("line"):
                text = " ".join(word.text or "" for word in line.iter("word"))
                if text == caption:
                    places.append((number, float(line.get("yMin"))))
        if len(places) != 1:
            failures.append(f"print: {chart}'s caption '{caption}' found {len(places)} times in the PDF")
            continue
        number, top = places[0]
        # The figure's box starts a padding above its caption; its height is in CSS px (0.75 pt).
        bottom = top - 12 + heights[chart] * 0.75
        if bottom > bottom_limit:
            failures.append(f"print: {chart} on page {number} runs from {top:.0f}pt to {bottom:.0f}pt, "
                            f"past the page's {bottom_limit:.0f}pt: cut across pages")
    print(f"e2e-browser: ok: print, {len(pages)} A4 pages, no chart cut; {path}")


def main():
    arguments = sys.argv[1:]
    readme = None
    if "--screenshot" in arguments:
        index = arguments.index("--screenshot")
        readme = arguments[index + 1]
        del arguments[index:index + 2]
    html, outdir = arguments
    os.makedirs(outdir, exist_ok=True)
    url = "file://" + os.path.abspath(html)
    profile = tempfile.mkdtemp(prefix="journal-e2e-browser-")
    process, endpoint = launch(profile)
    failures = []
    try:
        tools = DevTools(endpoint)
        open_page(tools, url)
        if readme:
            load(tools, url, 1280, "light")
            screenshot(tools, readme, 1280, 900, clip_height=1340)
            print(f"e2e-browser: wrote {readme}")
            return
        for width in (1280, 390):
            for scheme in ("light", "dark"):
                check_view(tools, url, width, scheme, outdir, failures)
        check_print(tools, url, outdir, failures)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)
    for failure in failures:
        print("e2e-browser: FAIL: " + failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
