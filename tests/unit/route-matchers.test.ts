// The route matchers and call helpers the route tests lean on: they must fail when the answer is not what they say,
// and say what it was.
import { data, json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { redirectWithToast } from "~/utils/toast.server";
import { callAction, callLoader } from "../setup/call";

describe("toHaveRedirect", () => {
  it("passes on a 302 to the location, and fails on another place, another status or no Response", () => {
    expect(redirect("/here")).toHaveRedirect("/here");
    expect(redirect("/here")).toHaveRedirect();
    expect(redirect("/here", 303)).toHaveRedirect("/here", { status: 303 });
    expect(() => expect(redirect("/there")).toHaveRedirect("/here")).toThrow(
      'expected a 302 redirect to "/here", got a 302 Response with Location "/there"',
    );
    expect(() => expect(redirect("/here", 303)).toHaveRedirect("/here")).toThrow(/got a 303 Response/);
    expect(() => expect(json({ a: 1 })).toHaveRedirect()).toThrow(/got a 200 Response with Location null/);
    expect(() => expect(data({ a: 1 }, { status: 400 })).toHaveRedirect()).toThrow(/got data\(\) with status 400/);
    expect(() => expect({ a: 1 }).toHaveRedirect()).toThrow(/got object \{"a":1\}/);
    expect(json({})).not.toHaveRedirect();
    expect(() => expect(redirect("/x")).not.toHaveRedirect("/x")).toThrow(/expected not a 302 redirect/);
  });
});

describe("toSendToast", () => {
  it("reads the signed toast cookie: kind, key and values", async () => {
    const res = await redirectWithToast("/x", { kind: "success", key: "staff.invited", values: { email: "a@b.jp" } });
    await expect(res).toSendToast();
    await expect(res).toSendToast("success", "staff.invited");
    await expect(res).toSendToast("success", "staff.invited", { email: "a@b.jp" });
    await expect(expect(res).toSendToast("error")).rejects.toThrow(
      'expected a toast (error), got {"kind":"success","key":"staff.invited","values":{"email":"a@b.jp"}}',
    );
    await expect(expect(res).toSendToast("success", "other.key")).rejects.toThrow(/got \{"kind":"success"/);
    await expect(expect(redirect("/x")).toSendToast()).rejects.toThrow(/got no toast on a 302 Response/);
    await expect(redirect("/x")).not.toSendToast();
  });

  it("refuses a forged toast cookie (not signed with the session secret)", async () => {
    const forged = new Response(null, {
      status: 302,
      headers: { "Set-Cookie": `toast=${btoa(JSON.stringify({ kind: "success", key: "x" }))}; Path=/` },
    });
    await expect(forged).not.toSendToast();
  });
});

describe("callLoader / callAction", () => {
  const echo = async ({ request, params, context }: LoaderFunctionArgs | ActionFunctionArgs) => ({
    method: request.method,
    url: request.url,
    cookie: request.headers.get("Cookie"),
    form: request.method === "POST" ? Object.fromEntries(await request.formData()) : null,
    params,
    context,
  });

  it("builds the request from a path, with cookie, params and context", async () => {
    expect(
      await callLoader(echo, "/a?b=1", { cookie: "c=1", params: { id: "7" }, context: { clientIp: "1" } }),
    ).toEqual({
      method: "GET",
      url: "http://localhost:3000/a?b=1",
      cookie: "c=1",
      form: null,
      params: { id: "7" },
      context: { clientIp: "1" },
    });
    expect(await callAction(echo, "/a", { form: { x: "1" } })).toMatchObject({
      method: "POST",
      form: { x: "1" },
      params: {},
      context: {},
    });
  });

  it("passes a ready Request through, and lets a thrown Response through", async () => {
    const request = new Request("http://localhost:3000/r", { method: "DELETE" });
    expect(await callAction(echo, request)).toMatchObject({ method: "DELETE", url: "http://localhost:3000/r" });
    const guard = () => {
      throw redirect("/login");
    };
    expect(() => callLoader(guard, "/")).toThrow(Response);
  });
});
