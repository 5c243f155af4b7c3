import { CONTROLLER } from './activities/record-of-processing';

/**
 * The page shell the printable registers share (the record of processing, Art. 30; the breach
 * register, Art. 33(5)): one look, and one place that escapes what the officer typed.
 */

/** A value as HTML text: markup in it is shown, never run; null and undefined print nothing. */
export function escapeHtml(text: string | number | null | undefined): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** One line of a record's table: `label` and `value` are HTML already. */
export const tableRow = (label: string, value: string) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`;

export interface PrintablePage {
  language: string;
  title: string;
  subtitle: string;
  /** The controller's details under the subtitle, HTML. */
  controller: string;
  /** The page's content, HTML. */
  main: string;
  /** "Generated on" and when, as text. */
  generated: string;
}

export function renderPrintablePage(page: PrintablePage): string {
  return `<!doctype html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<title>${page.title} &mdash; ${escapeHtml(CONTROLLER.name)}</title>
<style>
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1d2b33; margin: 2.5rem auto; max-width: 60rem; line-height: 1.45; padding: 0 1.5rem; }
  header { border-bottom: 3px solid #1f4e5f; margin-bottom: 1.5rem; padding-bottom: 1rem; }
  h1 { margin: 0; font-size: 1.7rem; color: #1f4e5f; }
  .subtitle { margin: .2rem 0 1rem; color: #51636d; }
  .controller { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .95rem; }
  .controller dt { font-weight: 600; }
  .controller dd { margin: 0; }
  h2 { font-size: 1.2rem; color: #1f4e5f; margin: 2rem 0 .5rem; break-after: avoid; }
  h2 .status { font-size: .8rem; font-weight: 600; color: #51636d; border: 1px solid #b8c7ce; border-radius: 3px; padding: 0 .35rem; vertical-align: middle; }
  main section { break-inside: avoid; }
  table { width: 100%; border-collapse: collapse; font-size: .93rem; }
  th { text-align: left; vertical-align: top; width: 26%; padding: .45rem .75rem .45rem 0; color: #33464f; font-weight: 600; border-top: 1px solid #d9e2e6; }
  td { vertical-align: top; padding: .45rem 0; border-top: 1px solid #d9e2e6; }
  td p { margin: 0 0 .3rem; } td ul { margin: 0; padding-left: 1.1rem; }
  .note { color: #51636d; font-size: .88rem; } .muted { color: #64747d; } .missing { color: #8a4b00; font-weight: 600; } .fallback { color: #8a4b00; font-size: .85rem; font-style: italic; }
  code { background: #eef3f5; padding: 0 .25rem; border-radius: 3px; }
  footer { margin-top: 2.5rem; font-size: .8rem; color: #64747d; border-top: 1px solid #d9e2e6; padding-top: .6rem; }
  @media print { body { margin: 0; max-width: none; } header { border-color: #000; } a { color: inherit; } }
</style>
</head>
<body>
<header>
  <h1>${page.title}</h1>
  <p class="subtitle">${page.subtitle}</p>
  ${page.controller}
</header>
<main>
  ${page.main}
</main>
<footer>${escapeHtml(page.generated)}</footer>
</body>
</html>
`;
}
