// The SendGrid-v3-style mail API: accepted mails are kept so tests can read them back.
import { http, HttpResponse } from "msw";

export const MAIL_API_URL = "https://mail.test/v3/mail/send";

export interface SentMail {
  to: string;
  subject: string;
  text: string;
  authorization: string | null;
}

export const sentMails: SentMail[] = [];

export const mailApiHandlers = [
  http.post(MAIL_API_URL, async ({ request }) => {
    const body = (await request.json()) as any;
    sentMails.push({
      to: body.personalizations[0].to[0].email,
      subject: body.subject,
      text: body.content[0].value,
      authorization: request.headers.get("authorization"),
    });
    return new HttpResponse(null, { status: 202 });
  }),
];

/** A mail API that fails with the given status. */
export const failingMailApi = (status = 503) => http.post(MAIL_API_URL, () => new HttpResponse(null, { status }));
