import { type AppConfig, parseConfig } from "./lib/config-schema";

let cached: AppConfig | undefined;

/** Parsed once; call at boot so a bad value stops the process before it serves. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests change the environment between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}
