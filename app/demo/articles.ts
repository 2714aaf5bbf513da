// Demo articles for the first start. Written for Claimdesk about invented events in an
// invented city; any resemblance to real people or places is accidental. Several facts
// recur across outlets in different words, and a few details disagree on purpose (the
// vote time, the contract amount), so that corroboration and discrepancies can be tried.

export interface DemoArticle {
  fileName: string;
  content: string;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    fileName: "harbour-bridge-contract.txt",
    content: `Port Alder awards $48 million bridge repair contract to Castell Engineering

The Port Alder city council voted 7 to 2 on Tuesday to award a $48 million contract for the repair of the Harbour Street bridge to Castell Engineering, the largest public works contract in the city's history.

Mayor Ines Varga said the bridge carried 31,000 vehicles a day before weight limits were imposed in March. "We cannot let our busiest crossing fall apart while we argue about paperwork," Varga told reporters after the vote.

Councillor Tomas Reyes, who voted against the award, said the tender had been rushed. According to Reyes, only two companies submitted bids, compared with six for a smaller road contract last year.

Castell Engineering said work would begin on May 4 and finish within 18 months. A spokesperson for the company said the repairs would extend the life of the bridge by at least 40 years.

The city's transport department estimates that the weight limits have added an average of 12 minutes to commutes across the harbour.`,
  },
  {
    fileName: "bridge-vote-wire.html",
    content: `<!doctype html>
<html><head>
<title>Council backs bridge deal despite objections | Alder Valley Courier</title>
<meta property="og:title" content="Council backs bridge deal despite objections">
<meta property="og:site_name" content="Alder Valley Courier">
<meta name="author" content="Priya Nandakumar">
<meta property="article:published_time" content="2026-04-15T18:30:00Z">
</head><body>
<article>
<h1>Council backs bridge deal despite objections</h1>
<p>PORT ALDER &mdash; Councillors approved a contract worth up to $50 million on Tuesday evening to repair the Harbour Street bridge, handing the work to Castell Engineering after a vote that ended at 9:40 p.m.</p>
<p>The decision passed by seven votes to two. Mayor Ines Varga argued the crossing, which she said was used by about 31,000 vehicles daily, could not wait any longer.</p>
<p>Opponents questioned the process. &ldquo;Two bids is not a competition,&rdquo; said Councillor Tomas Reyes, who has called for an independent review of the tender.</p>
<p>A person familiar with the negotiations said Castell had lowered its price twice in the final week. The company declined to comment on the talks.</p>
<p>Repairs are scheduled to start in early May and last a year and a half, the company said.</p>
</article>
</body></html>`,
  },
  {
    fileName: "clinic-funding.md",
    content: `# Northside clinic to close two days a week after funding cut

The Northside community clinic will close on Mondays and Fridays from June 1, its director said on Wednesday, after the regional health board cut its annual grant by 22 percent.

Director Amara Osei said the clinic saw 14,500 patients last year, more than any other community clinic in the district. "Every closed day means about 60 people who will go to the emergency department instead," Osei said.

The regional health board said in a statement that overall funding for community care had risen by 3 percent and that Northside's grant had been reduced because of lower costs for its building lease.

Health board chair Daniel Kowalski told the Courier that the clinic had been offered a transition fund of $250,000, which it had not yet accepted.

Patients' groups plan a protest outside the board's offices on May 20.`,
  },
  {
    fileName: "bridge-followup.json",
    content: JSON.stringify({
      id: 4811,
      date: "2026-04-16T08:05:00",
      date_gmt: "2026-04-16T07:05:00",
      link: "https://harbourpost.example/2026/04/16/bridge-contract-questions/",
      title: { rendered: "Questions over bridge contract as council vote timing disputed" },
      content: {
        rendered:
          "<p>The Harbour Street bridge contract approved on Tuesday was worth $48&nbsp;million, according to council documents seen by the Harbour Post.</p><p></p><p>Councillor Tomas Reyes said the vote was held at 10:15 p.m., after most members of the public had left the chamber. &ldquo;People who came to speak were told to go home,&rdquo; Reyes said.</p><p>Mayor Ines Varga rejected the criticism and said the council had debated the bridge for more than four hours.</p><p>&nbsp;</p><p>Castell Engineering will start work on May 4, a company spokesperson confirmed.</p>",
      },
    }),
  },
];
