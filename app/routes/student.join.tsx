/** A student enters the join code the seminar gave them and goes on to the project's sign-up page. */
import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { findProjectByJoinCode, normalizeJoinCode } from "~/models/project.server";
import { msg } from "~/schemas/messages";
import { JoinSchema } from "~/schemas/signup";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "student");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, "student");
  const submission = (await readForm(request)).parse(JoinSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const project = await findProjectByJoinCode(submission.value.code);
  // One message for every wrong code: whether some project exists is not revealed.
  if (!project)
    return data(
      { result: submission.reply({ fieldErrors: { code: [msg("signup.errors.wrongCode")] } }) },
      { status: 400 },
    );
  return redirect(
    `/student/projects/${project.id}/signup?code=${encodeURIComponent(normalizeJoinCode(submission.value.code))}`,
  );
}

export default function JoinProject() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "join",
    lastResult: actionData?.result,
    constraint: zodConstraint(JoinSchema),
  });
  return (
    <section className="narrow">
      <h1>{t("signup.joinTitle")}</h1>
      <p>{t("signup.joinLead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          meta={fields.code}
          label={t("signup.code")}
          hint={t("signup.codeHint")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t("signup.joinSubmit")}
        </button>
      </Form>
    </section>
  );
}
