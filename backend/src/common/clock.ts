import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time of the portal's calendar — retirement dates and their warnings: one injectable
 * clock, so a test (or a drill) moves it forward instead of waiting days. Everything else
 * (tokens, leases, job timeouts) keeps the machine's time.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward (or back) by `ms`: for tests, in the process the portal runs in. */
  shift(ms: number): void {
    this.offsetMs += ms;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
