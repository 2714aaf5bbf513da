import { z } from "zod";
import type { ReportClaim, ReportHeader } from "./report";

// A scale that rises with truthfulness. Unverified claims are not reviews and are left out.
export const RATING = {
  worst: 1,
  best: 3,
  values: { disputed: 1, confirmed: 3 } as const,
  labels: { disputed: "Disputed", confirmed: "Confirmed" } as const,
};

const claimReviewSchema = z.object({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("ClaimReview"),
  url: z.url(),
  claimReviewed: z.string().min(1),
  datePublished: z.string().min(10),
  author: z.object({ "@type": z.literal("Organization"), name: z.string().min(1), url: z.url() }),
  reviewRating: z.object({
    "@type": z.literal("Rating"),
    ratingValue: z.number().int().min(RATING.worst).max(RATING.best),
    bestRating: z.literal(RATING.best),
    worstRating: z.literal(RATING.worst),
    alternateName: z.string().min(1),
  }),
  itemReviewed: z.object({
    "@type": z.literal("Claim"),
    author: z.object({ "@type": z.literal("Person"), name: z.string().min(1) }).optional(),
    datePublished: z.string().optional(),
    appearance: z.object({ "@type": z.literal("CreativeWork"), url: z.url() }).optional(),
  }),
});
export type ClaimReview = z.infer<typeof claimReviewSchema>;

export class ClaimReviewConfigError extends Error {}

/** The publisher identity a ClaimReview needs, from the project's settings. */
export function claimReviewPublisher(header: ReportHeader): { name: string; url: string } {
  const { publisherName, publisherUrl } = header.project;
  if (!publisherName || !publisherUrl) {
    throw new ClaimReviewConfigError("ClaimReview needs the publisher's name and web address: set them in the project's settings.");
  }
  return { name: publisherName, url: publisherUrl };
}

/**
 * One schema.org ClaimReview for a decided claim, checked for the required fields
 * before it is written; null for an unverified claim (nothing was reviewed).
 */
export function claimReviewOf(claim: ReportClaim, publisher: { name: string; url: string }): ClaimReview | null {
  if (claim.status === "unverified") return null;
  const review = {
    "@context": "https://schema.org" as const,
    "@type": "ClaimReview" as const,
    url: `${publisher.url.replace(/\/$/, "")}/claims/${claim.id}`,
    claimReviewed: claim.text,
    datePublished: (claim.decidedAt ?? new Date().toISOString()).slice(0, 10),
    author: { "@type": "Organization" as const, name: publisher.name, url: publisher.url },
    reviewRating: {
      "@type": "Rating" as const,
      ratingValue: RATING.values[claim.status],
      bestRating: RATING.best,
      worstRating: RATING.worst,
      alternateName: RATING.labels[claim.status],
    },
    itemReviewed: {
      "@type": "Claim" as const,
      ...(claim.speaker ? { author: { "@type": "Person" as const, name: claim.speaker } } : {}),
      ...(claim.document.publishedAt ? { datePublished: claim.document.publishedAt.slice(0, 10) } : {}),
      ...(claim.document.url ? { appearance: { "@type": "CreativeWork" as const, url: claim.document.url } } : {}),
    },
  };
  return claimReviewSchema.parse(review);
}
