/**
 * Zod 4 compiles fast object parsers with `new Function`, probing for it when the first object schema is built. Our
 * Content-Security-Policy allows no eval, so in the browser the probe is refused and reported as a CSP violation
 * (harmless, but noise that would hide a real one). The browser barely validates (forms validate on the server), so
 * it runs Zod without the compiler. Imported first by app/root.tsx, so it runs before any schema module.
 */
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
