// Real input through Chromium: clicks found by label, keyboard typing, browser paste, splitters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, state, waitFrames, waitState, findItem, click, center, screenshot } from './harness.mjs';
import { luminanceStats } from './png.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the theme button switches between dark and light', async () => {
  const { page, context } = await openApp(env);
  const s0 = await waitFrames(page, 3);
  assert.equal(s0.theme, 'dark');
  const dark = luminanceStats(await screenshot(page, 'theme-dark'));

  const s1 = await click(page, { label: 'Light theme' });
  assert.equal(s1.theme, 'light');
  assert.ok(findItem(s1, { label: 'Dark theme' }), 'the button now offers the dark theme');
  const light = luminanceStats(await screenshot(page, 'layout-light'));
  assert.ok(light.mean > dark.mean + 80, `light is brighter: ${dark.mean.toFixed(0)} -> ${light.mean.toFixed(0)}`);

  const s2 = await click(page, { id: 'theme' });
  assert.equal(s2.theme, 'dark');
  await context.close();
});

test('the text size control resizes the text', async () => {
  const { page, context } = await openApp(env);
  const s0 = await waitFrames(page, 3);
  const title0 = findItem(s0, { label: 'Welcome to the playground' });
  const s1 = await click(page, { id: 'font_larger' });
  assert.equal(s1.fontSize, s0.fontSize + 1);
  await click(page, { id: 'font_larger' });
  const s2 = await waitFrames(page, 3);
  assert.equal(s2.fontSize, s0.fontSize + 2);
  const title2 = findItem(s2, { label: 'Welcome to the playground' });
  assert.ok(title2.h > title0.h, `taller text: ${title0.h} -> ${title2.h}`);
  await screenshot(page, 'font-larger');
  const s3 = await click(page, { id: 'font_smaller' });
  assert.equal(s3.fontSize, s0.fontSize + 1);
  await context.close();
});

async function focusEditorEnd(page) {
  const s = await state(page);
  const editor = findItem(s, { id: 'editor' });
  assert.ok(editor, 'the editor is on screen');
  await page.mouse.click(editor.x + editor.w / 2, editor.y + editor.h - 5);
  await waitState(page, (x) => x.editor.active, 'the editor to take focus');
  await page.keyboard.press('Control+End');
  return waitState(page, (x) => x.editor.caret.line === x.editor.lines, 'Ctrl+End to the last line');
}

test('typing in the editor changes the program', async () => {
  const { page, context } = await openApp(env);
  const before = await focusEditorEnd(page);
  const typed = 'print("hello")';
  await page.keyboard.type(typed, { delay: 20 });
  await page.keyboard.press('Enter');
  // Keys reach the app a few per frame: wait for the text itself, however slow the frames are.
  const after = await waitState(page, (x) => x.editor.length === before.editor.length + typed.length + 1, 'the typed line');
  assert.ok(after.editor.text.endsWith(typed + '\n'), 'the characters arrive in order');
  assert.equal(after.editor.lines, before.editor.lines + 1);
  await page.keyboard.press('Backspace');
  const undone = await waitState(page, (x) => x.editor.length === before.editor.length + typed.length, 'Backspace');
  assert.equal(undone.editor.lines, before.editor.lines);
  await screenshot(page, 'typed');
  await context.close();
});

test('a browser paste inserts the clipboard text into the editor', async () => {
  const { page, context } = await openApp(env);
  const before = await focusEditorEnd(page);
  const pasted = 'async def extra():\n    await asyncio.sleep(0)\n';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted);
  const after = await waitState(page, (x) => x.editor.length === before.editor.length + pasted.length, 'the pasted text');
  assert.equal(after.clipboardLength, pasted.length);
  assert.equal(after.editor.length, before.editor.length + pasted.length);
  assert.equal(after.editor.lines, before.editor.lines + 2);
  await context.close();
});

test('copy puts the editor selection on the clipboard bridge', async () => {
  const { page, context } = await openApp(env);
  const before = await focusEditorEnd(page);
  await page.keyboard.press('Control+A');
  await waitState(page, (x) => x.editor.selection?.text.length === before.editor.length, 'Ctrl+A selects everything');
  await page.keyboard.press('Control+C');
  await waitState(page, (x) => x.clipboardLength === before.editor.length, 'the selection on the clipboard');
  await context.close();
});

test('dragging the gap between LESSON and CODE resizes both', async () => {
  const { page, context } = await openApp(env);
  const s0 = await waitFrames(page, 3);
  const gap = findItem(s0, { id: 'split_lesson_code' });
  const lesson0 = s0.windows.find((w) => w.name === 'Lesson');
  const { x, y } = center(gap);
  await page.mouse.move(x, y);
  await waitFrames(page, 2);
  await page.mouse.down();
  await waitFrames(page, 2);
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(x + i * 10, y);
    await waitFrames(page, 1);
  }
  await page.mouse.up();
  const s1 = await waitFrames(page, 3);
  const lesson1 = s1.windows.find((w) => w.name === 'Lesson');
  const code1 = s1.windows.find((w) => w.name === 'Code');
  assert.ok(Math.abs(lesson1.w - (lesson0.w + 80)) <= 2, `lesson width ${lesson0.w} -> ${lesson1.w}`);
  assert.ok(code1.x > lesson1.x + lesson1.w, 'code still right of lesson');
  await context.close();
});

test('Ctrl+V reaches the browser (so it fires paste) while other Ctrl keys stay with the app', async () => {
  const { page, context } = await openApp(env);
  await waitFrames(page, 2);
  // SDL cancels the default action of every Ctrl+key it sees; Ctrl+V must get through.
  const prevented = await page.evaluate(() => ['v', 'z'].map((key) => {
    const e = new KeyboardEvent('keydown', { key, code: 'Key' + key.toUpperCase(), ctrlKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(e);
    return e.defaultPrevented;
  }));
  assert.deepEqual(prevented, [false, true]);
  await context.close();
});
