import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { requestsEnglish as en } from '../../admin/src/requests/messages.en';
import { requestsItalian as itMessages } from '../../admin/src/requests/messages.it';
import { explainRefusal } from '../../admin/src/requests/refusals';

/** The console says the API's refusals by their reason code, in the UI's language (requests/refusals.ts). */
const translator = (locale: 'en' | 'it') =>
  polyglotI18nProvider((l) => (l === 'it' ? itMessages : en) as unknown as TranslationMessages, locale).translate as (
    key: string,
    options?: Record<string, unknown>,
  ) => string;
const italian = translator('it');
const english = translator('en');
/** As the data provider rejects: a react-admin HttpError carries the API's body. */
const refusal = (status: number, body: Record<string, unknown>) => ({ status, message: body.message, body });

describe('explainRefusal: the API refusals in the officer’s language', () => {
  it('says a known reason in Italian, with its dates in the Italian way, never the API’s English', () => {
    const error = refusal(409, {
      message: 'The subject has until 2026-12-10 to send the identity information asked on 2026-11-26: ...',
      reason: 'identity_info_time_not_passed',
      reasonArgs: { askedOn: '2026-11-26', respondBy: '2026-12-10' },
    });
    const { message } = explainRefusal(italian, 'it-IT', error);
    expect(message).toBe(
      'La persona ha tempo fino al 10 dicembre 2026 per inviare le informazioni sull’identità chieste il 26 novembre 2026: il rifiuto per identità non verificata è possibile solo dopo quella data.',
    );
    expect(explainRefusal(english, 'en-GB', error).message).toContain('until 10 December 2026');
  });

  it('Art. 12(3): a second extension is refused in Italian', () => {
    const { message } = explainRefusal(
      italian,
      'it-IT',
      refusal(409, { message: 'The deadline was already extended: ...', reason: 'already_extended' }),
    );
    expect(message).toContain('una sola proroga di due mesi (art. 12, par. 3)');
  });

  it('an unknown reason falls back to a general sentence by status, in Italian', () => {
    const body = { message: 'Something new the UI has not met', reason: 'brand_new_reason' };
    expect(explainRefusal(italian, 'it-IT', refusal(409, body)).message).toBe(
      'Questa azione non è possibile nello stato attuale della richiesta: ricarica la pagina.',
    );
    expect(explainRefusal(italian, 'it-IT', refusal(400, { message: 'Bad' })).message).toBe(
      'La richiesta non è stata accettata: controlla i dati inseriti.',
    );
    // A network failure: no body at all.
    expect(explainRefusal(italian, 'it-IT', new Error('Failed to fetch')).message).toBe(
      'Qualcosa non ha funzionato: riprova.',
    );
  });

  it('translates each field by its reason: the rule’s own, then class-validator’s constraint, then “not valid”', () => {
    const { message, errors } = explainRefusal(
      italian,
      'it-IT',
      refusal(400, {
        message: 'Invalid request body: ...',
        reason: 'invalid_body',
        errors: {
          details: 'must explain the ground (10 characters or more)',
          justification: 'is required',
          amount: 'must not be greater than 1000',
          odd: 'something',
        },
        fieldReasons: { details: 'details_too_short', justification: 'required', amount: 'max', odd: 'whatever' },
      }),
    );
    expect(message).toBe('Alcuni campi non sono validi: vedi i messaggi accanto.');
    expect(errors).toEqual({
      details: 'Spiegalo con le parole che la persona leggerà, in almeno 10 caratteri.',
      justification: 'Obbligatorio.',
      amount: 'Troppo grande.',
      odd: 'Non valido.',
    });
  });

  it('keeps what explainError already said in the UI’s language', () => {
    const explained = refusal(409, { message: 'Già tradotto', explained: true, errors: { x: 'già' } });
    expect(explainRefusal(italian, 'it-IT', explained)).toEqual({
      status: 409,
      message: 'Già tradotto',
      errors: { x: 'già' },
    });
  });

  it('has an Italian sentence for every reason and field it has in English', () => {
    const english = en.app.requests.refusals;
    const italian = itMessages.app.requests.refusals;
    expect(Object.keys(italian.reasons).sort()).toEqual(Object.keys(english.reasons).sort());
    expect(Object.keys(italian.fields).sort()).toEqual(Object.keys(english.fields).sort());
  });
});
