/**
 * The stream React renders a document into (app/entry.server.tsx). React writes a page as 2 KB pieces, dozens for a
 * long page, and after each burst calls `flush()`, the convention for streams that buffer (zlib, compression). Each
 * piece written to a plain PassThrough then crossed three streams on its own: the PassThrough, the web stream Remix
 * wants, and the HTTP response, with a promise and usually a write system call each, which the CPU profile showed on
 * long pages. This one holds the pieces until `flush()` (or the end) and passes the burst on as one chunk, so what
 * the browser receives, and when, is unchanged: React flushes whenever it has something to send (the shell, then
 * each streamed part).
 */
import { PassThrough } from "node:stream";

export class CoalescingPassThrough extends PassThrough {
  #pending: Uint8Array[] = [];

  /** Takes a piece React wrote; it goes on at the next flush. Always accepts: a burst is one page's markup. */
  override write(chunk: unknown, ...rest: unknown[]): boolean {
    if (!(chunk instanceof Uint8Array) || rest.length > 0) return super.write(chunk, ...(rest as []));
    this.#pending.push(chunk);
    return true;
  }

  /** Passes the pieces held so far on as one chunk. */
  flush(): void {
    const pending = this.#pending;
    if (pending.length === 0) return;
    this.#pending = [];
    super.write(pending.length === 1 ? pending[0] : Buffer.concat(pending));
  }

  /**
   * Ends the stream after passing on what is held. A second end() is ignored: React ends the stream again when it
   * sees it close after a finished render, and Node would build an error with a stack trace for it on every page.
   */
  override end(...args: unknown[]): this {
    if (this.writableEnded) return this;
    this.flush();
    return super.end(...(args as []));
  }
}
