// Drives headless Chromium and Firefox ESR against the sdpx tool.
//
//   node run.mjs --sdpx PATH [--browser chromium|firefox]...
//   SDPX_CHROMIUM, SDPX_FIREFOX: the browser executables (default: Debian's)
//   SDPX_BROWSER_BUDGET: seconds the whole run may take (default 280)
//   SDPX_BROWSER_KEEP=DIR: keep every description exchanged there
//
// Each browser in turn (never two at once): launched with puppeteer-core
// (Chromium over CDP, Firefox over WebDriver BiDi), one retry of a failed
// launch. Only signaling is exercised: RTCPeerConnection with
// `iceServers: []`, descriptions handed between the page and the sdpx tool;
// no media or ICE traffic is needed (run it inside a loopback-only network
// namespace: see browser.test).
//
// Per scenario:
//   harness  browser offer -> sdpx fmt -> second browser peer -> answer ->
//            sdpx fmt -> first peer: both reach "stable"
//   browser-offer  browser offer -> `sdpx answer --caps CAPS` (which
//            `sdpx answer --verify` must find clean) -> the browser's
//            setRemoteDescription succeeds and it reaches "stable"
//   sdpx-offer     `sdpx offer --caps CAPS` -> browser setRemoteDescription +
//            createAnswer (sending on every section) -> `sdpx answer
//            --verify OFFER ANSWER` is clean
// (the harness runs whether or not the tool has offer/answer; the other two
// directions when it does)
// The renegotiation scenario repeats each direction with an ICE restart and
// checks that `sdpx diff` reports it for every section.
//
// Output: "PASS|FAIL|SKIP: BROWSER SCENARIO DIRECTION [reason]" lines and a
// summary. Exit 0 when everything ran and passed, 1 on any failure, 77 when
// a browser could not be started at all (and nothing failed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let sdpx = null;
const wanted = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--sdpx') sdpx = args[++i];
  else if (args[i] === '--browser') wanted.push(args[++i]);
  else {
    console.error(`run.mjs: unknown argument ${args[i]}`);
    process.exit(2);
  }
}
if (!sdpx) {
  console.error('usage: node run.mjs --sdpx PATH [--browser chromium|firefox]...');
  process.exit(2);
}

let puppeteer;
try {
  puppeteer = (await import('puppeteer-core')).default;
} catch (e) {
  console.log(`SKIP: puppeteer-core is not installed (tools/install-deps.sh installs it): ${e.message}`);
  process.exit(77);
}

// The whole run has a budget (normally it takes well under a minute, even on
// a loaded 2-core machine): past it, whatever hangs is a failure, not a wait.
const budgetSeconds = Number(process.env.SDPX_BROWSER_BUDGET || 280);
setTimeout(() => {
  console.log(`FAIL: the browser test ran past its ${budgetSeconds} s budget`);
  process.exit(1);
}, budgetSeconds * 1000).unref();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sdpx-browser-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
// SDPX_BROWSER_KEEP=DIR keeps every description exchanged, named by scenario
const keep = process.env.SDPX_BROWSER_KEEP || null;
if (keep) fs.mkdirSync(keep, { recursive: true });
let label = 'x';

// ---- the sdpx tool -----------------------------------------------------

let fileNo = 0;
function save(text) {
  const f = path.join(keep || tmp, `${label}-${String(++fileNo).padStart(3, '0')}.sdp`);
  fs.writeFileSync(f, text);
  return f;
}

// Run sdpx; returns {code, out, err}.
function tool(...argv) {
  const r = spawnSync(sdpx, argv, { encoding: 'utf8', timeout: 30000 });
  return { code: r.status, out: r.stdout || '', err: (r.stderr || '').trim() };
}

function toolOk(...argv) {
  const r = tool(...argv);
  if (r.code !== 0) throw new Error(`sdpx ${argv[0]} exited ${r.code}: ${r.err || r.out.trim()}`);
  return r.out;
}

const help = tool('--help').out;
const hasNego = /^\s+answer\s/m.test(help) && /^\s+offer\s/m.test(help);

// ---- what runs in the page ---------------------------------------------

