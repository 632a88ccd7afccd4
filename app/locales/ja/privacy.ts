/**
 * Japanese texts of the privacy notice (/privacy, merged into ja.ts under "privacy"). Retention figures are
 * interpolated from configuration (app/privacy/retention.server.ts); never write a period into these texts.
 */
const privacy = {
  link: "個人情報の取扱いについて",
  title: "個人情報の取扱い",
  lead: "北区 産学連携プラットフォームで取り扱う個人情報について、個人情報の保護に関する法律（第5章 行政機関等の義務等）に基づき、保有する機関、利用目的、提供先、保存期間と、開示・訂正・利用停止（削除）の請求方法をお知らせします。",
  holderTitle: "個人情報を保有する機関",
  holder:
    "東京都北区 産業振興課が、このプラットフォームで取り扱う個人情報を保有し、管理します。連携大学（東洋大学・帝京大学・東京家政大学）の教員は、担当するゼミの学生の情報を、事業の運営に必要な範囲で閲覧します。",
  purposeTitle: "利用目的",
  purposeLead: "区は、個人情報を次の目的のためにのみ利用します。",
  purposes: {
    signup: "学生の企画への参加申込みと、取材先企業との組み合わせ",
    interviews: "取材日程の調整と、取材先企業・担当教員との連絡",
    events: "成果発表会の運営と出席の確認",
    certificates: "参加証明書の発行と、第三者による証明書の検証",
    mail: "事業に関するお知らせのメール送信",
    report: "事業の年次報告（件数などの統計のみで、個人を識別できる形では公表しません）",
  },
  itemsTitle: "取り扱う情報",
  items: {
    student:
      "学生：氏名（漢字・ふりがな・ローマ字）、大学、メールアドレス、参加申込み（志望動機、取材先企業の希望順位、同意の記録）、組み合わせの結果、取材の予約、発表会の出席、参加証明書",
    staff: "教員・企業の担当者：氏名、メールアドレス、所属（大学または企業）、企業の公開プロフィール",
    technical: "ログインの記録と操作の記録（不正利用の防止のため）",
  },
  sharingTitle: "提供先",
  sharing: {
    firms:
      "取材先企業：組み合わせの結果が公表された後、その企業に組み合わされた学生の情報のうち、学生が申込み時に同意した項目だけを提供します。組み合わせ前や、組み合わされなかった企業には提供しません。",
    professors: "担当教員：担当するゼミの学生の申込み状況と結果",
    public:
      "どなたでも：参加証明書の検証ページは、証明書の番号（URL）を知っている人に、証明書に記載された氏名・企画・発表日を表示します。証明書を共有するかどうかは本人が決めます。",
    nobodyElse:
      "法令に基づく場合を除き、これ以外の第三者には提供しません。オープンデータには学生の個人情報を含めません。メールの配信を外部の事業者に委託する場合は、委託先に安全管理を求めます。",
  },
  cookiesTitle: "Cookie",
  cookies: "ログインの状態と表示言語を保つための Cookie だけを使います。アクセス解析や広告の Cookie は使いません。",
  retentionTitle: "保存期間",
  retentionLead: "保存期間は、システムの設定値をそのまま表示しています。期間を過ぎた情報は削除します。",
  retentionKind: "情報の種類",
  retentionPeriod: "保存期間",
  retention: {
    signup: "志望動機と取材先企業の希望順位",
    signupOne: "企画が完了した年度の翌年度末まで",
    signupMany: "企画が完了した年度から{{years}}年度後の年度末まで",
    signupExample: "例：{{fiscalYear}}中に完了した企画の場合、{{date}}まで保存します。",
    mail: "プラットフォームが送信したメールの本文",
    mailPeriod: "送信から{{days}}日間",
    account: "アカウントとプロフィール（氏名、大学、メールアドレス）",
    accountPeriod: "アカウントを利用している間（削除の請求があった場合は、下記の手続により削除します）",
    record: "組み合わせの結果、取材の予約、発表会の出席",
    recordPeriod: "企画の記録として、年次報告に必要な間",
    certificate: "参加証明書",
    certificatePeriod: "証明書を検証できるよう保存します（失効させた証明書は、失効したことを表示します）",
  },
  requestsTitle: "開示・訂正・利用停止（削除）の請求",
  requestsLead:
    "ご本人は、区が保有する自己の個人情報について、個人情報の保護に関する法律に基づき、開示、訂正（追加・削除を含む）、利用停止（消去を含む）を請求できます。",
  requestsHow:
    "請求は、北区 産業振興課にご連絡ください（担当の教員を通じてのご連絡も受け付けます）。ご本人であることを確認したうえで、法令に定める期間内に対応し、結果をお知らせします。",
  requestsOnline: "現在、この請求はプラットフォーム上の画面では受け付けていません。",
  requestsSelfService: "ログインしている方は、次の画面からも請求できます。",
  requestsSelfServiceLink: "自分の情報の確認・請求",
  updatedTitle: "制定・改定",
  updated: "{{date}} 制定",
};

export default privacy;
