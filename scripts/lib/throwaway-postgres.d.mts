export function findPostgresBin(): string | undefined;
export function startThrowawayPostgres(port?: number): { url: string; stop(): void };