// Installed in the page once; every call below goes through window.sdpxt.
function pageHelpers() {
  const pcs = [];
  const videoTrack = () => {
    const c = document.createElement('canvas');
    c.width = 320;
    c.height = 240;
    c.getContext('2d').fillRect(0, 0, 10, 10);
    return c.captureStream(10).getVideoTracks()[0];
  };
  const audioTrack = () => {
    const ctx = new AudioContext();
    const dest = ctx.createMediaStreamDestination();
    ctx.createOscillator().connect(dest);
    return dest.stream.getAudioTracks()[0];
  };
  window.sdpxt = {
    make(setup) {
      const pc = new RTCPeerConnection({ iceServers: [] });
      const dir = setup.direction || 'sendrecv';
      for (let i = 0; i < (setup.audio || 0); i++) pc.addTransceiver('audio', { direction: dir });
      for (let i = 0; i < (setup.video || 0); i++) pc.addTransceiver('video', { direction: dir });
      if (setup.simulcast) {
        pc.addTransceiver('video', {
          direction: 'sendonly',
          sendEncodings: setup.simulcast.map((rid, i) => ({ rid, scaleResolutionDownBy: 2 ** i })),
        });
      }
      if (setup.data) pc.createDataChannel('sdpx');
      pcs.push(pc);
      return pcs.length - 1;
    },
    async offer(id, iceRestart) {
      const pc = pcs[id];
      await pc.setLocalDescription(await pc.createOffer(iceRestart ? { iceRestart: true } : {}));
      return pc.localDescription.sdp;
    },
    // send: the answerer sends on every audio/video section, with synthetic
    // tracks (a canvas, an oscillator), so its answer carries streams and,
    // for a simulcast offer, the simulcast send side
    async answer(id, send) {
      const pc = pcs[id];
      if (send) {
        for (const t of pc.getTransceivers()) {
          const kind = t.receiver.track.kind;
          t.direction = 'sendrecv';
          await t.sender.replaceTrack(kind === 'video' ? videoTrack() : audioTrack());
        }
      }
      await pc.setLocalDescription(await pc.createAnswer());
      return pc.localDescription.sdp;
    },
    async remote(id, type, sdp) {
      const pc = pcs[id];
      await pc.setRemoteDescription({ type, sdp });
      return pc.signalingState;
    },
    state(id) {
      return pcs[id].signalingState;
    },
    closeAll() {
      for (const pc of pcs) pc.close();
      pcs.length = 0;
    },
  };
}

// ---- scenarios -----------------------------------------------------------

const scenarios = [
  { name: 'audio', setup: { audio: 1 }, caps: 'caps-audio.sdp' },
  { name: 'video', setup: { video: 1 }, caps: 'caps-video.sdp' },
  { name: 'audio+video+data', setup: { audio: 1, video: 1, data: true }, caps: 'caps-all.sdp' },
  { name: 'data', setup: { data: true }, caps: 'caps-data.sdp' },
  { name: 'recvonly', setup: { audio: 1, video: 1, direction: 'recvonly' }, caps: 'caps-recvonly.sdp' },
  { name: 'simulcast', setup: { simulcast: ['h', 'm', 'l'] }, caps: 'caps-simulcast.sdp',
    simulcastRids: ['h', 'm', 'l'] },
  { name: 'ice-restart', setup: { audio: 1, video: 1, data: true }, caps: 'caps-all.sdp', restart: true },
];

function expect(cond, what) {
  if (!cond) throw new Error(what);
}

// `sdp` has a=simulcast:<dir> naming exactly `rids` and an a=rid:<rid> <dir> for each.
function expectSimulcast(sdp, dir, rids, who) {
  const m = sdp.match(new RegExp(`^a=simulcast:${dir} ([^\r\n ]+)`, 'm'));
  expect(m, `${who} has no a=simulcast:${dir}`);
  const named = m[1].split(/[;,]/).map((r) => r.replace(/^~/, '')).sort();
  expect(named.join() === [...rids].sort().join(), `${who} simulcasts ${m[1]}, expected ${rids.join(';')}`);
  for (const r of rids) expect(new RegExp(`^a=rid:${r} ${dir}\\b`, 'm').test(sdp), `${who} lacks a=rid:${r} ${dir}`);
}

function sectionCount(sdp) {
  return (sdp.match(/^m=/gm) || []).length;
}

