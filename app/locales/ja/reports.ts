/** Japanese messages for the reports feature (merged into ja.ts under "reports"). */
const reports = {
  title: "年次報告",
  yearTitle: "{{year}} 年次報告",
  lead: "産業振興計画への報告用に、年度ごとの産学連携事業の実績を大学別・連携分野別に集計しています。",
  yearLabel: "年度",
  show: "表示する",
  download: "CSVをダウンロード",
  byUniversity: "大学別",
  byAgreement: "協定別",
  agreementCaption: "{{year}}の協定別の実績（括弧内は協定の連携分野）",
  agreement: "協定",
  chartsAgreement: "協定別のグラフ",
  byArea: "連携分野別",
  universityCaption: "{{year}}の大学別の実績",
  areaCaption: "{{year}}の連携分野別の実績",
  university: "大学",
  area: "連携分野",
  total: "合計（重複なし）",
  chartsUniversity: "大学別のグラフ",
  chartsArea: "連携分野別のグラフ",
  chartTitle: "{{measure}}（{{grouping}}）",
  chartNote: "グラフの数値は上の表と同じです。",
  measures: {
    projects: "企画",
    students: "参加学生",
    firms: "受け入れ企業",
    interviews: "実施した取材",
    presentations: "発表",
    certificates: "参加証明書",
  },
  definitionsTitle: "集計の基準",
  definitions: {
    projects:
      "企画：その年度の企画のうち、提出済み以降のもの（下書き・不承認・中止を除く）。取材・発表・証明書も、その企画の年度に数えます。",
    students: "参加学生：参加を申し込んだ学生。同じ行の中では1人を1回だけ数えます。",
    firms: "受け入れ企業：受け入れを承諾した企業。同じ行の中では1社を1回だけ数えます。",
    interviews: "実施した取材：実施済みと記録された取材枠。",
    presentations: "発表：発表済みと記録された発表（ゼミ全体の発表を含む）。",
    certificates: "参加証明書：発行済みで、取り消されていない証明書。",
    areas:
      "連携分野別：企画は、その協定の連携分野のすべてに数えます。そのため、分野別の数を足しても合計とは一致しません。",
    total:
      "合計：各項目を重複なく数えた数です。複数の大学・分野にまたがる学生や企業は1回だけ数えるため、各行の和より小さくなることがあります。",
  },
  csv: {
    section: "区分",
    name: "名称",
  },
};
export default reports;
