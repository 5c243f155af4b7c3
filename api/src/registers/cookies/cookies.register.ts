import { ReadOnlyField } from '../../common/rest/read-only-field';
import { OneOf, Text } from '../register-fields';
import type { RegisterDefinition } from '../register-resource';
import { InvalidInputError } from '../../common/errors/domain.error';
import {
  ALL_COOKIE_CATEGORIES,
  COOKIE_SYSTEMS,
  Cookie,
  PARTIES,
  STORAGE_KINDS,
  type CookieCategory,
  type CookieSystem,
  type Party,
  type StorageKind,
} from './cookie.entity';
import { categoryProblem } from './cookie-rules';
import { NullableText } from '../register-fields';
import { applyTwin, missingTwins } from '../twins';

export class CreateCookieDto {
  @Text(true, 200) name: string;
  @OneOf(STORAGE_KINDS, true) kind: StorageKind;
  /** The website unless said: the platform's cookies are filed under its own policy's categories. */
  @OneOf(COOKIE_SYSTEMS, false) system?: CookieSystem;
  @Text(true, 200) provider: string;
  @OneOf(ALL_COOKIE_CATEGORIES, true) category: CookieCategory;
  /** The officer's words; the English twin when that is given. */
  @Text(false) purpose?: string;
  @NullableText(2000) purposeIt?: string | null;
  @NullableText(2000) purposeEn?: string | null;
  @Text(false, 200) duration?: string;
  @NullableText(200) durationIt?: string | null;
  @NullableText(200) durationEn?: string | null;
  @OneOf(PARTIES, true) party: Party;
  @Text(false, 300) listedIn?: string;
  @NullableText(300) listedInIt?: string | null;
  @NullableText(300) listedInEn?: string | null;
}

export class UpdateCookieDto {
  @Text(false, 200) name?: string;
  @OneOf(STORAGE_KINDS, false) kind?: StorageKind;
  @OneOf(COOKIE_SYSTEMS, false) system?: CookieSystem;
  @Text(false, 200) provider?: string;
  @OneOf(ALL_COOKIE_CATEGORIES, false) category?: CookieCategory;
  @Text(false) purpose?: string;
  @NullableText(2000) purposeIt?: string | null;
  @NullableText(2000) purposeEn?: string | null;
  @Text(false, 200) duration?: string;
  @NullableText(200) durationIt?: string | null;
  @NullableText(200) durationEn?: string | null;
  @OneOf(PARTIES, false) party?: Party;
  @Text(false, 300) listedIn?: string;
  @NullableText(300) listedInIt?: string | null;
  @NullableText(300) listedInEn?: string | null;
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

export function presentCookie(c: Cookie) {
  const { createdAt, updatedAt, ...rest } = c;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

const FIELDS = ['name', 'kind', 'system', 'provider', 'category', 'party'] as const;
const TWINS = ['purpose', 'duration', 'listedIn'];

export const COOKIES_REGISTER: RegisterDefinition<Cookie, CreateCookieDto, UpdateCookieDto> = {
  resource: 'cookies',
  entity: 'cookie',
  target: Cookie,
  createDto: CreateCookieDto,
  updateDto: UpdateCookieDto,
  present: presentCookie,
  list: {
    resource: 'cookies',
    fields: {
      id: 'uuid',
      name: 'text',
      kind: { enum: STORAGE_KINDS },
      system: { enum: COOKIE_SYSTEMS },
      provider: 'text',
      category: { enum: ALL_COOKIE_CATEGORIES },
      duration: 'text',
      party: { enum: PARTIES },
      listedIn: 'text',
      updatedAt: 'datetime',
    },
    searchable: ['name', 'provider', 'purpose', 'purposeIt'],
    defaultSort: ['name', 'ASC'],
  },
  apply(_, row, body) {
    for (const field of FIELDS) {
      const value = (body as UpdateCookieDto)[field];
      if (value !== undefined) (row as unknown as Record<string, unknown>)[field] = value;
    }
    for (const field of TWINS)
      applyTwin(row as unknown as Record<string, unknown>, body as Record<string, unknown>, field);
    const missing = missingTwins(row as unknown as Record<string, unknown>, TWINS);
    if (missing.length)
      throw new InvalidInputError(`${missing[0]}: give it in Italian or in English`, {
        [`${missing[0]}En`]: 'give it in Italian or in English',
      });
    row.system ??= 'website';
    const problem = categoryProblem(row.system, row.category);
    if (problem) throw new InvalidInputError(`category: ${problem}`, { category: problem });
  },
  csv: [
    ['Name', (r) => r.name],
    ['Kind', (r) => r.kind],
    ['System', (r) => r.system],
    ['Provider', (r) => r.provider],
    ['Category', (r) => r.category],
    ['Purpose', (r) => r.purpose],
    ['Duration', (r) => r.duration],
    ['Party', (r) => r.party],
    ['Listed in', (r) => r.listedIn],
  ],
};
