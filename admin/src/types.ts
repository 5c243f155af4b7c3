import type { RaRecord } from 'react-admin';

export const ROLES = ['admin', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** A console user, as returned by `GET /api/auth/me` and `GET /api/users/:id`. */
export interface User extends RaRecord<string> {
    id: string;
    email: string;
    fullName: string;
    role: Role;
    active: boolean;
    createdAt: string;
    updatedAt: string;
    lastLoginAt: string | null;
}

/** One link of the hash-chained audit log (`/api/audit-events`). */
export interface AuditEvent extends RaRecord<string> {
    /** Numeric string (bigint sequence on the server). */
    id: string;
    /** ISO 8601 instant. */
    at: string;
    actorId: string | null;
    actorEmail: string | null;
    action: string;
    entity: string;
    entityId: string | null;
    details: Record<string, unknown> | null;
    prevHash: string | null;
    /** SHA-256, 64 hex characters. */
    hash: string;
}

/** `GET /api/audit/verify` */
export interface AuditChainVerification {
    valid: boolean;
    checked: number;
    firstBrokenId: string | null;
    reason: string | null;
    verifiedAt: string;
}
