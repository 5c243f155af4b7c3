import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../requests/request.entity';
import type { TemplateKey } from './letter-texts';

/** An admin's version of a letter's template; every edit is a new row, the highest version is in force. */
@Entity('letter_templates')
@Index(['key', 'language', 'version'], { unique: true })
export class LetterTemplateVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  key: TemplateKey;

  @Column({ type: 'text' })
  language: Language;

  /** 1, 2, ...: version 0 is the template in code. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'text', nullable: true })
  createdBy: string | null;
}
