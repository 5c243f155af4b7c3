import type { Faker } from '@faker-js/faker';

/**
 * What every source's demo data is made from: a person (names, e-mail, mobile, consent id, IP)
 * and the context of one person's records. Each source makes its own records of the person in
 * its folder (`sources/<folder>/<name>.demo.ts`, its definition's `demo`); `demo-data.ts` runs
 * them person by person, in the order of the sources, from one seeded faker, so the same seed
 * always gives the same data.
 */
export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string;
  /** Italian mobile, digits only after +39. */
  mobile: string;
  company: string | null;
  consentId: string;
  ip: string;
}

/** One person's turn: the faker, the person, and what the sources before made of them. */
export interface DemoContext {
  f: Faker;
  person: DemoPerson;
  /** The person's mobile as people write it (`phoneWritings`). */
  phones: string[];
  /** When the person first came to the website. */
  firstSeen: Date;
  /** A moment up to `max` days before the data set's clock. */
  daysAgo: (max: number) => Date;
  /** A new external id, unique in the data set: `<prefix>-<seed>-<n>`. */
  nextId: (prefix: string) => string;
  /** The records a source listed before this one made of the person (the events' connection). */
  made: (resource: string) => object[];
}

export const SPACES = [
  'negozio',
  'showroom',
  'ufficio',
  'ristorante',
  'hotel',
  'farmacia',
  'stand fieristico',
  'concessionaria',
];
export const OBJECTIVES = [
  'rinnovare l’immagine',
  'attirare più clienti',
  'aprire un nuovo punto vendita',
  'illuminazione più efficace',
  'digital signage in vetrina',
  'allestimento per una fiera',
];
export const LANDING = [
  '/',
  '/servizi/vetrine',
  '/servizi/showroom',
  '/servizi/uffici',
  '/progetti',
  '/contatti',
  '/digital-signage',
];
export const STAFF = [
  { name: 'Laura Vianello', email: 'laura.vianello@vimage.it' },
  { name: 'Davide Scarpa', email: 'davide.scarpa@vimage.it' },
];

/** Italian mobile networks' prefixes. */
export const MOBILE_PREFIXES = [
  '320',
  '328',
  '329',
  '330',
  '333',
  '334',
  '335',
  '338',
  '339',
  '340',
  '342',
  '345',
  '346',
  '347',
  '348',
  '349',
  '351',
  '366',
  '380',
  '389',
  '392',
  '393',
];
const MAIL_DOMAINS = [
  'gmail.com',
  'libero.it',
  'yahoo.it',
  'hotmail.it',
  'outlook.it',
  'virgilio.it',
  'alice.it',
  'tiscali.it',
];
/** The ways people write the same Italian mobile number. */
export function phoneWritings(mobile: string): string[] {
  const [a, b, c] = [mobile.slice(0, 3), mobile.slice(3, 6), mobile.slice(6)];
  return [`${a} ${b} ${c}`, `+39 ${a}-${b}${c}`, `0039 ${mobile}`, mobile, `+39 ${a} ${b} ${c}`, `${a}/${b}${c}`];
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Varies the case of an e-mail the way people type it. */
export function emailVariant(f: Faker, email: string): string {
  const [local, domain] = email.split('@');
  switch (f.number.int(3)) {
    case 0:
      return email.toUpperCase();
    case 1:
      return `${local.replace(/(^|\.)(\w)/g, (_, dot: string, ch: string) => dot + ch.toUpperCase())}@${domain}`;
    default:
      return ` ${email} `.trim();
  }
}

export function makePerson(f: Faker, index: number): DemoPerson {
  const firstName = f.person.firstName();
  const lastName = f.person.lastName();
  const company = f.datatype.boolean(0.6) ? f.company.name() : null;
  const style = f.number.int(3);
  const base =
    style === 0
      ? `${slug(firstName)}.${slug(lastName)}`
      : style === 1
        ? `${slug(firstName)[0]}${slug(lastName)}`
        : `${slug(firstName)}${slug(lastName)}`;
  const domain =
    company && f.datatype.boolean(0.5)
      ? `${slug(company).slice(0, 20) || 'studio'}.it`
      : f.helpers.arrayElement(MAIL_DOMAINS);
  return {
    firstName,
    lastName,
    // The index keeps addresses unique across people even when names repeat.
    email: `${base}${index}@${domain}`,
    mobile: `${f.helpers.arrayElement(MOBILE_PREFIXES)}${f.string.numeric(7)}`,
    company,
    consentId: f.string.uuid(),
    ip: f.internet.ipv4(),
  };
}
