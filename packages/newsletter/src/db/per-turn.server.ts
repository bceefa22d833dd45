interface Batch<I, R> {
  items: I[];
  waiters: { resolve(value: R | PromiseLike<R>): void; reject(error: unknown): void }[];
}

/**
 * Items handed in during one turn of the event loop are run together, per key (a
 * newsletter): `run` gets them in arrival order and gives one result per item, a value or
 * a promise of its own (so one item's failure is that item's alone). The mails of signups
 * that shared a commit (or whose answers came in together) reach their database writes in
 * the same turn, so one statement can do the work of several round trips.
 */
export function perTurn<K extends object, I, R>(
  run: (key: K, items: I[]) => Promise<(R | Promise<R>)[]>,
) {
  const pending = new WeakMap<K, Batch<I, R>>();
  return (key: K, item: I): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      let batch = pending.get(key);
      if (!batch) {
        const fresh: Batch<I, R> = { items: [], waiters: [] };
        pending.set(key, fresh);
        setImmediate(() => {
          pending.delete(key);
          // Through a promise, so a run that throws at once still answers every caller.
          Promise.resolve()
            .then(() => run(key, fresh.items))
            .then((results) => {
              if (results.length !== fresh.items.length) {
                throw new Error(
                  `perTurn: ${results.length} results for ${fresh.items.length} items`,
                );
              }
              fresh.waiters.forEach((w, i) => {
                w.resolve(results[i] as R | Promise<R>);
              });
            })
            .catch((error: unknown) => {
              for (const w of fresh.waiters) w.reject(error);
            });
        });
        batch = fresh;
      }
      batch.items.push(item);
      batch.waiters.push({ resolve, reject });
    });
}
