import { CronExpressionParser } from 'cron-parser';
import { validationFailed } from '../common/app-error.js';

/** Whether `zone` is an IANA time zone this Node knows ("UTC", "Europe/Paris"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/**
 * Checks a standard five-field cron expression (minute hour day month weekday) and a time
 * zone; VALIDATION_FAILED naming the field otherwise. Returns the expression with its spaces
 * made single.
 */
export function checkCron(cron: string, timezone: string): string {
  // Long inputs are refused before they are parsed or repeated back in a message.
  if (cron.length > 100) throw validationFailed('Cron: at most 100 characters (minute hour day month weekday).', { cron: 'is at most 100 characters' });
  if (timezone.length > 64)
    throw validationFailed('Timezone: at most 64 characters (an IANA name such as Europe/Paris).', { timezone: 'is at most 64 characters' });
  const expression = cron.trim().split(/\s+/).join(' ');
  const problem = (): string | null => {
    if (expression.split(' ').length !== 5) return 'it has not five fields';
    try {
      CronExpressionParser.parse(expression, { tz: 'UTC', strict: false }).next();
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  };
  const why = problem();
  if (why) {
    throw validationFailed(`Cron: "${cron}" is not a valid cron expression (minute hour day month weekday): ${why}.`, {
      cron: 'is not a valid cron expression (minute hour day month weekday)',
    });
  }
  if (!isTimeZone(timezone)) {
    throw validationFailed(`Timezone: "${timezone}" is not a time zone (an IANA name such as UTC or Europe/Paris).`, {
      timezone: 'is not an IANA time zone',
    });
  }
  return expression;
}

/** The first time after `after` that the expression names, read in `timezone`. */
export function nextCronRun(cron: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
}
