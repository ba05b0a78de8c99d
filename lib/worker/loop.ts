// A polling loop: run a step until it finds nothing to do, then sleep until the next interval
// or until woken (by a NOTIFY, say). Errors are logged and slow the loop down, never stop it.
import { rootMessage } from "@/lib/root-message";

export interface Loop {
  wake: () => void;
  stop: () => Promise<void>;
}

export function startLoop(name: string, intervalMs: number, step: () => Promise<boolean>): Loop {
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  // A wake that came while a step ran: that step may have read before the change it announces,
  // so the loop steps again instead of sleeping (a lost wake cost a whole interval).
  let wokenMidStep = false;
  let failures = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  const running = (async () => {
    while (!stopped) {
      let busy = false;
      wokenMidStep = false;
      try {
        busy = await step();
        failures = 0;
      } catch (error) {
        failures++;
        // The statement's first line, then the database's own words (drizzle keeps them in `cause`).
        const what = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);
        const why = rootMessage(error);
        console.error(`[worker:${name}] step failed: ${what}${why === what ? "" : ` — ${why}`}`);
      }
      if (stopped) break;
      // After a failure it backs off; a wake that came mid-step does not skip that, lest a broken step spin.
      if (failures) await sleep(Math.min(intervalMs * 2 ** failures, 30_000));
      else if (!busy && !wokenMidStep) await sleep(intervalMs);
    }
  })();

  return {
    wake: () => {
      if (wakeUp) wakeUp();
      else wokenMidStep = true;
    },
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await running;
    },
  };
}
