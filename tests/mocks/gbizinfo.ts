// gBizINFO (the national corporate register's REST API): GET {base}/v1/hojin/{corporate_number}.
import { delay, http, HttpResponse } from "msw";

export const GBIZINFO_URL = "https://info.gbiz.go.jp/hojin/v1/hojin/:corporateNumber";

/** Corporations the mock register knows, by corporate number. */
export const GBIZ_CORPORATIONS: Record<string, Record<string, string>> = {
  // The National Tax Agency's own number, with an address in Kita-ku made up for the test.
  "7000012050002": {
    corporate_number: "7000012050002",
    name: "株式会社浮間テスト製作所",
    kana: "ウキマテストセイサクショ",
    location: "東京都北区赤羽西１丁目２番３号",
    postal_code: "1150055",
    status: "-",
  },
};

export const gbizinfoRequests: Array<{ token: string | null; number: string }> = [];

/** Default: known numbers are found; unknown ones get the API's "200 with an empty list". */
export const gbizinfoHandlers = [
  http.get(GBIZINFO_URL, ({ request, params }) => {
    const number = String(params.corporateNumber);
    gbizinfoRequests.push({ token: request.headers.get("X-hojinInfo-api-token"), number });
    if (!request.headers.get("X-hojinInfo-api-token"))
      return HttpResponse.json({ errors: [{ message: "token" }] }, { status: 401 });
    const found = GBIZ_CORPORATIONS[number];
    return HttpResponse.json({ id: "x", message: "200 - OK.", "hojin-infos": found ? [found] : [] });
  }),
];

export const gbizinfoNotFound404 = () =>
  http.get(GBIZINFO_URL, () => HttpResponse.json({ message: "404 - Not Found." }, { status: 404 }));
export const gbizinfoError500 = () =>
  http.get(GBIZINFO_URL, () => new HttpResponse("Internal Server Error", { status: 500 }));
/** Answers only after `ms`, beyond the client's timeout. */
export const gbizinfoSlow = (ms = 2_000) =>
  http.get(GBIZINFO_URL, async () => {
    await delay(ms);
    return HttpResponse.json({ "hojin-infos": [] });
  });
