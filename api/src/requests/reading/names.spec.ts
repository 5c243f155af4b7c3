import { describe, expect, it } from 'vitest';
import { personName } from './names';

describe('personName', () => {
  it.each([
    ['Rossi, Mario', 'Mario Rossi'],
    ['"De Luca, Francesca"', 'Francesca De Luca'],
    ["O'Connor, Siobhan", "Siobhan O'Connor"],
    ['Okafor,  Chidi ', 'Chidi Okafor'],
    ['Mario Rossi', 'Mario Rossi'],
    ['Anna Colombo via Acme Shop', 'Anna Colombo'],
  ])('%s -> %s', (display, name) => {
    expect(personName(display)).toBe(name);
  });

  it('leaves a name that is no "Last, First" pair as it is', () => {
    expect(personName('Mario Rossi, PhD')).toBe('Mario Rossi, PhD');
    expect(personName('Acme Shop, Inc.')).toBe('Acme Shop, Inc.');
    expect(personName('Ufficio 3, piano 2')).toBe('Ufficio 3, piano 2');
    expect(personName('')).toBeNull();
    expect(personName(undefined)).toBeNull();
  });
});
