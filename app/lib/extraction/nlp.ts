import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

// One model instance per process: loading it takes ~100 ms and it is read-only.
let instance: ReturnType<typeof winkNLP> | undefined;
export function nlp() {
  instance ??= winkNLP(model);
  return instance;
}
