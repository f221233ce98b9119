// The timeline: simulated threads (to_thread, run_in_executor workers) get their own rows above
// the tasks, with their states over virtual time and tooltips; with a thousand tasks the timeline
// draws only what reaches the screen (bars merged below a pixel) and zoom still shows detail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, waitFrames, waitState, replaceProgram, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function control(page, name) {
  const answer = await page.evaluate((n) => window.looplab.command('control', n), name);
  assert.equal(answer, 'queued');
  await waitFrames(page, 1);
}

async function load(page, program) {
  await waitState(page, (x) => x.session.loaded, 'the starter loaded');
  await waitFrames(page, 20);
  return replaceProgram(page, program);
}

// A task ticking while two blocking calls run in the default executor's worker thread:
// to_thread sleeps 1 s, run_in_executor 2 s (virtual time), so main prints at t = 3.0.
const threads = `import asyncio
import time


def blocking(n):
    time.sleep(n)
    return n


async def ticker():
    for _ in range(4):
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    a = await asyncio.to_thread(blocking, 1)
    b = await loop.run_in_executor(None, blocking, 2)
    await t
    print(a, b, loop.time())


asyncio.run(main())
`;

test('thread rows: the executor worker shows running, blocked and done over virtual time, styled apart', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 1600, height: 900 } });
  await load(page, threads);
  await control(page, 'run_to_end');
  let s = await waitState(page, (x) => x.session.finished && x.timeline.threads.length > 0, 'the end, drawn');
  assert.equal(s.session.stdout, '1 2 3.0\n');
  const names = s.timeline.threads.map((t) => t.name);
  assert.equal(names[0], 'MainThread');
  assert.ok(names.includes('asyncio_0'), `the worker has a row: ${names}`);
  const worker = s.timeline.threads.find((t) => t.name === 'asyncio_0');
  const states = worker.states.map((c) => c.state);
  assert.ok(states.includes('running'), 'it held the GIL');
  // Blocked in time.sleep from t = 0 (to_thread) and again from t = 1 (run_in_executor).
  assert.ok(worker.states.some((c) => c.state === 'pending' && c.t === 0), JSON.stringify(worker.states));
  assert.ok(worker.states.some((c) => c.state === 'pending' && c.t === 1), JSON.stringify(worker.states));
  assert.equal(states.at(-1), 'done');
  assert.ok(s.timeline.taskRows >= 2, 'the task rows are still there');
  // Hover the worker's row at t = 0.5: blocked in time.sleep until t = 1.0.
  const row = names.indexOf('asyncio_0');
  const tl = s.timeline;
  const x = tl.plotX0 + (0.5 - tl.t0) / tl.span * (tl.plotX1 - tl.plotX0);
  const y = tl.top + (row + 0.5) * tl.rowH;
  await page.mouse.move(x, y);
  s = await waitState(page, (v) => v.timeline.tooltip.startsWith('thread asyncio_0'), 'the thread tooltip');
  assert.match(s.timeline.tooltip, /blocked from t = 0\.0 s to t = 1\.0 s/);
  assert.match(s.timeline.tooltip, /time\.sleep/);
  await screenshot(page, 'timeline-threads');
  // The label explains the row's colours.
  await page.mouse.move(tl.plotX0 - 30, y);
  s = await waitState(page, (v) => v.timeline.tooltip.startsWith('thread asyncio_0: a simulated OS thread'), 'the label tooltip');
  assert.match(s.timeline.tooltip, /running = holds the GIL/);
  await context.close();
});

const thousand = `import asyncio


async def worker(i):
    for k in range(4):
        await asyncio.sleep(0.5 + (i % 7) * 0.25)
    return i


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(1000)))
    print(len(results))


asyncio.run(main())
`;

test('a thousand tasks: the timeline draws what reaches the screen; zoom and pan keep the detail', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 1600, height: 900 } });
  await load(page, thousand);
  await control(page, 'run_to_end');
  let s = await waitState(page, (x) => x.session.finished && x.timeline.taskRows >= 1001, 'the end, drawn', 120000);
  assert.equal(s.session.stdout, '1000\n');
  s = await waitFrames(page, 3);
  const tl = s.timeline;
  assert.ok(tl.taskRows >= 1001, `${tl.taskRows} task rows`);
  // Each worker has 4 sleeps: about 13 state changes; the rows on screen draw at most that many
  // bars each, and far fewer than the 13,000 of all rows.
  const rowsOnScreen = Math.floor((s.canvas.cssH) / tl.rowH);
  assert.ok(tl.drawnRects > 0 && tl.drawnRects <= rowsOnScreen * 14, `${tl.drawnRects} bars for ${rowsOnScreen} rows`);
  const fitRects = tl.drawnRects;
  await screenshot(page, 'timeline-thousand-fit');
  // Zoom in around t = 1 s: fewer bars (only the segments in view), and the zoom is kept.
  const y = tl.top + 3 * tl.rowH;
  const x = tl.plotX0 + (1 - tl.t0) / tl.span * (tl.plotX1 - tl.plotX0);
  await page.mouse.move(x, y);
  for (let i = 0; i < 8; ++i) {
    await page.mouse.wheel(0, -100);
    await waitFrames(page, 1);
  }
  s = await waitState(page, (v) => v.timeline.zoom > 4, 'zoomed in');
  assert.ok(s.timeline.drawnRects < fitRects, `zoomed: ${s.timeline.drawnRects} bars, fit: ${fitRects}`);
  // The hovered bar still has its tooltip.
  await page.mouse.move(x + 1, y);
  s = await waitState(page, (v) => / from t = /.test(v.timeline.tooltip), 'a bar tooltip while zoomed');
  await screenshot(page, 'timeline-thousand-zoomed');
  await context.close();
});
