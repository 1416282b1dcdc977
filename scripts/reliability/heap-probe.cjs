// Preloaded into the server by scripts/reliability-load.ts only (node --expose-gc -r): on SIGUSR2,
// a full garbage collection, then the live heap is appended to RELIABILITY_HEAP_LOG as one JSON line.
// RSS alone cannot tell a leak from garbage V8 has not collected yet; the heap left after a full
// collection can.
const { appendFileSync } = require("node:fs");

process.on("SIGUSR2", () => {
  const started = performance.now();
  global.gc();
  const memory = process.memoryUsage();
  appendFileSync(
    process.env.RELIABILITY_HEAP_LOG,
    `${JSON.stringify({ at: Date.now(), gcMs: Math.round(performance.now() - started), heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, rss: memory.rss, external: memory.external })}\n`,
  );
});
