#!/usr/bin/env node
// The CLI runs its TypeScript sources directly through tsx, so it always matches the
// code it ships with and needs no separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../app/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
