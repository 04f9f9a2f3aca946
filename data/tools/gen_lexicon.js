#!/usr/bin/env node
// Generate data/lexicon.tsv for parley's tagger.
//
// Sources: npm package en-lexicon (MIT, Alex Corvi) for words and Penn Treebank
// tags; Debian wordnet-base (/usr/share/wordnet, WordNet 3.0 licence) for
// irregular forms (*.exc) and lemma validation (index.verb, index.noun).
//
// Output columns: word TAB tags TAB vlemma TAB nlemma
//   tags   space-separated Penn tags, in the package's order (most likely first)
//   vlemma verb lemma if any tag is VB*, else '-'
//   nlemma singular noun lemma if any tag is NN/NNS, else '-'
//
// Usage: node data/tools/gen_lexicon.js [out=data/lexicon.tsv]
//   npm modules are looked up in $NPMWORK/node_modules (default /tmp/npmwork),
//   then next to this script.
'use strict';
const fs = require('fs');
const path = require('path');

const NPMWORK = process.env.NPMWORK || '/tmp/npmwork';
const WN = process.env.WORDNET_DIR || '/usr/share/wordnet';
const OUT = process.argv[2] || path.join(__dirname, '..', 'lexicon.tsv');
function req(name) {
  return require(require.resolve(name, { paths: [NPMWORK, __dirname] }));
}
const L = req('en-lexicon').lexicon;

// ---- Penn tag clean-up -------------------------------------------------------
const PENN = new Set(('CC CD DT EX FW IN JJ JJR JJS LS MD NN NNS NNP NNPS PDT POS ' +
  'PRP PRP$ RB RBR RBS RP SYM TO UH VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB').split(' '));
const REMAP = { NP: 'NNP', NPS: 'NNPS', JJSS: 'JJS' };
function cleanTags(s) {
  const out = [];
  for (let t of s.split('|')) {
    t = REMAP[t] || t;
    if (PENN.has(t) && !out.includes(t)) out.push(t);
  }
  return out;
}
const isProper = (t) => t === 'NNP' || t === 'NNPS';

// ---- WordNet ---------------------------------------------------------------
function readExc(f) {
  const m = new Map();
  for (const line of fs.readFileSync(path.join(WN, f), 'utf8').split('\n')) {
    const p = line.trim().split(/\s+/);
    if (p.length >= 2 && !m.has(p[0])) m.set(p[0], p[1].replace(/_/g, ' '));
  }
  return m;
}
function readIndex(f) {
  const s = new Set();
  for (const line of fs.readFileSync(path.join(WN, f), 'utf8').split('\n')) {
    if (!line || line[0] === ' ') continue;
    s.add(line.slice(0, line.indexOf(' ')));
  }
  return s;
}
const verbExc = readExc('verb.exc');
const nounExc = readExc('noun.exc');
const verbIdx = readIndex('index.verb');
const nounIdx = readIndex('index.noun');

