// What the Db knows of the database's health: down from the moment a call (or the supervisor) finds
// it unreachable until a probe sees it answer again. Calls waiting on a database found down fail at
// once. Probes run on a driver of their own (a connection or two), so a busy database is not taken
// for a down one, and a probe never keeps the process alive.
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors.ts';
import {
  isAcquisitionTimeout,
  isTransactionTimeout,
  PROBE_INTERVAL_MS,
  PROBE_STALE_MS,
  PROBE_TIMEOUT_MS,
  within,
} from './failures.ts';

export type DbHealth = 'up' | 'down';
export type ProbeResult = 'ok' | 'unreachable' | 'no answer';

export class HealthMonitor {
  private down = false;
  closed = false;
  private probeTimer: NodeJS.Timeout | undefined;
  /** The probe in flight, shared by its callers, each waiting on it as long as they will. */
  private probing: { answer: Promise<ProbeResult>; since: number } | undefined;
  /** Calls waiting on the database, each failed at once when it is found down. */
  readonly waiting = new Set<(err: Error) => void>();
  private readonly listeners = new Set<(health: DbHealth) => void>();

  constructor(
    private readonly probeDriver: Driver,
    private readonly database: string,
  ) {}

  /** No more probes (the Db is closing). */
  close(): void {
    this.closed = true;
    clearTimeout(this.probeTimer);
  }

  /** 'down' from the moment a call (or markDown) finds the database unreachable until a probe answers. */
  get health(): DbHealth {
    return this.down ? 'down' : 'up';
  }

  /** Calls `listener` at each change of health; returns a function that unsubscribes. */
  onHealthChange(listener: (health: DbHealth) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Marks the database down now (the supervisor saw its JVM exit, or a call found it unreachable):
   * calls waiting on it and calls to come fail with DATABASE_UNAVAILABLE until a probe sees it answer.
   */
  markDown(): void {
    if (this.down || this.closed) return;
    this.down = true;
    for (const fail of [...this.waiting]) fail(new DatabaseUnavailableError());
    this.tell('down');
    this.scheduleProbe();
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.tell('up');
  }

  private tell(health: DbHealth): void {
    for (const listener of this.listeners) {
      try {
        listener(health);
      } catch {
        // a listener's failure is its own; the Db goes on
      }
    }
  }

  private scheduleProbe(): void {
    if (this.probeTimer || this.closed) return;
    this.probeTimer = setTimeout(async () => {
      this.probeTimer = undefined;
      if (!this.down) return;
      if ((await this.probe(PROBE_TIMEOUT_MS)) === 'ok') this.markUp();
      else this.scheduleProbe();
    }, PROBE_INTERVAL_MS);
    // a probe never keeps the process alive
    this.probeTimer.unref();
  }

  /**
   * Whether the database answers a trivial read within `timeoutMs` (on the probe's own connection);
   * callers share the probe in flight. A probe that gets no answer goes on in the background.
   */
  probe(timeoutMs: number): Promise<ProbeResult> {
    if (this.closed) return Promise.resolve('unreachable');
    if (!this.probing || Date.now() - this.probing.since > PROBE_STALE_MS) {
      const probing = { answer: this.ask(), since: Date.now() };
      this.probing = probing;
      void probing.answer.then(() => {
        if (this.probing === probing) this.probing = undefined;
      });
    }
    return within(this.probing.answer, timeoutMs, (): ProbeResult => 'no answer');
  }

  /** One auto-commit `RETURN 1` without retries; the server ends it after PROBE_TIMEOUT_MS. Never rejects. */
  private async ask(): Promise<ProbeResult> {
    let session: Session | undefined;
    try {
      session = this.probeDriver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        disableAutoCommitRetries: true,
      });
      await session.run('/* ping */ RETURN 1 AS ok', {}, { timeout: PROBE_TIMEOUT_MS });
      return 'ok';
    } catch (err) {
      // slow, not gone: the server's timeout, or no probe connection free in time
      return isTransactionTimeout(err) || isAcquisitionTimeout(err) ? 'no answer' : 'unreachable';
    } finally {
      void session?.close().catch(() => undefined);
    }
  }

  /**
   * A call ran out of time (no connection, or no answer by its deadline), which may mean a hung
   * database: probe now, on the probe's own connection, and mark it down unless it answers.
   */
  suspect(): void {
    if (this.down) return;
    void this.probe(PROBE_TIMEOUT_MS).then((result) => {
      if (result !== 'ok') this.markDown();
    });
  }
}
