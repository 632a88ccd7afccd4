/** POST /logout: deletes the session row and clears the cookie. GET does nothing (mutations only in actions). */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/utils/session.server";
import { setToastCookie } from "~/utils/toast.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(request));
  headers.append("Set-Cookie", await setToastCookie({ kind: "success", key: "auth.logoutDone" }));
  return redirect("/", { headers });
}