// `sdpx diff OLD NEW` must report an ICE restart in every section.
function expectRestart(oldSdp, newSdp, who) {
  const r = tool('diff', save(oldSdp), save(newSdp));
  expect(r.code === 1, `sdpx diff of the ${who} re-offer exited ${r.code}: ${r.err}`);
  const n = (r.out.match(/^ice-restart m=\d+/gm) || []).length;
  const want = sectionCount(newSdp);
  expect(n === want, `sdpx diff found ${n} ICE restarts in the ${who} re-offer, expected ${want}:\n${r.out}`);
}

async function harness(page, sc) {
  const a = await page.evaluate((s) => window.sdpxt.make(s), sc.setup);
  const b = await page.evaluate(() => window.sdpxt.make({}));
  let lastOffer = null;
  for (let round = 0; round < (sc.restart ? 2 : 1); round++) {
    const offer = await page.evaluate((id, r) => window.sdpxt.offer(id, r), a, round > 0);
    const offer2 = toolOk('fmt', save(offer));
    expect(offer2 === offer, 'sdpx fmt changed the browser offer');
    await page.evaluate((id, sdp) => window.sdpxt.remote(id, 'offer', sdp), b, offer2);
    const answer = toolOk('fmt', save(await page.evaluate((id) => window.sdpxt.answer(id), b)));
    const st = await page.evaluate((id, sdp) => window.sdpxt.remote(id, 'answer', sdp), a, answer);
    expect(st === 'stable', `offerer in ${st} after the answer`);
    expect((await page.evaluate((id) => window.sdpxt.state(id), b)) === 'stable', 'answerer not stable');
    if (lastOffer) expectRestart(lastOffer, offer, 'browser');
    lastOffer = offer;
  }
}

async function browserOffers(page, sc) {
  const caps = path.join(here, sc.caps);
  const pc = await page.evaluate((s) => window.sdpxt.make(s), sc.setup);
  let lastOffer = null;
  for (let round = 0; round < (sc.restart ? 2 : 1); round++) {
    const offer = await page.evaluate((id, r) => window.sdpxt.offer(id, r), pc, round > 0);
    const offerFile = save(offer);
    const r = tool('answer', '--caps', caps, offerFile);
    expect(r.code === 0, `sdpx answer exited ${r.code}: ${r.err}`);
    const answer = r.out;
    const v = tool('answer', '--verify', offerFile, save(answer));
    expect(v.code === 0, `sdpx answer --verify of its own answer: ${v.out.trim()} ${v.err}`);
    const st = await page.evaluate((id, sdp) => window.sdpxt.remote(id, 'answer', sdp), pc, answer);
    expect(st === 'stable', `browser in ${st} after the answer`);
    if (sc.setup.simulcast) expectSimulcast(answer, 'recv', sc.setup.simulcast, 'the sdpx answer');
    if (lastOffer) expectRestart(lastOffer, offer, 'browser');
    lastOffer = offer;
  }
}

async function sdpxOffers(page, sc) {
  const caps = path.join(here, sc.caps);
  const pc = await page.evaluate(() => window.sdpxt.make({}));
  let offer = toolOk('offer', '--caps', caps);
  if (sc.simulcastRids && !/^a=simulcast:recv /m.test(offer)) {
    // the offer builder left simulcast out: add it with sdpx edit, visibly
    console.log(`NOTE: ${page.browserName} ${sc.name}: sdpx offer wrote no a=simulcast for ` +
      `${sc.caps}; added with sdpx edit --add-attr`);
    const edits = sc.simulcastRids.flatMap((r) => ['--add-attr', `video=rid:${r} recv`]);
    offer = toolOk('edit', ...edits, '--add-attr', `video=simulcast:recv ${sc.simulcastRids.join(';')}`,
      save(offer));
  }
  for (let round = 0; round < (sc.restart ? 2 : 1); round++) {
    if (round > 0) {
      // the same session, new ICE credentials: an ICE restart (RFC 8839 4.4.1.1.1)
      const again = toolOk('edit', '--ice-credentials', 'rStr:restartpassword0123456789',
        '--bump-version', save(offer));
      expectRestart(offer, again, 'sdpx');
      offer = again;
    }
    const st = await page.evaluate((id, sdp) => window.sdpxt.remote(id, 'offer', sdp), pc, offer);
    expect(st === 'have-remote-offer', `browser in ${st} after the offer`);
    const answer = await page.evaluate((id) => window.sdpxt.answer(id, true), pc);
    expect((await page.evaluate((id) => window.sdpxt.state(id), pc)) === 'stable',
      'browser not stable after its answer');
    const v = tool('answer', '--verify', save(offer), save(answer));
    expect(v.code === 0, `sdpx answer --verify exited ${v.code}: ${v.out.trim()} ${v.err}`);
    // a server offering to receive simulcast: the browser must answer send
    if (sc.simulcastRids) expectSimulcast(answer, 'send', sc.simulcastRids, 'the browser answer');
  }
}

