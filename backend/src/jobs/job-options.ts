import { z } from 'zod';

/** ansible-playbook options a template sets, and an order may override where the template allows. */
export interface JobOptions {
  limit?: string;
  tags?: string[];
  skipTags?: string[];
  check?: boolean;
  diff?: boolean;
  verbosity?: number;
  forks?: number;
}

export const JOB_OPTION_NAMES = ['limit', 'tags', 'skipTags', 'check', 'diff', 'verbosity', 'forks'] as const;
export type JobOptionName = (typeof JOB_OPTION_NAMES)[number];

// Host patterns and tags as Ansible writes them; never starting with "-", so no value can
// pass for an option.
const PATTERN = /^[A-Za-z0-9_.:*!&,\[\]][A-Za-z0-9_.:*!&,\[\]\-]*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.\-]*$/;

export const jobOptionsSchema = z
  .object({
    limit: z.string().max(1000).regex(PATTERN, 'must be an Ansible host pattern (letters, digits, _ . : * ! & , [ ] -), not starting with "-"').optional(),
    tags: z.array(z.string().max(200).regex(TAG, 'tags are letters, digits, _ . -')).max(100).optional(),
    skipTags: z.array(z.string().max(200).regex(TAG, 'tags are letters, digits, _ . -')).max(100).optional(),
    check: z.boolean().optional(),
    diff: z.boolean().optional(),
    verbosity: z.number().int().min(0).max(4).optional(),
    forks: z.number().int().min(1).max(200).optional(),
  })
  .strict();

/** The command-line arguments for `options`, each as one `--name=value` word. */
export function jobOptionArgs(options: JobOptions): string[] {
  const args: string[] = [];
  if (options.limit) args.push(`--limit=${options.limit}`);
  if (options.tags?.length) args.push(`--tags=${options.tags.join(',')}`);
  if (options.skipTags?.length) args.push(`--skip-tags=${options.skipTags.join(',')}`);
  if (options.check) args.push('--check');
  if (options.diff) args.push('--diff');
  if (options.verbosity) args.push(`-${'v'.repeat(options.verbosity)}`);
  if (options.forks) args.push(`--forks=${options.forks}`);
  return args;
}
