/**
 * Where React renders a document (app/entry.server.tsx): the whole page, collected and answered as one body with its
 * Content-Length. No page defers data, so React has everything by the time the shell is ready and streaming bought
 * nothing but cost: React writes a page as 2 KB pieces, and each went through a PassThrough, the web stream Remix
 * wants and the HTTP response, answered in chunked pieces. Collected, the page is one buffer written once (measured
 * against the streaming build in README "Decisions", ninth pass). A route that defers data (`<Await>`) would need
 * streaming back.
 *
 * React's `pipe` takes any destination with `write`, `end`, `destroy` and the `drain`, `error` and `close` events.
 */
import { EventEmitter } from "node:events";

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
    if (!this.#finished) this.#chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
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
