// What `next start` runs first on Node (instrumentation.ts register()), as a process of its own for tests/unit/settings-at-start.test.ts.
import { register } from "@/instrumentation";

await register();
