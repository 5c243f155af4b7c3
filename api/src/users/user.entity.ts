import type { Language } from '../requests/request.entity';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['admin', 'officer', 'auditor'] as const;
/** admin: everything; officer: handles requests and data; auditor: reads, never changes. */
export type Role = (typeof ROLES)[number];

/** A member of staff who signs in to the console. */
@Entity('users')
@Check('users_role_check', `"role" IN ('admin', 'officer', 'auditor')`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lower-cased, unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  fullName: string;

  /** argon2id; never leaves the API. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The language of the e-mails the console sends the user (the reminders digest); null: REMINDER_LANGUAGE. */
  @Column({ type: 'text', nullable: true })
  language: Language | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** What the API answers for a user: everything but the password hash. */
export interface UserJson {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  language: Language | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function presentUser(user: User): UserJson {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    active: user.active,
    language: user.language ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
