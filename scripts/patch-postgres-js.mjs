/**
 * Run after every install (`postinstall`): guards postgres.js 3.4.9 against writing to a socket
 * that has closed (porsager/postgres#1154, #1208; the fix proposed upstream is PR #1209, not
 * released). Unpatched, a transaction whose connection closes under it (a database restart) waits
 * forever: the request never answers and its pooled connection stays reserved, so a few of them
 * leave the app hung for good (docs/reliability/faults.md). Patched, the query fails with
 * CONNECTION_CLOSED like any other, the transaction rolls back, and the connection reconnects.
 * Idempotent; a version other than 3.4.9 is left alone with a warning (check whether it is fixed).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.join(process.cwd(), "node_modules", "postgres");
const MARK = "csm: guard against a closed socket";
const ORIGINAL = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)\n";
const PATCHED = `  function nextWrite(fn) {
    if (!socket) { // ${MARK} (porsager/postgres#1208)
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)
`;

if (!existsSync(root)) process.exit(0);
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
if (version !== "3.4.9") {
  console.warn(`[patch-postgres-js] postgres ${version}, not 3.4.9: not patched. Check porsager/postgres#1208, then update or remove this patch.`);
  process.exit(0);
}
for (const variant of ["src", "cjs/src", "cf/src"]) {
  const file = path.join(root, variant, "connection.js");
  const source = readFileSync(file, "utf8");
  if (source.includes(MARK)) continue;
  if (!source.includes(ORIGINAL)) throw new Error(`[patch-postgres-js] ${file}: nextWrite() is not as expected; patch not applied.`);
  writeFileSync(file, source.replace(ORIGINAL, PATCHED));
}
