// The task board's history: finished tasks keep the tree they had while running (who awaited
// them through gather, a TaskGroup, await), a cancel aimed at a ready task says who and why like
// every other cancellation, and at 1280x720 the LOOP panel keeps the board usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, state, waitFrames, waitState, findItem, click, replaceProgram, screenshot } from './harness.mjs';

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

const tree = `import asyncio


async def leaf(d):
    await asyncio.sleep(d)


async def group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(1), name="g1")
        tg.create_task(leaf(2), name="g2")


async def main():
    await asyncio.gather(group(), leaf(3))
    await asyncio.create_task(leaf(1), name="awaited")
    print("done")


asyncio.run(main())
`;

test('the task tree keeps its shape once every task has finished', async () => {
  const { page, context } = await openApp(env);
  await load(page, tree);
  await click(page, { label: 'tree' });
  await control(page, 'run_to_end');
  await waitFrames(page, 5);
  const s = await waitState(page, (x) => x.session.finished && x.board.tree && x.board.order.length === x.session.tasks.filter((t) => !t.internal).length,
    'the end, tree on');
  assert.equal(s.session.stdout, 'done\n');
  const tasks = s.session.tasks;
  assert.ok(tasks.every((t) => t.state === 'done'), 'everything finished');
  const main = tasks.find((t) => t.name === 'Task-1');
  const grp = tasks.find((t) => t.coro === 'group');
  for (const name of ['g1', 'g2']) {
    const t = tasks.find((x) => x.name === name);
    assert.equal(t.awaitedBy, grp.id, `${name} stays under group()`);
    assert.equal(t.awaitedVia, 'TaskGroup');
  }
  assert.equal(grp.awaitedBy, main.id);
  assert.equal(grp.awaitedVia, 'gather');
  assert.equal(tasks.find((t) => t.name === 'awaited').awaitedBy, main.id);
  // The board draws it as a tree: main at depth 0, group() at 1, g1 and g2 at 2, right under it.
  const order = s.board.order.map((r) => ({ task: tasks[r.index], depth: r.depth }));
  assert.equal(order[0].task.name, 'Task-1');
  assert.equal(order[0].depth, 0);
  const at = order.findIndex((r) => r.task.id === grp.id);
  assert.equal(order[at].depth, 1);
  assert.deepEqual(order.slice(at + 1, at + 3).map((r) => [r.task.name, r.depth]), [['g1', 2], ['g2', 2]]);
  assert.ok(order.every((r) => r.task.id === main.id || r.depth > 0), 'no finished task falls back to the root');
  await screenshot(page, 'board-tree-finished');
  await context.close();
});

const readyCancel = `import asyncio


async def c():
    await asyncio.sleep(1)


async def main():
    t = asyncio.create_task(c(), name="never_ran")
    t.cancel("not needed")
    await asyncio.sleep(0)
    print(t.cancelled())


asyncio.run(main())
`;

test('a cancel aimed at a task that never ran says who cancelled it and why', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 1600, height: 900 } });
  await load(page, readyCancel);
  // Step until main has called t.cancel(): the task is still ready, already marked.
  let s;
  for (let i = 0; i < 10; ++i) {
    await control(page, 'step_tick');
    s = await state(page);
    const t = s.session.tasks.find((x) => x.name === 'never_ran');
    if (t && t.cancelReason) break;
  }
  let t = s.session.tasks.find((x) => x.name === 'never_ran');
  assert.equal(t.state, 'ready');
  assert.equal(t.cancelReason, '`t.cancel("not needed")` at line 10');
  assert.equal(t.cancelledBy, 1);
  await control(page, 'run_to_end');
  s = await waitState(page, (x) => x.session.finished, 'the end');
  assert.equal(s.session.stdout, 'True\n');
  t = s.session.tasks.find((x) => x.name === 'never_ran');
  assert.equal(t.outcome, 'cancelled');
  assert.equal(t.cancelReason, '`t.cancel("not needed")` at line 10');
  // The board has its row (the narration and tooltip read cancelReason, checked above).
  const row = findItem(s, { id: `task${t.id}` });
  assert.ok(row, 'the task has a row');
  await screenshot(page, 'board-ready-cancel');
  await context.close();
});

test('at 1280x720 the LOOP panel keeps the task board usable: its rows and switches are on screen', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 1280, height: 720 } });
  await waitState(page, (x) => x.session.loaded, 'the starter loaded');
  // Six fetches: six timers pending after the first ticks.
  for (let i = 0; i < 7; ++i) await control(page, 'step_tick');
  const s = await waitState(page, (x) => x.session.tasks.length === 7, 'the six fetches waiting');
  await screenshot(page, 'loop-1280x720');
  const loop = s.windows.find((w) => w.name === 'Loop');
  const board = findItem(s, { id: 'taskboard' });
  assert.ok(board, 'the board is drawn');
  // Header plus at least five rows fit in the board, and the board starts inside the panel.
  assert.ok(board.h >= 6 * 16, `the board is ${board.h} px tall`);
  assert.ok(board.y < loop.y + loop.h, 'the board starts inside the LOOP panel');
  for (const label of ['tree', 'asyncio internals', 'task filter']) {
    const item = findItem(s, { label });
    assert.ok(item, `${label} is drawn`);
    assert.ok(item.x + item.w <= loop.x + loop.w + 0.5, `${label} is not cut off on the right`);
  }
  // The timers list is cut short ("... and N more") so the board keeps its room: the first
  // tasks' rows are on screen without scrolling.
  for (const id of ['task1', 'task2', 'task3', 'task4']) {
    const row = findItem(s, { id });
    assert.ok(row && row.y + row.h <= loop.y + loop.h, `the row ${id} is visible without scrolling`);
  }
  await context.close();
});
