// Keeps the local Neo4j running: when its JVM dies without being asked to (a crash, `kill -9`), it is
// started again on the same data folder and the same Bolt port, so the driver reconnects on the URI it
// already has. Restarts back off (1 s, 2 s, 4 s … up to 30 s) and are limited: after 5 restarts within
// 10 minutes the supervisor gives up, says so, and leaves the API answering DATABASE_UNAVAILABLE.
// One log line per event. The API keeps running throughout; stop() ends the JVM and any restart.
import { type ExitStatus, type LocalNeo4j, type LocalNeo4jOptions, startLocalNeo4j } from './local-neo4j.ts';

export interface RestartPolicy {
  /** Delay before the first restart; doubled for each further restart within the window. */
  backoffMs: number;
  /** Longest delay between restarts. */
  maxBackoffMs: number;
  /** Restarts allowed within the window; one more and the supervisor gives up. */
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  maxRestarts: 5,
  windowMs: 10 * 60_000,
};

export type SupervisorEvent =
  /** The JVM exited unexpectedly; a restart follows after `delayMs`. */
  | { type: 'exited'; status: ExitStatus; attempt: number; delayMs: number }
  /** A restart did not bring Neo4j up; another follows after `delayMs`. */
  | { type: 'restart-failed'; reason: string; attempt: number; delayMs: number }
  /** Neo4j answers again, `downMs` after the exit. */
  | { type: 'ready'; pid: number; downMs: number; attempt: number }
  /** Too many restarts within the window: no more attempts. */
  | { type: 'gave-up'; restarts: number };

export type SupervisorState = 'running' | 'restarting' | 'failed' | 'stopped';

export interface SupervisorOptions extends LocalNeo4jOptions {
  policy?: Partial<RestartPolicy>;
  /** Called for each event, after its log line. */
  onEvent?: (event: SupervisorEvent) => void;
}

export interface SupervisedNeo4j {
  /** The Bolt URI; the same across restarts. */
  readonly uri: string;
  /** The current JVM (the last one while restarting or after giving up). */
  readonly pid: number;
  readonly state: SupervisorState;
  /** Stops the JVM, or a restart under way or pending; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * When to restart after a failure at `now`, given the times of earlier restarts: the attempt number
 * within the window and its delay, or null when the limit is reached.
 */
export function nextRestart(
  earlier: readonly number[],
  now: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): { attempt: number; delayMs: number } | null {
  const attempt = earlier.filter((t) => now - t < policy.windowMs).length + 1;
  if (attempt > policy.maxRestarts) return null;
  return { attempt, delayMs: Math.min(policy.backoffMs * 2 ** (attempt - 1), policy.maxBackoffMs) };
}

function duration(ms: number): string {
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function describe(status: ExitStatus): string {
  return status.signal ? `signal ${status.signal}` : `code ${status.code}`;
}

/** Starts the local Neo4j (resolving once it is ready, like startLocalNeo4j) and supervises it. */
export async function superviseLocalNeo4j(options: SupervisorOptions): Promise<SupervisedNeo4j> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
  let current: LocalNeo4j = await startLocalNeo4j(options);
  // restarts reuse the port first chosen (port 0 picks one once) so the URI never changes
  const startOptions: LocalNeo4jOptions = { ...options, port: current.port };
  let state: SupervisorState = 'running';
  const restarts: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  let starting: { abort: AbortController; done: Promise<LocalNeo4j | undefined> } | undefined;
  let stopping: Promise<void> | undefined;

  const emit = (line: string, event: SupervisorEvent) => {
    log(line);
    try {
      options.onEvent?.(event);
    } catch (err) {
      // a listener's failure must not stop the supervision (nor crash the process)
      log(`neo4j: an event listener failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  /**
   * After a failure (`what` happened), schedules the next attempt or gives up, with one log line;
   * `downSince` is when Neo4j went away.
   */
  const plan = (
    downSince: number,
    what: string,
    event: (attempt: number, delayMs: number) => SupervisorEvent,
  ) => {
    const next = nextRestart(restarts, Date.now(), policy);
    if (!next) {
      state = 'failed';
      emit(
        `neo4j: ${what}; gave up after ${policy.maxRestarts} restarts within ${duration(policy.windowMs)}, requests get DATABASE_UNAVAILABLE until the API is restarted`,
        { type: 'gave-up', restarts: policy.maxRestarts },
      );
      return;
    }
    state = 'restarting';
    emit(
      `neo4j: ${what}; restarting in ${duration(next.delayMs)} (attempt ${next.attempt} of ${policy.maxRestarts})`,
      event(next.attempt, next.delayMs),
    );
    timer = setTimeout(() => {
      timer = undefined;
      void restart(downSince, next.attempt);
    }, next.delayMs);
  };

  const restart = async (downSince: number, attempt: number) => {
    if (stopping) return;
    restarts.push(Date.now());
    const abort = new AbortController();
    const done = startLocalNeo4j({ ...startOptions, signal: abort.signal });
    starting = { abort, done: done.catch(() => undefined) };
    try {
      current = await done;
    } catch (err) {
      if (stopping) return;
      const reason = err instanceof Error ? err.message : String(err);
      plan(downSince, `restart failed (${reason})`, (next, delayMs) => ({
        type: 'restart-failed',
        reason,
        attempt: next,
        delayMs,
      }));
      return;
    } finally {
      starting = undefined;
    }
    if (stopping) {
      await current.stop();
      return;
    }
    state = 'running';
    const downMs = Date.now() - downSince;
    emit(`neo4j: ready again after ${duration(Math.round(downMs / 100) * 100)} (pid ${current.pid})`, {
      type: 'ready',
      pid: current.pid,
      downMs,
      attempt,
    });
    watch(current);
  };

  const watch = (neo: LocalNeo4j) => {
    void neo.exitStatus.then((status) => {
      if (stopping || neo !== current) return;
      plan(Date.now(), `exited unexpectedly (${describe(status)})`, (attempt, delayMs) => ({
        type: 'exited',
        status,
        attempt,
        delayMs,
      }));
    });
  };
  watch(current);

  return {
    uri: current.uri,
    get pid() {
      return current.pid;
    },
    get state() {
      return state;
    },
    stop() {
      stopping ??= (async () => {
        state = 'stopped';
        if (timer) clearTimeout(timer);
        if (starting) {
          starting.abort.abort();
          // a start that won the race is stopped like any other
          await (await starting.done)?.stop();
        }
        await current.stop();
      })();
      return stopping;
    },
  };
}
