/** What every source's presenter shares. Imports nothing, so that view types stay plain. */

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Art. 18: every screen shows a restricted record as such. */
export const restriction = (r: { restrictedAt: Date | null; restrictedByRequestId: string | null }) => ({
  restrictedAt: iso(r.restrictedAt),
  restrictedByRequestId: r.restrictedByRequestId,
});
