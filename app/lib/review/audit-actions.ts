// The audit trail's names for the steps of an editorial review. Agreement is computed from
// the proposal and second-review events, so these names are part of the trail's format.
export const PROPOSAL_ACTION = "claim.review_proposed";
export const SECOND_REVIEW_ACTION = "claim.review_second";
export const ADJUDICATION_ACTION = "claim.adjudicated";
export const APPROVAL_ACTION = "claim.approved";
export const REOPEN_ACTION = "claim.reopened";
export const SECOND_REVIEWER_ACTION = "claim.second_reviewer_assigned";
export const COMMENT_ADDED_ACTION = "claim.comment_added";
export const COMMENT_EDITED_ACTION = "claim.comment_edited";
export const COMMENT_DELETED_ACTION = "claim.comment_deleted";
