import { getDb } from "../../db.server";
import type { Actor } from "../user.server";

export interface ImportJobInput {
  source: "file" | "pasted";
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  pastedTitle?: string | null;
}

/** Queues one job per file (and one for pasted text), in upload order; returns their ids. */
export async function createImportJobs(options: {
  project: { id: number; claimThreshold: number | null };
  inputs: ImportJobInput[];
  actor: Actor;
}): Promise<number[]> {
  const { project, inputs, actor } = options;
  const ids: number[] = [];
  // One at a time, not createMany: each id is needed, and a 20 MB payload is one statement anyway.
  for (const input of inputs) {
    const job = await getDb().importJob.create({
      data: {
        projectId: project.id,
        createdById: actor.id,
        actorName: actor.name ?? "unknown",
        actorIp: actor.ip ?? null,
        source: input.source,
        fileName: input.fileName,
        pastedTitle: input.pastedTitle ?? null,
        payload: input.bytes,
        threshold: project.claimThreshold,
      },
      select: { id: true },
    });
    ids.push(job.id);
  }
  return ids;
}
