// Saving in the browser: a reload restores code and settings; a damaged or foreign store is
// reported politely, backed up, and the app starts clean; export and import round-trip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, reloadApp, state, waitFrames, waitState, findItem, center, click, focusEditor, replaceProgram, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const key = 'looplab.v1';
const readStore = (page) => page.evaluate(() => {
  const all = {};
  for (let i = 0; i < localStorage.length; i++) all[localStorage.key(i)] = localStorage.getItem(localStorage.key(i));
  return all;
});

// Puts `value` under the store's key and reloads, so the app starts with it.
async function startWithStore(page, value) {
  await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [key, value]);
  return reloadApp(page);
}

test('a reload restores the edited code, the theme, the text size and the pane sizes', async () => {
  const { page, context, errors } = await openApp(env);
  await focusEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('print("kept across reloads")', { delay: 10 });
  await click(page, { label: 'Light theme' });
  await click(page, { id: 'font_larger' });
  // Drag the LESSON | CODE gap 60 px to the right.
  let s = await state(page);
  const gap = center(findItem(s, { id: 'split_lesson_code' }));
  await page.mouse.move(gap.x, gap.y);
  await page.mouse.down();
  await page.mouse.move(gap.x + 60, gap.y, { steps: 6 });
  await page.mouse.up();
  s = await waitFrames(page, 3);
  const before = { text: s.editor.text, theme: s.theme, fontSize: s.fontSize, lesson: s.windows.find((w) => w.name === 'Lesson').w };
  assert.equal(before.theme, 'light');
  assert.equal(before.fontSize, 16);
  // Saving happens by itself a moment after the last change.
  s = await waitState(page, (x) => x.storage.saves > 0 && !x.storage.pending, 'an automatic save');
  const stored = JSON.parse((await readStore(page))[key]);
  assert.equal(stored.schema, 1);
  assert.equal(stored.code, before.text);
  assert.equal(stored.settings.theme, 'light');

  s = await reloadApp(page);
  assert.equal(s.editor.text, before.text);
  assert.ok(s.editor.text.includes('print("kept across reloads")'));
  assert.equal(s.theme, 'light');
  assert.equal(s.fontSize, 16);
  assert.ok(Math.abs(s.windows.find((w) => w.name === 'Lesson').w - before.lesson) <= 1, 'the pane keeps its width');
  assert.deepEqual(s.notices, [], 'a good store raises no notice');
  await screenshot(page, 'reload-restored-light');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the last edits are saved when the page is closed, even within the save delay', async () => {
  const { page, context } = await openApp(env);
  await replaceProgram(page, 'print("saved on the way out")\n');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const stored = JSON.parse((await readStore(page))[key]);
  assert.equal(stored.code, 'print("saved on the way out")\n');
  await context.close();
});

const damaged = [
  { name: 'invalid JSON', value: '{"schema": 1, "code": "print(1)"', problem: 'not_json', title: 'Your saved work could not be read', words: /not valid JSON/ },
  { name: 'wrong types', value: '{"schema": 1, "code": "x = 1", "settings": {"theme": "purple"}}', problem: 'wrong_shape', title: 'Your saved work could not be read', words: /settings\.theme/ },
  { name: 'code not text', value: '{"schema": 1, "code": 42}', problem: 'wrong_shape', title: 'Your saved work could not be read', words: /"code" is not text/ },
  { name: 'a foreign schema', value: '{"schema": 7, "code": "print(2)"}', problem: 'foreign_schema', title: 'Saved work from another version of Loop Lab', words: /schema 7/ },
  { name: 'no schema at all', value: '[1, 2, 3]', problem: 'wrong_shape', title: 'Your saved work could not be read', words: /not a JSON object/ },
];

