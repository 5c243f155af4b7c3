import { describe, expect, it } from 'vitest';

import type { RetentionController } from './retention.controller';
import type { RetentionSweep } from './retention-sweep.entity';
import { presentRetentionSweep } from './retention-sweeps.list';
import type { RetentionReportView, RetentionSweepView } from './retention.views';

/** The console's retention types are these views: the type-check and this test keep them the API's answers. */
describe('retention views', () => {
  it('a sweep view is exactly what presentRetentionSweep answers', () => {
    const sweep: RetentionSweep = {
      id: '3f0c1f6e-9a43-4b8e-8f57-2f1f0e4b9d11',
      trigger: 'manual',
      dryRun: true,
      status: 'completed',
      startedAt: new Date('2026-05-04T08:00:00Z'),
      finishedAt: new Date('2026-05-04T08:00:02Z'),
      actorId: null,
      actorEmail: 'officer@console.test',
      records: 3,
      results: [],
      error: null,
    };
    // Assigning checks every field's type; the keys check that the view names every field answered.
    const view: RetentionSweepView = presentRetentionSweep(sweep);
    const fields: Record<keyof RetentionSweepView, true> = {
      id: true,
      trigger: true,
      dryRun: true,
      status: true,
      startedAt: true,
      finishedAt: true,
      durationMs: true,
      actorId: true,
      actorEmail: true,
      records: true,
      results: true,
      error: true,
    };
    expect(Object.keys(view).sort()).toEqual(Object.keys(fields).sort());
    expect(view.durationMs).toBe(2000);
  });

  it('the report view is what the controller answers', () => {
    type Answered = Awaited<ReturnType<RetentionController['report']>>;
    const answered: Answered extends RetentionReportView ? true : false = true;
    const described: RetentionReportView extends Answered ? true : false = true;
    expect([answered, described]).toEqual([true, true]);
  });
});
