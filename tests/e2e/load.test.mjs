// The page loads, draws DESIGN.md's layout with real fonts, keeps drawing, and starts with the
// editor's program loaded in the session at tick 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, state, waitFrames, findItem, screenshot } from './harness.mjs';
import { luminanceStats } from './png.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the app draws its first frame and keeps drawing', async (t) => {
  const { page, errors, firstFrameMs, context } = await openApp(env);
  const timing = await page.evaluate(() => window.looplab.timing);
  t.diagnostic(`first frame ${timing.firstFrame} ms after navigation (page clock; ${firstFrameMs} ms seen by the test): ${JSON.stringify(timing)}`);
  assert.ok(timing.firstFrame > 0 && timing.runtimeReady <= timing.firstFrame, 'loading steps were timed in order');
  const first = await state(page);
  const later = await waitFrames(page, 20);
  assert.ok(later.frame >= first.frame + 20, `frames went from ${first.frame} to ${later.frame}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the layout has every pane, in DESIGN.md order', async () => {
  const { page, context } = await openApp(env);
  const s = await waitFrames(page, 3);
  const pane = (name) => {
    const w = s.windows.find((x) => x.name === name);
    assert.ok(w, `pane ${name} is drawn; have ${s.windows.map((x) => x.name).join(', ')}`);
    return w;
  };
  const top = pane('TopBar'), lesson = pane('Lesson'), code = pane('Code'), loop = pane('Loop');
  const controls = pane('Controls'), timeline = pane('Timeline'), consolePane = pane('Console');
  assert.ok(top.y < lesson.y, 'top bar above the columns');
  assert.ok(lesson.x + lesson.w <= code.x && code.x + code.w <= loop.x, 'LESSON | CODE | LOOP left to right');
  assert.equal(lesson.y, code.y);
  assert.equal(code.y, loop.y);
  assert.ok(loop.y + loop.h <= controls.y, 'controls under the columns');
  assert.ok(controls.y + controls.h <= timeline.y, 'timeline under the controls');
  assert.ok(timeline.y + timeline.h <= consolePane.y, 'console under the timeline');
  assert.ok(consolePane.y + consolePane.h <= s.canvas.cssH + 0.5, 'everything fits in the window');
  for (const label of ['Loop Lab', 'LESSON', 'CODE', 'LOOP', 'TIMELINE', 'CONSOLE', 'Welcome to the playground',
    't = 0.0 s', 'READY QUEUE', 'TIMERS', 'TASKS']) {
    assert.ok(findItem(s, { label }), `"${label}" is on screen`);
  }
  const note = findItem(s, { label: 'virtual time: no real waiting' });
  assert.equal(note, undefined, 'the panel note is drawn as header text, not as a widget');
  assert.ok(s.editor.lines > 10 && s.editor.length > 200, 'the editor holds the starter program');
  await context.close();
});

test('the stepping controls are enabled and the session starts at tick 0', async () => {
  const { page, context } = await openApp(env);
  const s = await waitFrames(page, 3);
  for (const label of ['Step line', 'Step tick', 'Step iteration', 'Run  \u25B6', 'Run to end', 'Reset']) {
    const item = findItem(s, { label });
    assert.ok(item, `${label} is drawn`);
    assert.equal(item.disabled, false, `${label} is enabled`);
  }
  assert.equal(s.session.loaded, true);
  assert.equal(s.session.tick, 0);
  assert.equal(s.session.clock, 0);
  assert.ok(findItem(s, { label: 't = 0.0 s   tick 0' }), 'the status shows the clock and the tick');
  assert.equal(findItem(s, { id: 'theme' }).disabled, false);
  await context.close();
});

test('the screenshot shows a drawn interface, not a blank canvas', async () => {
  const { page, context } = await openApp(env);
  await waitFrames(page, 5);
  const image = await screenshot(page, 'layout-dark');
  assert.equal(image.width, 1280);
  const stats = luminanceStats(image);
  assert.ok(stats.stddev > 8, `pixels vary (stddev ${stats.stddev.toFixed(1)})`);
  assert.ok(stats.colours > 100, `many colours from anti-aliased text (${stats.colours})`);
  // The code panel holds text: its pixels vary far more than an empty rectangle would.
  const s = await state(page);
  const code = s.windows.find((w) => w.name === 'Code');
  assert.ok(luminanceStats(image, code).stddev > 10, 'the code panel shows text');
  await context.close();
});

test('a failed download shows a clear message', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/looplab.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto(env.url);
  await page.waitForFunction(() => window.looplab && window.looplab.error, null, { timeout: 20000 });
  const text = await page.locator('#problem').innerText();
  assert.match(text, /could not load/);
  assert.match(text, /404/);
  assert.equal(await page.locator('#problem').isVisible(), true);
  await screenshot(page, 'wasm-missing');
  await context.close();
});
