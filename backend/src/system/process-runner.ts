import { Injectable } from '@nestjs/common';
import { execa, type Options } from 'execa';

/**
 * The one seam through which the application starts child processes (git, ansible).
 * Always an argument array, never a shell. Unit tests may replace it; integration
 * tests use it as it is.
 */
@Injectable()
export class ProcessRunner {
  /** Runs to completion and returns stdout; throws with stderr on a non-zero exit. */
  async run(file: string, args: readonly string[], options: Options = {}): Promise<string> {
    const result = await execa(file, args, { ...options, shell: false, stripFinalNewline: true });
    return typeof result.stdout === 'string' ? result.stdout : '';
  }

  /** Starts a process and hands back the handle (streams, kill, promise). */
  spawn<O extends Options>(file: string, args: readonly string[], options: O) {
    return execa(file, args, { ...options, shell: false });
  }
}
