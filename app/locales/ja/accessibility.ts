/** Japanese texts of the accessibility statement (/accessibility, merged into ja.ts under "accessibility"). */
const accessibility = {
  link: "ウェブアクセシビリティ方針",
  title: "ウェブアクセシビリティ方針",
  lead: "北区 産学連携プラットフォームは、障害のある方や高齢の方を含め、誰もがキーボードだけでも、画面を拡大しても、音声読み上げでも使えることを目指しています。",
  targetTitle: "目標",
  target:
    "JIS X 8341-3:2016 の適合レベル AA を目標とし、あわせて WCAG 2.2 のレベル AA を目指します。対象は、このプラットフォームのすべてのページです。",
  scopeNote:
    "下記の試験は、自動チェックと、記載した手動の確認に限られます。すべての達成基準を人が確認する試験はまだ行っていないため、JIS X 8341-3:2016 への「準拠」「一部準拠」は表明していません。",
  methodTitle: "試験の方法",
  methods: {
    axe: "自動チェック：ブラウザーテストが表示するすべてのページで、Chromium 上の axe-core {{version}} により WCAG 2.0／2.1／2.2 の A・AA のルールを確認しました。ページごとに、各利用者の役割（一般・学生・教員・企業・市職員）で、JavaScript を有効にした場合と無効にした場合の両方を確認しています。",
    keyboard:
      "キーボードだけの操作：マウスを使わず、Tab・Shift+Tab・Enter・スペース・矢印キーだけで次の手続を最後まで行い、フォーカスが見えること（枠線の表示）と移動の順序を確認しました。",
    reflow:
      "拡大表示：公開ページを、幅 320 px と、幅 1280 px の画面の 200% 表示（幅 640 px 相当）で表示し、横スクロールが生じないことを確認しました。",
    screenReader: "音声読み上げソフトによる確認は、まだ行っていません。",
  },
  dateTitle: "試験日",
  date: "{{date}}（自動チェックの結果を最後に更新した日）",
  resultsTitle: "自動チェックの結果",
  resultsLead: "ページは URL の型で示します（:id は番号、:token は個別の鍵です）。",
  colPage: "ページ",
  colJs: "JavaScript",
  colRules: "確認したルール数",
  colCriteria: "対象の達成基準",
  colViolations: "違反",
  jsOn: "有効",
  jsOff: "無効",
  none: "なし",
  noResults: "まだ結果がありません。",
  keyboardTitle: "キーボードだけで確認した手続",
  keyboardJourneys: {
    signup: "学生：企画への参加申込みと、取材先企業の希望順位の入力",
    door: "市職員：発表会の受付名簿での出席の記録",
  },
  reflowTitle: "拡大表示を確認したページ",
  reflowWidths: "幅 {{widths}} px",
  exceptionsTitle: "既知の課題",
  exceptions: {
    manual: "すべての達成基準を人が確認する試験は未実施です。{{date}}までに実施し、結果をこのページに掲載します。",
    screenReader: "音声読み上げソフトでの確認は未実施です。{{date}}までに実施します。",
    pdf: "参加証明書の PDF は、タグ付き PDF になっていません（検証ページの HTML で同じ内容を確認できます）。{{date}}までに対応します。",
  },
  contactTitle: "お問い合わせ",
  contact: "使いにくい点がありましたら、北区 産業振興課までお知らせください。",
};

export default accessibility;
