import { describe, expect, it } from "vitest";
import { extractDetails } from "./details";
import { personDifferences } from "./people";

const people = (text: string) => extractDetails(text).filter((d) => d.kind === "name");
const differences = (a: string, b: string) => personDifferences(people(a), people(b));

describe("people as outlets name them", () => {
  it("reads the title before a name, capitalized or not, and the given name", () => {
    expect(people("Defense Secretary Pete Hegseth set a deadline.")).toContainEqual(
      expect.objectContaining({ raw: "Defense Secretary Pete Hegseth", title: "defens secretari", forename: "pete" }),
    );
    expect(people("The county sheriff Dale Harmon spoke.")).toContainEqual(
      expect.objectContaining({ raw: "county sheriff Dale Harmon", title: "counti sheriff", forename: "dale" }),
    );
    expect(people("Former mayor Victor Kane was convicted.")).toContainEqual(
      expect.objectContaining({ raw: "Former mayor Victor Kane", title: "former mayor" }),
    );
    expect(people("Harbour Logistics won the contract.")).toContainEqual(expect.objectContaining({ raw: "Harbour Logistics", title: "" }));
  });

  it("finds one person given another title or given name", () => {
    expect(differences("Defense Secretary Pete Hegseth set a deadline.", "War Secretary Pete Hegseth set a deadline.")).toEqual([
      { here: "Defense Secretary Pete Hegseth", there: "War Secretary Pete Hegseth" },
    ]);
    expect(differences("Former mayor Victor Kane was convicted.", "Mayor Victor Kane was convicted.")).toHaveLength(1);
    expect(differences("Mayor Anna Lind spoke.", "Mayor Anne Lind spoke.")).toHaveLength(1);
  });

  it("does not call a shorter title, a short given name or two firms a difference", () => {
    expect(differences("Secretary Hegseth set a deadline.", "Defense Secretary Pete Hegseth set a deadline.")).toEqual([]);
    expect(differences("Mayor Pete Lind spoke.", "Mayor Peter Lind spoke.")).toEqual([]);
    expect(differences("Harbour Logistics won the contract.", "Castle Logistics won the contract.")).toEqual([]);
    expect(differences("Mayor Anna Lind spoke.", "Councillor Omar Haddad spoke.")).toEqual([]);
  });
});
