/**
 * The one way an action reads its form (urlencoded or multipart, with or without uploads) and parses it with a zod
 * schema. It exists because Conform's parser trusts field names: `junk[99999999]=1` builds a 100-million-slot array
 * and `submission.reply()` echoes every field back into the page. Here:
 *
 * - the body is read by busboy with limits (entries, name and value sizes, the whole body, each upload), so nothing
 *   is ever built that the limits do not allow, and a broken body is a refusal, never a crash;
 * - a field name must be an identifier path (`a`, `a.b`, `list[3].b`) with list indexes below MAX_LIST_ITEMS;
 * - when parsed, a structured name (`list[3].b`) must follow the schema's own shape, lists must be dense
 *   (0…n−1) and a single value must not be sent twice; plain names the schema does not know (a submit button's
 *   `intent`) are left out, so the reply only ever carries the schema's fields;
 * - text with control characters (NUL…) is a field error on that field.
 *
 * A refused form parses as an error submission with one translated form error and no values, so every action's
 * usual "invalid → 400 with the form's errors" path answers it.
 */
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import busboy from "busboy";
import { z } from "zod";
import type { $ZodType, input, output } from "zod/v4/core";

/**
 * The longest list a form may send. The longest real one is a ranking of a project's hosts (one per accepting firm;
 * the register has about 260 firms) or a firm's ranking of its applicants (at most MAX_STUDENTS = 200 per project),
 * so 500 leaves room for the register to double while a list at the bound still parses in well under a millisecond.
 */
export const MAX_LIST_ITEMS = 500;
/** Entries (fields and files) in one form: two per list item at the bound, plus the form's own fields. */
export const MAX_ENTRIES = 2 * MAX_LIST_ITEMS + 200;
/** A field name's length in bytes (`ranking[499].position` is 21). */
export const MAX_NAME_BYTES = 100;
/** One text value in bytes: the longest text field is 6,000 characters (18 KB in UTF-8). */
export const MAX_VALUE_BYTES = 64 * 1024;
/** The whole form without its uploads, as the server in front of Remix also enforces. */
export const MAX_FORM_BYTES = 1024 * 1024;
/** `a.b[1].c`: four segments at most. */
const MAX_SEGMENTS = 4;

/** Catalog keys of the form-level refusals. */
export const FORM_REFUSED = "validation.formRefused";
export const FORM_TOO_LARGE = "validation.formTooLarge";
export const CONTROL_CHARACTERS = "validation.controlCharacters";
/** The message of a zod issue the schema gave no message for (a tampered hidden field, a wrong type). */
export const INVALID_VALUE = "validation.invalid";

/** An upload field an action accepts, with its size limit and the message (a catalog key) when it is over it. */
export interface UploadRule {
  maxBytes: number;
  tooLarge: string;
}

export interface ReadFormOptions {
  /** The file fields this action takes; a file in any other field refuses the form. */
  uploads?: Record<string, UploadRule>;
}

type Segment = string | number;
type Entry = { name: string; segments: Segment[]; value: string | File };

type Shape = { kind: "leaf" } | { kind: "object"; fields: Map<string, Shape> } | { kind: "list"; item: Shape };

const LEAF: Shape = { kind: "leaf" };
const NAME_TOKEN = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(0|[1-9][0-9]{0,5})\]/y;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// A hidden return path is not the user's text: safeRedirectPath sends any target with control characters home,
// which is better than a field error on a field the user cannot see or fix.
const CHECKED_BY_THEIR_READER = new Set(["redirectTo"]);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `ranking[3].host` → ["ranking", 3, "host"]; null for any other shape or an index past the bound. */
export function nameSegments(name: string): Segment[] | null {
  const head = /^[A-Za-z_][A-Za-z0-9_]*/.exec(name);
  if (!head) return null;
  const segments: Segment[] = [head[0]];
  NAME_TOKEN.lastIndex = head[0].length;
  while (NAME_TOKEN.lastIndex < name.length) {
    const match = NAME_TOKEN.exec(name);
    if (!match) return null;
    if (match[1] !== undefined) segments.push(match[1]);
    else {
      const index = Number(match[2]);
      if (index >= MAX_LIST_ITEMS) return null;
      segments.push(index);
    }
    if (segments.length > MAX_SEGMENTS) return null;
  }
  return segments;
}

