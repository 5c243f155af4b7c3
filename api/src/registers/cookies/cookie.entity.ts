import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const STORAGE_KINDS = ['cookie', 'localStorage'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** The categories of the cookie banner (cookie policy, section 3). */
export const COOKIE_CATEGORIES = [
  'necessary',
  'functional',
  'ai_chatbot',
  'statistics',
  'analytics',
  'marketing',
] as const;
export type CookieCategory = (typeof COOKIE_CATEGORIES)[number];

export const PARTIES = ['first', 'third'] as const;
export type Party = (typeof PARTIES)[number];

/** A cookie or browser-storage item the websites set. */
@Entity('cookies')
export class Cookie {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As set in the browser, e.g. `_ga`, `_ga_*`, `vimage_cookie_consent`. */
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: StorageKind;

  @Column({ type: 'text' })
  provider: string;

  @Column({ type: 'text' })
  category: CookieCategory;

  @Column({ type: 'text' })
  purpose: string;

  /** As the policy states it: "30 minutes", "2 years", "Permanent". */
  @Column({ type: 'text' })
  duration: string;

  @Column({ type: 'text' })
  party: Party;

  /** Which published policy lists it. */
  @Column({ type: 'text' })
  listedIn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
