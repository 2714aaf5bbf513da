import { Form, useNavigation } from "react-router";

/** The settings card that re-runs extraction over the project (editors and owners; the action checks the role). */
export function ReextractClaimsForm({ model, threshold }: { model: string; threshold: number }) {
  const navigation = useNavigation();
  const running = navigation.state !== "idle" && navigation.formData?.get("intent") === "re-extract";
  return (
    <Form method="post" className="card" aria-labelledby="reextract-heading">
      <h2 id="reextract-heading">Re-extract claims</h2>
      <p>
        Runs the current extraction model (version {model}, threshold {threshold}) over every article again. New candidates are added;
        claims nobody has worked on get the new scores, reasons and speakers. Claims a reviewer has tagged, assigned, sourced, dismissed,
        restored or added by hand are never changed or removed. The run is recorded in the audit trail.
      </p>
      <input type="hidden" name="intent" value="re-extract" />
      <button type="submit" className="button primary" disabled={running} aria-describedby="reextract-heading">
        {running ? "Re-extracting…" : "Re-extract claims"}
      </button>
    </Form>
  );
}
