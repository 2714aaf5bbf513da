import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

// One model instance per process: loading it takes ~100 ms and it is read-only.
let instance: ReturnType<typeof winkNLP> | undefined;
export function nlp() {
  instance ??= winkNLP(model);
  return instance;
}

// Extraction asks wink for two things, each from an instance that runs only the steps
// it needs (the steps left out change nothing those read; checked byte for byte on every
// labelled set): sentences with their tags and entities, without negation and sentiment;
// and the sentiment of a quotation, without tags and entities. Each instance shares the
// loaded model's data (about 4 MB and 0.2 s more per instance on first use).
let reader: ReturnType<typeof winkNLP> | undefined;
export function sentenceReaderNlp() {
  reader ??= winkNLP(model, ["sbd", "pos", "ner"]);
  return reader;
}

let sentimentReader: ReturnType<typeof winkNLP> | undefined;
export function sentimentNlp() {
  sentimentReader ??= winkNLP(model, ["sbd", "negation", "sentiment"]);
  return sentimentReader;
}
