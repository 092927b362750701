// Writes the JSON Schema of the published record from its zod schema; `--check` fails when the committed
// file is out of date (CI runs it through `pnpm check`). Either way the schema must compile under ajv in
// strict mode with its formats known (date-time, date, uri), so consumers validating records check them.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { recordJsonSchema } from '@wirehose/schemas';

const target = fileURLToPath(new URL('../packages/schemas/schema/record-v1.json', import.meta.url));
const schema = recordJsonSchema();
const text = `${JSON.stringify(schema, null, 2)}\n`;

const ajv = new Ajv2020({ strict: true });
ajvFormats.default(ajv);
try {
  ajv.compile(schema);
} catch (err) {
  console.error(
    `the record's JSON Schema does not compile under ajv (strict, with formats): ${(err as Error).message}`,
  );
  process.exit(1);
}

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`${target} is out of date: run \`pnpm schema:generate\` and commit the result`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  await writeFile(target, text);
  console.log(`wrote ${target}`);
}
