// Run by bench:extract in a fresh process: what loading the word vectors and the
// check-worthiness model adds to a process that already has the NLP model loaded.
// Every module is imported first (as the built server's bundle is), so the timing is
// the reading and decoding the first extraction of a server or CLI process pays.
import { nlp } from "../../app/lib/extraction/nlp";
import { checkworthinessModel } from "../../app/lib/extraction/model";
import { wordVectors } from "../../app/lib/vectors";

const rss = () => process.memoryUsage().rss / 1e6;
const t0 = performance.now();
nlp().readDoc("The council met on Monday.");
const baseMs = performance.now() - t0;
const baseRssMb = rss();
const t1 = performance.now();
wordVectors();
checkworthinessModel();
const addedMs = performance.now() - t1;
console.log(JSON.stringify({ baseMs, addedMs, baseRssMb, addedRssMb: rss() - baseRssMb }));
