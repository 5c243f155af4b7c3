import { ReadOnlyField } from '../../common/rest/read-only-field';
import { OneOf, Text } from '../register-fields';
import type { RegisterDefinition } from '../register-resource';
import {
  COOKIE_CATEGORIES,
  Cookie,
  PARTIES,
  STORAGE_KINDS,
  type CookieCategory,
  type Party,
  type StorageKind,
} from './cookie.entity';

export class CreateCookieDto {
  @Text(true, 200) name: string;
  @OneOf(STORAGE_KINDS, true) kind: StorageKind;
  @Text(true, 200) provider: string;
  @OneOf(COOKIE_CATEGORIES, true) category: CookieCategory;
  @Text(true) purpose: string;
  @Text(true, 200) duration: string;
  @OneOf(PARTIES, true) party: Party;
  @Text(true, 300) listedIn: string;
}

export class UpdateCookieDto {
  @Text(false, 200) name?: string;
  @OneOf(STORAGE_KINDS, false) kind?: StorageKind;
  @Text(false, 200) provider?: string;
  @OneOf(COOKIE_CATEGORIES, false) category?: CookieCategory;
  @Text(false) purpose?: string;
  @Text(false, 200) duration?: string;
  @OneOf(PARTIES, false) party?: Party;
  @Text(false, 300) listedIn?: string;
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

export function presentCookie(c: Cookie) {
  const { createdAt, updatedAt, ...rest } = c;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

const FIELDS = ['name', 'kind', 'provider', 'category', 'purpose', 'duration', 'party', 'listedIn'] as const;

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
      provider: 'text',
      category: { enum: COOKIE_CATEGORIES },
      duration: 'text',
      party: { enum: PARTIES },
      listedIn: 'text',
      updatedAt: 'datetime',
    },
    searchable: ['name', 'provider', 'purpose'],
    defaultSort: ['name', 'ASC'],
  },
  apply(_, row, body) {
    for (const field of FIELDS) {
      const value = (body as UpdateCookieDto)[field];
      if (value !== undefined) (row as unknown as Record<string, unknown>)[field] = value;
    }
  },
  csv: [
    ['Name', (r) => r.name],
    ['Kind', (r) => r.kind],
    ['Provider', (r) => r.provider],
    ['Category', (r) => r.category],
    ['Purpose', (r) => r.purpose],
    ['Duration', (r) => r.duration],
    ['Party', (r) => r.party],
    ['Listed in', (r) => r.listedIn],
  ],
};
