import { IsNull, LessThanOrEqual, Not, type EntityManager } from 'typeorm';
import { appendToTimeline } from '../requests/request-timeline';
import { PortalPackage, PortalPackageChunk } from './package.entity';

/** Pieces left by a publication that never finished (the process stopped while it wrote them). */
const ORPHAN_AFTER_MS = 24 * 3600_000;

/**
 * The files of the packages whose link is over, deleted: expired (the retention sweep runs this
 * every day, docs/portal.md) or withdrawn (already deleted at withdrawal; kept here should that
 * have failed half-way). Each deletion goes on its request's timeline; the caller audits the sweep.
 * Answers the packages whose file went.
 */
export async function deleteEndedPackageFiles(
  manager: EntityManager,
  now: Date,
): Promise<Array<{ id: string; requestId: string; fileName: string }>> {
  const ended = await manager.find(PortalPackage, {
    where: [
      { fileDeletedAt: IsNull(), expiresAt: LessThanOrEqual(now) },
      { fileDeletedAt: IsNull(), withdrawnAt: Not(IsNull()) },
    ],
    order: { expiresAt: 'ASC' },
  });
  for (const pkg of ended) {
    await manager.delete(PortalPackageChunk, { packageId: pkg.id });
    await manager.update(
      PortalPackage,
      { id: pkg.id },
      { fileDeletedAt: now, codeHash: null, codeSentAt: null, codeTries: 0 },
    );
    await appendToTimeline(
      manager,
      null,
      pkg.requestId,
      'package_deleted',
      `${pkg.kind} package ${pkg.fileName}: its link ${pkg.withdrawnAt ? 'was withdrawn' : `expired on ${pkg.expiresAt.toISOString()}`}, its file is deleted`,
      {
        packageId: pkg.id,
        kind: pkg.kind,
        file: pkg.fileName,
        sha256: pkg.sha256,
        expiresAt: pkg.expiresAt.toISOString(),
      },
    );
  }
  // Pieces of no publication (a publication that never finished), once surely no longer being written.
  await manager
    .createQueryBuilder()
    .delete()
    .from(PortalPackageChunk)
    .where('created_at < :before', { before: new Date(now.getTime() - ORPHAN_AFTER_MS) })
    .andWhere('package_id NOT IN (SELECT id FROM portal_packages WHERE file_deleted_at IS NULL)')
    .execute();
  return ended.map((p) => ({ id: p.id, requestId: p.requestId, fileName: p.fileName }));
}
