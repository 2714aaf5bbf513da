export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

/** A failure to report as one line on stderr with this exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Exit codes the CLI documents: 2 usage, 3 stale version, 4 not allowed. */
export const EXIT = { usage: 2, stale: 3, forbidden: 4 } as const;

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

export function printResult(io: CliIo, json: boolean, value: unknown, human: string): void {
  io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
}

export async function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError('--password-stdin expects the password on standard input (for example: echo "$PW" | claimdesk ...)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