// ---- Hand overrides (news vocabulary; tags most-likely first) ---------------
// Applied after the package; value [tags, vlemma|null, nlemma|null] (null = compute).
const OVERRIDE = {
  // function words where the package carries noise tags (e.g. "the" VBD)
  is: ['VBZ'], was: ['VBD'], were: ['VBD'], has: ['VBZ'], had: ['VBD', 'VBN'],
  he: ['PRP'], she: ['PRP'], it: ['PRP'], they: ['PRP'], we: ['PRP'], you: ['PRP'],
  him: ['PRP'], them: ['PRP'], me: ['PRP'], i: ['PRP'], her: ['PRP$', 'PRP'],
  the: ['DT'], a: ['DT'], an: ['DT'], of: ['IN'], and: ['CC'], or: ['CC'],
  to: ['TO', 'IN'], in: ['IN', 'RB', 'RP'], on: ['IN', 'RP', 'RB'], at: ['IN'],
  by: ['IN', 'RP', 'RB'], for: ['IN'], with: ['IN'], from: ['IN'],
  // news verbs / nouns
  say: ['VB', 'VBP', 'NN'], says: ['VBZ'], said: ['VBD', 'VBN', 'JJ'],
  saying: ['VBG', 'NN'],
  meet: ['VB', 'VBP', 'NN'], met: ['VBD', 'VBN'], meets: ['VBZ', 'NNS'],
  visit: ['NN', 'VB', 'VBP'], visited: ['VBD', 'VBN'], visits: ['NNS', 'VBZ'],
  host: ['NN', 'VB', 'VBP'], hosted: ['VBD', 'VBN'], hosts: ['NNS', 'VBZ'],
  talks: ['NNS', 'VBZ'], talk: ['NN', 'VB', 'VBP'],
  ceasefire: ['NN'], ceasefires: ['NNS'], 'cease-fire': ['NN', 'JJ'],
  truce: ['NN'], truces: ['NNS'],
  hostage: ['NN'], hostages: ['NNS'],
  airstrike: ['NN'], airstrikes: ['NNS'], 'air-strike': ['NN'],
  withdraw: ['VB', 'VBP'], withdrew: ['VBD'], withdrawn: ['VBN', 'JJ'],
  withdraws: ['VBZ'], withdrawing: ['VBG'],
  negotiate: ['VB', 'VBP'], negotiated: ['VBN', 'VBD', 'JJ'],
  negotiates: ['VBZ'], negotiating: ['VBG', 'NN'],
  strike: ['NN', 'VB', 'VBP'], struck: ['VBD', 'VBN'], strikes: ['NNS', 'VBZ'],
  shell: ['NN', 'VB', 'VBP'], shelled: ['VBD', 'VBN'], shelling: ['NN', 'VBG'],
  shells: ['NNS', 'VBZ'],
  arrest: ['NN', 'VB', 'VBP'], arrested: ['VBN', 'VBD'], arrests: ['NNS', 'VBZ'],
  detain: ['VB', 'VBP'], detained: ['VBN', 'VBD'], detains: ['VBZ'], detaining: ['VBG'],
  bomb: ['NN', 'VB', 'VBP'], bombed: ['VBD', 'VBN'], bombs: ['NNS', 'VBZ'],
  bombing: ['NN', 'VBG'], bombings: ['NNS'],
  seize: ['VB', 'VBP'], seized: ['VBD', 'VBN'], seizes: ['VBZ'],
  abduct: ['VB', 'VBP'], abducted: ['VBN', 'VBD'], abducts: ['VBZ'], abducting: ['VBG'],
  kidnap: ['VB', 'VBP'], kidnapped: ['VBN', 'VBD'], kidnapping: ['NN', 'VBG'],
  kill: ['VB', 'VBP', 'NN'], killed: ['VBN', 'VBD'], kills: ['VBZ', 'NNS'],
  killing: ['VBG', 'NN'], killings: ['NNS'],
  attack: ['NN', 'VB', 'VBP'], attacks: ['NNS', 'VBZ'], attacked: ['VBN', 'VBD'],
  release: ['NN', 'VB', 'VBP'], released: ['VBN', 'VBD'], releases: ['VBZ', 'NNS'],
  plans: ['NNS', 'VBZ'], meeting: ['NN', 'VBG'], meetings: ['NNS'],
  wounded: ['VBN', 'JJ', 'VBD'], injured: ['VBN', 'JJ', 'VBD'],
  mediate: ['VB', 'VBP'], mediated: ['VBN', 'VBD'], mediator: ['NN'], mediators: ['NNS'],
  deal: ['NN', 'VB', 'VBP'], accuse: ['VB', 'VBP'], accused: ['VBD', 'VBN', 'JJ'],
  condemn: ['VB', 'VBP'], condemned: ['VBD', 'VBN'],
  militant: ['NN', 'JJ'], militants: ['NNS'],
  drone: ['NN'], drones: ['NNS'], rocket: ['NN'], rockets: ['NNS'],
  missile: ['NN'], missiles: ['NNS'],
};