/** The form shape a zod schema reads: which names are objects, lists or single values. Cached per schema. */
const shapes = new WeakMap<object, Shape>();

function shapeOf(schema: $ZodType, seen = new Set<object>()): Shape {
  const cached = shapes.get(schema);
  if (cached) return cached;
  if (seen.has(schema)) return LEAF;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  let shape: Shape;
  switch (def.type) {
    case "object": {
      const fields = new Map<string, Shape>();
      for (const [key, field] of Object.entries(def.shape as Record<string, $ZodType>))
        fields.set(key, shapeOf(field, seen));
      shape = { kind: "object", fields };
      break;
    }
    case "array":
      shape = { kind: "list", item: shapeOf(def.element as $ZodType, seen) };
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "catch":
    case "readonly":
    case "success":
      shape = shapeOf(def.innerType as $ZodType, seen);
      break;
    case "pipe":
      // The form feeds the pipe's input; what the transform makes of it is not a field name.
      shape = shapeOf(def.in as $ZodType, seen);
      break;
    case "lazy":
      shape = shapeOf((def.getter as () => $ZodType)(), seen);
      break;
    case "union":
      shape = (def.options as $ZodType[]).map((o) => shapeOf(o, seen)).reduce(mergeShapes);
      break;
    case "intersection":
      shape = mergeShapes(shapeOf(def.left as $ZodType, seen), shapeOf(def.right as $ZodType, seen));
      break;
    default:
      shape = LEAF;
  }
  shapes.set(schema, shape);
  return shape;
}

function mergeShapes(a: Shape, b: Shape): Shape {
  if (a.kind === "object" && b.kind === "object") {
    const fields = new Map(a.fields);
    for (const [key, field] of b.fields)
      fields.set(key, fields.has(key) ? mergeShapes(fields.get(key)!, field) : field);
    return { kind: "object", fields };
  }
  if (a.kind === "list" && b.kind === "list") return { kind: "list", item: mergeShapes(a.item, b.item) };
  return a.kind === "leaf" ? b : a;
}

/**
 * Which entries a schema takes: the kept entries, or a refusal when a structured name does not fit its shape, a
 * list has a gap, or a single value came twice. Plain names the schema does not know are dropped.
 */
function fitToSchema(entries: Entry[], root: Shape): Entry[] | null {
  if (root.kind !== "object") return entries.length ? null : [];
  const kept: Entry[] = [];
  const lists = new Map<string, { indexes: Set<number>; repeated: boolean }>();
  const singles = new Set<string>();
  for (const entry of entries) {
    const { segments } = entry;
    if (!root.fields.has(segments[0] as string)) {
      if (segments.length === 1) continue;
      return null;
    }
    let node: Shape = root;
    let path = "";
    for (const segment of segments) {
      if (typeof segment === "number") {
        if (node.kind !== "list") return null;
        const list = lists.get(path) ?? { indexes: new Set(), repeated: false };
        list.indexes.add(segment);
        lists.set(path, list);
        node = node.item;
        path += `[${segment}]`;
      } else {
        if (node.kind !== "object") return null;
        const next = node.fields.get(segment);
        if (!next) return null;
        node = next;
        path += path ? `.${segment}` : segment;
      }
    }
    if (node.kind === "list" && node.item.kind === "leaf") {
      // A checkbox group: the same name once per ticked box.
      const list = lists.get(path) ?? { indexes: new Set(), repeated: false };
      list.repeated = true;
      lists.set(path, list);
    } else if (node.kind === "leaf") {
      if (singles.has(path)) return null;
      singles.add(path);
    } else return null;
    kept.push(entry);
  }
  for (const { indexes, repeated } of lists.values()) {
    if (repeated && indexes.size) return null;
    if (indexes.size && Math.max(...indexes) !== indexes.size - 1) return null;
  }
  return kept;
}

