/**
 * Certificates (certificates feature). The FY2025 teams' interviews were done (./interviews.ts), so every student
 * present at the 2026-02-14 presentation day gets a certificate, issued by staff on 2026-03-06 through the app's own
 * issuing code (signed with the development key, which is created in DATA_DIR if missing); s03@toyo.example's is
 * then revoked. Certificate ids, status list indexes and signatures are random by design (an id must not be
 * guessable), and the audit entries and queued emails carry the real time; everything else is fixed.
 */
import type { Transaction } from "kysely";
import { issueWithin, revokeWithin } from "../../app/models/certificate.server";
import type { Database } from "../schema";
import { STAFF } from "./common";
import { fy2025Attendance } from "./events";

export async function seedCertificates(trx: Transaction<Database>) {
  const staff = await trx.selectFrom("user").select("id").where("email", "=", STAFF).executeTakeFirstOrThrow();
  const { projectId, requests } = await fy2025Attendance(trx);
  await issueWithin(trx, requests, staff, "2026-03-06T02:00:00.000Z");
  const s03 = await trx
    .selectFrom("user")
    .select("id")
    .where("email", "=", "s03@toyo.example")
    .executeTakeFirstOrThrow();
  const revoked = await trx
    .selectFrom("certificate")
    .select("id")
    .where("student_id", "=", s03.id)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  if (revoked) {
    await revokeWithin(
      trx,
      revoked.id,
      "発表会の出席記録の誤りが判明したため（別日程の学生と取り違え）",
      staff,
      "2026-03-10T01:00:00.000Z",
    );
  }
}
