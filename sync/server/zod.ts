import type { FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify';
import type { z } from 'zod';

/**
 * Route schemas are the protocol's zod schemas themselves: Fastify validates bodies with them (400 on failure),
 * and handlers get the parsed, typed value. Responses can be checked against their schema too (in tests), so a
 * handler cannot drift from the protocol unnoticed.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

const describe = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ')
    .slice(0, 500);

class ValidationError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_VALIDATION';
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data: unknown) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: new ValidationError(describe(result.error)) };
  };

export const zodSerializerCompiler =
  (checkResponses: boolean): FastifySerializerCompiler<z.ZodType> =>
  ({ schema }) =>
  (data: unknown) => {
    if (checkResponses) {
      const result = schema.safeParse(data);
      if (!result.success) throw new Error(`response does not match its schema: ${describe(result.error)}`);
    }
    return JSON.stringify(data);
  };
