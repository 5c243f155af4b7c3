import { describe, expect, it } from 'vitest';
import { applyTwin, categoriesIn, categoryGlossary, missingTwins, twinList, twinListProblem, twinText } from './twins';

describe("a register's public text in Italian and English", () => {
  it('keeps the officer’s field as the English twin, whichever a client writes', () => {
    const row: Record<string, unknown> = {};
    applyTwin(row, { nameIt: 'Modulo di contatto', nameEn: 'Contact form' }, 'name');
    expect(row).toEqual({ name: 'Contact form', nameIt: 'Modulo di contatto', nameEn: 'Contact form' });
    // An older client writes the officer's field only: the English twin follows, the Italian stays.
    applyTwin(row, { name: 'Contact form (website)' }, 'name');
    expect(row).toMatchObject({
      name: 'Contact form (website)',
      nameEn: 'Contact form (website)',
      nameIt: 'Modulo di contatto',
    });
    // A client sends the row back with the officer's field changed, the twins as they were.
    applyTwin(row, { ...row, name: 'Contact form (site)' }, 'name');
    expect(row).toMatchObject({ name: 'Contact form (site)', nameEn: 'Contact form (site)' });
    // English emptied: the officer's field takes the Italian, never a stale English.
    applyTwin(row, { nameEn: '' }, 'name');
    expect(row).toMatchObject({ name: 'Modulo di contatto', nameEn: null });
    // Nothing about it in the body: nothing changes.
    applyTwin(row, { purposes: 'x' }, 'name');
    expect(row).toMatchObject({ name: 'Modulo di contatto', nameIt: 'Modulo di contatto' });
  });

  it('clears a list with [] and asks for one text of a required field', () => {
    const row: Record<string, unknown> = {};
    applyTwin(row, { dataCategoriesEn: ['E-mail'], dataCategoriesIt: ['E-mail'] }, 'dataCategories', true);
    expect(row.dataCategories).toEqual(['E-mail']);
    applyTwin(row, { dataCategoriesEn: [], dataCategoriesIt: [] }, 'dataCategories', true);
    expect(row).toEqual({ dataCategories: [], dataCategoriesIt: [], dataCategoriesEn: [] });
    expect(missingTwins({ name: null, nameIt: null, nameEn: null }, ['name'])).toEqual(['name']);
    expect(missingTwins({ name: 'Chat', nameIt: 'Chat', nameEn: null }, ['name'])).toEqual([]);
  });

  it('shows the language’s text, and the other only where it is empty, marked', () => {
    const record = { purposes: 'Answer', purposesIt: 'Rispondere', purposesEn: 'Answer' };
    expect(twinText(record, 'purposes', 'it')).toEqual({ text: 'Rispondere', fallback: false });
    expect(twinText(record, 'purposes', 'en')).toEqual({ text: 'Answer', fallback: false });
    const english = { purposes: 'Answer', purposesIt: null, purposesEn: 'Answer' };
    expect(twinText(english, 'purposes', 'it')).toEqual({ text: 'Answer', fallback: true });
    // A row from before the twins: the officer's field is the English.
    expect(twinText({ duration: '2 years' }, 'duration', 'en')).toEqual({ text: '2 years', fallback: false });
    // Italian only: the English console shows it, marked, and never as if it were English.
    const italian = { name: 'Chat', nameIt: 'Chat', nameEn: null };
    expect(twinText(italian, 'name', 'en')).toEqual({ text: 'Chat', fallback: true });
    expect(twinText({ transfers: null, transfersIt: null, transfersEn: null }, 'transfers', 'it')).toEqual({
      text: null,
      fallback: false,
    });
    expect(
      twinList({ dataCategories: ['Name'], dataCategoriesIt: [], dataCategoriesEn: ['Name'] }, 'dataCategories', 'it'),
    ).toEqual({
      items: ['Name'],
      fallback: true,
    });
  });

  it('says a recipient’s categories in the reader’s language through the lists’ twins', () => {
    const activity = { dataCategoriesEn: ['First name', 'E-mail'], dataCategoriesIt: ['Nome', 'E-mail'] };
    const cloudflare = {
      dataCategoriesEn: ['IP address', 'Browser data'],
      dataCategoriesIt: ['Indirizzo IP', 'Dati del browser'],
    };
    const glossary = categoryGlossary(activity, cloudflare);
    expect(categoriesIn(['IP address', 'Browser data'], 'it', glossary)).toEqual(['Indirizzo IP', 'Dati del browser']);
    expect(categoriesIn(['IP address', 'Browser data'], 'en', glossary)).toEqual(['IP address', 'Browser data']);
    // A category no list names stays as written.
    expect(categoriesIn(['Fax number'], 'it', glossary)).toEqual(['Fax number']);
    // Lists that are not one for one say nothing (their order cannot be trusted).
    expect(categoryGlossary({ dataCategoriesEn: ['A', 'B'], dataCategoriesIt: ['X'] }).size).toBe(0);
    expect(twinListProblem({ dataCategoriesEn: ['A', 'B'], dataCategoriesIt: ['X'] }, 'dataCategories')).toMatch(
      /same categories, one for one \(1 and 2\)/,
    );
    expect(twinListProblem({ dataCategoriesEn: ['A', 'B'], dataCategoriesIt: [] }, 'dataCategories')).toBeNull();
  });
});
