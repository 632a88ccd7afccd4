/** POST /logout: deletes the session row and clears the cookie. GET does nothing (mutations only in actions). */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readForm } from "~/utils/form.server";
import { endSession } from "~/utils/session.server";
import { setToastCookie } from "~/utils/toast.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  // The form has no fields; it is read (within the limits) only so that no body is left unbounded. Whatever it
  // holds, signing out goes ahead: a person who asked to leave must be signed out.
  await readForm(request);
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(request));
  headers.append("Set-Cookie", await setToastCookie({ kind: "success", key: "auth.logoutDone" }));
  return redirect("/", { headers });
}
