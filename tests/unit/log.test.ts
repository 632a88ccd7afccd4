// Error lines name the error's code when it has one (SQLite's "database is locked" is one message for two causes).
import { afterEach, describe, expect, it, vi } from "vitest";
import { logError } from "~/utils/log.server";

const written = () => {
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  return () => stderr.mock.calls.map((call) => JSON.parse(String(call[0])));
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("logError", () => {
  it("logs the message, the stack and the code of an error that has one", () => {
    const lines = written();
    logError("write failed", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY_SNAPSHOT" }));
    expect(lines()).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "write failed",
        error: "database is locked",
        code: "SQLITE_BUSY_SNAPSHOT",
        stack: expect.stringContaining("database is locked"),
      }),
    ]);
  });

  it("adds no code when there is none, and logs what was thrown when it is not an Error", () => {
    const lines = written();
    logError("plain", new Error("boom"));
    logError("thrown string", "just text");
    const [plain, text] = lines();
    expect(plain).not.toHaveProperty("code");
    expect(plain.error).toBe("boom");
    expect(text).toMatchObject({ msg: "thrown string", error: "just text" });
    expect(text).not.toHaveProperty("stack");
  });
});
