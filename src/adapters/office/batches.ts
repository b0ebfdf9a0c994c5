// Spreading queued work over context.sync() calls by an estimated byte budget. Excel on the web
// refuses a request or a response above 5 MB per sync, whatever the number of ranges in it
// ("call context.sync() for each sub-operation", Office's resource-limits page); on the desktop
// the budget is unbounded and everything goes in one sync.

/** One piece of work that can share a sync with others. */
export interface Job {
  /** Estimated bytes it adds to the request. */
  request: number;
  /** Estimated bytes it adds to the response. */
  response: number;
  /** Queues its commands; returns what to do with the results once its sync has succeeded. */
  queue(): (() => void) | void;
  /** Two or more smaller jobs doing the same (e.g. halves of a band of rows); undefined when it cannot be split. */
  split?(): Job[] | undefined;
  /**
   * True for a job that Excel may refuse for its size in another way than by bytes (merged-area
   * reads fail above 512 areas): such a failure halves it too.
   */
  fragile?: boolean;
  /** For a fragile job that cannot be split further: gives up on it (true) instead of failing the whole read. */
  giveUp?(error: unknown): boolean;
}

/** Excel on the web's own limit; the adapter aims well under it, its estimates being rough. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Default budget per sync on the web: about half the limit, for what the estimates miss. */
export const WEB_BUDGET = 2_500_000;

export function isPayloadError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** Statistics of one syncJobs call, for the bench and tests. */
export interface SyncStats {
  syncs: number;
  /** Syncs Excel refused for their size, each followed by a smaller retry. */
  retries: number;
  /** Estimated [request, response] bytes of each successful sync. */
  estimates: [number, number][];
}

/**
 * Runs `jobs` in order in as few syncs as the budget allows. A sync Excel refuses for its size is
 * retried with half as much (a single job is split); other failures propagate, except those of
 * fragile jobs, which are halved the same way and at worst given up.
 */
export async function syncJobs(context: Excel.RequestContext, jobs: Job[], budget: number, stats?: SyncStats): Promise<void> {
  // A stack, next job last: taking and putting back are O(1).
  const pending = [...jobs].reverse();
  let limit = budget;
  while (pending.length > 0) {
    // A job larger than the budget on its own is split before it is sent, where it can be.
    const next = pending[pending.length - 1];
    const parts = Math.max(next.request, next.response) > limit ? next.split?.() : undefined;
    if (parts && parts.length > 0) {
      pending.pop();
      pending.push(...[...parts].reverse());
      continue;
    }
    const chunk = takeChunk(pending, limit);
    const done = chunk.map((job) => job.queue());
    try {
      // One sync per chunk is the point here: the chunks are sized to stay under Excel's limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const payload = isPayloadError(error);
      if (!payload && !chunk.some((job) => job.fragile)) throw error;
      if (stats) stats.retries += 1;
      if (chunk.length > 1) {
        // Halve what goes into one sync, from now on: the estimates were too low for this workbook.
        limit = Math.max(1, Math.floor(Math.max(sum(chunk, 'request'), sum(chunk, 'response')) / 2));
        pending.push(...[...chunk].reverse());
        continue;
      }
      const [job] = chunk;
      const parts = job.split?.();
      if (parts && parts.length > 0) {
        pending.push(...[...parts].reverse());
        continue;
      }
      if (!payload && job.giveUp?.(error)) continue;
      throw error;
    }
    if (stats) {
      stats.syncs += 1;
      stats.estimates.push([sum(chunk, 'request'), sum(chunk, 'response')]);
    }
    for (const after of done) after?.();
  }
}

function sum(jobs: Job[], key: 'request' | 'response'): number {
  return jobs.reduce((n, job) => n + job[key], 0);
}

/** Takes jobs off the stack while both estimates stay within `limit` (at least one job). */
function takeChunk(pending: Job[], limit: number): Job[] {
  const chunk: Job[] = [];
  let request = 0;
  let response = 0;
  while (pending.length > 0) {
    const next = pending[pending.length - 1];
    if (chunk.length > 0 && (request + next.request > limit || response + next.response > limit)) break;
    chunk.push(next);
    pending.pop();
    request += next.request;
    response += next.response;
  }
  return chunk;
}

/**
 * What to do with a loaded object once its sync has succeeded. The object is handed over as a
 * parameter: it is read only after the sync, which the linter cannot see through a closure.
 */
export function after<T>(object: T, use: (loaded: T) => void): () => void {
  return () => use(object);
}

/** Bytes of a string as UTF-8 JSON (what it adds to a request or response). */
export function textBytes(text: string): number {
  let n = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}
