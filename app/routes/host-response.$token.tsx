/**
 * GET/POST /host-response/:token: a firm contact without an account answers a hosting request through the signed
 * link emailed to them. 404 for a link that is not genuine; 410 once it is used, replaced, expired or closed.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HostAnswerForm, ProjectPublicInfo } from "~/components/hosts";
import type { Lng } from "~/i18n";
import { answerThroughLink, findHostLink } from "~/models/project-host.server";
import { failureReply } from "~/route-helpers/respond.server";
import { HostAnswerSchema, toHostAnswer } from "~/schemas/hosts";
import { readForm } from "~/utils/form.server";
import { localTitle } from "~/utils/localized";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findHostLink(params.token ?? "");
  if (found.state !== "open")
    return data({ state: found.state, host: null }, { status: found.state === "invalid" ? 404 : 410 });
  const { firm_id: _firm, project_state: _state, ...host } = found.host;
  return { state: found.state, host };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = (await readForm(request)).parse(HostAnswerSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const answer = toHostAnswer(submission.value);
  const r = await answerThroughLink(params.token ?? "", answer);
  if (!r.ok) return failureReply(submission, r, { status: (reason) => (reason === "hosts.link.invalid" ? 404 : 410) });
  return redirect(`/host-response/thanks?answer=${answer.accept ? "accept" : "decline"}`);
}

export default function HostResponse() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { state, host } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!host) {
    return (
      <section className="narrow">
        <h1>{t("hosts.link.title")}</h1>
        <p role="alert">{t(`hosts.link.${state}`)}</p>
      </section>
    );
  }
  return (
    <article>
      <p className="muted">{t("hosts.link.for", { firm: host.firm_name })}</p>
      <h1>{localTitle(host, lng)}</h1>
      <ProjectPublicInfo project={host} />
      <section aria-labelledby="answer-title" className="panel">
        <h2 id="answer-title">{t("hosts.answer.title")}</h2>
        <p>{t("hosts.answer.lead")}</p>
        <p className="muted">{t("hosts.link.once")}</p>
        <HostAnswerForm lastResult={actionData?.result} />
      </section>
    </article>
  );
}
