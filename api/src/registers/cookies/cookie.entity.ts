import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const STORAGE_KINDS = ['cookie', 'localStorage'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/**
 * The company's two systems, each with its own cookie policy and banner: the website (cookie
 * policy) and the platform with calendar sync (its own cookie policy, Odoo's cookies).
 */
export const COOKIE_SYSTEMS = ['website', 'platform'] as const;
export type CookieSystem = (typeof COOKIE_SYSTEMS)[number];

/** The categories of the website's cookie banner (cookie policy, section 3). */
export const COOKIE_CATEGORIES = [
  'necessary',
  'functional',
  'ai_chatbot',
  'statistics',
  'analytics',
  'marketing',
] as const;
export type WebsiteCookieCategory = (typeof COOKIE_CATEGORIES)[number];

/** The categories of the platform's cookie policy, as it names them. */
export const PLATFORM_COOKIE_CATEGORIES = [
  'session_security',
  'preferences',
  'interaction_history',
  'advertising_marketing',
  'analytics',
] as const;
export type PlatformCookieCategory = (typeof PLATFORM_COOKIE_CATEGORIES)[number];

export const ALL_COOKIE_CATEGORIES = [...new Set([...COOKIE_CATEGORIES, ...PLATFORM_COOKIE_CATEGORIES])];
export type CookieCategory = WebsiteCookieCategory | PlatformCookieCategory;

export const PARTIES = ['first', 'third'] as const;
export type Party = (typeof PARTIES)[number];

/** A cookie or browser-storage item one of the company's two systems sets. */
@Entity('cookies')
export class Cookie {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As set in the browser, e.g. `_ga`, `_ga_*`, `vimage_cookie_consent`. */
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: StorageKind;

  /** Which system sets it: its category is one of that system's banner. */
  @Column({ type: 'text', default: 'website' })
  system: CookieSystem;

  @Column({ type: 'text' })
  provider: string;

  @Column({ type: 'text' })
  category: CookieCategory;

  @Column({ type: 'text' })
  purpose: string;

  /** The purpose, duration and listing policy in Italian and in English. */
  @Column({ type: 'text', nullable: true })
  purposeIt: string | null;

  @Column({ type: 'text', nullable: true })
  purposeEn: string | null;

  /** As the policy states it: "30 minutes", "2 years", "Permanent". */
  @Column({ type: 'text' })
  duration: string;

  @Column({ type: 'text', nullable: true })
  durationIt: string | null;

  @Column({ type: 'text', nullable: true })
  durationEn: string | null;

  @Column({ type: 'text' })
  party: Party;

  /** Which published policy lists it. */
  @Column({ type: 'text' })
  listedIn: string;

  @Column({ type: 'text', nullable: true })
  listedInIt: string | null;

  @Column({ type: 'text', nullable: true })
  listedInEn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
