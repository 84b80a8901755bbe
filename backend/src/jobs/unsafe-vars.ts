import { Document, isScalar, visit } from 'yaml';

/**
 * Renders variables as YAML where every string is tagged `!unsafe`, so Ansible passes
 * them as data and never templates them: `{{ lookup('pipe', 'id') }}` typed into a form
 * stays that literal text.
 */
export function renderUnsafeVars(vars: Record<string, unknown>): string {
  const doc = new Document(vars);
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && isScalar(node) && typeof node.value === 'string') node.tag = '!unsafe';
    },
  });
  return doc.toString({ lineWidth: 0 });
}
