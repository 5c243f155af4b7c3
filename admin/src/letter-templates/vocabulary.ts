/** The letters' languages, as the requests have them. */
export const LANGUAGE_CHOICES = ['it', 'en'].map((id) => ({ id, name: `resources.letter-templates.languages.${id}` }));
