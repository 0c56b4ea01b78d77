// Batches and pipelining for an import's statements: a list cut into batches of a size, and a
// statement per item sent with the next already on its way while the database runs one.

/** Statements of one kind in flight at once: the driver sends the next while the database runs one. */
const PIPELINE_DEPTH = 2;

/**
 * Sends a statement for each item with up to PIPELINE_DEPTH in flight, and hands each result to
 * `take` in order. The first failure is thrown (the transaction is then rolled back whole).
 */
export async function pipelined<T, R>(
  items: readonly T[],
  send: (item: T) => Promise<R>,
  take: (result: R, item: T) => Promise<void> | void,
): Promise<void> {
  const inflight: { item: T; result: Promise<R> }[] = [];
  const next = async () => {
    const x = inflight.shift();
    if (x) await take(await x.result, x.item);
  };
  for (const item of items) {
    const result = send(item);
    result.catch(() => undefined); // a later one failing with the first is not left unhandled
    inflight.push({ item, result });
    if (inflight.length >= PIPELINE_DEPTH) await next();
  }
  while (inflight.length) await next();
}

export function batches<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
