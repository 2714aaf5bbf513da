import { describe, expect, it } from "vitest";
import { openImportFile, parseImportFile, parsePastedText, titleFromFileName, withArticleLimit } from "./parse-file";

const MB = 1_048_576;
const bytes = (text: string) => new TextEncoder().encode(text);
const parseOne = (name: string, content: string) => {
  const [item] = parseImportFile(name, bytes(content), 20 * MB);
  if (!item?.ok) throw new Error(item?.error ?? "no article");
  return item.article;
};

describe("plain text", () => {
  it("takes a short first line as the headline and keeps paragraphs", () => {
    const article = parseOne(
      "a.txt",
      "Ferry fares to rise in spring\n\nThe ferry operator said fares would rise 4 percent.\n\n\n\nCommuters  were   unhappy.\n",
    );
    expect(article.title).toBe("Ferry fares to rise in spring");
    expect(article.text).toBe("The ferry operator said fares would rise 4 percent.\n\nCommuters were unhappy.");
  });

  it("treats one-paragraph-per-line text as paragraphs and a sentence-like first line as body", () => {
    const article = parseOne("wire_story.txt", "The council met on Monday.\nIt voted to close the pool.\n");
    expect(article.title).toBe("Wire story");
    expect(article.text).toBe("The council met on Monday.\n\nIt voted to close the pool.");
  });

  it("titles an article with a machine-made file name and no headline by its opening words", () => {
    const lead =
      "The regional ferry operator said on Monday that fares on all routes would rise by 4 percent from April, citing fuel costs.";
    expect(parseOne("000_8ac80d81abd7ce2c.txt", `${lead}\n\nCommuters were unhappy.`).title).toBe(
      "The regional ferry operator said on Monday that fares on all routes would rise by 4…",
    );
    expect(parseOne("IMG_20260411_0932.txt", "Short lead. More text follows here.").title).toBe("Short lead");
    expect(titleFromFileName("council-budget_2026.txt")).toBe("Council budget 2026");
    expect(titleFromFileName("3f2a9c1be7d04e55.txt")).toBeNull();
  });

  it("keeps curly quotes and removes no-break spaces and zero-width characters", () => {
    const article = parseOne("q.txt", "Headline here\n\n“It is fine,”\u00a0she\u200b said.");
    expect(article.text).toBe("“It is fine,” she said.");
  });

  it("reads a WordPress post saved with a .txt name", () => {
    const post = {
      title: { rendered: "T" },
      content: { rendered: "<p>Body text here.</p>" },
      date_gmt: "2026-01-02T03:04:05",
      link: "https://example.org/p",
    };
    expect(parseOne("post.txt", JSON.stringify(post))).toMatchObject({ format: "wordpress", title: "T", text: "Body text here." });
  });
});

describe("Markdown", () => {
  it("uses the first heading as the title and strips the markup", () => {
    const article = parseOne(
      "a.md",
      "# Budget vote delayed\n\nThe **council** postponed the [vote](https://example.org) by *two weeks*.\n\n- First item\n- Second item\n",
    );
    expect(article.title).toBe("Budget vote delayed");
    expect(article.text).toBe("The council postponed the vote by two weeks.\n\nFirst item\n\nSecond item");
    expect(article.sanitizedHtml).toContain("<strong>council</strong>");
  });
});

describe("HTML", () => {
  const page = `<!doctype html><html><head><title>Page title | Site</title>
    <meta property="og:title" content="Mayor &amp; council clash">
    <meta property="og:site_name" content="The Valley Record">
    <meta name="author" content="Sam Lee">
    <meta property="article:published_time" content="2026-03-01T09:30:00Z">
    <link rel="canonical" href="https://valley.example/story">
    <script>window.tracker = 1</script></head>
    <body><nav>Home | News</nav><article><h1>Mayor &amp; council clash</h1>
    <p>The mayor&nbsp;vetoed the plan on Monday.</p><p>   </p><p>&ldquo;It was wrong,&rdquo; she said.<br>Council members objected.</p>
    <aside>Related: other story</aside></article><footer>© Record</footer></body></html>`;

  it("reads the article body and its metadata", () => {
    const article = parseOne("story.html", page);
    expect(article).toMatchObject({
      format: "html",
      title: "Mayor & council clash",
      author: "Sam Lee",
      outlet: "The Valley Record",
      url: "https://valley.example/story",
    });
    expect(article.publishedAt?.toISOString()).toBe("2026-03-01T09:30:00.000Z");
    expect(article.text).toBe("The mayor vetoed the plan on Monday.\n\n“It was wrong,” she said.\n\nCouncil members objected.");
  });

  it("sanitizes hostile markup in the display copy", () => {
    const hostile = `<article><p onclick="steal()">Safe <a href="javascript:alert(1)">link</a> <a href="https://ok.example/">ok</a></p>
      <script>alert(1)</script><iframe src="https://evil.example"></iframe><img src="data:image/png;base64,AAAA" onerror="x()">
      <p style="background:url(javascript:alert(1))">Styled</p><a href="data:text/html,<script>alert(1)</script>">data</a>
      <svg><script>alert(2)</script></svg><form action="https://evil.example"><input></form></article>`;
    const article = parseOne("hostile.html", hostile);
    const html = article.sanitizedHtml!;
    for (const forbidden of [
      "<script",
      "onclick",
      "javascript:",
      "<iframe",
      "data:",
      "<img",
      "onerror",
      "style=",
      "<svg",
      "<form",
      "alert(",
    ]) {
      expect(html).not.toContain(forbidden);
    }
    expect(html).toContain('href="https://ok.example/"');
    expect(article.text).toBe("Safe link ok\n\nStyled\n\ndata");
  });
});

