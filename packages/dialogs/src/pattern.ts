// A field's `pattern` runs on RE2JS, a pure-JavaScript port of RE2: matching takes time linear in
// the value's length whatever the pattern, so a pattern such as `(a+)+$` cannot hang the server
// or a browser tab the way a backtracking RegExp does. The browser and the server run the same
// engine, so they accept and refuse the same values. Patterns are written as JavaScript regular
// expressions (translated to RE2's syntax); what RE2 cannot run in linear time — lookahead,
// lookbehind, backreferences — is refused when the dialog is saved or imported.
import { RE2JS } from 're2js';

/** Compiled patterns by source, bounded: dialogs share a handful of patterns. */
const compiled = new Map<string, RE2JS>();
const MAX_COMPILED = 500;

/** Why `pattern` cannot be a field's pattern, or undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  try {
    compilePattern(pattern);
    return undefined;
  } catch (err) {
    const why = (err as Error).message.replace(/^error parsing regexp: /, '');
    // Lookahead shows as unsupported syntax, a backreference as an invalid escape, a lookbehind as a bad group name.
    const unsupported = /unsupported Perl syntax|invalid escape sequence: `\\[1-9]/.test(why) || /\(\?<[=!]/.test(pattern);
    return unsupported
      ? `is not a valid regular expression for the linear-time pattern engine (RE2): lookahead, lookbehind and backreferences are not supported (${why})`
      : `is not a valid regular expression: ${why}`;
  }
}

/** The compiled pattern; throws when it is not valid RE2 (see patternProblem). */
export function compilePattern(pattern: string): RE2JS {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  compiled.set(pattern, re);
  return re;
}

/** Whether `value` contains a match of `pattern` (RegExp.test's meaning: anchor with ^ and $). */
export const matchesPattern = (pattern: string, value: string): boolean => compilePattern(pattern).test(value);
