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

// The self-contained page the build writes beside the site (build/looplab.html).
export const singleFilePage = path.resolve(repo, process.env.LOOPLAB_SINGLE_HTML || path.join(path.dirname(siteDir), 'looplab.html'));

// Waits until the page's app has drawn its first frame (or failed to start, which throws).
export async function waitReady(page) {
  await page.waitForFunction(() => window.looplab && (window.looplab.isReady || window.looplab.error), null, { timeout: 30000 });
  const error = await page.evaluate(() => window.looplab.error);
  if (error) throw new Error(`the app did not start: ${error}`);
}

// Opens the app in a new page (at `url`, default the served site) and waits for its first
// frame. Collects page errors and console errors; `warnings` collects console warnings.
export async function openApp(env, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, url = env.url, context = null } = {}) {
  context = context || await env.browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (process.env.LOOPLAB_LOG) console.log('page:', m.text());
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const started = Date.now();
  await page.goto(url);
  await waitReady(page);
  const firstFrameMs = Date.now() - started;
  return { context, page, errors, warnings, firstFrameMs };
}

// Reloads the page and waits for the app again.
export async function reloadApp(page) {
  await page.reload();
  await waitReady(page);
  return waitFrames(page, 3);
}

// Waits until `predicate(state)` holds (polled in the page after each frame); returns the state.
export async function waitState(page, predicate, what = 'the expected state', timeout = 15000) {
  const started = Date.now();
  for (;;) {
    const s = await state(page);
    if (s && predicate(s)) return s;
    if (Date.now() - started > timeout) {
      const input = s ? JSON.stringify(s.input) : 'no state';
      const selection = s && s.editor ? JSON.stringify(s.editor.selection ?? null) : 'none';
      throw new Error(`timed out waiting for ${what} (input ${input}, editor selection ${selection})`);
    }
    await page.waitForTimeout(50);
  }
}

// Clicks into the editor (at the end of its text) and waits until it has the keyboard.
export async function focusEditor(page) {
  const s = await state(page);
  const editor = findItem(s, { id: 'editor' });
  if (!editor) throw new Error('the editor is not on screen');
  await page.mouse.click(editor.x + editor.w / 2, editor.y + editor.h - 5);
  // The editor may already be active: wait until ImGui has taken the click itself, so keys
  // pressed next are not handled before it (the click would then undo their selection).
  await waitFrames(page, 2);
  return waitState(page, (x) => x.editor.active, 'the editor to take focus');
}

// Replaces the whole program through the browser's paste path (select all, paste).
export async function replaceProgram(page, text) {
  await focusEditor(page);
  await page.keyboard.press('Control+A');
  await waitFrames(page, 2);
  if (text === '') {
    await page.keyboard.press('Delete');
    return waitState(page, (x) => x.editor.text === '', 'an empty program');
  }
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  return waitState(page, (x) => x.editor.text === text.replace(/\r/g, '').replace(/\t/g, '    '), 'the pasted program');
}

export async function state(page) {
  return page.evaluate(() => window.looplab.state());
}

// Waits until the app has drawn `count` more frames and ImGui has taken every queued input event
// (so a change is on screen and in state()). ImGui takes about one key or mouse change per frame,
// so typed text or a click can be many frames behind the browser when frames are slow.
export async function waitFrames(page, count = 3) {
  const start = (await state(page)).frame;
  // Generous: SwiftShader on two loaded cores has been seen drawing under one frame a second.
  await page.waitForFunction((target) => {
    const s = window.looplab.state();
    return s.frame >= target && s.input.queued === 0;
  }, start + count, { timeout: 60000 });
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
