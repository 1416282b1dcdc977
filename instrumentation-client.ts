import { config } from "zod/v4/core";

// Zod compiles fast parsers with `new Function` when it may; the Content-Security-Policy
// (no 'unsafe-eval') forbids that in the browser, and each attempt would be reported as a violation.
config({ jitless: true });
