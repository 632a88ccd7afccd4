/**
 * GET /account/data.json: everything the platform holds about the signed-in user, as one JSON file to keep
 * (APPI disclosure; app/models/own-data.server.ts says what is in it). A plain link: works without JavaScript.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { collectOwnData } from "~/models/own-data.server";
import { tokyoDate } from "~/utils/format";
import { requireUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const body = JSON.stringify(await collectOwnData(user.id), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="kita-collab-my-data-${tokyoDate()}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
