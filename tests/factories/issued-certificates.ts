// One certificate issued through the model, for route tests (the benchmark imports ./certificates, which stays free of
// database code).
import { issueWithin } from "~/models/certificate.server";
import { getDb, now } from "~/utils/db.server";
import { createUser } from "../setup/http";
import { createProjectFixture } from "./projects";

/**
 * One certificate issued through the model (certified by hand, so no pairing or attendance is needed): a project
 * with hosts, a student and an event. Returns the certificate row and the student.
 */
export async function issueTestCertificate(options: { name?: string } = {}) {
  const p = await createProjectFixture({ hosts: 1 });
  const student = await createUser("student", { name: options.name ?? "証明 花子" });
  const t = now();
  const { id: eventId } = await getDb()
    .insertInto("event")
    .values({
      title_ja: "北区産学連携研究発表会",
      title_en: "Presentation Day",
      starts_at: "2026-02-19T05:00:00.000Z",
      ends_at: "2026-02-19T08:00:00.000Z",
      venue_ja: "北とぴあ",
      venue_en: "Hokutopia",
      description_ja: null,
      description_en: null,
      created_by: null,
      created_at: t,
      updated_at: t,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const [issued] = await getDb()
    .transaction()
    .execute((trx) =>
      issueWithin(trx, [{ studentId: student.id, projectId: p.projectId, eventId, manualReason: "テスト" }], null),
    );
  const certificate = await getDb()
    .selectFrom("certificate")
    .selectAll()
    .where("id", "=", issued.id)
    .executeTakeFirstOrThrow();
  return { certificate, student, projectId: p.projectId, eventId };
}
