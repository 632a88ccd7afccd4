/** The host page of a host firm without an account (/host/:token), and staff acting for a host. */
const hostPage = {
  title: "取材の受け入れ：{{project}}",
  for: "{{firm}} ご担当者様専用のページです。このページのアドレスは転送しないでください。",
  linkTitle: "受け入れページ",
  invalid: "このリンクは無効です。メールのリンクをもう一度お確かめください。",
  closed: "この企画は中止されたか、受け入れが取り下げられたため、このページは使えません。",
  expired: "この企画は終了したため、このページの利用期間は終わりました。",
  studentsTitle: "取材に来る学生",
  studentsPurpose: "取材の日程調整と連絡のためにだけ、学生が共有に同意した項目を表示しています。",
  notPublished: "組み合わせはまだ公開されていません。",
  none: "今回、貴社に決まった学生はいません。",
  accountTitle: "アカウントを作る",
  accountLead:
    "アカウントを作ると、ログインして企業向けのページ（受け入れの回答、取材、企業情報）を使えます。招待メールを、このページのリンクをお送りした {{email}} 宛てに送ります。",
  accountNoContact:
    "連絡先のメールアドレスが登録されていないため、ここからはアカウントを作れません。区の担当者にご連絡ください。",
  accountName: "お名前（ご担当者）",
  accountSubmit: "招待メールを送る",
  accountSent: "招待メールを送りました。メールのリンクからパスワードを設定してください。",
  errors: {
    noContact: "連絡先のメールアドレスが登録されていません。",
    accountExists: "このメールアドレスのアカウントはすでにあります。ログインしてください。",
    invitationPending: "このメールアドレスへの招待メールはすでに送ってあります。届いたメールをご確認ください。",
  },
  staff: {
    title: "{{firm}} の取材（企業に代わって操作）",
    lead: "アカウントを持たない受け入れ企業に代わって、取材日時の候補の登録・取消しと、取材の実施の記録ができます。操作は区の担当者によるものとして記録されます。",
    backToInterviews: "この企画の取材一覧へ戻る",
    actFor: "企業に代わって操作",
  },
};
export default hostPage;
