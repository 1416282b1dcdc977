/**
 * Effects that must wait for a transaction to commit (a log line saying a change happened) and
 * must not happen if it rolls back. Drizzle has no commit hook, so the database handle's
 * `transaction` is wrapped: effects queued inside run after the outermost transaction commits.
 */
type Effect = () => void;
type Transactional = { transaction: (run: (tx: never) => Promise<unknown>, config?: unknown) => Promise<unknown> };

const queues = new WeakMap<object, Effect[]>();
const wrapped = Symbol.for("csm.afterCommit");

function runAll(effects: Effect[]): void {
  for (const effect of effects) {
    try {
      effect();
    } catch {
      // An effect is a report about a committed change: its failure must not fail the change.
    }
  }
}

function wrap(target: object, parent: Effect[] | null): void {
  const handle = target as Transactional & { [wrapped]?: true };
  if (handle[wrapped]) return;
  const transaction = handle.transaction.bind(handle);
  handle.transaction = async (run, config) => {
    const effects: Effect[] = [];
    const result = await transaction(async (tx: object) => {
      queues.set(tx, effects);
      wrap(tx, effects);
      return run(tx as never);
    }, config);
    // A nested transaction (savepoint) hands its effects to the one around it.
    if (parent) parent.push(...effects);
    else runAll(effects);
    return result;
  };
  handle[wrapped] = true;
}

/** Makes `database.transaction` honour afterCommit. */
export function withCommitEffects<T extends object>(database: T): T {
  wrap(database, null);
  return database;
}

/** Runs `effect` once the transaction `executor` belongs to has committed; outside a transaction, at once. */
export function afterCommit(executor: object, effect: Effect): void {
  const queue = queues.get(executor);
  if (queue) queue.push(effect);
  else runAll([effect]);
}
