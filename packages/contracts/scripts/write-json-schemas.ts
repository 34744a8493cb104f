import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eventJsonSchemas } from './json-schemas';

const dir = path.join(__dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) if (file.endsWith('.schema.json')) rmSync(path.join(dir, file));
const schemas = eventJsonSchemas();
for (const [file, schema] of schemas)
  writeFileSync(path.join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
console.log(`wrote ${schemas.size} schemas to ${path.relative(process.cwd(), dir)}`);