/** An error submission with exactly these errors ("" is the form's own), echoing only `formData`. */
function failedSubmission(formData: FormData, errors: Record<string, string[] | null>) {
  const schema = z.any().superRefine((_, ctx) => {
    for (const [name, messages] of Object.entries(errors)) {
      const path = name ? (nameSegments(name) ?? []) : [];
      for (const message of messages ?? []) ctx.addIssue({ code: "custom", path, message });
    }
  });
  return parseWithZod(formData, { schema });
}

export interface SubmittedForm {
  /** Why the whole form was refused (a catalog key), or null. A refused form has no values. */
  readonly refused: string | null;
  /** An upload went over its limit (the error is on its field), or the body over the form's limit. */
  readonly tooLarge: boolean;
  /** The first text value of a field, for a button's `intent` or a field read without a schema. */
  value(name: string): string | null;
  /** An uploaded file (within its limit), or null. */
  file(name: string): File | null;
  /** The entries the schema takes, as FormData (for a reply built from other values). Empty when refused. */
  only(schema: $ZodType): FormData;
  /** Conform's submission of the schema's fields; a refusal or a control character is an error submission. */
  parse<Schema extends $ZodType>(schema: Schema): Submission<input<Schema>, string[], output<Schema>>;
}

class Form implements SubmittedForm {
  constructor(
    private readonly entries: Entry[],
    readonly refused: string | null,
    private readonly oversized: Map<string, string>,
  ) {}

  get tooLarge() {
    return this.oversized.size > 0 || this.refused === FORM_TOO_LARGE;
  }

  value(name: string) {
    const found = this.entries.find((e) => e.name === name && typeof e.value === "string");
    return found ? (found.value as string) : null;
  }

  file(name: string) {
    const found = this.entries.find((e) => e.name === name && typeof e.value !== "string");
    return found ? (found.value as File) : null;
  }

  private fit(schema: $ZodType) {
    return this.refused ? null : fitToSchema(this.entries, shapeOf(schema));
  }

  only(schema: $ZodType) {
    const formData = new FormData();
    for (const { name, value } of this.fit(schema) ?? []) formData.append(name, value);
    return formData;
  }

  parse<Schema extends $ZodType>(schema: Schema): Submission<input<Schema>, string[], output<Schema>> {
    type Result = Submission<input<Schema>, string[], output<Schema>>;
    const kept = this.fit(schema);
    if (!kept) return failedSubmission(new FormData(), { "": [this.refused ?? FORM_REFUSED] }) as Result;
    const formData = new FormData();
    const extra: Record<string, string[]> = {};
    for (const { name, value } of kept) {
      formData.append(name, value);
      if (typeof value === "string" && CONTROL.test(value) && !CHECKED_BY_THEIR_READER.has(name)) {
        extra[name] = [CONTROL_CHARACTERS];
      }
    }
    for (const [name, message] of this.oversized) extra[name] = [message];
    const submission = parseWithZod(formData, { schema, error: () => INVALID_VALUE });
    if (!Object.keys(extra).length) return submission;
    const errors = submission.status === "error" ? { ...submission.error, ...extra } : extra;
    return failedSubmission(formData, errors) as Result;
  }
}

const refusal = (key: string) => new Form([], key, new Map());

/**
 * Reads the request's form. Never throws for what a client sends: a body that cannot be read, is too large, or has
 * a field name of an unknown shape comes back refused. An upload over its rule's limit stops the reading there (the
 * rest of the body is never read) and keeps the fields read so far, so the form can be shown again with them.
 */
