/**
 * Where the streaming renderer's page is collected (app/entry.server.tsx renders every page to one string, and only a
 * page that leaves a Suspense boundary unfinished the streaming way): the whole page, answered as one body with its
 * Content-Length rather than streamed, since React's 2 KB pieces each went through a PassThrough, the web stream Remix
 * wants and the HTTP response, answered in chunked pieces (README "Decisions", ninth pass). A route that defers data
 * (`<Await>`) and wants its shell sent first would need streaming back.
 *
 * React's `pipe` takes any destination with `write`, `end`, `destroy` and the `drain`, `error` and `close` events.
 */
import { EventEmitter } from "node:events";

/**
 * React 18.3.1 encodes into 2 KB views, and when the next character does not fit in what is left of one it writes
 * the whole view, NUL padding included (react/react#31134): a Japanese character (3 bytes in UTF-8) that falls on a
 * view's edge left one or two NUL bytes in the page, which browsers drop or show and crawlers stop at. A full view
 * that ends in NUL bytes (at most three: the longest character is four bytes) loses them here. A page never holds a
 * NUL of its own: HTML does not allow one.
 */
const REACT_VIEW_SIZE = 2048;
function withoutPadding(chunk: Uint8Array): Uint8Array {
  if (chunk.byteLength !== REACT_VIEW_SIZE || chunk[REACT_VIEW_SIZE - 1] !== 0) return chunk;
  let end = REACT_VIEW_SIZE;
  while (end > REACT_VIEW_SIZE - 3 && chunk[end - 1] === 0) end--;
  return chunk.subarray(0, end);
}

export class DocumentBuffer extends EventEmitter {
  #chunks: Uint8Array[] = [];
  #finished = false;
  #resolve!: (body: Buffer<ArrayBuffer>) => void;
  #reject!: (error: unknown) => void;
  /** The whole document once React ends it; rejected if React destroys the destination (a fatal render error). */
  readonly body = new Promise<Buffer<ArrayBuffer>>((resolve, reject) => {
    this.#resolve = resolve;
    this.#reject = reject;
  });

  /** Takes a piece React wrote. Always accepts: there is no consumer to wait for. */
  write(chunk: Uint8Array | string): boolean {
    if (!this.#finished) this.#chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : withoutPadding(chunk));
    return true;
  }

  /** The page is complete. A second end() (React's, as it closes a finished render) changes nothing. */
  end(): this {
    if (this.#finished) return this;
    this.#finished = true;
    this.#resolve(Buffer.concat(this.#chunks));
    this.#chunks = [];
    return this;
  }

  destroy(error?: unknown): this {
    if (this.#finished) return this;
    this.#finished = true;
    this.#chunks = [];
    this.#reject(error ?? new Error("the document render was destroyed"));
    return this;
  }
}
