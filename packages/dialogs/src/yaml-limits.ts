/**
 * Limits checked on YAML text before any parser sees it. The `yaml` package parses nested
 * collections recursively, so a document of a few kilobytes nested thousands deep can exhaust
 * the stack of a cold Node process; aliases are capped by the parser itself (`maxAliasCount`).
 */

/** Deeper nesting than this is refused: real playbooks, dialogs and catalog files stay far below. */
export const MAX_YAML_DEPTH = 64;

export class YamlLimitError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'YamlLimitError';
  }
}

/**
 * Throws a `YamlLimitError` naming the line when the text nests collections deeper than
 * `maxDepth`: block nesting (a stack of indentations, each `- ` of a compact sequence one
 * more) plus flow nesting (`[` and `{` outside quotes and comments). A linear scan, no
 * recursion; an over-estimate on odd inputs only ever refuses, never lets through.
 */
export function assertYamlDepth(text: string, maxDepth = MAX_YAML_DEPTH): void {
  const indents: number[] = [];
  let flow = 0;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end);
    start = end + 1;
    if (flow === 0) {
      let indent = 0;
      while (indent < raw.length && raw[indent] === ' ') indent++;
      const rest = raw.slice(indent);
      if (rest === '' || rest.startsWith('#') || rest.startsWith('---') || rest.startsWith('...')) continue;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // "- - - x": each dash opens one more level on the same line.
      let at = 0;
      let dashes = 0;
      while (rest[at] === '-' && (rest[at + 1] === ' ' || at + 1 === rest.length)) {
        dashes++;
        at += 2;
        while (rest[at] === ' ') at++;
      }
      if (indents.length + dashes > maxDepth) throw tooDeep(line, maxDepth);
    }
    flow = scanFlow(raw, flow, (open) => {
      if (indents.length + open + 1 > maxDepth) throw tooDeep(line, maxDepth);
    });
  }
}

/** Counts flow brackets on one line outside quoted scalars and comments; returns the open count after it. */
function scanFlow(line: string, open: number, onOpen: (open: number) => void): number {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]))) quote = c;
    else if (c === '[' || c === '{') {
      onOpen(open);
      open++;
    } else if ((c === ']' || c === '}') && open > 0) open--;
  }
  return open;
}

const tooDeep = (line: number, max: number) => new YamlLimitError(`line ${line}: collections nested more than ${max} deep are refused`, line);
