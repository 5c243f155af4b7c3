import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by `main.ts`, before anything else is loaded: V8's allocation-site pretenuring
 * is turned off for the console's process.
 *
 * Pretenuring makes V8 allocate the objects of a code site straight in the old generation once
 * most of them have survived young collections. In the console that decision was taken for
 * sites whose objects live about as long as a page of an export (`--trace-pretenuring-statistics`
 * names them only by address): once dead in the old generation they still kept the young
 * strings they referenced alive until the next full collection, and those were promoted in turn.
 * A large access package promoted tens of megabytes of such garbage and ended in a full
 * collection; without pretenuring almost nothing is promoted (`npm run bench:export`; the
 * figures are in docs/performance.md, access-package export). Nothing the console keeps is allocated in bulk
 * by one site, so it gains nothing from pretenuring.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
