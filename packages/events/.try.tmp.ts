import { createEventCoder } from './src/coder.js';
const coder = createEventCoder({ includeNonAsserted: process.env.ALL === '1' });
const lines = process.argv.slice(2);
for (const text of lines) {
  const ev = coder.code({ text, publishedAt: '2025-10-31T12:00:00Z' });
  console.log('>', text);
  for (const e of ev) console.log('   ', e.type, e.mode ?? '', e.source?.code ?? '-', '->', e.targets.map((t) => t.code).join(',') || '-', e.polarity, e.cameo.code, JSON.stringify(e.source?.text), e.date);
}
