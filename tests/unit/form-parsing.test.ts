// The one form reader (app/utils/form.server.ts): bounded list indexes, names that must fit the schema, no echo of
// anything else, control characters, broken bodies, and upload file names as people write them.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AgreementSchema } from "~/schemas/agreements";
import { LoginSchema } from "~/schemas/auth";
import { SignupSchema } from "~/schemas/signup";
import {
  CONTROL_CHARACTERS,
  FORM_REFUSED,
  FORM_TOO_LARGE,
  MAX_ENTRIES,
  MAX_LIST_ITEMS,
  nameSegments,
  readForm,
  type ReadFormOptions,
} from "~/utils/form.server";

const URL = "http://localhost:3000/x";

function urlencoded(body: string, headers: Record<string, string> = {}) {
  return new Request(URL, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

function multipart(form: FormData) {
  return new Request(URL, { method: "POST", body: form });
}

/** A multipart body written by hand (what curl or an attacker sends, not what undici writes). */
function rawMultipart(body: string, boundary: string | null = "XyZ") {
  return new Request(URL, {
    method: "POST",
    body: Buffer.from(body, "utf8"),
    headers: { "Content-Type": `multipart/form-data${boundary === null ? "" : `; boundary=${boundary}`}` },
  });
}

const part = (disposition: string, content: string, type?: string) =>
  `--XyZ\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ""}\r\n${content}\r\n`;

const Ranked = z.object({
  intent: z.literal("save"),
  ranking: z.array(z.object({ host: z.number(), position: z.number().optional() })),
  areas: z.array(z.string()).optional(),
});

const PDF: ReadFormOptions = { uploads: { file: { maxBytes: 1024, tooLarge: "agreements.errors.fileTooLarge" } } };
const FileSchema = z.object({ title: z.string(), file: z.file() });

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

describe("field names", () => {
  it("reads identifier paths and refuses any other shape or an index past the bound", () => {
    expect(nameSegments("ranking[3].host")).toEqual(["ranking", 3, "host"]);
    expect(nameSegments(`ranking[${MAX_LIST_ITEMS - 1}]`)).toEqual(["ranking", MAX_LIST_ITEMS - 1]);
    for (const name of [
      `ranking[${MAX_LIST_ITEMS}]`,
      "junk[99999999]",
      "junk[00]",
      "x[]",
      "x[-1]",
      "a..b",
      "a.",
      "[0]",
      "a b",
      "__proto__[0]x",
      "a.b.c.d.e",
      "ａ",
      "",
    ])
      expect(nameSegments(name), name).toBeNull();
  });
});

describe("the 39-byte request that took the server down", () => {
  it("is refused at once with the translated form error and nothing of it echoed", async () => {
    const [submission, ms] = await timed(async () =>
      (await readForm(urlencoded("email=x&password=x&junk%5B99999999%5D=1"))).parse(LoginSchema),
    );
    expect(ms).toBeLessThan(200);
    expect(submission.status).toBe("error");
    const reply = submission.reply({ hideFields: ["password"] });
    expect(reply.error).toEqual({ "": [FORM_REFUSED] });
    expect(JSON.stringify(reply).length).toBeLessThan(500);
    expect(JSON.stringify(reply)).not.toContain("junk");
  });

  it("a structured name the schema does not have is refused; a plain one is left out of the reply", async () => {
    const junk = await readForm(urlencoded("email=a%40b.example&password=x&junk%5B5%5D=1"));
    expect(junk.parse(LoginSchema).reply().error).toEqual({ "": [FORM_REFUSED] });

    const extra = await readForm(
      urlencoded("email=a%40b.example&password=&button=pressed&__intent__=nope&__state__=%7B"),
    );
    const submission = extra.parse(LoginSchema);
    expect(submission.status).toBe("error");
    const reply = submission.reply({ hideFields: ["password"] });
    expect(reply.initialValue).toEqual({ email: "a@b.example" });
    expect(extra.value("button")).toBe("pressed");
  });
});

describe("lists", () => {
  const ranking = (pairs: string[]) => urlencoded(["intent=save", ...pairs].join("&"));

  it("a dense list parses; the bound is cheap", async () => {
    const ok = (await readForm(ranking(["ranking[0].host=7", "ranking[0].position=1", "ranking[1].host=8"]))).parse(
      Ranked,
    );
    expect(ok.status).toBe("success");
    if (ok.status === "success") expect(ok.value.ranking).toEqual([{ host: 7, position: 1 }, { host: 8 }]);

    const full = Array.from(
      { length: MAX_LIST_ITEMS },
      (_, i) => `ranking[${i}].host=${i + 1}&ranking[${i}].position=${i + 1}`,
    );
    const [big, ms] = await timed(async () => (await readForm(ranking(full))).parse(Ranked));
    expect(big.status).toBe("success");
    expect(ms).toBeLessThan(500);
  });

  it("refuses a gap, a plain value for a list of objects, a value for an object, an index on a single value", async () => {
    for (const pairs of [
      ["ranking[0].host=1", "ranking[5].host=2"],
      ["ranking[1].host=1"],
      ["ranking=1"],
      ["ranking[0]=1"],
      ["ranking[0].host[0]=1"],
      ["intent[0]=save"],
      ["ranking[0].host=1", "ranking[0].other=2"],
      ["areas=a", "areas[0]=b"],
    ]) {
      const submission = (await readForm(ranking(pairs))).parse(Ranked);
      expect(submission.reply().error, pairs.join("&")).toEqual({ "": [FORM_REFUSED] });
      expect(submission.reply().initialValue).toEqual({});
    }
  });

  it("a checkbox group may repeat its name; a single value may not come twice", async () => {
    const group = (await readForm(ranking(["ranking[0].host=1", "areas=a", "areas=b"]))).parse(Ranked);
    expect(group.status).toBe("success");
    if (group.status === "success") expect(group.value.areas).toEqual(["a", "b"]);
    const twice = (await readForm(ranking(["ranking[0].host=1", "ranking[0].host=2"]))).parse(Ranked);
    expect(twice.reply().error).toEqual({ "": [FORM_REFUSED] });
  });

  it("ranking[20000].host on the sign-up form is refused before anything is built", async () => {
    const [submission, ms] = await timed(async () =>
      (await readForm(urlencoded("intent=signup&code=X&ranking[20000].host=1&motivation=m&consent=on"))).parse(
        SignupSchema,
      ),
    );
    expect(ms).toBeLessThan(200);
    expect(submission.reply().error).toEqual({ "": [FORM_REFUSED] });
  });

  it("nested lists in a transformed schema (agreement contacts) follow the schema's input shape", async () => {
    const form = await readForm(
      urlencoded("contacts[0].name=A&contacts[1].name=B&areas=education&contacts[0].email=a%40b.example"),
    );
    const submission = form.parse(AgreementSchema);
    expect(submission.status).toBe("error");
    expect(submission.reply().error?.[""]).toBeUndefined();
    expect(submission.reply().initialValue).toMatchObject({ contacts: [{ name: "A" }, { name: "B" }] });
    const deep = await readForm(urlencoded("contacts[0].name.first=A"));
    expect(deep.parse(AgreementSchema).reply().error).toEqual({ "": [FORM_REFUSED] });
  });
});

describe("values", () => {
  it("NUL and other control characters are a field error; tab and line breaks are text", async () => {
    const form = await readForm(urlencoded("email=a%00%40b.example&password=ok%09ok%0D%0A"));
    const reply = form.parse(LoginSchema).reply();
    expect(reply.error?.email).toEqual([CONTROL_CHARACTERS]);
    expect(reply.error?.password).toBeUndefined();
  });

  it("a value without a schema message gets the generic translated one, not zod's English", async () => {
    const submission = (await readForm(urlencoded("intent=save&ranking[0].host=abc"))).parse(Ranked);
    expect(submission.reply().error).toEqual({ "ranking[0].host": ["validation.invalid"] });
  });

  it("refuses too many entries, an over-long value or name, and an oversized body, cheaply", async () => {
    const many = Array.from({ length: MAX_ENTRIES + 1 }, () => "a=1").join("&");
    const longValue = `email=${"x".repeat(70 * 1024)}`;
    const longName = `${"n".repeat(200)}=1`;
    for (const body of [many, longValue, longName]) {
      const form = await readForm(urlencoded(body));
      expect(form.refused).toBe(FORM_REFUSED);
      expect(form.parse(LoginSchema).reply().error).toEqual({ "": [FORM_REFUSED] });
      expect(form.value("a")).toBeNull();
    }
    const [huge, ms] = await timed(() => readForm(urlencoded(`a=${"x".repeat(2 * 1024 * 1024)}`)));
    expect(huge.refused).toBe(FORM_TOO_LARGE);
    expect(huge.tooLarge).toBe(true);
    expect(ms).toBeLessThan(1000);
    const declared = await readForm(urlencoded("a=1", { "Content-Length": String(50 * 1024 * 1024) }));
    expect(declared.refused).toBe(FORM_TOO_LARGE);
  });
});

describe("bodies", () => {
  it("an empty body is an empty form; a typeless, JSON or text body is refused", async () => {
    expect((await readForm(new Request(URL, { method: "POST" }))).refused).toBeNull();
    const noType = new Request(URL, { method: "POST", body: new Uint8Array([0x61, 0x3d, 0x31]) });
    expect((await readForm(noType)).refused).toBe(FORM_REFUSED);
    for (const type of ["application/json", "text/plain", "multipart/mixed; boundary=a", "nonsense"]) {
      const request = new Request(URL, { method: "POST", body: '{"a":1}', headers: { "Content-Type": type } });
      expect((await readForm(request)).refused, type).toBe(FORM_REFUSED);
    }
  });

  it("broken multipart (missing or wrong boundary, truncated, bad part header) is refused, never thrown", async () => {
    const good = part('name="title"', "t");
    const cases = [
      rawMultipart(`${good}--XyZ--\r\n`, null),
      rawMultipart(`${good}--XyZ--\r\n`, "other"),
      rawMultipart(`${good}--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\ntrunc`),
      rawMultipart("--XyZ\r\nthis is no header\r\n\r\nx\r\n--XyZ--\r\n"),
      rawMultipart(`--XyZ\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--XyZ--\r\n`),
    ];
    for (const [i, request] of cases.entries()) expect((await readForm(request)).refused, String(i)).toBe(FORM_REFUSED);
    expect((await readForm(rawMultipart(`${good}--XyZ--\r\n`))).value("title")).toBe("t");
  });
});

describe("uploads", () => {
  it("file names with =, ;, quotes, Japanese and RFC 5987 come through intact", async () => {
    const names = ["a=b.pdf", "協定書;改定版.pdf", 'say "hi".pdf', "it's (v2) 100%.pdf", "😀🇯🇵.pdf"];
    for (const name of names) {
      const form = new FormData();
      form.append("title", "t");
      form.append("file", new File([new Uint8Array([1, 2, 3])], name, { type: "application/pdf" }));
      const read = await readForm(multipart(form), PDF);
      const submission = read.parse(FileSchema);
      expect(submission.status, name).toBe("success");
      if (submission.status === "success") {
        expect(submission.value.file.name).toBe(name);
        expect(new Uint8Array(await submission.value.file.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
      }
    }
    const written = [
      ['filename="a\\"b.pdf"', 'a"b.pdf'],
      [
        "filename=\"fallback.pdf\"; filename*=UTF-8''%E5%8D%94%E5%AE%9A%E6%9B%B8%3B%E6%94%B9%E5%AE%9A%E7%89%88.pdf",
        "協定書;改定版.pdf",
      ],
      ['filename="C:\\\\docs\\\\x=y.pdf"', "x=y.pdf"],
      ["filename*=UTF-8''bell%07%0A.pdf", "bell.pdf"],
    ];
    for (const [disposition, expected] of written) {
      const body = `${part('name="title"', "t")}${part(`name="file"; ${disposition}`, "%PDF", "application/pdf")}--XyZ--\r\n`;
      const read = await readForm(rawMultipart(body), PDF);
      expect(read.file("file")?.name, disposition).toBe(expected);
    }
  });

  it("a file over its limit is a field error with the fields read before it kept; the rest is not read", async () => {
    const form = new FormData();
    form.append("title", "大きな協定書");
    form.append("file", new File([new Uint8Array(5000)], "big.pdf", { type: "application/pdf" }));
    form.append("after", "x");
    const read = await readForm(multipart(form), PDF);
    expect(read.tooLarge).toBe(true);
    expect(read.file("file")).toBeNull();
    const reply = read.parse(FileSchema).reply();
    expect(reply.error).toEqual({ file: ["agreements.errors.fileTooLarge"] });
    expect(reply.initialValue).toEqual({ title: "大きな協定書" });
  });

  it("a file where none is expected, or two files, refuses the form", async () => {
    const stray = new FormData();
    stray.append("title", "t");
    stray.append("other", new File(["x"], "x.txt"));
    expect((await readForm(multipart(stray), PDF)).refused).toBe(FORM_REFUSED);
    expect((await readForm(multipart(stray))).refused).toBe(FORM_REFUSED);
    const two = new FormData();
    two.append("file", new File(["a"], "a.pdf"));
    two.append("file", new File(["b"], "b.pdf"));
    expect((await readForm(multipart(two), PDF)).refused).toBe(FORM_REFUSED);
  });

  it("no file chosen is an empty file input, which the schema calls missing", async () => {
    const form = new FormData();
    form.append("title", "t");
    form.append("file", new File([], ""));
    const reply = (await readForm(multipart(form), PDF)).parse(FileSchema).reply();
    expect(Object.keys(reply.error ?? {})).toEqual(["file"]);
  });
});
