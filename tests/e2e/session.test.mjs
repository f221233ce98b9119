// The playground driving the engine's session: stepping the starter six-fetches program tick by
// tick, running to the end, resetting, running edited code, a syntax error on its line, and a
// parameter change. Expected output is what CPython 3.13 prints for the same program.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, state, waitFrames, waitState, findItem, click, screenshot, replaceProgram } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// CPython 3.13 (virtual clock oracle in tests/diff/oracle) on the starter program.
const starterOutput = `start a.com
start b.com
start c.com
start d.com
start e.com
start f.com
done  a.com
done  d.com
done  e.com
done  b.com
done  f.com
done  c.com
6 pages in 3.0 s
`;

// The same program fetching one site after another; CPython prints this.
const sequential = `import asyncio
import time

DELAYS = {"a.com": 1.0, "b.com": 2.0, "c.com": 3.0,
          "d.com": 1.0, "e.com": 2.0, "f.com": 3.0}


async def fetch(site):
    print(f"start {site}")
    await asyncio.sleep(DELAYS[site])
    print(f"done  {site}")
    return f"<page of {site}>"


async def main():
    start = time.monotonic()
    pages = []
    for s in DELAYS:
        pages.append(await fetch(s))
    took = time.monotonic() - start
    print(f"{len(pages)} pages in {took:.1f} s")


asyncio.run(main())
`;
const sequentialOutput = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `start ${x}.com\ndone  ${x}.com\n`).join('') + '6 pages in 12.0 s\n';

async function control(page, name) {
  // Queued: the app applies it at its next frame, like a button press.
  const answer = await page.evaluate((n) => window.looplab.command('control', n), name);
  assert.equal(answer, 'queued');
  await waitFrames(page, 1);
}

test('stepping the starter tick by tick reaches t = 3.0 with CPython\'s output', async () => {
  const { page, context, errors } = await openApp(env);
  let s = await waitFrames(page, 3);
  assert.equal(s.session.tick, 0);
  // A real click on Step tick moves one tick.
  s = await click(page, { label: 'Step tick' });
  assert.equal(s.session.tick, 1);
  assert.ok(s.session.tasks.length >= 1, 'the main task exists');
  // Step until the gather has started all six fetches: they wait on timers.
  const waiting = (x) => x.session.tasks.filter((t) => t.coro === 'fetch' && t.state === 'pending').length;
  for (let i = 0; i < 40 && waiting(await state(page)) < 6; ++i) await control(page, 'step_tick');
  s = await waitFrames(page, 3);
  const fetches = s.session.tasks.filter((t) => t.coro === 'fetch');
  assert.equal(fetches.length, 6, 'six fetch tasks');
  assert.ok(fetches.every((t) => t.state === 'pending'), 'all six wait on their sleep: ' + JSON.stringify(s.session.tasks));
  assert.equal(s.session.timers, 6, 'six timers are set: ' + s.session.timers + ' at tick ' + s.session.tick);
  assert.ok(s.editor.bookmarkLines.length >= 6, 'the gutter marks the paused tasks');
  assert.ok(findItem(s, { id: 'task2' }), 'the task board lists Task-2');
  await screenshot(page, 'session-six-fetches-waiting');
  // On to the end, one tick at a time; the clock never goes back.
  let last = s.session.clock;
  for (let i = 0; i < 500 && !(await state(page)).session.finished; ++i) {
    await control(page, 'step_tick');
    const now = (await state(page)).session.clock;
    assert.ok(now >= last, 'the clock only moves forward');
    last = now;
  }
  s = await waitFrames(page, 3);
  assert.equal(s.session.finished, true);
  assert.equal(s.session.exitStatus, 0);
  assert.equal(s.session.clock, 3.0);
  assert.equal(s.session.stdout, starterOutput);
  assert.ok(s.session.tasks.filter((t) => !t.internal).every((t) => t.state === 'done'), 'every task is done');
  assert.ok(findItem(s, { label: `t = 3.0 s   tick ${s.session.tick}` }), 'the status shows t = 3.0 and the tick');
  assert.ok(findItem(s, { label: 't = 3.0 s' }), 'the loop panel\'s clock reads 3.0');
  await screenshot(page, 'session-six-fetches-done');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Run to end, then Reset returns to tick 0', async () => {
  const { page, context } = await openApp(env);
  await waitFrames(page, 3);
  let s = await click(page, { label: 'Run to end' });
  assert.equal(s.session.finished, true);
  assert.equal(s.session.clock, 3.0);
  assert.equal(s.session.stdout, starterOutput);
  assert.ok(findItem(s, { label: 'finished' }), 'the bar says the program finished');
  // The timeline has a row per task.
  assert.ok(findItem(s, { label: /^timeline [0-9]+ rows$/ }), 'the timeline is drawn');
  await screenshot(page, 'session-run-to-end');
  // Console: the narration view, newest first.
  s = await click(page, { label: 'What just happened' });
  assert.ok(findItem(s, { id: 'narration' }), 'the newest narration line is shown');
  await screenshot(page, 'session-narration');
  s = await click(page, { label: 'Reset' });
  assert.equal(s.session.tick, 0);
  assert.equal(s.session.clock, 0);
  assert.equal(s.session.finished, false);
  assert.equal(s.session.stdout, '');
  await context.close();
});

