import { parse } from 'yaml';
import { forbiddenVariable } from './ansible-variables.js';
import { assertYamlDepth, YamlLimitError } from './yaml-limits.js';

/**
 * Parses a YAML/JSON mapping typed by a user (extra variables of an order); throws with a message
 * fit for the form, which puts the field's label before it. The nesting depth is checked before
 * the parser recurses into the text; aliases are capped; names Ansible reserves are refused.
 */
export function parseYamlMapping(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    assertYamlDepth(text);
  } catch (err) {
    if (err instanceof YamlLimitError) throw new Error(`is nested too deeply: ${err.message}`);
    throw err;
  }
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (err) {
    const first = (err as Error).message.split('\n')[0];
    throw new Error(`is not valid YAML or JSON: ${first}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('must be a mapping of names to values, e.g. "name: world"');
  for (const key of Object.keys(doc)) {
    const why = forbiddenVariable(key);
    if (why) throw new Error(why);
  }
  return doc as Record<string, unknown>;
}