export async function readForm(request: Request, options: ReadFormOptions = {}): Promise<SubmittedForm> {
  const uploads = options.uploads ?? {};
  const uploadBytes = Object.values(uploads).reduce((sum, rule) => sum + rule.maxBytes, 0);
  const limit = MAX_FORM_BYTES + uploadBytes;
  const contentType = request.headers.get("Content-Type");
  if (Number(request.headers.get("Content-Length")) > limit) return refusal(FORM_TOO_LARGE);
  if (!request.body) return new Form([], null, new Map());
  if (!contentType) {
    // A body without a type (a bare fetch) counts as an empty form only if it is empty.
    const reader = request.body.getReader();
    const { done, value } = await reader.read();
    await reader.cancel().catch(() => {});
    return done || !value?.byteLength ? new Form([], null, new Map()) : refusal(FORM_REFUSED);
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: {
        fieldNameSize: MAX_NAME_BYTES,
        fieldSize: MAX_VALUE_BYTES,
        fields: MAX_ENTRIES,
        files: Object.keys(uploads).length,
        fileSize: Math.max(0, ...Object.values(uploads).map((r) => r.maxBytes)) + 1,
        parts: MAX_ENTRIES,
        headerPairs: 20,
      },
    });
  } catch {
    // No or a broken boundary, or a type that is not a form (JSON, text/plain).
    await request.body.cancel().catch(() => {});
    return refusal(FORM_REFUSED);
  }

  const entries: Entry[] = [];
  const oversized = new Map<string, string>();
  let refused: string | null = null;
  let stop = false;
  const refuse = (key: string) => {
    refused ??= key;
    stop = true;
  };
  const add = (name: string | undefined, value: string | File) => {
    const segments = name === undefined ? null : nameSegments(name);
    if (!segments) return refuse(FORM_REFUSED);
    entries.push({ name: name!, segments, value });
  };
  const pendingFiles: Array<Promise<void>> = [];

  parser.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) return refuse(FORM_REFUSED);
    add(name, value);
  });
  parser.on("file", (name, stream, info) => {
    const rule = Object.hasOwn(uploads, name) ? uploads[name] : undefined;
    if (!rule) {
      stream.resume();
      return refuse(FORM_REFUSED);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    pendingFiles.push(
      new Promise<void>((resolve) => {
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > rule.maxBytes) {
            if (!oversized.has(name)) oversized.set(name, rule.tooLarge);
            stop = true;
            chunks.length = 0;
          } else if (!oversized.has(name)) chunks.push(chunk);
        });
        stream.on("error", () => resolve());
        stream.on("end", () => {
          if (!oversized.has(name)) {
            add(
              name,
              new File(chunks as unknown as BlobPart[], uploadedFileName(info.filename ?? ""), { type: info.mimeType }),
            );
          }
          resolve();
        });
      }),
    );
  });
  for (const event of ["fieldsLimit", "filesLimit", "partsLimit"] as const)
    parser.on(event, () => refuse(FORM_REFUSED));
  const finished = new Promise<void>((resolve) => {
    parser.on("error", () => {
      refuse(FORM_REFUSED);
      resolve();
    });
    parser.on("close", () => resolve());
  });

  let total = 0;
  const reader = request.body.getReader();
  try {
    while (!stop) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        refuse(FORM_TOO_LARGE);
        break;
      }
      parser.write(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch {
    refuse(FORM_REFUSED);
  }
  if (stop) {
    // Stop reading: the rest of the body is never looked at.
    await reader.cancel().catch(() => {});
    parser.removeAllListeners("file");
    parser.on("error", () => {});
  } else {
    parser.end();
    await finished;
    await Promise.all(pendingFiles);
  }
  if (refused) return refusal(refused);
  return new Form(entries, null, oversized);
}

/**
 * An uploaded file's name as the person named it. busboy reads quoted names with `=`, `;` and quoted quotes, and
 * RFC 5987 `filename*`; browsers write a `"` in a name as `%22` (the HTML form encoding), which is turned back here.
 * Control characters are removed.
 */
export function uploadedFileName(raw: string): string {
  return raw.replace(/%22/g, '"').replace(ANY_CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}
