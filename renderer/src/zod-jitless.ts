import { z } from 'zod';

// The page's CSP allows no eval. Zod compiles object parsers with `new Function` and probes for that
// when the first object schema is built (app/shared's, at import): a refused probe is still a reported
// CSP violation. The page validates nothing itself (the host does), so the interpreter is plenty.
// Imported first by main.tsx so it runs before any schema exists.
z.config({ jitless: true });