test('the animated Run steps by itself and Pause stops it', async () => {
  const { page, context } = await openApp(env);
  await waitFrames(page, 3);
  await click(page, { label: 'Run  \u25B6' });
  const s = await waitState(page, (x) => x.session.tick >= 3, 'the run to advance');
  assert.equal(s.session.running || s.session.finished, true);
  if (!s.session.finished) {
    const p = await click(page, { label: 'Pause  \u23F8' });
    const tick = p.session.tick;
    const later = await waitFrames(page, 20);
    assert.equal(later.session.tick, tick, 'paused: no more ticks');
  }
  await context.close();
});

test('editing the code then stepping runs the new code (12 s one after another)', async () => {
  const { page, context } = await openApp(env);
  await waitFrames(page, 3);
  let s = await replaceProgram(page, sequential);
  assert.equal(s.session.codeChanged, true, 'the session still holds the old program');
  s = await click(page, { label: 'Step tick' });
  assert.equal(s.session.codeChanged, false, 'the step loaded the edited program');
  assert.equal(s.session.tick, 1);
  s = await click(page, { label: 'Run to end' });
  assert.equal(s.session.finished, true);
  assert.equal(s.session.clock, 12.0);
  assert.equal(s.session.stdout, sequentialOutput);
  await screenshot(page, 'session-sequential-timeline');
  await context.close();
});

test('a syntax error shows its message on its line', async () => {
  const { page, context } = await openApp(env);
  await waitFrames(page, 3);
  await replaceProgram(page, 'x = (1,\nprint(x)\n');
  let s = await click(page, { label: 'Step tick' });
  assert.equal(s.session.finished, true);
  assert.equal(s.session.exitStatus, 1);
  assert.ok(s.session.stderr.includes("SyntaxError: '(' was never closed"), s.session.stderr);
  s = await waitState(page, (x) => x.editor.errorList.length === 1, 'the error mark');
  assert.equal(s.editor.errorList[0].line, 1);
  assert.equal(s.editor.errorList[0].message, "SyntaxError: '(' was never closed");
  assert.equal(s.editor.errorList[0].colBegin, 4, 'underlined at the open parenthesis');
  await screenshot(page, 'session-syntax-error');
  await context.close();
});

test('changing a parameter rewrites its literal and runs again to the same tick', async () => {
  const { page, context } = await openApp(env);
  let s = await waitFrames(page, 3);
  const param = findItem(s, { id: 'param_SLOWEST' });
  assert.ok(param, 'the SLOWEST parameter has a widget');
  assert.equal(param.label, 'SLOWEST = 3.0');
  for (let i = 0; i < 5; ++i) await control(page, 'step_tick');
  s = await waitFrames(page, 3);
  assert.equal(s.session.tick, 5);
  // Ctrl+click turns the slider into a text field: type the new value.
  const x = param.x + param.w / 2;
  const y = param.y + param.h / 2;
  await page.keyboard.down('Control');
  await page.mouse.click(x, y);
  await page.keyboard.up('Control');
  await waitFrames(page, 3);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1.5');
  await page.keyboard.press('Enter');
  s = await waitState(page, (v) => v.editor.text.includes('SLOWEST = 1.5  # param: 0.5..6 step 0.5'), 'the rewritten literal');
  assert.equal(s.session.codeChanged, false, 'the new program was loaded');
  assert.equal(s.session.tick, 5, 'back at the same tick');
  await control(page, 'run_to_end');
  s = await waitFrames(page, 3);
  assert.equal(s.session.clock, 2.0);
  // CPython 3.13 with SLOWEST = 1.5.
  assert.equal(s.session.stdout, `start a.com
start b.com
start c.com
start d.com
start e.com
start f.com
done  a.com
done  d.com
done  c.com
done  f.com
done  b.com
done  e.com
6 pages in 2.0 s
`);
  await screenshot(page, 'session-parameter-changed');
  await context.close();
});
