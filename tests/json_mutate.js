// Mutated descriptions for tests/json_diff.test: a= lines of the corpus with
// random insertions (spaces, tabs, U+00A0, U+2028, separators, keywords the
// patterns look for), deletions and repeats, from a fixed seed, so the
// matchers meet what real files seldom show. usage: node json_mutate.js CORPUS_VALID OUTDIR N
'use strict';
const fs = require('fs');
const path = require('path');
const [dir, out, count] = process.argv.slice(2);
const lines = [];
for (const f of fs.readdirSync(dir).sort())
  for (const l of fs.readFileSync(path.join(dir, f), 'latin1').split(/\r?\n/))
    if (/^a=/.test(l)) lines.push(l);
let seed = 12345;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const junk = [' ', '  ', '\t', '/', ':', '~', ';', ',', '*', '[', ']', '=', 'send', 'recv', ' rate=',
  ' mstrm:', '\u00a0', '\u2028', '.', '0', '9', 'x', ' typ ', ' raddr ', ' rport ', ' generation ',
  ' IP4 ', 'e', '-', '1e5', 'Infinity'];
for (let i = 0; i < Number(count); i++) {
  const body = [];
  for (let j = 0; j < 12; j++) {
    let l = lines[rnd(lines.length)];
    for (let e = rnd(9); e > 0; e--) {
      const p = 2 + rnd(Math.max(1, l.length - 1));
      const op = rnd(3);
      if (op === 0) l = l.slice(0, p) + junk[rnd(junk.length)] + l.slice(p);
      else if (op === 1) l = l.slice(0, p) + l.slice(p + 1 + rnd(3));
      else l = l.slice(0, p) + l.slice(p, p + 5) + l.slice(p);
    }
    body.push(l.replace(/[\r\n]/g, ''));
  }
  const sdp = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 't=0 0', ...body.slice(0, 4),
    'm=audio 9 RTP/AVP 0', ...body.slice(4)].join('\r\n') + '\r\n';
  fs.writeFileSync(path.join(out, `mutated-${i}.sdp`), Buffer.from(sdp, 'utf8'));
}
