// Differential test against sdp-transform, both ways, over a folder of SDPs.
// usage: node json_diff.js SDPX_BINARY SDP_FOLDER EXCEPTIONS_FILE MODULES_DIR
//  out: `sdpx json FILE` deep-equals JSON.stringify(transform.parse(text))
//  in:  `sdpx fmt --from-json` of that JSON equals transform.write() of it
// Every difference must be listed in EXCEPTIONS_FILE ("file out|in reason"),
// and every listed difference must still occur.
'use strict';
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const [sdpx, dir, exceptionsFile, modules] = process.argv.slice(2);
const transform = require(path.resolve(modules, 'sdp-transform'));

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}

function firstDiff(a, b, where) {
  if (deepEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${where}: sdpx ${JSON.stringify(a)} sdp-transform ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDiff(a[k], b[k], `${where}${Array.isArray(a) ? `[${k}]` : `.${k}`}`);
    if (d) return d;
  }
  return `${where}: differs`;
}

const expected = new Map();
for (const line of fs.readFileSync(exceptionsFile, 'utf8').split('\n')) {
  const t = line.trim();
  if (!t || t.startsWith('#')) continue;
  const [file, dirn] = t.split(/\s+/);
  expected.set(`${file} ${dirn}`, t);
}

let failures = 0, files = 0, outExact = 0, inExact = 0, orderExact = 0;
const seen = new Set();
for (const name of fs.readdirSync(dir).sort()) {
  const file = path.join(dir, name);
  if (!fs.statSync(file).isFile()) continue;
  files++;
  const text = fs.readFileSync(file, 'utf8');
  const want = JSON.parse(JSON.stringify(transform.parse(text)));
  const r = cp.spawnSync(sdpx, ['json', file], { encoding: 'utf8' });
  let outDiff;
  if (r.status !== 0) outDiff = `sdpx json failed: ${r.stderr.trim()}`;
  else {
    const got = JSON.parse(r.stdout);
    outDiff = firstDiff(got, want, '');
    if (!outDiff && r.stdout.trim() === JSON.stringify(want)) orderExact++;
  }
  const jsonText = JSON.stringify(want);
  const sdpWant = transform.write(JSON.parse(jsonText));
  const w = cp.spawnSync(sdpx, ['fmt', '--from-json', '-'], { input: jsonText, encoding: 'utf8' });
  let inDiff = null;
  if (w.status !== 0) inDiff = `sdpx fmt --from-json failed: ${w.stderr.trim()}`;
  else if (w.stdout !== sdpWant) {
    const a = w.stdout.split('\r\n'), b = sdpWant.split('\r\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    inDiff = `line ${i + 1}: sdpx ${JSON.stringify(a[i])} sdp-transform ${JSON.stringify(b[i])}`;
  }
  for (const [dirn, diff] of [['out', outDiff], ['in', inDiff]]) {
    const key = `${name} ${dirn}`;
    if (!diff) {
      if (dirn === 'out') outExact++; else inExact++;
      if (expected.has(key)) {
        console.log(`FAIL ${key}: listed as a difference but now matches`);
        failures++;
      }
    } else if (expected.has(key)) {
      seen.add(key);
    } else {
      console.log(`FAIL ${key}: ${diff}`);
      failures++;
    }
  }
}
for (const key of expected.keys())
  if (!seen.has(key) && !fs.existsSync(path.join(dir, key.split(' ')[0]))) {
    console.log(`FAIL ${key}: listed, but no such file`);
    failures++;
  }
console.log(`out: ${outExact}/${files} deep-equal (${orderExact} also key order and bytes); ` +
            `in: ${inExact}/${files} same text; listed differences: ${expected.size}`);
process.exit(failures ? 1 : 0);
