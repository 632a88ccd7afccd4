// Filling a new firm from the national corporate register (gBizINFO), with the API mocked by msw: found, not found,
// error, timeout, and no token configured.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as newAction, loader as newLoader } from "~/routes/staff.firms.new";
import { resetConfig } from "~/utils/env.server";
import { gbizinfoError500, gbizinfoNotFound404, gbizinfoRequests, gbizinfoSlow } from "../mocks/gbizinfo";
import { server } from "../mocks/server";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf } from "../setup/http";

const FOUND = "7000012050002"; // known to the mock register
const UNKNOWN = "8000020131172"; // valid, but not in the mock register

let cookie: string;

function configure(token: string | null) {
  if (token) process.env.GBIZINFO_API_TOKEN = token;
  else delete process.env.GBIZINFO_API_TOKEN;
  process.env.GBIZINFO_TIMEOUT_MS = "200";
  resetConfig();
}

beforeAll(async () => {
  cookie = await signIn((await createUser("staff")).id);
});
beforeEach(() => {
  configure("test-token");
  gbizinfoRequests.length = 0;
});
afterEach(() => configure(null));
afterAll(() => {
  delete process.env.GBIZINFO_TIMEOUT_MS;
  resetConfig();
});

async function lookup(form: Record<string, string>) {
  const res = await settle(callAction(newAction, "/staff/firms/new", { form: { intent: "lookup", ...form }, cookie }));
  return { status: statusOf(res), body: payload(res) };
}

describe("looking up a corporate number", () => {
  it("offers the look-up when a token is set", async () => {
    expect(payload(await callLoader(newLoader, "/staff/firms/new", { cookie })).lookupAvailable).toBe(true);
  });

  it("pre-fills name, reading, postal code, town and address, sending the token", async () => {
    const { status, body } = await lookup({ corporate_number: `７０００-０１２０-５０００２`, is_public: "on" });
    expect(status).toBe(200);
    expect(body.lookup.status).toBe("found");
    expect(typeof body.lookup.nonce).toBe("number");
    expect(body.result.initialValue).toMatchObject({
      corporate_number: FOUND,
      name: "株式会社浮間テスト製作所",
      name_kana: "ウキマテストセイサクショ",
      postal_code: "115-0055",
      town: "akabane_nishi",
      address: "1丁目2番3号",
      is_public: "on",
    });
    expect(body.result.error).toBeUndefined();
    expect(gbizinfoRequests).toEqual([{ token: "test-token", number: FOUND }]);
  });

  it("keeps what staff already typed", async () => {
    const { body } = await lookup({ corporate_number: FOUND, name: "浮間テスト（通称）" });
    expect(body.lookup.status).toBe("found");
    expect(body.result.initialValue.name).toBe("浮間テスト（通称）");
    expect(body.result.initialValue.town).toBe("akabane_nishi");
  });

  it("says so when the register has no such corporation (200 with an empty list, or 404)", async () => {
    const empty = await lookup({ corporate_number: UNKNOWN, name: "手入力" });
    expect(empty.body.lookup.status).toBe("not_found");
    expect(empty.body.result.initialValue.name).toBe("手入力");

    server.use(gbizinfoNotFound404());
    expect((await lookup({ corporate_number: FOUND })).body.lookup.status).toBe("not_found");
  });

  it("says so when the API fails", async () => {
    server.use(gbizinfoError500());
    const { status, body } = await lookup({ corporate_number: FOUND });
    expect(status).toBe(200);
    expect(body.lookup.status).toBe("error");
    expect(body.result.initialValue.name).toBeUndefined();
  });

  it("gives up after the timeout and says so", async () => {
    server.use(gbizinfoSlow(2_000));
    const started = performance.now();
    const { body } = await lookup({ corporate_number: FOUND });
    expect(body.lookup.status).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("checks the corporate number before asking", async () => {
    const { status, body } = await lookup({ corporate_number: "1234567890123" });
    expect(status).toBe(400);
    expect(body.result.error.corporate_number).toEqual(["firms.validation.corporateNumber"]);
    expect(gbizinfoRequests).toHaveLength(0);
  });

  it("without a token: no look-up offered, a clear answer, and no request", async () => {
    configure(null);
    expect(payload(await callLoader(newLoader, "/staff/firms/new", { cookie })).lookupAvailable).toBe(false);
    const { status, body } = await lookup({ corporate_number: FOUND });
    expect(status).toBe(200);
    expect(body.lookup.status).toBe("unconfigured");
    expect(gbizinfoRequests).toHaveLength(0);
  });
});
