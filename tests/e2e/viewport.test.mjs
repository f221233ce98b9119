// The canvas follows the window: resizes, and a device pixel ratio of 2 gives a 2x framebuffer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, waitFrames, findItem, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the canvas follows a viewport resize', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 1280, height: 800 } });
  const s0 = await waitFrames(page, 3);
  assert.deepEqual([s0.canvas.cssW, s0.canvas.cssH, s0.canvas.w, s0.canvas.h], [1280, 800, 1280, 800]);
  await page.setViewportSize({ width: 960, height: 640 });
  const s1 = await waitFrames(page, 5);
  assert.deepEqual([s1.canvas.cssW, s1.canvas.cssH, s1.canvas.w, s1.canvas.h], [960, 640, 960, 640]);
  const consolePane = s1.windows.find((w) => w.name === 'Console');
  assert.ok(consolePane.y + consolePane.h <= 640.5, 'the panes fit the smaller window');
  const scrollbars = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
  assert.deepEqual(scrollbars, [960, 640], 'no page scrollbars');
  await screenshot(page, 'resized-960x640');
  await context.close();
});

test('with a device pixel ratio of 2 the framebuffer is twice the CSS size', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 1200, height: 760 }, deviceScaleFactor: 2 });
  const s = await waitFrames(page, 3);
  assert.equal(s.canvas.dpr, 2);
  assert.deepEqual([s.canvas.cssW, s.canvas.cssH], [1200, 760]);
  assert.deepEqual([s.canvas.w, s.canvas.h], [2400, 1520]);
  // Widget rectangles stay in CSS pixels.
  const theme = findItem(s, { id: 'theme' });
  assert.ok(theme.x + theme.w <= 1200 && theme.x > 900, `theme button at x=${theme.x} in CSS px`);
  const image = await screenshot(page, 'layout-dpr2');
  assert.equal(image.width, 2400);
  await context.close();
});

test('a change of device pixel ratio re-renders at the new density', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 1000, height: 700 } });
  const s0 = await waitFrames(page, 3);
  assert.deepEqual([s0.canvas.w, s0.canvas.dpr], [1000, 1]);
  // What the browser does when the window moves to a denser screen or the page is zoomed.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 700, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction(() => window.looplab.state().canvas.w === 2000, null, { timeout: 10000 });
  const s1 = await waitFrames(page, 3);
  assert.deepEqual([s1.canvas.w, s1.canvas.h, s1.canvas.dpr, s1.canvas.cssW], [2000, 1400, 2, 1000]);
  const title0 = findItem(s0, { label: 'Loop Lab' });
  const title1 = findItem(s1, { label: 'Loop Lab' });
  assert.ok(Math.abs(title1.h - title0.h) < 1.5, `text keeps its CSS size (${title0.h} vs ${title1.h})`);
  // (Playwright's screenshot re-applies the context's own scale factor, so none is taken here.)
  await context.close();
});

// The layout at common screen sizes: everything fits, nothing overlaps in the top bar, and a
// screenshot of each is kept to look at.
const sizes = [
  { width: 1280, height: 720, dpr: 1 },
  { width: 1920, height: 1080, dpr: 1 },
  { width: 3840, height: 2160, dpr: 1 },
  { width: 2560, height: 1440, dpr: 2 },
];
for (const size of sizes) {
  test(`usable at ${size.width}x${size.height} (device pixel ratio ${size.dpr})`, async () => {
    const { page, context } = await openApp(env, { viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.dpr });
    const s = await waitFrames(page, 4);
    assert.deepEqual([s.canvas.cssW, s.canvas.cssH, s.canvas.w], [size.width, size.height, size.width * size.dpr]);
    for (const w of s.windows.filter((x) => ['TopBar', 'Lesson', 'Code', 'Loop', 'Controls', 'Timeline', 'Console'].includes(x.name))) {
      assert.ok(w.x >= 0 && w.y >= 0 && w.x + w.w <= size.width + 0.5 && w.y + w.h <= size.height + 0.5, `${w.name} fits`);
    }
    // The top bar's controls sit left to right without overlapping.
    const bar = ['Share link', 'Export', 'Import', 'font_smaller', 'font_larger', 'theme'].map((q) => findItem(s, { label: q }) || findItem(s, { id: q }));
    for (let i = 1; i < bar.length; i++) assert.ok(bar[i].x >= bar[i - 1].x + bar[i - 1].w, `top bar item ${i} after ${i - 1}`);
    const next = findItem(s, { label: 'Next  \u25B6' });
    assert.ok(next.x + next.w < bar[0].x, 'lesson navigation and the file buttons do not collide');
    const starters = findItem(s, { label: 'Starter programs' });
    assert.ok(next.x + next.w < starters.x && starters.x + starters.w < bar[0].x, 'the starter menu sits between them');
    const editor = findItem(s, { id: 'editor' });
    assert.ok(editor.h > 150, `the editor has room (${editor.h} px)`);
    await screenshot(page, `layout-${size.width}x${size.height}-dpr${size.dpr}`);
    await context.close();
  });
}
