import { Document, isScalar, visit } from 'yaml';

/**
 * Renders variables as YAML where every string is tagged `!unsafe`, so Ansible passes
 * them as data and never templates them: `{{ lookup('pipe', 'id') }}` typed into a form
 * stays that literal text. Only the exact strings in `trusted` (templates the product itself
 * writes, such as `PLAYBOOK_PYTHON`) are left for Ansible to template.
 */
export function renderUnsafeVars(vars: Record<string, unknown>, trusted: ReadonlySet<string> = new Set()): string {
  const doc = new Document(vars);
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && isScalar(node) && typeof node.value === 'string' && !trusted.has(node.value)) node.tag = '!unsafe';
    },
  });
  return doc.toString({ lineWidth: 0 });
}
