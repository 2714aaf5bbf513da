// Articles as TF-IDF vectors over a project's articles, to find those that tell the same
// story: weight of a word = (1 + ln count) · ln(1 + articles / articles with the word),
// compared by cosine. Kept as postings (word -> articles) with integer word ids, so that an
// article added to a project of a thousand is compared with all of them in milliseconds and
// the weights follow the project as it grows.

export interface ArticleVectors {
  add: (documentId: number, termCounts: Map<string, number>) => void;
  has: (documentId: number) => boolean;
  /** The other articles at least `min` alike (cosine), most alike first. */
  alike: (documentId: number, min: number) => Array<[number, number]>;
}

export function createArticleVectors(): ArticleVectors {
  const termIds = new Map<string, number>();
  /** Per word id: the articles (by position) holding it and the word's 1 + ln count there. */
  const postingArticles: number[][] = [];
  const postingWeights: number[][] = [];
  const documentIds: number[] = [];
  const positionOf = new Map<number, number>();
  const articleTerms: Int32Array[] = [];
  const articleWeights: Float64Array[] = [];
  // Word weights and article norms for the article count they were computed for.
  let computedFor = -1;
  let idf = new Float64Array(0);
  let norms = new Float64Array(0);

  const refresh = () => {
    const count = documentIds.length;
    if (computedFor === count) return;
    idf = new Float64Array(postingArticles.length);
    for (let term = 0; term < idf.length; term += 1) idf[term] = Math.log(1 + count / postingArticles[term]!.length);
    norms = new Float64Array(count);
    for (let article = 0; article < count; article += 1) {
      const terms = articleTerms[article]!;
      const weights = articleWeights[article]!;
      let squares = 0;
      for (let i = 0; i < terms.length; i += 1) {
        const weight = weights[i]! * idf[terms[i]!]!;
        squares += weight * weight;
      }
      norms[article] = Math.sqrt(squares);
    }
    computedFor = count;
  };

  return {
    add(documentId, termCounts) {
      if (positionOf.has(documentId)) return;
      const position = documentIds.length;
      documentIds.push(documentId);
      positionOf.set(documentId, position);
      const terms = new Int32Array(termCounts.size);
      const weights = new Float64Array(termCounts.size);
      let i = 0;
      for (const [term, count] of termCounts) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = postingArticles.length;
          termIds.set(term, id);
          postingArticles.push([]);
          postingWeights.push([]);
        }
        terms[i] = id;
        weights[i] = 1 + Math.log(count);
        postingArticles[id]!.push(position);
        postingWeights[id]!.push(weights[i]!);
        i += 1;
      }
      articleTerms.push(terms);
      articleWeights.push(weights);
    },
    has: (documentId) => positionOf.has(documentId),
    alike(documentId, min) {
      const mine = positionOf.get(documentId);
      if (mine === undefined) return [];
      refresh();
      if (norms[mine] === 0) return [];
      const dots = new Float64Array(documentIds.length);
      const terms = articleTerms[mine]!;
      const weights = articleWeights[mine]!;
      for (let i = 0; i < terms.length; i += 1) {
        const term = terms[i]!;
        const squaredIdf = idf[term]! * idf[term]!;
        const articles = postingArticles[term]!;
        const theirs = postingWeights[term]!;
        for (let k = 0; k < articles.length; k += 1) dots[articles[k]!]! += weights[i]! * theirs[k]! * squaredIdf;
      }
      const found: Array<[number, number]> = [];
      for (let article = 0; article < dots.length; article += 1) {
        if (article === mine || norms[article] === 0 || dots[article] === 0) continue;
        const similarity = dots[article]! / (norms[mine]! * norms[article]!);
        if (similarity >= min) found.push([documentIds[article]!, similarity]);
      }
      return found.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    },
  };
}
