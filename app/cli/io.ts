import { AppError } from "../lib/app-error";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

export function printResult(io: CliIo, json: boolean, value: unknown, human: string): void {
  io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
}

export async function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new AppError("usage", '--password-stdin expects the password on standard input (for example: echo "$PW" | claimdesk ...)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