// ---- Build entries ----------------------------------------------------------
const WORD_RE = /^[\p{L}][\p{L}'’.&-]*$/u;
const entries = new Map(); // word -> tags[]
let stat = { pkg: 0, digits: 0, nonword: 0, properOnly: 0, capKept: 0, excAdded: 0, over: 0 };
const keys = Object.keys(L);
for (const k of keys) {
  stat.pkg++;
  if (/\d/.test(k)) { stat.digits++; continue; }
  if (!WORD_RE.test(k)) { stat.nonword++; continue; }
  const lk = k.toLowerCase();
  const tags = cleanTags(L[k]);
  if (k === lk) {
    const common = tags.filter((t) => !isProper(t));
    if (!common.length) { stat.properOnly++; continue; }
    entries.set(k, common); // lower-case word: proper-noun tags are noise
  } else if (!Object.prototype.hasOwnProperty.call(L, lk)) {
    // capitalised only: keep its common-word reading, lower-cased, unless the
    // package's first reading is a proper noun ("London NNP JJ")
    const common = tags.filter((t) => !isProper(t));
    if (!common.length || isProper(tags[0])) { stat.properOnly++; continue; }
    if (!entries.has(lk)) entries.set(lk, common);
  } else {
    // both cases present: keep the capitalised entry only where the package
    // distinguishes it as a (possible) proper name
    const lt = cleanTags(L[lk]);
    if (tags.some(isProper) && !lt.some(isProper) && lt.some((t) => !isProper(t))) {
      entries.set(k, tags);
      stat.capKept++;
    }
  }
}
// Every WordNet irregular verb form must be present with a verb tag.
function guessVerbTags(form, lemma) {
  if (/ing$/.test(form)) return ['VBG'];
  if (/s$/.test(form) && !/s$/.test(lemma)) return ['VBZ'];
  if (/(en|wn)$/.test(form)) return ['VBN'];
  return ['VBD', 'VBN'];
}
for (const [form, lemma] of verbExc) {
  if (/[\d_]/.test(form) || lemma.includes(' ')) continue;
  const t = entries.get(form);
  if (!t) { entries.set(form, guessVerbTags(form, lemma)); stat.excAdded++; }
  else if (!t.some((x) => x.startsWith('VB'))) { entries.set(form, t.concat(guessVerbTags(form, lemma))); stat.excAdded++; }
  else if (!verbIdx.has(form) && (t.includes('VB') || t.includes('VBP'))) {
    // an inflected form the package also tags as a base form ("wrung VB"): drop VB/VBP
    let nt = t.filter((x) => x !== 'VB' && x !== 'VBP');
    if (!nt.some((x) => x.startsWith('VB'))) nt = nt.concat(guessVerbTags(form, lemma));
    entries.set(form, nt); stat.excFixed = (stat.excFixed || 0) + 1;
  }
}
for (const [w, t] of Object.entries(OVERRIDE)) {
  entries.set(w, t.slice());
  stat.over++;
}

// ---- Lemmas -----------------------------------------------------------------
const pkgVerb = new Set(), pkgNoun = new Set();
for (const [w, t] of entries) {
  if (t.includes('VB') || t.includes('VBP')) pkgVerb.add(w.toLowerCase());
  if (t.includes('NN')) pkgNoun.add(w.toLowerCase());
}
const isVerb = (w) => verbIdx.has(w) || pkgVerb.has(w);
const isNoun = (w) => nounIdx.has(w) || pkgNoun.has(w);
const VOWEL = /[aeiou]/;

let unconfirmed = false;
function verbLemma(w, tag) {
  const dash = w.lastIndexOf('-');
  if (dash > 0 && dash < w.length - 1 && !verbExc.has(w) && !verbIdx.has(w)) { // "co-founded" -> "co-found"
    return w.slice(0, dash + 1) + verbLemma(w.slice(dash + 1), tag);
  }
  if (tag === 'VB' || tag === 'VBP') {
    if (w === 'am' || w === 'are') return 'be';
    if (!verbExc.has(w) || verbIdx.has(w)) return w;
  }
  if (verbExc.has(w)) return verbExc.get(w);
  const cands = [];
  if (tag === 'VBZ') {
    if (/ies$/.test(w)) cands.push(w.slice(0, -3) + 'y');
    if (/(ss|x|z|ch|sh|o)es$/.test(w)) cands.push(w.slice(0, -2));
    if (/es$/.test(w)) cands.push(w.slice(0, -1));
    if (/s$/.test(w)) cands.push(w.slice(0, -1));
  } else if (tag === 'VBG') {
    const s = w.slice(0, -3);
    if (/ing$/.test(w)) {
      if (/([b-df-hj-np-tv-z])\1$/.test(s)) cands.push(s.slice(0, -1));
      if (/y$/.test(s)) cands.push(s.slice(0, -1) + 'ie');
      if (/([vzcu]|[aeiou]g)$/.test(s)) cands.push(s + 'e', s); else cands.push(s, s + 'e');
    }
  } else { // VBD VBN
    const s = w.slice(0, -2);
    if (/ied$/.test(w)) cands.push(w.slice(0, -3) + 'y');
    if (/ed$/.test(w)) {
      if (/([b-df-hj-np-tv-z])\1$/.test(s)) cands.push(s.slice(0, -1));
      if (/([vzcu]|[aeiou]g)$/.test(s)) cands.push(w.slice(0, -1), s); else cands.push(s, w.slice(0, -1));
    }
  }
  for (const c of cands) if (c.length > 1 && verbIdx.has(c)) return c;
  for (const c of cands) if (c.length > 1 && pkgVerb.has(c)) return c;
  if (isVerb(w)) return w; // uninflected past forms: cost, hurt, put
  unconfirmed = true;
  // rule guess when no dictionary confirms
  const c = cands.find((x) => x.length > 1 && VOWEL.test(x));
  return c || w;
}
function nounLemma(w, tag) {
  if (tag === 'NN') return w;
  if (nounExc.has(w)) return nounExc.get(w);
  const cands = [];
  if (/ies$/.test(w)) cands.push(w.slice(0, -3) + 'y');
  if (/(ss|x|z|ch|sh)es$/.test(w)) cands.push(w.slice(0, -2));
  if (/s$/.test(w) && !/ss$/.test(w)) cands.push(w.slice(0, -1));
  if (/es$/.test(w)) cands.push(w.slice(0, -2));
  if (/men$/.test(w)) cands.push(w.slice(0, -3) + 'man');
  for (const c of cands) if (c.length > 1 && nounIdx.has(c)) return c;
  for (const c of cands) if (c.length > 1 && pkgNoun.has(c)) return c;
  return cands.length ? cands[0] : w;
}

const lines = [];
const sorted = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
for (const w of sorted) {
  const tags = entries.get(w);
  const lw = w.toLowerCase();
  let vt = tags.find((t) => t.startsWith('VB'));
  const nt = tags.find((t) => t === 'NN' || t === 'NNS');
  unconfirmed = false;
  let v = vt ? verbLemma(lw, vt) : '-';
  if (vt && unconfirmed && !OVERRIDE[w] && tags.some((t) => !t.startsWith('VB'))) {
    // inflected verb tag whose base form is no known verb ("negotiators VBZ"):
    // a package mistag; drop the verb tags
    const keep = tags.filter((t) => !t.startsWith('VB'));
    tags.length = 0; tags.push(...keep);
    vt = undefined; v = '-'; stat.verbTagDropped = (stat.verbTagDropped || 0) + 1;
  }
  const n = nt ? nounLemma(lw, nt) : '-';
  lines.push(`${w}\t${tags.join(' ')}\t${v}\t${n}`);
}
fs.writeFileSync(OUT, lines.join('\n') + '\n');
console.error(`lexicon: ${lines.length} entries -> ${OUT}`, JSON.stringify(stat));
