import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A subject's status link: the requests one confirmed form made, reached by a secret token kept only as its SHA-256. */
@Entity('portal_links')
export class PortalLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid', array: true })
  requestIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
