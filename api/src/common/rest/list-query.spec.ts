import { describe, expect, it } from 'vitest';
import { InvalidQueryError } from '../errors/domain.error';
import { contentRange } from './content-range';
import { declaredField, parseListQuery, type ListSpec } from './list-query';

const spec: ListSpec = {
  resource: 'things',
  fields: {
    id: 'uuid',
    name: 'text',
    count: 'integer',
    active: 'boolean',
    at: 'datetime',
    kind: { enum: ['a', 'b'] },
    due: 'date',
  },
  searchable: ['name'],
  defaultSort: ['at', 'DESC'],
  maxPageSize: 100,
};

const parse = (raw: Record<string, string>) => parseListQuery(spec, raw);

function rejects(raw: Record<string, string>, parameter: string, message?: RegExp) {
  try {
    parse(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidQueryError);
    expect((error as InvalidQueryError).parameter).toBe(parameter);
    expect((error as InvalidQueryError).status).toBe(400);
    if (message) expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
}

describe('parseListQuery', () => {
  it('uses the default sort and the first page when nothing is given', () => {
    expect(parse({})).toEqual({
      sort: { field: 'at', order: 'DESC' },
      range: { skip: 0, take: 25 },
      conditions: [],
      search: null,
    });
  });

  it('reads sort and range as react-admin sends them', () => {
    const q = parse({ sort: '["name","asc"]', range: '[25,49]' });
    expect(q.sort).toEqual({ field: 'name', order: 'ASC' });
    expect(q.range).toEqual({ skip: 25, take: 25 });
  });

  it('reads equality, any-of, null, bounds and the q search', () => {
    const id = '3f8a0c9e-2b1d-4c5e-9f7a-1b2c3d4e5f60';
    const q = parse({
      filter: JSON.stringify({
        q: '  Rossi ',
        kind: 'a',
        id: [id],
        active: 'true',
        count_gte: '3',
        at_lte: '2026-11-22',
        name: null,
      }),
    });
    expect(q.search).toBe('Rossi');
    expect(q.conditions).toEqual([
      { field: 'kind', op: 'eq', value: 'a' },
      { field: 'id', op: 'in', values: [id] },
      { field: 'active', op: 'eq', value: true },
      { field: 'count', op: 'gte', value: 3 },
      // a bare date as an upper bound includes the whole day
      { field: 'at', op: 'lte', value: new Date('2026-11-22T23:59:59.999Z') },
      { field: 'name', op: 'isNull' },
    ]);
  });

  it('treats an empty q as no search', () => {
    expect(parse({ filter: '{"q":"   "}' }).search).toBeNull();
  });

  it.each([
    [{ sort: 'name' }, 'sort', /not valid JSON/],
    [{ sort: '["name"]' }, 'sort', /\["field","ASC"\]/],
    [{ sort: '["password","ASC"]' }, 'sort', /unknown field "password"/],
    [{ sort: '["name","UP"]' }, 'sort', /ASC or DESC/],
    [{ range: '[0,x]' }, 'range', /not valid JSON/],
    [{ range: '[-1,10]' }, 'range', /negative/],
    [{ range: '[0,-10]' }, 'range', /negative/],
    [{ range: '[10,5]' }, 'range', /before start/],
    [{ range: '[0.5,3]' }, 'range', /whole numbers/],
    [{ range: '[0,1000]' }, 'range', /at most 100/],
    [{ range: '{"a":1}' }, 'range', /\[start, end\]/],
    [{ filter: '[1,2]' }, 'filter', /JSON object/],
    [{ filter: '{' }, 'filter', /not valid JSON/],
    [{ filter: '{"password":"x"}' }, 'filter', /unknown field "password"/],
    [{ filter: '{"name_gtx":"x"}' }, 'filter', /unknown field/],
    [{ filter: '{"q":5}' }, 'filter.q', /string/],
    [{ filter: '{"id":"not-a-uuid"}' }, 'filter.id', /UUID/],
    [{ filter: '{"count":"many"}' }, 'filter.count', /whole number/],
    [{ filter: '{"active":"yes"}' }, 'filter.active', /true or false/],
    [{ filter: '{"at_gte":"yesterday"}' }, 'filter.at_gte', /ISO 8601/],
    [{ filter: '{"at_gte":"2026-02-30"}' }, 'filter.at_gte', /real date/],
    [{ filter: '{"kind":"c"}' }, 'filter.kind', /one of a, b/],
    [{ filter: '{"due_lte":"2026-13-01"}' }, 'filter.due_lte', /YYYY-MM-DD/],
    [{ filter: '{"due":"tomorrow"}' }, 'filter.due', /YYYY-MM-DD/],
    [{ filter: '{"kind_gte":"a"}' }, 'filter.kind_gte', /no order/],
    [{ filter: '{"name":{"$ne":1}}' }, 'filter.name', /string/],
    [{ filter: '{"name":"a\\u0000b"}' }, 'filter.name', /NUL/],
  ] as const)('refuses %j, naming %s', (raw, parameter, message) => {
    rejects(raw, parameter, message);
  });

  it("refuses the names of JavaScript's object machinery as fields, in sort, filter and bounds", () => {
    const builtIns = [
      ...Object.getOwnPropertyNames(Object.prototype),
      ...Object.getOwnPropertyNames(Function.prototype),
      ...Object.getOwnPropertyNames(Array.prototype),
      '__proto__',
      'prototype',
    ];
    // Function.prototype's `name` is also a field of this spec: a declared field stays a field.
    for (const name of builtIns.filter((n) => !Object.hasOwn(spec.fields, n))) {
      rejects(
        { sort: JSON.stringify([name, 'ASC']) },
        'sort',
        new RegExp(`unknown field "${name.replace(/[$]/g, '\\$&')}`),
      );
      rejects({ filter: JSON.stringify({ [name]: 'x' }) }, 'filter', /unknown field/);
      rejects({ filter: `{"${name}":"x"}` }, 'filter', /unknown field/);
      rejects({ filter: JSON.stringify({ [`${name}_gte`]: 'x' }) }, 'filter', /unknown field/);
      expect(declaredField(spec, name)).toBeUndefined();
    }
    expect(declaredField(spec, 'name')).toBe('text');
  });

  it('refuses a NUL character in the search, written raw or as \\u0000', () => {
    rejects({ filter: '{"q":"\\u0000"}' }, 'filter.q', /NUL/);
    rejects({ filter: '{"q":"a\u0000"}' }, 'filter', /NUL/);
  });

  it('refuses a parameter given twice', () => {
    expect(() => parseListQuery(spec, { sort: ['["name","ASC"]', '["name","DESC"]'] })).toThrow(
      /sort: must be given once/,
    );
  });
});

describe('contentRange', () => {
  it('tells the slice and the total', () => {
    expect(contentRange('things', { rows: [1, 2, 3], skip: 10, total: 319 })).toBe('things 10-12/319');
  });
  it('uses */total for an empty page', () => {
    expect(contentRange('things', { rows: [], skip: 0, total: 0 })).toBe('things */0');
  });
});
