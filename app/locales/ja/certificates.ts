/** Japanese messages for the certificates feature (merged into ja.ts under "certificates"). */
const certificates = {
  mail: {
    subject: "参加証明書が発行されました",
    body: "{{name}} 様\n\n「{{project}}」への参加証明書を発行しました。\n\n検証ページ（PDF・署名付きデータのダウンロード）:\n{{verifyLink}}\n\nあなたの証明書一覧:\n{{listLink}}\n\n東京都北区 産業振興課",
  },
  fields: {
    certificateId: "証明書ID",
    student: "氏名",
    project: "プロジェクト",
    seminar: "ゼミ",
    university: "大学",
    firms: "取材企業",
    event: "発表会",
    issuedOn: "発行日",
    issuer: "発行者",
    signature: "電子署名",
    status: "状態",
  },
  status: {
    valid: "有効",
    revoked: "{{date}}に取り消されました",
    revokedShort: "取消済み",
  },
  signature: {
    valid: "署名は有効です（公開鍵 {{kid}} で検証）",
    invalid: "署名を確認できませんでした",
  },
  links: {
    pdf: "証明書PDFをダウンロード",
    jwt: "署名付き資格情報（VC-JWT）",
    verify: "検証ページ",
    linkedIn: "LinkedInのプロフィールに追加",
  },
  cv: {
    title: "履歴書に書く一文（例）",
    ja: "日本語",
    en: "英語",
  },
  verify: {
    title: "参加証明書の検証",
    lead: "東京都北区が発行した参加証明書の内容と、電子署名・取消状況を確認できます。",
    revokedNotice: "この証明書は取り消されています。",
    technical:
      "技術情報: Open Badges 3.0（W3C 検証可能な資格情報）、ES256 署名。公開鍵は /.well-known/jwks.json、取消状況は Bitstring Status List で公開しています。",
  },
  student: {
    title: "参加証明書",
    lead: "発行された参加証明書です。PDFのダウンロード、検証ページの共有、LinkedInへの追加ができます。",
    empty:
      "まだ証明書はありません。取材と発表会での発表を終えると発行されます。",
  },
  staff: {
    title: "参加証明書：{{title}}",
    backToEvent: "発表会に戻る",
    candidatesTitle: "対象の学生",
    candidatesLead:
      "発行の条件: 取材（面談）が実施済み、チームの発表が実施済み、当日の出席が記録済み。",
    noCandidates: "この発表会のプログラムに学生がいません。",
    colName: "氏名",
    colProject: "プロジェクト",
    colFirm: "取材企業",
    colState: "状態",
    colAction: "操作",
    eligible: "発行できます",
    issued: "発行済み",
    reasons: {
      notPresented: "発表が未実施",
      absent: "出席の記録なし",
      interviewNotDone: "取材が未実施",
    },
    issueAll: "対象者全員に発行する（{{n}}名）",
    issueAllNone: "新たに発行できる学生はいません。",
    issueOne: "{{name}}さんに発行",
    byHandTitle: "手動で証明する",
    byHandLead:
      "条件を満たさない学生にも、理由を記録して証明書を発行できます。",
    byHandStudent: "学生",
    byHandReason: "理由",
    byHandSubmit: "理由を記録して発行する",
    issuedTitle: "発行済みの証明書",
    noIssued: "まだ発行していません。",
    colId: "証明書ID",
    colIssued: "発行日",
    manual: "手動: {{reason}}",
    detail: "詳細・取消",
  },
  detail: {
    title: "証明書 {{id}}",
    manualReason: "手動で証明した理由",
    revokedReason: "取消理由",
    revokeTitle: "証明書を取り消す",
    revokeLead:
      "取消は公開の検証ページと取消リストに反映され、元に戻せません。理由は職員だけに表示されます。",
    revokeReason: "取消理由",
    revokeSubmit: "取り消す",
    alreadyRevoked: "この証明書は取り消し済みです。",
  },
  toast: {
    issuedBatch: "{{issued}}件の証明書を発行しました。",
    issuedOne: "証明書を発行しました。",
    certified: "理由を記録して証明書を発行しました。",
    revoked: "証明書を取り消しました。",
    notEligible: "この学生は発行の条件を満たしていません。",
    alreadyIssued: "この学生にはすでに証明書があります。",
  },
};
export default certificates;
