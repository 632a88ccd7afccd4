/**
 * The "your data" part of /account (issue 14): the two downloads, the name fields a person corrects themselves,
 * and the correction or deletion requests to staff with their outcome. Plain links and forms: works without
 * JavaScript.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { PrivacyRequestSchema, ProfileSchema } from "~/schemas/privacy";
import { zodConstraint } from "~/utils/form-constraint";
import { formatDateTime } from "~/utils/format";
import { FormErrors, SelectField, TextareaField, TextField } from "./forms";

interface Props {
  user: { name: string; nameKana: string | null; nameLatin: string | null };
  requests: Array<{
    id: number;
    kind: string;
    details: string;
    status: string;
    decision_reason: string | null;
    created_at: string;
    decided_at: string | null;
  }>;
  profileResult?: SubmissionResult<string[]>;
  requestResult?: SubmissionResult<string[]>;
}

export function OwnDataSection({ user, requests, profileResult, requestResult }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const [profile, profileFields] = useForm({
    id: "own-profile",
    lastResult: profileResult,
    constraint: zodConstraint(ProfileSchema),
    defaultValue: { name: user.name, nameKana: user.nameKana ?? "", nameLatin: user.nameLatin ?? "" },
    shouldValidate: "onSubmit",
  });
  const [request, requestFields] = useForm({
    id: "privacy-request",
    lastResult: requestResult,
    constraint: zodConstraint(PrivacyRequestSchema),
    shouldValidate: "onSubmit",
  });
  return (
    <section aria-labelledby="my-data-title" id="my-data" className="panel">
      <h2 id="my-data-title">{t("personalData.title")}</h2>
      <p>{t("personalData.lead")}</p>
      <ul>
        <li>
          <a href="/account/data.json" download>
            {t("personalData.download.json")}
          </a>
        </li>
        <li>
          <a href="/account/data.csv" download>
            {t("personalData.download.csv")}
          </a>
        </li>
      </ul>

      <h3>{t("personalData.profile.title")}</h3>
      <p>{t("personalData.profile.lead")}</p>
      <Form method="post" {...getFormProps(profile)}>
        <FormErrors id={profile.errorId} errors={profile.errors} />
        <TextField meta={profileFields.name} label={t("personalData.profile.name")} autoComplete="name" />
        <TextField meta={profileFields.nameKana} label={t("personalData.profile.nameKana")} />
        <TextField
          meta={profileFields.nameLatin}
          label={t("personalData.profile.nameLatin")}
          hint={t("personalData.profile.nameLatinHint")}
        />
        <button type="submit" name="intent" value="profile" className="button">
          {t("personalData.profile.submit")}
        </button>
      </Form>

      <h3 id="my-requests">{t("personalData.requests.title")}</h3>
      <p>{t("personalData.requests.lead")}</p>
      <Form method="post" {...getFormProps(request)}>
        <FormErrors id={request.errorId} errors={request.errors} />
        <SelectField
          meta={requestFields.kind}
          label={t("personalData.requests.kind")}
          placeholder={t("personalData.requests.choose")}
          options={(["correction", "deletion"] as const).map((k) => ({
            value: k,
            label: t(`personalData.kinds.${k}`),
          }))}
        />
        <TextareaField
          meta={requestFields.details}
          label={t("personalData.requests.details")}
          hint={t("personalData.requests.detailsHint")}
          rows={4}
        />
        <button type="submit" name="intent" value="request" className="button">
          {t("personalData.requests.submit")}
        </button>
      </Form>
      {requests.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t("personalData.requests.mine")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("personalData.requests.filedAt")}</th>
                <th scope="col">{t("personalData.requests.kind")}</th>
                <th scope="col">{t("personalData.requests.details")}</th>
                <th scope="col">{t("personalData.requests.status")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.created_at, lng)}</td>
                  <td>{t(`personalData.kinds.${r.kind}`)}</td>
                  <td>{r.details}</td>
                  <td>
                    {t(`personalData.statuses.${r.status}`)}
                    {r.decision_reason ? `: ${r.decision_reason}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
