/** After answering through the emailed link: a thank-you (the link itself is spent). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export async function loader({ request }: LoaderFunctionArgs) {
  return { accepted: new URL(request.url).searchParams.get("answer") === "accept" };
}

export default function HostResponseThanks() {
  const { t } = useTranslation();
  const { accepted } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("hosts.link.thanksTitle")}</h1>
      <p role="status">{t(accepted ? "hosts.link.thanksAccepted" : "hosts.link.thanksDeclined")}</p>
    </section>
  );
}
