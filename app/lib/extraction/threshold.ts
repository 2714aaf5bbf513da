/** Claims at or above this score are proposed; the rest are kept as dismissed candidates. Tuned with npm run bench:extract. */
export const DEFAULT_CHECKWORTHINESS_THRESHOLD = 0.4;
