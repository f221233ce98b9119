// Shared helpers for the browser tests: start the site server and Debian's Chromium, open the
// app, read window.looplab.state(), click widgets by their visible label, save screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, siteDir } from './server.mjs';
import { decodePng } from './png.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = path.resolve(repo, process.env.LOOPLAB_ARTIFACTS || 'build/e2e-artifacts');

// Flags under which WebGL2 renders headless through SwiftShader (see TOOLCHAIN.md).
export const chromiumFlags = [
  '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function launch(extraFlags = []) {
  if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
    throw new Error(`no built site in ${siteDir}: build the wasm preset first (scripts/build wasm)`);
  }
  const server = await serve(siteDir);
  const browser = await chromium.launch({
    executablePath: process.env.LOOPLAB_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...chromiumFlags, ...extraFlags],
  });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

// Opens the app in a new page and waits for its first frame. Collects console errors.
export async function openApp(env, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1 } = {}) {
  const context = await env.browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (process.env.LOOPLAB_LOG) console.log('page:', m.text()); if (m.type() === 'error') errors.push(m.text()); });
  const started = Date.now();
  await page.goto(env.url);
  await page.waitForFunction(() => window.looplab && (window.looplab.isReady || window.looplab.error), null, { timeout: 30000 });
  const error = await page.evaluate(() => window.looplab.error);
  if (error) throw new Error(`the app did not start: ${error}`);
  const firstFrameMs = Date.now() - started;
  return { context, page, errors, firstFrameMs };
}

export async function state(page) {
  return page.evaluate(() => window.looplab.state());
}

// Waits until the app has drawn `count` more frames (so a change is on screen and in state()).
export async function waitFrames(page, count = 3) {
  const start = (await state(page)).frame;
  await page.waitForFunction((target) => window.looplab.state().frame >= target, start + count, { timeout: 15000 });
  return state(page);
}

// Finds a widget of the last frame by its visible label (string or RegExp) or by its id.
export function findItem(s, { label, id, window } = {}) {
  return s.items.find((item) =>
    (label === undefined || (label instanceof RegExp ? label.test(item.label) : item.label === label)) &&
    (id === undefined || item.id === id) &&
    (window === undefined || item.window === window));
}

export function center(item) {
  return { x: item.x + item.w / 2, y: item.y + item.h / 2 };
}

// A real mouse click at the centre of a widget found by label or id; waits for it to be drawn.
export async function click(page, query) {
  const s = await state(page);
  const item = findItem(s, query);
  if (!item) throw new Error(`no widget ${JSON.stringify(query)} on screen; have: ${s.items.map((i) => i.label || '#' + i.id).join(', ')}`);
  const { x, y } = center(item);
  await page.mouse.move(x, y);
  await waitFrames(page, 2);
  await page.mouse.down();
  await waitFrames(page, 2);
  await page.mouse.up();
  return waitFrames(page, 3);
}

// Saves a screenshot as an artifact and returns it decoded.
export async function screenshot(page, name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const buffer = await page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
  return decodePng(buffer);
}
