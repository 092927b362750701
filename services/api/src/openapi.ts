import { z } from 'zod';
import type { FastifySchema } from 'fastify';
import { ERROR_CODES, type ErrorCode } from './http-error.js';

/** A JSON Schema (OpenAPI 3.0 flavour) for route documentation; validation stays with zod. */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
}

export const ErrorSchema = jsonSchema(
  z.looseObject({
    statusCode: z.int(),
    error: z.string(),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).describe('stable; see docs/api.md'),
    message: z.string(),
  }),
);

/** Route documentation, typed loosely on purpose: the JSON schemas document, zod validates. */
export function routeDoc(schema: FastifySchema & Record<string, unknown>): FastifySchema {
  return schema;
}
