// The done/missed buttons under an interview that has ended offer only the change that would do something: a booked
// interview both, one recorded done only "missed" (to correct it), one recorded missed only "done".
import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { OutcomeButtons } from "~/components/interviews";
import { i18nConfig } from "~/i18n";

async function render(status: string) {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({ ...i18nConfig, lng: "ja", initImmediate: false });
  const routes = [{ path: "/", element: <OutcomeButtons slotId={7} label="取材の結果" status={status} /> }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />
    </I18nextProvider>,
  );
  return [...html.matchAll(/<button[^>]*value="(\w+)"[^>]*>([^<]*)<\/button>/g)].map((m) => [m[1], m[2]]);
}

describe("OutcomeButtons", () => {
  it("offers done and missed for a booked interview", async () => {
    expect(await render("booked")).toEqual([
      ["done", "実施済みにする"],
      ["missed", "不実施にする"],
    ]);
  });

  it("offers only the correction once an outcome is recorded", async () => {
    expect(await render("done")).toEqual([["missed", "不実施にする"]]);
    expect(await render("missed")).toEqual([["done", "実施済みにする"]]);
  });
});
