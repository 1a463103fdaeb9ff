/**
 * Long jobs written as generators (a `yield` between steps) run either at once, or in slices that
 * hand the event loop back between them: loading a folder of 10,000 files then never holds up
 * searches and notebook calls, which share the core's one thread, for longer than a slice.
 */
export type Steps<T> = Generator<void, T, void>;

/** Half a frame: a call that arrives while a job runs waits about this long. */
const SLICE_MS = 8;

export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