for (const bad of damaged) {
  test(`a store with ${bad.name} is reported, backed up, and the app starts clean`, async () => {
    const { page, context, errors, warnings } = await openApp(env);
    const s = await startWithStore(page, bad.value);
    assert.equal(s.storage.loadProblem, bad.problem);
    assert.equal(s.notices.length, 1);
    assert.equal(s.notices[0].kind, 'problem');
    assert.equal(s.notices[0].title, bad.title);
    assert.match(s.notices[0].text, bad.words);
    assert.match(s.notices[0].text, new RegExp(s.storage.backupKey.replace(/\./g, '\\.')), 'the notice names the backup key');
    const store = await readStore(page);
    assert.equal(store[s.storage.backupKey], bad.value, 'the damaged value is kept under the backup key, unchanged');
    assert.equal(store[key], undefined, 'and no longer under the main key');
    assert.ok(s.editor.text.includes('asyncio.gather'), 'the starter program is shown');
    assert.equal(s.theme, 'dark');
    assert.ok(warnings.some((w) => w.includes('was not used')), 'the problem is logged in the console');
    assert.deepEqual(errors, []);
    const later = await waitFrames(page, 10);
    assert.ok(later.frame > s.frame, 'the app keeps running');
    if (bad.problem !== 'not_json') {
      await screenshot(page, `store-${bad.problem}`);
    } else {
      await screenshot(page, 'store-corrupted');
      // Dismiss closes the notice; new work is saved normally again.
      await click(page, { label: 'Dismiss' });
      const s2 = await waitState(page, (x) => x.notices.length === 0, 'the notice dismissed');
      assert.equal(s2.storage.writable, true);
      await page.evaluate(() => window.looplab.flushSave());
      await replaceProgram(page, 'print("fresh start")\n');
      await page.evaluate(() => window.looplab.flushSave());
      assert.equal(JSON.parse((await readStore(page))[key]).code, 'print("fresh start")\n');
      const again = await reloadApp(page);
      assert.deepEqual(again.notices, [], 'the next visit is clean');
    }
    await context.close();
  });
}

test('export downloads the progress file and import brings it back (one undo step)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const { page } = await openApp(env, { context });
  await replaceProgram(page, 'print("exported")\n');
  await click(page, { label: 'Light theme' });
  const downloadPromise = page.waitForEvent('download');
  await click(page, { label: 'Export' });
  const download = await downloadPromise;
  assert.equal(download.suggestedFilename(), 'looplab-progress.json');
  const exported = fs.readFileSync(await download.path(), 'utf8');
  const doc = JSON.parse(exported);
  assert.equal(doc.schema, 1);
  assert.equal(doc.code, 'print("exported")\n');
  assert.equal(doc.settings.theme, 'light');
  assert.deepEqual(doc.progress, {});

  // Change everything, then import the file through the real file picker.
  await replaceProgram(page, 'print("changed")\n');
  await click(page, { label: 'Dark theme' });
  const chooserPromise = page.waitForEvent('filechooser');
  await click(page, { label: 'Import' });
  const chooser = await chooserPromise;
  await chooser.setFiles({ name: 'looplab-progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  let s = await waitState(page, (x) => x.storage.lastImport === 'ok', 'the import');
  assert.equal(s.editor.text, 'print("exported")\n');
  assert.equal(s.theme, 'light');
  assert.ok(s.notices.some((n) => n.title === 'Progress imported' && n.text.includes('looplab-progress.json')));
  await screenshot(page, 'imported');
  await focusEditor(page);
  await page.keyboard.press('Control+Z');
  s = await waitState(page, (x) => x.editor.text === 'print("changed")\n', 'undo of the import');

  // The test API path takes the same checks: a bad file changes nothing.
  await page.evaluate(() => window.looplab.importProgress('{"schema": 2, "code": "x"}'));
  s = await waitState(page, (x) => x.storage.lastImport === 'foreign_schema', 'a refused import');
  assert.equal(s.editor.text, 'print("changed")\n', 'nothing changed');
  assert.ok(s.notices.some((n) => n.title === 'That file could not be imported' && /schema 2/.test(n.text)));
  await page.evaluate((text) => window.looplab.importProgress(text), exported);
  s = await waitState(page, (x) => x.storage.lastImport === 'ok' && x.editor.text === 'print("exported")\n', 'an import through the test API');
  await screenshot(page, 'import-refused-then-ok');
  await context.close();
});
