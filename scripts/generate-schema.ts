// Writes the JSON Schema of the published record from its zod schema; `--check` fails when the committed
// file is out of date (CI runs it through `pnpm check`).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { recordJsonSchema } from '@wirehose/schemas';

const target = fileURLToPath(new URL('../packages/schemas/schema/record-v1.json', import.meta.url));
const text = `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;

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
