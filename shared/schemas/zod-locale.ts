import { en } from "zod/locales";
import * as z from "zod/mini";

/**
 * zod/mini ships no locale (its messages are all "Invalid input"); classic zod configures English.
 * Imported for its side effect by every module that defines schemas (and by taskHandler), so the
 * problem+json `errors[].message`s stay the ones classic zod gave. Not by apiHandler: a handler
 * without schemas (health) then bundles no zod at all.
 */
z.config(en());
