import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SyntaxStatus = 'pending' | 'ok' | 'failed';

/** A playbook found in a repo at the repo's current commit. Replaced on every refresh. */
@Entity('playbooks')
@Index(['repoId', 'path'], { unique: true })
export class PlaybookEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'repo_id', type: 'uuid' }) repoId: string;
  @Column({ type: 'text' }) path: string;
  @Column({ type: 'text' }) commit: string;
  /** The file's git object id, to tell a changed playbook from an unchanged one. */
  @Column({ type: 'text', nullable: true }) blob: string | null;
  /** pending until `ansible-playbook --syntax-check` has run on this commit, then ok or failed. */
  @Column({ name: 'syntax_status', type: 'text', default: 'pending' }) syntaxStatus: SyntaxStatus;
  @Column({ name: 'syntax_error', type: 'text', nullable: true }) syntaxError: string | null;
}
