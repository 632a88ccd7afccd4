/**
 * Conform's constraint of a Zod schema (the `required`, `maxLength` … of each field), computed once per schema:
 * getZodConstraint walks the whole schema, and each form asked for it again on every render of every page view.
 * Conform only reads the object it is given (@conform-to/dom wraps it in a read-only lookup), so one is shared.
 */
import { getZodConstraint } from "@conform-to/zod/v4";

type Schema = Parameters<typeof getZodConstraint>[0];
const constraints = new WeakMap<Schema, ReturnType<typeof getZodConstraint>>();

export function zodConstraint(schema: Schema): ReturnType<typeof getZodConstraint> {
  let constraint = constraints.get(schema);
  if (!constraint) {
    constraint = getZodConstraint(schema);
    constraints.set(schema, constraint);
  }
  return constraint;
}
