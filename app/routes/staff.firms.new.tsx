/**
 * Staff: register a new firm. When GBIZINFO_API_TOKEN is set, "look up" (intent=lookup) fills the name, reading and
 * address from the national corporate register; it fills only fields that are still empty, so pressing Enter in a
 * field (which submits with the first button, the look-up) never overwrites what staff typed.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffFirmForm } from "~/components/firm-form";
import { createFirm } from "~/models/firm.server";
import { failureReply } from "~/route-helpers/respond.server";
import { FirmSchema, LookupSchema } from "~/schemas/firm";
import { readForm, type SubmittedForm } from "~/utils/form.server";
import { isLookupConfigured, lookupCorporation, type LookupResult } from "~/utils/gbizinfo.server";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  return { lookupAvailable: isLookupConfigured() };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const form = await readForm(request);
  if (form.value("intent") === "lookup") return lookup(form);

  const submission = form.parse(FirmSchema);
  if (submission.status !== "success") return data({ result: submission.reply(), lookup: null }, { status: 400 });
  const created = await createFirm(submission.value, staff.id);
  if (!created.ok) return failureReply(submission, created, { with: { lookup: null } });
  return redirectWithToast(`/staff/firms/${created.id}`, {
    kind: "success",
    key: "firms.staff.created",
    values: { name: submission.value.name },
  });
}

async function lookup(form: SubmittedForm) {
  const submission = form.parse(LookupSchema);
  if (submission.status !== "success") return data({ result: submission.reply(), lookup: null }, { status: 400 });
  const found: LookupResult = await lookupCorporation(submission.value.corporate_number);
  // The reply carries the firm form's own fields only (never anything else that was posted).
  const formData = form.only(FirmSchema);
  const filled = new FormData();
  for (const [k, v] of formData) filled.append(k, v);
  filled.set("corporate_number", submission.value.corporate_number);
  if (found.status === "found") {
    const c = found.corporation;
    const fill = { name: c.name, name_kana: c.name_kana, postal_code: c.postal_code, town: c.town, address: c.address };
    for (const [k, v] of Object.entries(fill)) if (v && !String(formData.get(k) ?? "").trim()) filled.set(k, v);
  }
  // The reply carries the filled values; a new `nonce` makes the page remount the form with them.
  return data({
    result: parseWithZod(filled, { schema: LookupSchema }).reply(),
    lookup: { status: found.status, nonce: Date.now() },
  });
}

export default function NewFirm() {
  const { t } = useTranslation();
  const { lookupAvailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const status = actionData?.lookup?.status;
  return (
    <section className="narrow">
      <p>
        <Link to="/staff/firms">{t("firms.staff.backToList")}</Link>
      </p>
      <h1>{t("firms.staff.newTitle")}</h1>
      {status ? (
        <div className={status === "found" ? "notice" : "form-errors"} role={status === "found" ? "status" : "alert"}>
          <p>{t(`firms.lookup.${status}`)}</p>
        </div>
      ) : lookupAvailable ? (
        <p>{t("firms.lookup.hint")}</p>
      ) : (
        <p className="notice">{t("firms.lookup.unconfigured")}</p>
      )}
      <StaffFirmForm
        key={actionData?.lookup?.nonce ?? "new"}
        id="new-firm"
        lastResult={actionData?.result}
        defaultValue={{ is_public: "on" }}
        lookup={lookupAvailable}
        submitLabel={t("firms.staff.create")}
      />
    </section>
  );
}
