import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by `main.ts`, before anything else is loaded: V8's allocation-site pretenuring
 * is turned off for the console's process.
 *
 * Pretenuring makes V8 allocate the objects of a code site straight in the old generation once
 * most of them have survived young collections. In the console that decision was taken for
 * sites whose objects live about as long as a page of an export (`--trace-pretenuring-statistics`
 * names them only by address): once dead in the old generation they still kept the young
 * strings they referenced alive until the next full collection, and those were promoted in turn. An access package of 100,000 chat
 * messages promoted 25 to 40 MB of such garbage, grew the process by 30 to 60 MB and ended in a
 * full collection; without pretenuring it promotes under 1 MB and grows by about 6 MB
 * (`npm run bench:export`, docs/performance.md). Nothing the console keeps is allocated in bulk
 * by one site, so it gains nothing from pretenuring.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
