/**
 * A firm user keeps its own firm's profile: products, description, contact and the two flags. The corporate number,
 * name, reading and address are staff's (the schema has no such fields, so posted values are ignored). Audited.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { displayFirmValue, firmFormDefaults, FirmProfileFields } from "~/components/firm-form";
import { FormErrors } from "~/components/forms";
import { PrivacyLink } from "~/components/privacy-link";
import type { Lng } from "~/i18n";
import { firmFields, getFirm, updateFirm } from "~/models/firm.server";
import { FirmProfileSchema } from "~/schemas/firm";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { requireRole, type SessionUser } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

/** The signed-in firm user's own firm: the only one this page can read or write. */
async function requireOwnFirm(user: SessionUser) {
  const firm = user.firm_id ? await getFirm(user.firm_id) : undefined;
  invariantResponse(firm);
  return firm;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const firm = await requireOwnFirm(await requireRole(request, "firm"));
  const { products, description, website, phone, new_product, is_public } = firmFields(firm);
  return { firm, values: { products, description, website, phone, new_product, is_public } };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "firm");
  const firm = await requireOwnFirm(user);
  const submission = (await readForm(request)).parse(FirmProfileSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await updateFirm(firm.id, submission.value, user.id, "profile_update");
  return redirectWithToast("/firm/profile", { kind: "success", key: "firms.profile.saved" });
}

export default function FirmProfile() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { firm, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "firm-profile",
    lastResult: actionData?.result,
    defaultValue: firmFormDefaults(values),
    constraint: zodConstraint(FirmProfileSchema),
  });
  return (
    <section className="narrow">
      <h1>{t("firms.profile.title")}</h1>
      <p>{t("firms.profile.lead")}</p>
      {firm.hidden_at ? <p className="notice">{t("firms.profile.hiddenNotice")}</p> : null}
      <dl className="meta">
        <dt>{t("firms.fields.name")}</dt>
        <dd>{firm.name}</dd>
        <dt>{t("firms.fields.name_kana")}</dt>
        <dd>{firm.name_kana}</dd>
        <dt>{t("firms.fields.corporate_number")}</dt>
        <dd>{firm.corporate_number}</dd>
        <dt>{t("firms.fields.industry")}</dt>
        <dd>{displayFirmValue(t, lng, "industry", firm.industry)}</dd>
        <dt>{t("firms.page.address")}</dt>
        <dd>
          〒{firm.postal_code} {displayFirmValue(t, lng, "town", firm.town)} {firm.address}
        </dd>
      </dl>
      <p className="muted">{t("firms.profile.staffFields")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <FirmProfileFields fields={fields} />
        <PrivacyLink />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("firms.profile.save")}
        </button>
      </Form>
      {firm.is_public && !firm.hidden_at ? (
        <p>
          <Link to={`/firms/${firm.id}`}>{t("firms.profile.viewPublic")}</Link>
        </p>
      ) : null}
    </section>
  );
}
