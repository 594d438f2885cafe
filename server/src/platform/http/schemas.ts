import { z } from 'zod';

/** A body whose fields are all optional: an empty POST arrives as null and means {}. */
export function optionalBody<T extends z.ZodObject>(schema: T) {
  return z.preprocess((value) => value ?? {}, schema);
}
