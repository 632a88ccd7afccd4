/** Certificate forms (staff): issue one student of an event, certify one by hand (reason required), revoke (reason required). */
import { z } from "zod";
import { msg, optionalText, requiredText } from "./messages";

/** A candidate as "studentId:projectId", the value of the student choice. */
const candidate = z
  .string({ error: msg("validation.chooseOne") })
  .regex(/^\d{1,12}:\d{1,12}$/, msg("validation.chooseOne"))
  .transform((v) => {
    const [studentId, projectId] = v.split(":").map(Number);
    return { studentId, projectId };
  });

export const IssueOneSchema = z.object({
  intent: z.literal("issueOne"),
  candidate,
});

export const CertifyByHandSchema = z.object({
  intent: z.literal("byHand"),
  candidate,
  reason: requiredText(500),
});

export const RevokeSchema = z.object({ reason: requiredText(500) });

/** Re-issue a revoked certificate, optionally correcting how the name is written on it. */
export const ReissueSchema = z.object({
  intent: z.literal("reissue"),
  name: requiredText(100),
  nameLatin: optionalText(100),
});

/** A student starts putting one of their certificates into a wallet (the id as issued: 32 Crockford characters). */
export const WalletStartSchema = z.object({
  intent: z.literal("wallet"),
  certificateId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{32}$/, msg("validation.chooseOne")),
});
