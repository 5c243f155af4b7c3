/** What every source's presenter shares. Imports nothing, so that view types stay plain. */

export function iso(d: Date): string;
export function iso(d: Date | null | undefined): string | null;
export function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

/** Art. 18: every screen shows a restricted record as such. */
export const restriction = (r: { restrictedAt: Date | null; restrictedByRequestId: string | null }) => ({
  restrictedAt: iso(r.restrictedAt),
  restrictedByRequestId: r.restrictedByRequestId,
});
