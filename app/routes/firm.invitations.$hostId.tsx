/** A firm user answers a hosting request for their own firm: accept with a capacity, or decline. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HostAnswerForm, HostStatusBadge, ProjectPublicInfo } from "~/components/hosts";
import type { Lng } from "~/i18n";
import { answerAsFirmUser, canAnswer, getHostInvitation } from "~/models/project-host.server";
import { failureReply } from "~/route-helpers/respond.server";
import { HostAnswerSchema, toHostAnswer } from "~/schemas/hosts";
import { parseId } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

/** The firm user and their own firm's invitation; another firm's is forbidden, a professor's suggestion unknown. */
async function requireOwnInvitation(request: Request, hostIdValue: string | undefined) {
  const user = await requireRole(request, "firm");
  const host = await getHostInvitation(parseId(hostIdValue));
  invariantResponse(host && host.status !== "suggested");
  invariantResponse(host.firm_id === user.firm_id, "Forbidden", { status: 403 });
  return { user, host };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { host } = await requireOwnInvitation(request, params.hostId);
  const { firm_id: _firm, project_state: _state, ...shown } = host;
  return { host: shown, answerable: canAnswer(host) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, host } = await requireOwnInvitation(request, params.hostId);
  const submission = (await readForm(request)).parse(HostAnswerSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const answer = toHostAnswer(submission.value);
  const r = await answerAsFirmUser(user, host.id, answer);
  if (r.ok) {
    return redirectWithToast("/firm/invitations", {
      kind: "success",
      key: answer.accept ? "hosts.toast.accepted" : "hosts.toast.declined",
    });
  }
  return failureReply(submission, r, { status: 409 });
}

export default function FirmInvitation() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { host, answerable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article>
      <p>
        <Link to="/firm/invitations">{t("hosts.backToInvitations")}</Link>
      </p>
      <h1>{localTitle(host, lng)}</h1>
      <p>
        <HostStatusBadge status={host.status} />
        {host.responded_at ? ` ${t("hosts.answeredOn", { date: formatDateTime(host.responded_at, lng) })}` : null}
      </p>
      <ProjectPublicInfo project={host} />
      <section aria-labelledby="answer-title" className="panel">
        <h2 id="answer-title">{t("hosts.answer.title")}</h2>
        {answerable ? (
          <>
            <p>{t("hosts.answer.lead")}</p>
            <HostAnswerForm lastResult={actionData?.result} />
          </>
        ) : (
          <>
            {host.status === "accepted" ? <p>{t("hosts.answer.acceptedWith", { count: host.capacity ?? 0 })}</p> : null}
            {host.note ? <p className="pre-line">{t("hosts.answer.yourNote", { note: host.note })}</p> : null}
            <p>{t(host.status === "invited" ? "hosts.answer.closed" : "hosts.answer.changeThroughStaff")}</p>
          </>
        )}
      </section>
    </article>
  );
}
