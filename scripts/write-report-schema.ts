// Writes docs/report.schema.json, the JSON Schema of the JSON export, from the zod schema
// that the exporter is tested against. A test fails if the committed file is out of date.
import fs from "node:fs";
import path from "node:path";
import { reportJsonSchema } from "../app/lib/export/json-schema";

const file = path.resolve(import.meta.dirname, "../docs/report.schema.json");
fs.writeFileSync(file, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
