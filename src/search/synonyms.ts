/**
 * Domain vocabulary: words (after stemming) and phrases that mean the same thing in these
 * letters. Both the index and the question are analyzed with this table, so "landmine" finds
 * "mine", "died" finds "killed", and "IDPs" finds "internally displaced persons".
 * It also joins the few word forms the Porter stemmer leaves apart ("died" → "di", "die").
 */

/** Stem → the concept it stands for. A stem not listed stands for itself. */
export const STEM_CONCEPTS: Readonly<Record<string, string>> = {
  // mines and landmines
  landmin: 'mine',
  // killed / died / lost their lives
  di: 'kill',
  die: 'kill',
  dead: 'kill',
  death: 'kill',
  fatal: 'kill',
  // wounded / injured / maimed
  injur: 'injur',
  injuri: 'injur',
  wound: 'injur',
  maim: 'injur',
  // victims and casualties
  casualti: 'victim',
  // people / persons / citizens (casualty counts use all three)
  peopl: 'person',
  citizen: 'person',
  individu: 'person',
  // soldiers
  soldier: 'servicemen',
  serviceman: 'servicemen',
  servicemen: 'servicemen',
  // place and party names spelled two ways
  khojavend: 'khojavand',
  armenian: 'armenia',
  azerbaijani: 'azerbaijan',
  russian: 'russia',
  // internally displaced persons ("displaced" alone means them in these letters)
  idp: 'idp',
  displac: 'idp',
  // who wrote a letter: its signature, "(Signed) …"
  wrote: 'sign',
  written: 'sign',
  author: 'sign',
  signatori: 'sign',
  // demining / mine clearance
  demin: 'demin',
  deminer: 'demin',
  // occupation / occupied
  occupi: 'occup',
  // found / discovered / revealed / detected / identified
  find: 'find',
  found: 'find',
  discov: 'find',
  detect: 'find',
  reveal: 'find',
  identifi: 'find',
  // urge / call on / appeal / ask
  urg: 'urge',
  appeal: 'urge',
  call: 'urge',
  ask: 'urge',
  // "what kind of mines" / "the type of mines"
  kind: 'type',
  // "what percentage" / "25 per cent"
  percentag: 'cent',
  percent: 'cent',
  // number words, so "two civilians" meets "2 civilians"
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
};

/** Word sequences (folded, unstemmed) that also stand for one concept. */
export const PHRASE_CONCEPTS: readonly { words: readonly string[]; concept: string }[] = [
  { words: ['lost', 'their', 'lives'], concept: 'kill' },
  { words: ['lost', 'his', 'life'], concept: 'kill' },
  { words: ['lost', 'her', 'life'], concept: 'kill' },
  { words: ['internally', 'displaced'], concept: 'idp' },
  { words: ['azerbaijan', 'national', 'agency', 'for', 'mine', 'action'], concept: 'anama' },
  { words: ['mine', 'clearance'], concept: 'demin' },
  { words: ['russian', 'federation'], concept: 'russia' },
  { words: ['united', 'nations'], concept: 'un' },
];
