import type { ComponentProps } from "react";
import { Form, useFetcher } from "react-router";
import type { ClaimFormResult } from "../lib/review-types";

const keyOf = (claimId: number, name: string) => `claim-form:${claimId}:${name}`;

type ClaimFormProps = Omit<ComponentProps<typeof Form>, "method" | "action" | "navigate" | "fetcherKey"> & {
  /** The claim route's address: every claim form posts to its action. */
  action: string;
  claimId: number;
  /** Which form this is, so its result can be read back (useClaimFormResult). */
  name: string;
  /** In the claims table's side panel the table stays in place; on the claim page the form navigates (and works without JavaScript). */
  inPanel: boolean;
};

/** A form of a claim (verdict, assignee, sources), posting to the claim's route. */
export function ClaimForm({ action, claimId, name, inPanel, ...props }: ClaimFormProps) {
  return <Form method="post" action={action} {...(inPanel ? { navigate: false, fetcherKey: keyOf(claimId, name) } : {})} {...props} />;
}

/** The result of a claim form submitted from the side panel (on the claim page the route's action data carries it). */
export function useClaimFormResult(claimId: number, name: string, inPanel: boolean): ClaimFormResult | undefined {
  const fetcher = useFetcher<ClaimFormResult>({ key: keyOf(claimId, name) });
  return inPanel ? fetcher.data : undefined;
}
