// Request schemas of the resources API (§4, seed 003). Its validation messages are in
// the words of that API's framework (FastAPI/pydantic), not the DRF words of §1.
import { MAX_RESOURCE_NAME, MAX_RESOURCE_PAGE } from "@/lib/domain/resources";
import { RESOURCE_KINDS } from "@/lib/vocabulary";
import { FIELD_REQUIRED } from "./dialect";
import { z } from "../messages";

const required = (message: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? FIELD_REQUIRED : message) });

/** A whole number in a query string, with pydantic's messages. */
const queryInt = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? String(fallback) : v))
    .pipe(z.string().regex(/^\d+$/, "Input should be a valid integer, unable to parse string as an integer"))
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `Input should be greater than or equal to ${min}`)
        .max(max, `Input should be less than or equal to ${max}`),
    );

export const listResourcesQuery = z.object({
  skip: queryInt(0, 0, Number.MAX_SAFE_INTEGER),
  limit: queryInt(MAX_RESOURCE_PAGE, 1, MAX_RESOURCE_PAGE),
});

export const createResourceRequest = z.object({
  name: z
    .string(required("Input should be a valid string"))
    .trim()
    .min(1, "String should have at least 1 character")
    .max(MAX_RESOURCE_NAME, `String should have at most ${MAX_RESOURCE_NAME} characters`),
  kind: z.enum(RESOURCE_KINDS, required("Input should be 'source' or 'destination'")),
  connector: z.string(required("Input should be a valid string")).min(1, "String should have at least 1 character").max(32, "String should have at most 32 characters"),
  config: z.record(z.string(), z.unknown(), "Input should be a valid dictionary").default({}),
  with_wrapper: z.boolean("Input should be a valid boolean").default(false),
});
export type CreateResourceRequest = z.infer<typeof createResourceRequest>;

/** DELETE may say why, in a JSON body or as ?reason= (kept in the audit log). */
export const deleteResourceRequest = z.object({
  reason: z.string("Input should be a valid string").max(500, "String should have at most 500 characters").optional(),
});
