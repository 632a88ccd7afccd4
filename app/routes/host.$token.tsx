/**
 * GET/POST /host/:token: the host page of a host firm without an account (see host-page.server.ts), reached from the
 * pairing mail. Its students' consented fields, its interview slots (offer, cancel, done/missed, the same actions and
 * model functions as the firm's own page) and "create an account". 404 for a link that is not genuine; 410 once the
 * project is cancelled, the host withdrawn, or the page's time is over.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { HostFacts, HostSlotsManager } from "~/components/host-slots";
import { PlacedStudentsTable } from "~/components/pairing";
import type { Lng } from "~/i18n";
import { BOOKING_STATES } from "~/interviews/slots";
import { findHostPage, requestHostAccount } from "~/models/host-page.server";
import { listSlotsOf } from "~/models/interview.server";
import { listHostStudents } from "~/models/pairing-view.server";
import { handleSlotAction, slotView } from "~/route-helpers/interview-page.server";
import { failureReply, toastResult } from "~/route-helpers/respond.server";
import { HostAccountSchema } from "~/schemas/interviews";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { getLocale } from "~/utils/i18n.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle, localized } from "~/utils/localized";

async function openPage(token: string | undefined) {
  const found = await findHostPage(token ?? "");
  if (found.state !== "open") {
    invariantResponse(found.state !== "invalid");
    invariantResponse(false, "Gone", { status: 410 });
  }
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findHostPage(params.token ?? "");
  if (found.state !== "open")
    return data({ state: found.state, page: null }, { status: found.state === "invalid" ? 404 : 410 });
  const { host, contactEmail } = found;
  const [students, slots, lng] = await Promise.all([
    listHostStudents(host.id, host.project_id),
    listSlotsOf([host.id]),
    getLocale(request),
  ]);
  const at = new Date();
  return {
    state: found.state,
    page: {
      host: {
        firm_name: host.firm_name,
        title_ja: host.title_ja,
        title_en: host.title_en,
        interview_from: host.interview_from,
        interview_until: host.interview_until,
        cutoffHours: host.change_cutoff_hours,
      },
      // Exactly the consented fields (name, university, seminar is the project's, email), nothing more.
      students:
        students?.map((s) => ({
          name: s.name,
          university: localized(s, "university", lng) ?? null,
          email: s.email,
        })) ?? null,
      canOffer: BOOKING_STATES.includes(host.state) && (students?.length ?? 0) > 0,
      slots: slots.map((s) => slotView(s, host.state, at)),
      contactEmail,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data?.page ? [{ title: data.page.host.title_ja }] : []);

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, host, contactEmail } = await openPage(params.token);
  const here = `/host/${params.token}`;
  const form = await readForm(request);
  if (form.value("intent") === "account") {
    const submission = form.parse(HostAccountSchema);
    if (submission.status !== "success") return data({ form: "account", result: submission.reply() }, { status: 400 });
    const r = await requestHostAccount(host, contactEmail, submission.value.name);
    if (!r.ok) return failureReply(submission, r, { status: 409, with: { form: "account" } });
    return toastResult(r, here, "hostPage.accountSent");
  }
  const lng = await getLocale(request);
  return handleSlotAction(actor, { host, here, form, lng, projectId: host.project_id });
}

export default function HostPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { state, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [accountForm, accountFields] = useForm({
    id: "account",
    lastResult: actionData?.form === "account" ? actionData.result : undefined,
    constraint: zodConstraint(HostAccountSchema),
  });
  if (!page) {
    return (
      <section className="narrow">
        <h1>{t("hostPage.linkTitle")}</h1>
        <p role="alert">{t(`hostPage.${state}`)}</p>
      </section>
    );
  }
  const { host, students } = page;
  return (
    <article>
      <p className="muted">{t("hostPage.for", { firm: host.firm_name })}</p>
      <h1>{t("hostPage.title", { project: localTitle(host, lng) })}</h1>
      <HostFacts host={host} />

      <section aria-labelledby="students-title">
        <h2 id="students-title">{t("hostPage.studentsTitle")}</h2>
        {students === null ? (
          <p>{t("hostPage.notPublished")}</p>
        ) : students.length === 0 ? (
          <p>{t("hostPage.none")}</p>
        ) : (
          <>
            <p>{t("hostPage.studentsPurpose")}</p>
            <PlacedStudentsTable students={students} />
          </>
        )}
      </section>

      <HostSlotsManager
        slots={page.slots}
        canOffer={page.canOffer}
        cutoffHours={host.cutoffHours}
        actionData={actionData?.form === "account" ? undefined : actionData}
        icsLinks={false}
      />

      <section aria-labelledby="account-title" className="panel">
        <h2 id="account-title">{t("hostPage.accountTitle")}</h2>
        {page.contactEmail ? (
          <>
            <p>{t("hostPage.accountLead", { email: page.contactEmail })}</p>
            <Form method="post" {...getFormProps(accountForm)}>
              <FormErrors id={accountForm.errorId} errors={accountForm.errors} />
              <TextField meta={accountFields.name} label={t("hostPage.accountName")} autoComplete="name" />
              <button type="submit" name="intent" value="account" className="button button--secondary">
                {t("hostPage.accountSubmit")}
              </button>
            </Form>
          </>
        ) : (
          <p>{t("hostPage.accountNoContact")}</p>
        )}
      </section>
    </article>
  );
}
