/**
 * A student signs up for a project (with the seminar's join code), ranks every accepting host, and may change the
 * ranking or withdraw until the window closes (server-enforced); afterwards the page is read-only.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, FormErrors, TextareaField, TextField } from "~/components/forms";
import { PrivacyLink } from "~/components/privacy-link";
import { RankingField, RankingList, type RankingValue } from "~/components/ranking";
import type { Lng } from "~/i18n";
import { getProject, normalizeJoinCode } from "~/models/project.server";
import {
  countSignups,
  findSignup,
  getSignupRanking,
  listAcceptedHosts,
  signUp,
  updateSignup,
  withdrawSignup,
} from "~/models/signup.server";
import { PUBLIC_STATES } from "~/projects/lifecycle";
import { CONSENT_VERSION, orderHosts, rankingFromPositions, signupPhase } from "~/projects/signup";
import { failureReply, failureToast } from "~/route-helpers/respond.server";
import { parseId } from "~/schemas/params";
import { MOTIVATION_MAX, SignupSchema, UpdateSignupSchema } from "~/schemas/signup";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { localTitle, localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const student = await requireRole(request, "student");
  const project = await getProject(parseId(params.projectId));
  invariantResponse(project);
  const url = new URL(request.url);
  const code = url.searchParams.get("code")?.slice(0, 40) ?? "";
  const signup = await findSignup(student.id, project.id);
  // Before a sign-up, a project that is not public yet is shown only to someone holding its code.
  invariantResponse(signup || PUBLIC_STATES.includes(project.state) || normalizeJoinCode(code) === project.join_code);
  const [hosts, ranking, signups] = await Promise.all([
    listAcceptedHosts(project.id),
    signup ? getSignupRanking(signup.id) : Promise.resolve([]),
    countSignups(project.id),
  ]);
  return {
    project: {
      id: project.id,
      title_ja: project.title_ja,
      title_en: project.title_en,
      summary_ja: project.summary_ja,
      summary_en: project.summary_en,
      seminar_name: project.seminar_name,
      signup_opens_at: project.signup_opens_at,
      signup_closes_at: project.signup_closes_at,
    },
    phase: signupPhase(project),
    hosts: orderHosts(hosts, ranking),
    ranked: ranking,
    signup: signup && {
      motivation: signup.motivation,
      motivation_shared: signup.motivation_shared === 1,
      consented_at: signup.consented_at,
      consent_version: signup.consent_version,
      updated_at: signup.updated_at,
    },
    code: signup ? "" : code,
    full: !signup && signups >= project.student_capacity,
    confirmWithdraw: Boolean(signup) && url.searchParams.get("confirm") === "withdraw",
    consentVersion: CONSENT_VERSION,
  };
}

const WRONG_CODE = "signup.errors.wrongCode";
/** The accepting hosts changed since the page was shown: the ranking starts again from the current list. */
const HOSTS_CHANGED = "signup.errors.hostsChanged";

