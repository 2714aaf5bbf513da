/**
 * Claims at or above this score are proposed; the rest are kept as dismissed candidates.
 * Chosen from the cross-validated figures of the model it goes with (ADR 005); a unit
 * test checks it equals the threshold npm run train:checkworthiness recorded.
 */
export const DEFAULT_CHECKWORTHINESS_THRESHOLD = 0.32;
