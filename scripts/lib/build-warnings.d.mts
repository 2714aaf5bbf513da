export function isKnownHarmlessBuildWarning(warning: { code?: string; id?: string; names?: string[] }): boolean;
