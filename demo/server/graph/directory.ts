// A generated, deterministic directory of Entra users for the Graph stand-in:
// realistic names, departments (some null, some with `'` or `&`), offices, cities,
// phone numbers in the formats people really type, and a few users without mail.

export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string | null;
  department: string | null;
  officeLocation: string | null;
  city: string | null;
  businessPhones: string[];
  jobTitle: string | null;
  [property: string]: unknown;
}

export interface GenerateDirectoryOptions {
  /** Number of users (default 50,000). */
  count?: number;
  /** Seed of the pseudo-random generator (default 1): the same seed gives the same directory. */
  seed?: number;
  /** Mail domain (default contoso.com). */
  domain?: string;
}

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Alice',
  'Bob',
  'Carla',
  'David',
  'Elena',
  'Farid',
  'Giulia',
  'Hiro',
  'Ines',
  'Jamal',
  'Katrin',
  'Luca',
  'Maria',
  'Noah',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoë',
  'Seán',
  'Chloé',
  'Jürgen',
  'Aoife',
];
const SURNAMES = [
  "O'Brien",
  'Rossi',
  'Smith',
  'Müller',
  'García',
  'Nguyen',
  'Kowalski',
  'Bianchi',
  'Johnson',
  'Dubois',
  'Tanaka',
  'Andersson',
  "D'Angelo",
  'Okafor',
  'Silva',
  'Novak',
  'Brown',
  'Ferrari',
  'Schmidt',
  'Khan',
  'López',
  'Wilson',
  'Esposito',
  'Costa',
  "O'Neill",
  'Jensen',
  'Ivanova',
];
/** Weighted: the common departments come up more often. */
const DEPARTMENTS: readonly [string, number][] = [
  ['Sales', 14],
  ['Marketing', 9],
  ['R&D', 8],
  ['Research & Development', 4],
  ['Engineering', 12],
  ['Finance', 6],
  ['Human Resources', 5],
  ['Legal', 3],
  ['Support', 8],
  ['Temp', 3],
  ['Operations', 6],
  ['IT', 5],
  ["Children's Hospital Liaison", 1],
  ["O'Brien Foundation", 1],
  ['Sales Operations', 3],
  ['Marketing (EMEA)', 2],
  ['Procurement', 2],
];
const OFFICES: readonly [string, number][] = [
  ['Bldg (A)', 6],
  ['Bldg (B)', 5],
  ['HQ 3rd floor', 6],
  ['HQ 2nd floor', 4],
  ['Milan Porta Nuova', 3],
  ['London Shoreditch', 3],
  ['NYC Hudson Yards', 4],
  ['Remote', 5],
  ['Bldg 40/2201', 2],
  ["St. John's Wood", 1],
];
const CITIES: readonly [string, string, number][] = [
  // city, phone style, weight
  ['NYC', 'us', 9],
  ['New York', 'us', 3],
  ['Seattle', 'us', 4],
  ['Milan', 'it', 7],
  ['Rome', 'it', 3],
  ['London', 'uk', 7],
  ['Paris', 'fr', 3],
  ['Berlin', 'de', 3],
  ['Tokyo', 'jp', 2],
  ['São Paulo', 'br', 2],
];
const TITLES = [
  'Account Executive',
  'Sales Manager',
  'Software Engineer',
  'Senior Software Engineer',
  'Marketing Specialist',
  'Research Scientist',
  'Financial Analyst',
  'HR Partner',
  'Support Engineer',
  'Operations Lead',
  'Intern',
  'Director',
  'Counsel',
  'Buyer',
];

const totals = new WeakMap<readonly unknown[], number>();

function weighted<T extends readonly unknown[]>(items: readonly T[], rnd: () => number): T {
  let total = totals.get(items);
  if (total === undefined) {
    total = 0;
    for (const it of items) total += it[it.length - 1] as number;
    totals.set(items, total);
  }
  let r = rnd() * total;
  for (const it of items) {
    r -= it[it.length - 1] as number;
    if (r < 0) return it;
  }
  return items[items.length - 1] as T;
}

const pick = <T>(items: readonly T[], rnd: () => number): T =>
  items[Math.floor(rnd() * items.length)] as T;

