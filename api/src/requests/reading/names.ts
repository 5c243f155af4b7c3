/** Words after a comma that belong to the name rather than reverse it ("Mario Rossi, PhD"). */
const SUFFIX =
  /^(jr|sr|ii|iii|iv|phd|md|dr|prof|esq|ing|avv|dott|inc|ltd|llc|srl|s\.r\.l|spa|s\.p\.a|gmbh|ag|plc|co)\.?$/i;
const NAME_WORD = /^[\p{L}][\p{L}\p{M}'’.-]*$/u;

/**
 * A person's name as it is written in a letter: "Rossi, Mario" (how directories and Outlook
 * show it) becomes "Mario Rossi"; quotes, a " via <service>" tail and extra spaces go. A name
 * that is not a "Last, First" pair (a company, a title after the comma) is kept as it is.
 */
export function personName(display: string | null | undefined): string | null {
  if (!display) return null;
  let name = display
    .replace(/^["'\s]+|["'\s]+$/g, '')
    .replace(/\s+via\s+.*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = name.split(',');
  if (parts.length === 2) {
    const [last, first] = parts.map((p) => p.trim());
    const words = (s: string) => s.split(' ').filter(Boolean);
    const looksLikeNames = (s: string) =>
      words(s).length >= 1 && words(s).length <= 3 && words(s).every((w) => NAME_WORD.test(w));
    if (looksLikeNames(last) && looksLikeNames(first) && !words(first).some((w) => SUFFIX.test(w)))
      name = `${first} ${last}`;
  }
  return name || null;
}
