import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Run a full garbage collection now. V8 lets a busy heap grow far past what it keeps alive
 * (in a batch of 300 homework PDFs, the main thread's heap reached 175 MB for 60 MB of live
 * objects), and a thread that mostly waits for workers never gives it a reason to shrink.
 * `gc` is exposed to a fresh context only, so the process's own globals stay untouched.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
