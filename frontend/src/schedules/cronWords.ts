// A five-field cron expression in words for the schedules list ("every day at 02:00 (UTC)"): the
// common shapes are said plainly, anything else is shown as the expression itself.
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBER = /^\d+$/;

const two = (n: string) => n.padStart(2, '0');
const dayName = (d: string) => DAYS[Number(d) % 7];

function weekdays(field: string): string | null {
  if (field === '1-5') return 'every weekday (Monday to Friday)';
  if (field === '0,6' || field === '6,0') return 'every Saturday and Sunday';
  if (NUMBER.test(field)) return `every ${dayName(field)}`;
  if (/^\d(,\d)+$/.test(field)) {
    const names = field.split(',').map(dayName);
    return `every ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }
  return null;
}

export function cronInWords(cron: string, timezone: string): string {
  const fields = cron.trim().split(/\s+/);
  const zone = ` (${timezone})`;
  if (fields.length !== 5) return `cron ${cron}${zone}`;
  const [minute, hour, dom, month, dow] = fields;
  const step = /^\*\/(\d+)$/;
  if (dom === '*' && month === '*' && dow === '*') {
    if (minute === '*' && hour === '*') return 'every minute';
    const everyMinutes = step.exec(minute);
    if (everyMinutes && hour === '*') return `every ${everyMinutes[1]} minutes`;
    if (NUMBER.test(minute) && hour === '*') return `every hour at minute ${Number(minute)}`;
  }
  if (!NUMBER.test(minute) || !NUMBER.test(hour)) return `cron ${cron}${zone}`;
  const at = `at ${two(hour)}:${two(minute)}${zone}`;
  if (month !== '*') return `cron ${cron}${zone}`;
  if (dom === '*' && dow === '*') return `every day ${at}`;
  if (dom === '*') {
    const days = weekdays(dow);
    return days ? `${days} ${at}` : `cron ${cron}${zone}`;
  }
  if (dow === '*' && NUMBER.test(dom)) return `on day ${Number(dom)} of every month ${at}`;
  return `cron ${cron}${zone}`;
}
