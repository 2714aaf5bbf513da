// Short articles about invented events, for tests that import through the real server.
// Each has a few check-worthy sentences (figures, named speakers) so extraction finds claims.

const TOWNS = ["Testbury", "Marlow Cove", "Eastfen", "Quillport", "Harrowgate Vale", "Northmere"];
const PEOPLE = ["Ana Quill", "Tomas Reyna", "Priya Okoro", "Lena Vasquez", "Odile Marsh", "Jonah Pike"];

export function inventedArticle(index: number): { name: string; text: string } {
  const town = TOWNS[index % TOWNS.length]!;
  const person = PEOPLE[(index * 5) % PEOPLE.length]!;
  const amount = 3 + (index % 40);
  const share = 10 + ((index * 7) % 80);
  const text = [
    `${town} council approves ferry budget (${index})`,
    "",
    `The council of ${town} approved a ferry budget of ${amount} million euros on Monday, mayor ${person} said.`,
    `Ticket prices will rise by ${share} percent from 1 March, according to the transport office.`,
    `Last year the ferry carried ${1200 + index * 13} passengers a day, the operator said in a statement.`,
    "Residents gathered outside the hall in the rain.",
  ].join("\n");
  return { name: `article-${index}.txt`, text };
}

/** A multipart/form-data body with the given files in the `files` field, as the drop zone sends it. */
export function multipartBody(files: Array<{ name: string; text: string }>): { body: Buffer; contentType: string } {
  const boundary = `----claimdesk-test-${Math.random().toString(36).slice(2)}`;
  const parts = files.map(
    (file) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n${file.text}\r\n`,
  );
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}
