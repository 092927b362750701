import { z } from 'zod';
import { RECORD_SCHEMA_ID, RECORD_SCHEMA_URL, StoryRecordSchema } from './record.js';

/** The JSON Schema (draft 2020-12) of `wirehose.record/v1`, as committed in `schema/record-v1.json`. */
export function recordJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(StoryRecordSchema, { target: 'draft-2020-12', io: 'output' }),
    $id: RECORD_SCHEMA_URL,
    title: RECORD_SCHEMA_ID,
    description:
      'A story published by wirehose: its copies, original source and events. Keep the highest version per id.',
  };
}
