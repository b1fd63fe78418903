/**
 * Waits until `ready()` holds, looking every 20 ms and giving up after `ms`. A fixed sleep is not
 * enough for work running beside the test (a producer, git): on a loaded machine (CI runs the
 * suites side by side) it can take longer than any short sleep, and the first CI run that met one
 * failed with 36 of a hundred items made.
 */
export async function until(ready: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}