// ---- browsers --------------------------------------------------------------

const chromiumArgs = [
  '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--mute-audio',
];

const browsers = [
  {
    name: 'chromium',
    paths: [process.env.SDPX_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    options(exe) {
      const a = [...chromiumArgs, `--user-data-dir=${fs.mkdtempSync(path.join(tmp, 'chromium-'))}`];
      if (process.getuid && process.getuid() === 0) a.push('--no-sandbox');
      return { browser: 'chrome', executablePath: exe, headless: true, args: a };
    },
  },
  {
    name: 'firefox',
    paths: [process.env.SDPX_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
    options(exe) {
      return {
        browser: 'firefox',
        executablePath: exe,
        headless: true,
        userDataDir: fs.mkdtempSync(path.join(tmp, 'firefox-')),
        extraPrefsFirefox: {
          'network.dns.disableIPv6': false,
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
        },
      };
    },
  },
];

async function launch(b) {
  // SDPX_CHROMIUM / SDPX_FIREFOX, when set, name the only executable tried
  const paths = b.paths[0] ? [b.paths[0]] : b.paths.slice(1);
  const exe = paths.find((p) => fs.existsSync(p));
  if (!exe) throw new Error(`no ${b.name} executable (${paths.join(', ')})`);
  let last;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      return await puppeteer.launch({ ...b.options(exe), timeout: 90000, protocolTimeout: 60000 });
    } catch (e) {
      last = e;
      console.log(`# ${b.name}: launch attempt ${attempt} failed: ${e.message.split('\n')[0]}`);
    }
  }
  throw last;
}

const results = { pass: 0, fail: 0, skip: 0 };
function report(kind, what, reason) {
  results[kind.toLowerCase()]++;
  console.log(`${kind}: ${what}${reason ? ` (${reason})` : ''}`);
}

const directions = [['harness', harness]];
if (hasNego) directions.push(['browser-offer', browserOffers], ['sdpx-offer', sdpxOffers]);
else console.log('# sdpx has no offer/answer commands: only the harness direction runs');

let browserSkipped = false;
for (const b of browsers) {
  if (wanted.length && !wanted.includes(b.name)) continue;
  let br;
  try {
    br = await launch(b);
  } catch (e) {
    browserSkipped = true;
    report('SKIP', `${b.name}: cannot start`, e.message.split('\n')[0]);
    continue;
  }
  try {
    const version = await br.version();
    console.log(`# ${b.name}: ${version}`);
    const page = await br.newPage();
    page.browserName = b.name;
    page.setDefaultTimeout(60000);
    await page.goto('about:blank');
    await page.evaluate(pageHelpers);
    for (const sc of scenarios) {
      for (const [dir, fn] of directions) {
        const what = `${b.name} ${sc.name} ${dir}`;
        label = what.replace(/[^a-z0-9]+/gi, '_');
        try {
          await fn(page, sc);
          report('PASS', what);
        } catch (e) {
          report('FAIL', what, e.message.split('\n').slice(0, 6).join(' | '));
        } finally {
          await page.evaluate(() => window.sdpxt.closeAll()).catch(() => {});
        }
      }
    }
  } catch (e) {
    report('FAIL', `${b.name}: lost the browser`, e.message.split('\n')[0]);
  } finally {
    await br.close().catch(() => {});
  }
}

console.log(`${results.pass} passed, ${results.fail} failed, ${results.skip} skipped`);
process.exit(results.fail ? 1 : browserSkipped ? 77 : 0);
