/**
 * Extension pages and content scripts may not evaluate strings (MV3's CSP): without this,
 * Zod's first object parse tries `new Function` to find out, which costs a page several
 * milliseconds and can log a CSP refusal. Imported for its effect, before any schema is
 * built, by every module that builds schemas (classic Zod and `zod/mini` share the flag).
 */
import { config } from 'zod/mini';

config({ jitless: true });
