// AWX / Ansible Automation Platform survey specs (GET /api/v2/job_templates/:id/survey_spec/):
// { name, description, spec: [{ type, question_name, question_description, variable, required,
// default, min, max, choices }] }. choices and a multiselect default may be newline-separated text.
import type { Choice, DialogDefinition, DialogField } from '@superfluid/dialogs';
import { DialogImportError, type ImportedDialogs, FIELD_NAME, isRecord, optionalNumber, parseAll, parseDocument, slug, truthy } from './import-helpers.js';

const lines = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map((x) => String(x)) : typeof v === 'string' ? v.split('\n') : []).map((s) => s.trim()).filter((s) => s !== '');

function convertQuestion(q: Record<string, unknown>, index: number, where: string, problems: string[]): DialogField | null {
  const variable = typeof q.variable === 'string' ? q.variable.trim() : '';
  const title = typeof q.question_name === 'string' && q.question_name.trim() ? q.question_name.trim() : variable;
  const at = `${where}, question ${index + 1} ("${title || '?'}")`;
  if (!variable) {
    problems.push(`${at}: has no variable`);
    return null;
  }
  if (!FIELD_NAME.test(variable)) problems.push(`${at}: variable "${variable}" is not an identifier (letters, digits and _)`);
  const field: DialogField = { name: variable, label: title || variable, type: 'text' };
  if (typeof q.question_description === 'string' && q.question_description.trim()) field.help = q.question_description.trim();
  if (truthy(q.required)) field.required = true;
  const min = optionalNumber(q.min);
  const max = optionalNumber(q.max);
  if (min === 'invalid') problems.push(`${at}: min "${String(q.min)}" is not a number`);
  if (max === 'invalid') problems.push(`${at}: max "${String(q.max)}" is not a number`);
  const lo = min === 'invalid' ? undefined : min;
  const hi = max === 'invalid' ? undefined : max;
  const hasDefault = q.default !== undefined && q.default !== null && q.default !== '';
  const type = typeof q.type === 'string' ? q.type : '';
  switch (type) {
    case 'text':
    case 'textarea':
    case 'password':
      field.type = type;
      if (lo !== undefined) field.minLength = Math.max(0, Math.trunc(lo));
      if (hi !== undefined) field.maxLength = Math.max(0, Math.trunc(hi));
      // A password default ("$encrypted$" in exports) is not kept: it would be shown in the form.
      if (hasDefault && type !== 'password') field.default = String(q.default);
      break;
    case 'integer':
    case 'float': {
      field.type = type;
      if (lo !== undefined) field.min = lo;
      if (hi !== undefined) field.max = hi;
      if (hasDefault) {
        const n = optionalNumber(q.default);
        if (n === 'invalid') problems.push(`${at}: default "${String(q.default)}" is not a number`);
        else field.default = n;
      }
      break;
    }
    case 'multiplechoice':
    case 'multiselect': {
      field.type = 'dropdown';
      const choices: Choice[] = lines(q.choices).map((c) => ({ value: c, label: c }));
      if (!choices.length) problems.push(`${at}: a ${type} question needs choices`);
      field.choices = choices;
      if (type === 'multiselect') {
        field.multiple = true;
        if (hasDefault) field.default = lines(q.default);
      } else if (hasDefault) {
        field.default = String(q.default);
      }
      break;
    }
    default:
      problems.push(`${at}: question type "${type || '(none)'}" is not supported (text, textarea, password, integer, float, multiplechoice, multiselect)`);
      return null;
  }
  return field;
}

/** Converts an AWX survey spec (JSON or YAML; also { survey_spec: ... }) to one dialog; `name` overrides the survey's. */
export function importAwxSurvey(content: string, name?: string): ImportedDialogs {
  let doc = parseDocument(content, 'AWX survey');
  if (isRecord(doc) && isRecord(doc.survey_spec)) doc = doc.survey_spec;
  if (!isRecord(doc) || !Array.isArray(doc.spec)) throw new DialogImportError(['the AWX survey must be an object with a "spec" list of questions']);
  const label = (typeof doc.name === 'string' && doc.name.trim()) || name?.trim() || '';
  const where = `survey "${label || '(no name)'}"`;
  const dialogName = slug(name?.trim() || label);
  if (!dialogName) throw new DialogImportError([`${where}: has no name; give the survey a name, or pass one with the import`]);
  const problems: string[] = [];
  const questions = doc.spec.filter(isRecord);
  if (!questions.length) problems.push(`${where}: has no questions`);
  const fields = questions.flatMap((q, i) => convertQuestion(q, i, where, problems) ?? []);
  if (problems.length) throw new DialogImportError(problems);
  const description = typeof doc.description === 'string' && doc.description.trim() ? doc.description.trim() : undefined;
  const definition: DialogDefinition = {
    name: dialogName,
    label: label || dialogName,
    ...(description ? { description } : {}),
    tabs: [{ label: 'Survey', boxes: [{ label: description ?? 'Questions', fields }] }],
  };
  return parseAll([definition], () => where);
}
