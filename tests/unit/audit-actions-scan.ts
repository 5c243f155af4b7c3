import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every audit action code the API can write, read from its source the way a reviewer would grep
 * it: the quoted codes on `action:` lines, and for the few codes built from a variable, the words
 * that variable can take (each such template is known here; a new one fails the scan).
 */

const API_SRC = join(__dirname, '../../api/src');
const CODE = /^[a-z_-]+\.[a-z_-]+$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const quoted = (text: string) => [...text.matchAll(/'([^'\n]+)'/g)].map((m) => m[1]);

/** The codes a template such as `request.${kind}` can produce, by the file that writes it. */
const TEMPLATES: Record<string, (source: string, files: Map<string, string>) => string[]> = {
  // The request workflow: EVENT_KINDS' words and the `kind:` of each change.
  'requests/requests.service.ts request.${kind}': (source) => {
    const kinds = /const EVENT_KINDS[^{]*\{([^}]*)\}/.exec(source)?.[1] ?? '';
    const values = [...kinds.matchAll(/:\s*'([a-z_]+)'/g)].map((m) => m[1]);
    const changes = source
      .split('\n')
      .filter((line) => /\bkind:/.test(line))
      .flatMap(quoted);
    return [...values, ...changes].map((kind) => `request.${kind}`);
  },
  // The data package: `this.record(actor, request, '<kind>', ...)`.
  'exports/export.service.ts request.${kind}': (source) =>
    [...source.matchAll(/this\.record\(\s*actor,\s*request,\s*'([a-z_]+)'/g)].map((m) => `request.${m[1]}`),
  // Withdrawn consent and objection: `const kind = ... ? '<a>' : '<b>'`.
  'erasure/subject-rights.service.ts subject.${kind}': (source) =>
    source
      .split('\n')
      .filter((line) => /const kind =/.test(line))
      // The words chosen (after `?` and `:`), not the ones compared with.
      .flatMap((line) => [...line.matchAll(/[?:]\s*'([a-z_]+)'/g)].map((m) => `subject.${m[1]}`)),
  // The registers: each register's entity, created / updated / deleted.
  ...Object.fromEntries(
    ['created', 'updated', 'deleted'].map((verb) => [
      `registers/register-resource.ts \${def.entity}.${verb}`,
      (_source: string, files: Map<string, string>) =>
        [...files]
          .filter(([path]) => /^registers\/.+\.register\.ts$/.test(path))
          .flatMap(([, text]) => [...text.matchAll(/^\s*entity:\s*'([a-z_]+)'/gm)].map((m) => `${m[1]}.${verb}`)),
    ]),
  ),
};

export interface ScannedActions {
  /** Every code, sorted. */
  codes: string[];
  /** The codes written by `@AuditRead` (reads of personal data) and the sources' list/record reads. */
  reads: string[];
  /** Templates found in the source that this scan does not know. */
  unknownTemplates: string[];
}

export function scanAuditActions(): ScannedActions {
  const files = new Map(sourceFiles(API_SRC).map((path) => [relative(API_SRC, path), readFileSync(path, 'utf8')]));
  const codes = new Set<string>();
  const reads = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const [path, source] of files) {
    for (const line of source.split('\n')) {
      if (!/\baction:/.test(line)) continue;
      for (const value of quoted(line)) if (CODE.test(value)) codes.add(value);
      const template = /action:\s*`([^`]+)`/.exec(line)?.[1];
      if (template) {
        const key = `${path} ${template}`;
        const expand = TEMPLATES[key];
        if (!expand) unknownTemplates.push(key);
        else for (const code of expand(source, files)) codes.add(code);
      }
    }
    // `@AuditRead({ action: '...' ... })`, on one line or several.
    for (const m of source.matchAll(/@AuditRead\(\{\s*action:\s*'([^']+)'/g)) reads.add(m[1]);
  }
  // The sources' read-only resources record their reads themselves (read-audit.ts says so).
  for (const m of (files.get('sources/read-only-resource.controller.ts') ?? '').matchAll(/action:\s*'([^']+)'/g))
    reads.add(m[1]);
  return { codes: [...codes].sort(), reads: [...reads].sort(), unknownTemplates };
}