describe("WordPress REST API JSON", () => {
  const post = (n: number, extra: Record<string, unknown> = {}) => ({
    id: n,
    date: "2026-04-16T08:05:00",
    date_gmt: "2026-04-16T07:05:00",
    link: `https://news.example/${n}/`,
    title: { rendered: "Tolls &amp; taxes &#8211; a guide" },
    content: { rendered: "<p>First&nbsp;paragraph.</p><p></p><p>&nbsp;</p><p>Second &ldquo;quoted&rdquo; one.</p>" },
    ...extra,
  });

  it("reads a single post: decoded title, GMT date, permalink and clean paragraphs", () => {
    const article = parseOne("post.json", JSON.stringify(post(1)));
    expect(article).toMatchObject({
      format: "wordpress",
      title: "Tolls & taxes – a guide",
      url: "https://news.example/1/",
      outlet: "news.example",
    });
    expect(article.publishedAt?.toISOString()).toBe("2026-04-16T07:05:00.000Z");
    expect(article.text).toBe("First paragraph.\n\nSecond “quoted” one.");
  });

  it("reads an array of posts", () => {
    const articles = parseImportFile("posts.json", bytes(JSON.stringify([post(1), post(2)])), MB);
    expect(articles.map((a) => a.ok && a.article.url)).toEqual(["https://news.example/1/", "https://news.example/2/"]);
  });

  it("reads each post of an array on its own: a broken one is an error item, the others are articles", () => {
    const batch = [post(1), { id: 2, title: { rendered: "No body" } }, post(3, { content: { rendered: "<p> </p>" } }), "junk", post(5)];
    for (const name of ["posts.json", "posts.txt"]) {
      const items = parseImportFile(name, bytes(JSON.stringify(batch)), MB);
      expect(items.map((item) => (item.ok ? item.article.url : item.error))).toEqual([
        "https://news.example/1/",
        expect.stringMatching(/^post 2 is not a WordPress post: content/),
        "post 3 has an empty body",
        expect.stringMatching(/^post 4 is not a WordPress post/),
        "https://news.example/5/",
      ]);
    }
  });

  it.each([
    ["broken.json", "{ not json", "not valid JSON"],
    ["empty.json", "[]", "holds no posts"],
    ["other.json", JSON.stringify({ hello: "world" }), "not a WordPress post"],
    ["nobody.json", JSON.stringify(post(1, { content: { rendered: "<p> </p>" } })), "empty body"],
  ])("refuses %s with a clear message", (name, content, message) => {
    expect(() => parseImportFile(name, bytes(content), MB)).toThrow(message);
  });
});

describe("bad files", () => {
  it.each([
    ["report.pdf", "%PDF-1.7", 'unsupported file type ".pdf"'],
    ["noextension", "text", "unsupported file type"],
    ["empty.txt", "", "empty"],
    ["blank.txt", "  \n\n ", "empty"],
    ["nobody.html", "<html><body><script>x</script></body></html>", "no article text"],
  ])("%s is refused", (name, content, message) => {
    expect(() => parseImportFile(name, bytes(content), MB)).toThrow(message);
  });

  it("refuses a file over the size limit and a file that is not UTF-8", () => {
    expect(() => parseImportFile("big.txt", new Uint8Array(2001), 2000)).toThrow(/limit is/);
    expect(() => parseImportFile("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]), MB)).toThrow(/not UTF-8/);
  });

  it("refuses each article over the article limit on its own, and keeps the rest of the export", () => {
    const post = (id: number, words: number) => ({
      id,
      title: { rendered: `Post ${id}` },
      content: { rendered: `<p>${"The council said fares rose. ".repeat(words)}</p>` },
    });
    const file = bytes(JSON.stringify([post(1, 10), post(2, 200), post(3, 10)]));
    const reader = withArticleLimit(openImportFile("posts.json", file, MB), 2_000);
    const items = Array.from({ length: reader.count }, (_, i) => reader.read(i));
    expect(items.map((item) => item.ok)).toEqual([true, false, true]);
    expect(items[1]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/"Post 2" holds 0\.0 MB of text; one article may hold at most 0\.0 MB .*IMPORT_MAX_ARTICLE_BYTES/),
    });
    // At the limit exactly, an article is taken.
    const text = "Fares rose by 4 percent, the council said.";
    const exact = withArticleLimit(openImportFile("a.txt", bytes(text), MB), Buffer.byteLength(text));
    expect(exact.read(0).ok).toBe(true);
  });

  it("uses a given title for pasted text", () => {
    expect(parsePastedText("Some pasted words here.", "My title")).toMatchObject({ title: "My title", text: "Some pasted words here." });
  });
});
