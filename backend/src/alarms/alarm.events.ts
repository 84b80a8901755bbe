import type { AlarmEntity } from './alarm.entity.js';

/** An alarm was raised (a new one: raising an open one again emits nothing). */
export class AlarmRaisedEvent {
  static readonly NAME = 'alarm.raised';
  constructor(readonly alarm: AlarmEntity) {}
}

/** An open alarm was cleared: its cause went away, or someone cleared it. */
export class AlarmClearedEvent {
  static readonly NAME = 'alarm.cleared';
  constructor(readonly alarm: AlarmEntity) {}
}
