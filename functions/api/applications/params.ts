import * as z from "zod/mini";
import { applicationIdSchema, documentKeySchema } from "../../../shared/schemas/common";

export const applicationParams = z.object({ id: applicationIdSchema });
export const documentParams = z.object({ id: applicationIdSchema, documentKey: documentKeySchema });
