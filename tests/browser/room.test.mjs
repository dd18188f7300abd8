// Sharing as a workshop does it: a participant names the share (their name,
// not the preset's) and may use the phone's share sheet; the trainer pastes
// links into the room view's box, sees duplicates flagged, removes a row, and
// exports CSVs that carry each link and its lever settings.
// Real mouse clicks and keys on the canvas; the test hook finds the widgets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEMIS, clickItem, frames, pasteText, repoRoot, saveScreenshot, useSite, waitForReady } from './helpers.mjs';

const site = useSite();

// One line of CSV into its fields ("a,""b"",c" quoting, no newlines inside fields).
function splitCsvLine(line) {
  const out = [];
  let field = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(field); field = ''; }
    else field += ch;
  }
  out.push(field);
  return out;
}

const click = clickItem;

// A download's text, started by `start()`.
async function download(app, start) {
  const [file] = await Promise.all([app.page.waitForEvent('download'), start()]);
  const chunks = [];
  for await (const c of await file.createReadStream()) chunks.push(c);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('a share asks for a name, offers the share sheet, and the results CSV carries the link and levers', async () => {
  await site.withApp({}, async (app) => {
    // A stand-in for the phone's share sheet (headless Chromium has none).
    await app.page.evaluate(() => {
      window.sharedByApp = [];
      navigator.share = (data) => { window.sharedByApp.push(data); return Promise.resolve(); };
    });
    await app.command({ cmd: 'set_lever', lever: SEMIS, value: 90 });
    let s = await click(app, 'Share');
    assert.ok(s.items['##name'], 'the share dialog has a name field');
    assert.equal(s.name, 'Status quo 2024', "the scenario still carries the preset's name");
    await click(app, '##name');
    // Typed through the page's textarea (web/glue.js): letters as input
    // events, Backspace and Enter as keys.
    await app.page.keyboard.type('Team 3, table by the windox');
    await app.page.keyboard.press('Backspace');
    await app.page.keyboard.type('w');
    // While typing, the link shown (and its QR code) carries the name so far; the scenario takes it at Enter.
    s = await frames(app, 2);
    assert.equal(s.name, 'Status quo 2024');
    const typed = s.share_dialog_link;
    assert.notEqual(typed, `${site.url}#s=${s.share_code}`, 'the link shown follows the typing');
    await app.page.keyboard.press('Enter');
    s = await frames(app, 3);
    assert.equal(s.name, 'Team 3, table by the window', 'the typed name is the scenario\'s');
    assert.equal(s.share_dialog_link, `${site.url}#s=${s.share_code}`, 'the link shown is the scenario\'s');
    assert.equal(typed, s.share_dialog_link, 'the link shown while typing was the one the name makes');
    await saveScreenshot(app.page, 'room-share-dialog');

    s = await click(app, 'Share\u2026');
    const shared = await app.page.evaluate(() => window.sharedByApp);
    assert.equal(shared.length, 1, 'the share sheet was called');
    assert.match(shared[0].url, /#s=/);
    assert.match(shared[0].title, /Team 3/);

    await app.page.keyboard.press('Escape');
    s = await frames(app, 2);
    await click(app, 'File');
    const csv = await download(app, () => click(app, 'Export results (CSV)'));
    assert.match(csv.name, /\.csv$/);
    assert.match(csv.text, /^# Trilemma Lab scenario\n/);
    assert.match(csv.text, /\n# link,http:\/\/127\.0\.0\.1:\d+\/#s=[\w.~-]+\n/);
    assert.match(csv.text, /\n# name,"Team 3, table by the window"\n/);
    assert.match(csv.text, /\n# lever,US,export_controls\.semis,90\n/);
    assert.match(csv.text, /\n# story,"Protect \d+, Promote \d+, Partner \d+ in 2035/, 'the story, in words');
    assert.match(csv.text, /\n# What you did,.*raised export controls for semiconductors/);
    const table = csv.text.split('\n').filter((l) => l && !l.startsWith('#'));
    assert.ok(table.length > 10, 'the results table follows the comment lines');
  });
});

test('the room view: pasted links, duplicates flagged, a row removed, whole labels, CSV with links and levers', async () => {
  await site.withApp({}, async (app) => {
    const link = async (preset, name, semis) => {
      await app.command({ cmd: 'preset', id: preset });
      if (semis !== undefined) await app.command({ cmd: 'set_lever', lever: SEMIS, value: semis });
      const s = await frames(app, 1);
      void name;
      return `${site.url}#s=${s.share_code}`;
    };
    const a = await link('status_quo_2024', null, 80);
    const b = await link('broad_decoupling');
    assert.deepEqual(await app.command({ cmd: 'room_add', text: `${a}\n${b}\n${a}` }), { ok: true });
    let s = await frames(app, 2);
    assert.equal(s.room.length, 3);
    assert.deepEqual(s.room.map((e) => e.same_as), [-1, -1, 0], 'the third row is flagged as the same as the first');
    assert.ok(s.room[0].label.startsWith('1 ') && s.room[0].label.includes('Export controls'),
      `an unnamed share is labelled by what it changed (${s.room[0].label})`);
    assert.match(s.room_status, /same as an earlier row/, 'the room says so');
    // The room's means count each scenario once: the link pasted twice does not weigh double.
    assert.equal(s.room_spread.scenarios, 2);
    assert.ok(Math.abs(s.room_spread.mean[0] - (s.room[0].protect + s.room[1].protect) / 2) < 1e-9,
      `mean Protect ${s.room_spread.mean[0]} of rows 1 and 2 (${s.room[0].protect}, ${s.room[1].protect})`);

    // Paste into the room's box (the browser's paste event while the box has the focus), then Add.
    const c = await link('eu_tech_sovereignty', null, 35);
    await click(app, '##links');
    assert.equal(await pasteText(app, c), true, 'the page took the paste');
    s = await frames(app, 2);
    assert.equal(s.room.length, 3, 'pasting into the box does not add the row by itself');
    s = await click(app, 'Add');
    assert.equal(s.room.length, 4, 'Add took the pasted link');
    assert.equal(s.room[3].ok, true);
    await saveScreenshot(app.page, 'room-view');

    // Remove the duplicate (row 3): its × is the third in the table.
    s = await click(app, '\u00d7 #3');
    assert.equal(s.room.length, 3, 'the row was removed');
    assert.deepEqual(s.room.map((e) => e.same_as), [-1, -1, -1], 'no duplicate left');
    assert.ok(s.room[2].label.startsWith('4'), 'the rows keep their numbers');

    const { csv } = await app.command({ cmd: 'room_csv' });
    const [header, ...rows] = csv.trim().split('\n');
    const columns = splitCsvLine(header);
    assert.ok(columns.includes('link'), header);
    assert.ok(columns.includes(`lever:${SEMIS}`), header);
    const linkAt = columns.indexOf('link'), semisAt = columns.indexOf(`lever:${SEMIS}`), storyAt = columns.indexOf('story');
    assert.equal(rows.length, 3);
    const first = splitCsvLine(rows[0]);
    assert.equal(first.length, columns.length, 'every row has every column');
    assert.equal(first[linkAt], a, 'the row carries its link');
    assert.equal(first[semisAt], '80', 'and its lever settings');
    assert.match(first[storyAt], /^Raised export controls for semiconductors.*: .*(up|down)/, 'and what it did, in words');
    assert.equal(splitCsvLine(rows[2])[semisAt], '35');

    // What an Add did is said in the room window, beside Add: notices had
    // covered the room's rows and its triangle's caption.
    const posted = (await app.state()).notices_posted;
    for (let i = 0; i < 3; i++) await app.command({ cmd: 'room_add', text: `${site.url}` });
    s = await frames(app, 2);
    assert.equal(s.notices_posted, posted, 'no notice over the room');
    assert.equal(s.room_status, '0 scenarios added to the room, 1 line could not be read (see the table).');
    const status = s.items['room status'];
    assert.ok(status && status[1] < s.items.Add[1] + 3 * s.items.Add[3], `beside or under Add (${status}, ${s.items.Add})`);
  });
});

test("the trainer's notes download from the Trainer menu during a guide, answers and questions included", async () => {
  await site.withApp({ hash: '#guide=chip_chokepoint' }, async (app) => {
    await frames(app, 2);
    await click(app, 'Trainer');
    const notes = await download(app, () => click(app, "Trainer's notes (download)"));
    assert.equal(notes.name, 'chip_chokepoint-trainer-notes.html');
    const guide = JSON.parse(readFileSync(join(repoRoot, 'assets', 'guides', 'chip_chokepoint.json'), 'utf8'));
    const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    for (const [k, step] of guide.steps.entries()) {
      assert.ok(notes.text.includes(`Step ${k + 1}: ${escape(step.title)}`), `step ${k + 1} in the notes`);
      if (step.facilitator?.answer) assert.ok(notes.text.includes(escape(step.facilitator.answer)), `step ${k + 1}'s answer`);
    }
    assert.ok(notes.text.includes('#guide=chip_chokepoint'), "the guide's link for the room");
  });
});

test("the room survives a reload, rows and numbers, a damaged stored room opens as what can be read, and chat time stamps are not names", async () => {
  await site.withApp({}, async (app) => {
    await app.command({ cmd: 'preset', id: 'status_quo_2024' });
    await app.command({ cmd: 'set_lever', lever: SEMIS, value: 80 });
    const a = `${site.url}#s=${(await frames(app, 1)).share_code}`;
    await app.command({ cmd: 'preset', id: 'broad_decoupling' });
    const b = `${site.url}#s=${(await frames(app, 1)).share_code}`;
    // As a chat app copies them: a time stamp, the sender, the link.
    const chat = `[10:02] Team 1: ${a}\n10:03 PM Team 2: ${b}\n[30/11/26, 10:04:13] Ana: here is ours\nno link in this line`;
    assert.deepEqual(await app.command({ cmd: 'room_add', text: chat }), { ok: true });
    let s = await frames(app, 2);
    assert.deepEqual(s.room.map((e) => e.label), ['1 Team 1', '2 Team 2', '3', '4'], 'the senders name the rows');
    assert.equal(s.room[2].text, '[30/11/26, 10:04:13] Ana: here is ours', 'a line without a link shows as pasted');
    s = await click(app, '\u00d7 #3');
    assert.equal(s.room.length, 3);
    const before = s.room.map(({ number, label, ok, error, protect }) => ({ number, label, ok, error, protect }));

    await app.page.reload();
    await waitForReady(app.page);
    s = await frames(app, 2);
    assert.deepEqual(s.room.map(({ number, label, ok, error, protect }) => ({ number, label, ok, error, protect })), before,
      'the reload kept every row, its number, label, error and scores');
    const { csv } = await app.command({ cmd: 'room_csv' });
    assert.ok(csv.includes(a) && csv.includes(b), 'the CSV still carries the links');
    assert.deepEqual(await app.command({ cmd: 'room_add', text: a }), { ok: true });
    s = await frames(app, 2);
    assert.equal(s.room.at(-1).number, 5, 'numbering goes on from the last row ever added');

    // Clear asks first: Cancel keeps the rows, Clear removes them for good.
    const rows = s.room.length;
    s = await click(app, 'Clear\u2026');
    assert.ok(s.items.Cancel && s.items['Export CSV, then clear'], 'Clear asked first');
    s = await click(app, 'Cancel');
    assert.equal(s.room.length, rows, 'Cancel kept the rows');
    s = await click(app, 'Clear\u2026');
    s = await click(app, 'Clear');
    assert.equal(s.room.length, 0, 'Clear cleared the room');
    await app.page.reload();
    await waitForReady(app.page);
    s = await frames(app, 2);
    assert.equal(s.room.length, 0, 'and the stored room with it');

    // Other chats' stamps: WhatsApp on Android, Zoom, a time after the name.
    // A name of digits after the stamp stays; a stamp alone names nothing (the row is named by its preset);
    // a label that looks like a time comes back from a reload as it was.
    const more = [`30/11/2026, 10:04 - Team 3: ${a}`, `10:06:15 From Team 5 to Everyone: ${b}`, `Team 7 (10:08): ${a}`,
      `Team 8 (10:08 PM): ${b}`, `10:02 2024 crew: ${a}`, `10:02 AM ${b}`, `(10:02 Ana): ${a}`].join('\n');
    assert.deepEqual(await app.command({ cmd: 'room_add', text: more }), { ok: true });
    s = await frames(app, 2);
    const names = s.room.map((e) => e.label.replace(/^\d+ /, ''));
    assert.deepEqual(names, ['Team 3', 'Team 5', 'Team 7', 'Team 8', '2024 crew', 'Broad decoupling', '10:02 Ana']);
    await app.page.reload();
    await waitForReady(app.page);
    s = await frames(app, 2);
    assert.deepEqual(s.room.map((e) => e.label.replace(/^\d+ /, '')), names, 'the same names after a reload');

    // An edited or damaged stored room: what reads as rows comes back, the rest is left out, nothing breaks.
    await app.page.evaluate((link) => localStorage.setItem('trilemma-lab.room',
      `trilemma-lab/room 1\nnext 6\n2\tRed\t${link}\nnot a row\n9\tBeyond next\t${link}\n3\t\thttp://example.com/#s=zzzz\n4\tX\t` +
      '%'.repeat(5000) + '\n5\tBlank\t\n6\tSpaces\t  \n'), a);
    await app.page.reload();
    await waitForReady(app.page);
    s = await frames(app, 2);
    assert.deepEqual(s.room.map((e) => [e.number, e.ok]), [[2, true], [3, false], [4, false]], JSON.stringify(s.room));
    assert.equal(s.room[0].label, '2 Red');
    assert.ok(s.room[1].error.length > 0 && s.room[2].error.length > 0, 'the unreadable rows say why');
    assert.deepEqual(app.pageErrors, []);
    for (const value of ['garbage', 'trilemma-lab/room 1\nnext 99999999999999\n1\tA\tx\n', 'trilemma-lab/room 1\nnext -1\n']) {
      await app.page.evaluate((v) => localStorage.setItem('trilemma-lab.room', v), value);
      await app.page.reload();
      await waitForReady(app.page);
      s = await frames(app, 2);
      assert.equal(s.room.length, 0, `a value that is not a room is ignored: ${JSON.stringify(value)}`);
    }
    assert.deepEqual(app.pageErrors, []);
  });
});
