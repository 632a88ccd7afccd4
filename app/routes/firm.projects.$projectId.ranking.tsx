/**
 * A host firm's own ranking of the applicants (optional). Applicants are shown pseudonymously ("応募者 A", and their
 * motivation only when they chose to share it): the students consented to share their name, university and email only with the firm they are
 * paired with, so no firm sees them before pairing. A position select per applicant (works without JavaScript);
 * "use the lottery" clears the ranking. Open while sign-up is open and after it closes, until a pairing is published.
 */
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors, selectControl } from "~/components/forms";
import type { Lng } from "~/i18n";
import { listApplicants, RANKING_CLOSED, RANKING_STATES, saveHostRanking } from "~/models/host-ranking.server";
import { requireFirmHost } from "~/route-helpers/pairing-route.server";
import { failureReply } from "~/route-helpers/respond.server";
import { applicantLabel, HostRankingSchema, rankedSignups } from "~/schemas/pairing";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { localTitle } from "~/utils/localized";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { host } = await requireFirmHost(request, params);
  const open = RANKING_STATES.includes(host.state);
  const applicants = open ? await listApplicants(host.id, host.project_id) : [];
  return {
    project: { id: host.project_id, title_ja: host.title_ja, title_en: host.title_en },
    open,
    // No name, university or email: a label in sign-up order and the motivation if the student shared it.
    applicants: applicants.map((a, i) => ({
      id: a.id,
      label: applicantLabel(i),
      motivation: a.motivation,
      rank: a.rank,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, host } = await requireFirmHost(request, params);
  const form = await readForm(request);
  const submission = form.parse(HostRankingSchema);
  const clearing = form.value("intent") === "clear";
  if (!clearing && submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const ranking = clearing || submission.status !== "success" ? [] : rankedSignups(submission.value.ranking);
  const r = await saveHostRanking(host, ranking, user);
  if (!r.ok) return failureReply(submission, r, { status: (reason) => (reason === RANKING_CLOSED ? 409 : 400) });
  return redirectWithToast(`/firm/projects/${host.project_id}/ranking`, {
    kind: "success",
    key: ranking.length ? "pairing.toast.rankingSaved" : "pairing.toast.rankingCleared",
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.project.title_ja }] : []);

export default function FirmRanking() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, open, applicants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const ranked = applicants.filter((a) => a.rank !== null).length;
  const [form, fields] = useForm({
    id: "host-ranking",
    lastResult: actionData?.result,
    constraint: zodConstraint(HostRankingSchema),
    defaultValue: {
      ranking: applicants.map((a) => ({ signup: String(a.id), position: a.rank === null ? "" : String(a.rank) })),
    },
  });
  const rows = fields.ranking.getFieldList();
  return (
    <>
      <p>
        <Link to="/firm/projects">{t("pairing.firm.backToProjects")}</Link>
      </p>
      <h1>{t("pairing.ranking.title", { title: localTitle(project, lng) })}</h1>
      {!open ? (
        <p>{t("pairing.ranking.closed")}</p>
      ) : applicants.length === 0 ? (
        <p>{t("pairing.ranking.noApplicants")}</p>
      ) : (
        <>
          <p>{t("pairing.ranking.lead")}</p>
          <p>{t("pairing.ranking.privacy")}</p>
          <p className="notice">
            {ranked ? t("pairing.ranking.currentOwn", { n: ranked }) : t("pairing.ranking.currentLottery")}
          </p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("pairing.ranking.applicantCol")}</th>
                    <th scope="col">{t("pairing.ranking.motivation")}</th>
                    <th scope="col">{t("pairing.ranking.position")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => {
                    const item = row.getFieldset();
                    const position = selectControl(item.position);
                    const label = t("pairing.ranking.applicant", { label: applicants[i].label });
                    return (
                      <tr key={row.key}>
                        <th scope="row">{label}</th>
                        <td className="pre-line">
                          {applicants[i].motivation ?? (
                            <span className="muted">{t("pairing.ranking.motivationNotShared")}</span>
                          )}
                        </td>
                        <td>
                          <input {...getInputProps(item.signup, { type: "hidden" })} />
                          <label htmlFor={position.id} className="visually-hidden">
                            {t("pairing.ranking.positionOf", { label })}
                          </label>
                          <select {...position.props} aria-describedby={position.errorId}>
                            <option value="">{t("pairing.ranking.notRanked")}</option>
                            {applicants.map((_, n) => (
                              <option key={n} value={String(n + 1)}>
                                {t("pairing.ranking.nth", { n: n + 1 })}
                              </option>
                            ))}
                          </select>
                          <ErrorList id={position.errorId} errors={position.errors} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <button type="submit" name="intent" value="save" className="button">
              {t("pairing.ranking.save")}
            </button>
          </Form>
          <section aria-labelledby="lottery-title">
            <h2 id="lottery-title">{t("pairing.ranking.lotteryTitle")}</h2>
            <p>{t("pairing.ranking.lotteryHint")}</p>
            <Form method="post">
              <button type="submit" name="intent" value="clear" className="button button--secondary">
                {t("pairing.ranking.useLottery")}
              </button>
            </Form>
          </section>
        </>
      )}
    </>
  );
}
