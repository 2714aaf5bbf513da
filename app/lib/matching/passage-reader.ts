import { type NlpLimits, NLP_LIMITS, type Sentence, iterateSentences } from "../extraction/sentences";
import type { TimeBudget } from "./time-budget";

export interface ReadableDocument {
  id: number;
  title: string;
  text: string;
}

export interface SentenceSpan {
  start: number;
  end: number;
}

interface Reading {
  sentences: SentenceSpan[];
  /** Null once the whole document is read. */
  rest: Iterator<Sentence> | null;
}

/**
 * A project's documents read into sentences for matching, a piece at a time within a request's
 * budget, and kept: a document never changes (a new version is a new document), so it is read
 * once, and a long one is read over several requests, resuming where the last one stopped.
 */
export class PassageReader {
  private readings = new Map<number, Reading>();
  private busy: Promise<void> = Promise.resolve();

  constructor(private readonly limits: NlpLimits = NLP_LIMITS) {}

  /** Reads what the budget allows; returns the documents read whole and how many are not yet. */
  async read(
    documents: ReadableDocument[],
    budget: TimeBudget,
  ): Promise<{ ready: Array<ReadableDocument & { sentenceSpans: SentenceSpan[] }>; unread: number }> {
    // One request reads at a time; the others wait for it and then read on themselves.
    const previous = this.busy;
    let release = () => undefined as void;
    this.busy = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      const current = new Set(documents.map((d) => d.id));
      for (const id of this.readings.keys()) if (!current.has(id)) this.readings.delete(id);
      for (const document of documents) {
        if (budget.exhausted) break;
        let reading = this.readings.get(document.id);
        if (!reading) {
          reading = { sentences: [], rest: iterateSentences(document.text, this.limits) };
          this.readings.set(document.id, reading);
        }
        while (reading.rest) {
          if (budget.exhausted) break;
          const next = reading.rest.next();
          if (next.done) reading.rest = null;
          else reading.sentences.push({ start: next.value.start, end: next.value.end });
          await budget.breathe();
        }
      }
      const ready = documents.flatMap((document) => {
        const reading = this.readings.get(document.id);
        return reading && !reading.rest ? [{ ...document, sentenceSpans: reading.sentences }] : [];
      });
      return { ready, unread: documents.length - ready.length };
    } finally {
      release();
    }
  }
}