export async function action({ request, params }: ActionFunctionArgs) {
  const student = await requireRole(request, "student");
  const projectId = parseId(params.projectId);
  const here = `/student/projects/${projectId}/signup`;
  const form = await readForm(request);
  const intent = form.value("intent");

  if (intent === "withdraw") {
    const r = await withdrawSignup(student, projectId);
    if (r.ok) return redirectWithToast("/student", { kind: "success", key: "signup.toast.withdrawn" });
    return failureToast(here, r);
  }

  if (intent === "update") {
    const submission = form.parse(UpdateSignupSchema);
    if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
    const r = await updateSignup(student, projectId, {
      ranking: rankingFromPositions(submission.value.ranking),
      motivation: submission.value.motivation,
      shareMotivation: submission.value.shareMotivation,
    });
    if (r.ok) return redirectWithToast(here, { kind: "success", key: "signup.toast.updated" });
    return failureReply(submission, r, {
      status: 409,
      resetForm: r.reason === HOSTS_CHANGED,
      end: { "signup.errors.notSignedUp": 404 },
    });
  }

  const submission = form.parse(SignupSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  // Consent is checked by the schema above; signUp records it (consented_at, CONSENT_VERSION) with the sign-up.
  const r = await signUp(student, projectId, {
    joinCode: v.code,
    ranking: rankingFromPositions(v.ranking),
    motivation: v.motivation,
    shareMotivation: v.shareMotivation,
  });
  if (r.ok) return redirectWithToast(here, { kind: "success", key: "signup.toast.signedUp" });
  if (r.reason === "signup.errors.already") return failureToast(here, r);
  return failureReply(submission, r, {
    status: (reason) => (reason === WRONG_CODE ? 400 : 409),
    field: { [WRONG_CODE]: "code" },
    resetForm: r.reason === HOSTS_CHANGED,
  });
}

export default function ProjectSignup() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, phase, hosts, ranked, signup, code, full, confirmWithdraw } = useLoaderData<typeof loader>();
  const closes = formatDateTime(project.signup_closes_at, lng);
  const rankedHosts = hosts.filter((h) => ranked.includes(h.id));
  return (
    <article>
      <p>
        <Link to="/student">{t("signup.backHome")}</Link>
      </p>
      <h1>{localTitle(project, lng)}</h1>
      <p className="muted">{project.seminar_name}</p>
      <p className="pre-line">{localized(project, "summary", lng)}</p>
      <dl className="meta">
        <dt>{t("signup.window")}</dt>
        <dd>{t("signup.windowValue", { opens: formatDateTime(project.signup_opens_at, lng), closes })}</dd>
        {signup ? (
          <>
            <dt>{t("signup.status")}</dt>
            <dd>{t("signup.signedUpOn", { date: formatDateTime(signup.updated_at, lng) })}</dd>
            <dt>{t("signup.consentRecorded")}</dt>
            <dd>
              {t("signup.consentRecordedValue", {
                date: formatDateTime(signup.consented_at, lng),
                version: signup.consent_version,
              })}
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="how-title" className="notice">
        <h2 id="how-title">{t("signup.how.title")}</h2>
        <p>{t("signup.how.body")}</p>
        <p>{t("signup.how.honest")}</p>
      </section>

      {phase === "notOpen" ? (
        <p className="notice">{t("signup.notOpenYet", { date: formatDateTime(project.signup_opens_at, lng) })}</p>
      ) : null}
      {phase === "closed" ? (
        <p className="notice">{t(signup ? "signup.closedReadOnly" : "signup.closedNoSignup", { date: closes })}</p>
      ) : null}

      {phase === "open" && !signup && full ? (
        <p className="notice" role="status">
          {t("signup.errors.full")}
        </p>
      ) : null}

      {phase === "open" && hosts.length === 0 ? <p className="notice">{t("signup.noHosts")}</p> : null}

      {phase === "open" && hosts.length > 0 && (signup || !full) ? (
        <SignupForm
          key={`${signup?.updated_at ?? "new"}:${hosts.map((h) => h.id).join(".")}`}
          signedUp={Boolean(signup)}
          motivation={signup?.motivation ?? ""}
          shareMotivation={signup?.motivation_shared ?? false}
          code={code}
          closes={closes}
        />
      ) : null}

      {phase !== "open" && signup ? (
        <section aria-labelledby="ranking-title">
          <h2 id="ranking-title">{t("signup.yourRanking")}</h2>
          <RankingList hosts={rankedHosts} />
          <h3>{t("signup.motivation")}</h3>
          <p className="pre-line">{signup.motivation}</p>
        </section>
      ) : null}

      {phase === "open" && signup ? (
        <section aria-labelledby="withdraw-title" className="panel">
          <h2 id="withdraw-title">{t("signup.withdraw.title")}</h2>
          {confirmWithdraw ? (
            <>
              <p role="alert">{t("signup.withdraw.confirm")}</p>
              <Form method="post" className="actions">
                <button type="submit" name="intent" value="withdraw" className="button button--danger">
                  {t("signup.withdraw.yes")}
                </button>
                <Link to="." className="button button--secondary">
                  {t("signup.withdraw.cancel")}
                </Link>
              </Form>
            </>
          ) : (
            <>
              <p>{t("signup.withdraw.lead", { date: closes })}</p>
              <p>
                <Link to="?confirm=withdraw">{t("signup.withdraw.start")}</Link>
              </p>
            </>
          )}
        </section>
      ) : null}
    </article>
  );
}

function SignupForm({
  signedUp,
  motivation,
  shareMotivation,
  code,
  closes,
}: {
  signedUp: boolean;
  motivation: string;
  shareMotivation: boolean;
  code: string;
  closes: string;
}) {
  const { t } = useTranslation();
  const { hosts, ranked, consentVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const notice =
    actionData && "notice" in actionData && typeof actionData.notice === "string" ? actionData.notice : null;
  const [form, fields] = useForm<{
    code?: string;
    motivation?: string;
    consent?: boolean;
    shareMotivation?: boolean;
    ranking?: RankingValue;
  }>({
    id: "signup",
    lastResult: actionData?.result,
    constraint: zodConstraint(signedUp ? UpdateSignupSchema : SignupSchema),
    defaultValue: {
      code,
      motivation,
      shareMotivation: shareMotivation ? "on" : undefined,
      ranking: hosts.map((h) => {
        const index = ranked.indexOf(h.id);
        return { host: String(h.id), position: index >= 0 ? String(index + 1) : "" };
      }),
    },
  });
  return (
    <section aria-labelledby="form-title">
      <h2 id="form-title">{t(signedUp ? "signup.changeTitle" : "signup.formTitle")}</h2>
      <p>{t("signup.changeUntil", { date: closes })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={notice ? [notice] : form.errors} />
        {signedUp ? null : (
          <TextField meta={fields.code} label={t("signup.code")} hint={t("signup.codeHint")} autoComplete="off" />
        )}
        <RankingField meta={fields.ranking} hosts={hosts} />
        <TextareaField
          meta={fields.motivation}
          label={t("signup.motivation")}
          hint={t("signup.motivationHint", { max: MOTIVATION_MAX })}
          maxLength={MOTIVATION_MAX}
        />
        <CheckboxField
          meta={fields.shareMotivation}
          label={t("signup.shareMotivation.label")}
          hint={t("signup.shareMotivation.hint")}
        />
        {signedUp ? null : (
          <section aria-labelledby="consent-title" className="panel">
            <h3 id="consent-title">{t("signup.consent.title")}</h3>
            <ul>
              <li>{t("signup.consent.items")}</li>
              <li>{t("signup.consent.recipient")}</li>
              <li>{t("signup.consent.purpose")}</li>
              <li>{t("signup.consent.when")}</li>
            </ul>
            <PrivacyLink />
            <CheckboxField
              meta={fields.consent}
              label={t("signup.consent.label")}
              hint={t("signup.consent.version", { version: consentVersion })}
            />
          </section>
        )}
        <input type="hidden" name="intent" value={signedUp ? "update" : "signup"} />
        <button type="submit" className="button">
          {t(signedUp ? "signup.submitUpdate" : "signup.submit")}
        </button>
      </Form>
    </section>
  );
}
