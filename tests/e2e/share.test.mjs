// Share links: a round trip to a fresh browser, a program too large for a link, and malformed
// links refused politely while the app starts normally.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { launch, openApp, state, waitFrames, waitState, click, replaceProgram, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const link = (payload) => `${env.url}#p=${zlib.deflateRawSync(Buffer.from(payload)).toString('base64url')}`;

test('Share link copies a link that opens the same program in a fresh browser', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  const { page } = await openApp(env, { context });
  const program = 'import asyncio\n\nDELAY = 2.5  # param: 0.5..5\n\nasync def main():\n    await asyncio.sleep(DELAY)\n    print("shared \u00e9\u00e8 \u2713")\n\nasyncio.run(main())\n';
  await replaceProgram(page, program);
  await click(page, { label: 'Share link' });
  let s = await waitState(page, (x) => x.share.dialogOpen, 'the share dialog');
  assert.match(s.share.url, /^http:\/\/127\.0\.0\.1:\d+\/#p=[A-Za-z0-9_-]+$/);
  assert.ok(s.share.fragmentLength < 400, `the program is compressed (${s.share.fragmentLength} characters)`);
  assert.equal(s.share.copied, true);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), s.share.url, 'the link is on the clipboard');
  assert.ok(s.items.some((i) => i.label === 'Share this program'));
  await screenshot(page, 'share-dialog');
  await click(page, { label: 'Close' });
  s = await waitState(page, (x) => !x.share.dialogOpen, 'the dialog closed');

  // Somebody else opens the link: a new context has empty storage.
  const other = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page: theirs, errors } = await openApp(env, { context: other, url: s.share.url });
  const t = await waitState(theirs, (x) => x.share.incoming === 'loaded', 'the shared program');
  assert.equal(t.editor.text, program);
  assert.ok(t.notices.some((n) => n.kind === 'info' && n.title === 'Opened a shared program'));
  assert.equal(await theirs.evaluate(() => location.hash), '', 'the fragment is dropped, so a reload keeps later edits');
  await screenshot(theirs, 'share-opened');
  // Their previous program (the starter) is one undo away.
  await theirs.evaluate(() => window.looplab.flushSave());
  const stored = JSON.parse(await theirs.evaluate(() => localStorage.getItem('looplab.v1')));
  assert.equal(stored.code, program, 'the opened program is saved like an edit');
  assert.deepEqual(errors, []);
  await other.close();
  await context.close();
});

test('a link carries the tick and the parameters it was made with', async () => {
  const payload = JSON.stringify({ v: 1, code: 'print("at tick 7")\n', params: { DELAY: 1.5, SITES: ['a', 'b'] }, tick: 7 });
  const { page, context } = await openApp(env, { url: link(payload) });
  const s = await waitState(page, (x) => x.share.incoming === 'loaded', 'the shared program');
  assert.equal(s.editor.text, 'print("at tick 7")\n');
  assert.equal(s.share.incomingTick, 7);
  assert.deepEqual(s.share.incomingParams, { DELAY: 1.5, SITES: ['a', 'b'] });
  assert.match(s.notices[0].text, /tick 7/);
  await context.close();
});

test('a program too large for a link gets a clear message instead of a broken link', async () => {
  const { page, context } = await openApp(env);
  // Random text does not compress: about 120 KB of base64 needs more than 64 KB of link.
  const noise = crypto.randomBytes(90000).toString('base64').match(/.{1,76}/g).map((l) => `# ${l}`).join('\n') + '\n';
  await replaceProgram(page, noise);
  await click(page, { label: 'Share link' });
  const s = await waitState(page, (x) => !x.share.busy && x.share.error !== '', 'the refusal');
  assert.equal(s.share.error, 'too-large');
  assert.equal(s.share.dialogOpen, false, 'no dialog with a broken link');
  assert.ok(s.share.fragmentLength > s.share.maxFragment);
  const notice = s.notices.find((n) => n.title === 'This program is too large to share as a link');
  assert.ok(notice, JSON.stringify(s.notices));
  assert.match(notice.text, /Export/);
  await screenshot(page, 'share-too-large');
  await context.close();
});

const malformed = [
  { name: 'bad base64', fragment: 'p=***not-base64***', code: 'bad-base64', words: /not written the way Loop Lab writes links/ },
  { name: 'an impossible base64 length', fragment: 'p=AAAAA', code: 'bad-base64', words: /cut short/ },
  { name: 'a truncated program', fragment: 'p=' + zlib.deflateRawSync(Buffer.from(JSON.stringify({ v: 1, code: 'print(1)\n'.repeat(40) }))).toString('base64url').slice(0, 24), code: 'bad-deflate', words: /incomplete/ },
  { name: 'bad deflate', fragment: 'p=' + Buffer.from('this is not deflate data at all').toString('base64url'), code: 'bad-deflate', words: /could not be unpacked/ },
  { name: 'bad JSON', fragment: 'p=' + zlib.deflateRawSync(Buffer.from('{"v":1,"code":')).toString('base64url'), code: 'bad-json', words: /not valid JSON/ },
  { name: 'wrong fields', fragment: 'p=' + zlib.deflateRawSync(Buffer.from('{"v":1,"code":5}')).toString('base64url'), code: 'bad-json', words: /no program text/ },
  { name: 'an unknown version', fragment: 'p=' + zlib.deflateRawSync(Buffer.from('{"v":9,"code":"x"}')).toString('base64url'), code: 'bad-json', words: /format this version of Loop Lab does not know/ },
  { name: 'an empty program field', fragment: 'p=', code: 'bad-base64', words: /not written the way/ },
];

for (const bad of malformed) {
  test(`a link with ${bad.name} is refused politely and the app starts normally`, async () => {
    const { page, context, errors } = await openApp(env, { url: `${env.url}#${bad.fragment}` });
    const s = await waitState(page, (x) => x.share.incoming !== '', 'the link verdict');
    assert.equal(s.share.incoming, bad.code);
    const notice = s.notices.find((n) => n.title === 'That link could not be opened');
    assert.ok(notice, JSON.stringify(s.notices));
    assert.equal(notice.kind, 'problem');
    assert.match(notice.text, bad.words);
    assert.match(notice.text, /Your own program is shown instead/);
    assert.ok(s.editor.text.includes('asyncio.gather'), 'the starter program is shown');
    const later = await waitFrames(page, 10);
    assert.ok(later.frame > s.frame);
    assert.deepEqual(errors, []);
    if (bad.code === 'bad-deflate') await screenshot(page, 'share-malformed');
    await context.close();
  });
}
