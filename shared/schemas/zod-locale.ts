import { en } from "zod/locales";
import * as z from "zod/mini";

/**
 * zod/mini ships no locale (its messages are all "Invalid input"); classic zod configures English.
 * Imported for its side effect by every module that defines or parses schemas, so the problem+json
 * `errors[].message`s stay the ones classic zod gave.
 */
z.config(en());