/** n random digits (n ≤ 9). */
const digits = (n: number, rnd: () => number): string =>
  String(Math.floor(rnd() * 10 ** n)).padStart(n, '0');

/** A phone number in one of the formats people type for that country. */
function phone(style: string, rnd: () => number): string {
  const r = rnd();
  switch (style) {
    case 'us': {
      const a = digits(3, rnd);
      const b = digits(3, rnd);
      const c = digits(4, rnd);
      if (r < 0.35) return `+1 ${a}-${b}-${c}`;
      if (r < 0.6) return `(${a}) ${b}.${c}`;
      if (r < 0.8) return `+1 (${a}) ${b}-${c}`;
      if (r < 0.9) return `${a}.${b}.${c}`;
      return `+1${a}${b}${c}`;
    }
    case 'it': {
      if (r < 0.5) return `+39 02 ${digits(4, rnd)} ${digits(4, rnd)}`;
      if (r < 0.8) return `+39 06-${digits(4, rnd)}-${digits(4, rnd)}`;
      return `02 ${digits(8, rnd)}`;
    }
    case 'uk':
      return r < 0.6
        ? `+44 20 ${digits(4, rnd)} ${digits(4, rnd)}`
        : `020 ${digits(4, rnd)} ${digits(4, rnd)}`;
    case 'fr':
      return `+33 1 ${digits(2, rnd)} ${digits(2, rnd)} ${digits(2, rnd)} ${digits(2, rnd)}`;
    case 'de':
      return r < 0.5 ? `+49 30 ${digits(8, rnd)}` : `+49 (30) ${digits(4, rnd)}-${digits(4, rnd)}`;
    case 'jp':
      return `+81 3-${digits(4, rnd)}-${digits(4, rnd)}`;
    default:
      return `+55 11 ${digits(5, rnd)}-${digits(4, rnd)}`;
  }
}

const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

const GIVEN_ASCII = GIVEN.map(ascii);
const SURNAMES_ASCII = SURNAMES.map(ascii);

/**
 * Generates `count` users, the same ones for the same seed. About 3% have no mail,
 * 5% no department, 6% no office, 4% no city, 8% no phone and 10% two phones.
 */
export function generateDirectory(options: GenerateDirectoryOptions = {}): DirectoryUser[] {
  const count = options.count ?? 50_000;
  const rnd = random(options.seed ?? 1);
  const domain = options.domain ?? 'contoso.com';
  const users: DirectoryUser[] = new Array<DirectoryUser>(count);
  for (let i = 0; i < count; i++) {
    const g = Math.floor(rnd() * GIVEN.length);
    const s = Math.floor(rnd() * SURNAMES.length);
    const given = GIVEN[g] as string;
    const surname = SURNAMES[s] as string;
    const local = `${GIVEN_ASCII[g]}.${SURNAMES_ASCII[s]}${i}`;
    const upn = `${local}@${domain}`;
    const mailRoll = rnd();
    const mail = mailRoll < 0.03 ? null : mailRoll < 0.1 ? `${local}@sales.${domain}` : upn;
    const department = rnd() < 0.05 ? null : weighted(DEPARTMENTS, rnd)[0];
    const officeLocation = rnd() < 0.06 ? null : weighted(OFFICES, rnd)[0];
    const cityEntry = weighted(CITIES, rnd);
    const city = rnd() < 0.04 ? null : cityEntry[0];
    const phoneRoll = rnd();
    const businessPhones =
      phoneRoll < 0.08
        ? []
        : phoneRoll < 0.18
          ? [phone(cityEntry[1], rnd), phone(cityEntry[1], rnd)]
          : [phone(cityEntry[1], rnd)];
    const jobTitle = rnd() < 0.05 ? null : pick(TITLES, rnd);
    const hex = (i * 2654435761 + (options.seed ?? 1)).toString(16).padStart(8, '0').slice(-8);
    users[i] = {
      id: `${hex}-${String(i % 10000).padStart(4, '0')}-4000-8000-${String(i).padStart(12, '0')}`,
      displayName: `${given} ${surname}`,
      givenName: given,
      surname,
      userPrincipalName: upn,
      mail,
      department,
      officeLocation,
      city,
      businessPhones,
      jobTitle,
    };
  }
  return users;
}
