/**
 * Japanese messages for search engines, link previews and open data (merged into ja.ts under "seo"). Titles and
 * descriptions are written from each page's data; a description is cut to about 120 characters.
 */
const seo = {
  siteName: "北区 産学連携プラットフォーム",
  titleSuffix: "北区 産学連携",
  locale: "ja_JP",
  home: {
    title: "東京都北区 産学連携プラットフォーム：区内ものづくり企業と大学をつなぐ",
    heading: "区内ものづくり企業と大学をつなぐ",
    description:
      "東京都北区と東洋大学・帝京大学・東京家政大学の産学連携。学生による区内ものづくり企業の取材企画、成果発表会、区内企業の一覧を区が公開しています。",
  },
  firms: {
    title: "北区のものづくり企業を探す",
    titlePage: "北区のものづくり企業を探す（{{page}}ページ目）",
    description:
      "東京都北区の製造業{{firms}}社を、業種・町名・製品名から探せます。北区産業振興課が運営する、区内ものづくり企業の一覧です。",
    descriptionPage:
      "東京都北区のものづくり企業{{firms}}社の一覧（{{page}}ページ目）。業種・町名・製品名から探せます。",
    searchTitle: "企業検索の結果",
  },
  firm: {
    title: "{{name}}（北区{{town}}・{{industry}}）",
    description: "{{name}}は東京都北区{{town}}の{{industry}}の企業です。主な製品：{{products}}",
    descriptionNoProducts: "{{name}}は東京都北区{{town}}の{{industry}}の企業です。{{about}}",
  },
  projects: {
    title: "企業取材の企画一覧",
    description:
      "大学のゼミが北区のものづくり企業を取材する産学連携の企画一覧です。募集中の企画{{open}}件、これまでの企画{{others}}件。",
  },
  project: {
    title: "{{title}}（{{fiscalYear}}・{{university}}）",
    description: "{{university}} {{seminar}}による北区企業の取材企画（{{fiscalYear}}、{{state}}）。テーマ：{{theme}}",
  },
  events: {
    title: "成果発表会",
    description:
      "学生が北区のものづくり企業を取材した成果を発表する、北区主催の発表会の日程と会場です。開催予定{{upcoming}}件、過去の発表会{{past}}件。",
  },
  event: {
    title: "{{title}}（{{date}}）",
    description: "{{date}}、{{venue}}で開催する北区主催の発表会です。{{about}}",
  },
  partners: {
    title: "連携大学と協定分野",
    description: "北区と包括連携協定を結ぶ大学（{{universities}}）と、協定の連携分野の一覧です。",
    descriptionNone: "北区と連携協定を結ぶ大学と、協定の連携分野の一覧です。",
  },
  privacy: {
    title: "個人情報の取扱い",
    description:
      "北区 産学連携プラットフォームの個人情報の取扱い：保有する機関（北区 産業振興課）、利用目的、取材先企業への提供の範囲、保存期間、開示・訂正・削除の請求方法。",
  },
  accessibility: {
    title: "ウェブアクセシビリティ方針",
    description:
      "北区 産学連携プラットフォームのアクセシビリティ方針：目標（JIS X 8341-3:2016 AA）、試験の方法と日付、ページごとの自動チェックの結果、既知の課題。",
  },
  openData: {
    title: "オープンデータ",
    lead: "北区が公開しているページと同じ内容を、機械判読できるCSVファイル（UTF-8・BOM付き）で提供します。",
    licence:
      "これらのデータは、クリエイティブ・コモンズ 表示 4.0 国際 ライセンス（CC BY 4.0）の下に提供します。利用の際は「出典：東京都北区 産学連携プラットフォーム」と表示してください。",
    licenceLink: "CC BY 4.0 ライセンスの全文",
    download: "CSVをダウンロード",
    downloadLabel: "{{name}}（CSV）をダウンロード",
    columns: "項目",
    datasets: {
      "partnership-agreements": {
        name: "連携協定の一覧",
        description:
          "北区と大学が結んでいる、いま有効な連携協定（大学、協定の種類、連携分野、締結日・発効日、期間、状態）。担当者や連絡先は含みません。",
      },
      events: {
        name: "成果発表会の一覧",
        description:
          "北区主催の発表会の日時・会場。デジタル庁「自治体標準オープンデータセット」の「イベント一覧」の項目と順序に沿っています。",
      },
      firms: {
        name: "北区ものづくり企業の一覧",
        description:
          "企業一覧に掲載している区内企業の公開情報（法人番号、名称、業種、所在地、電話番号、ウェブサイト、主な製品）。非掲載の企業は含みません。",
      },
    },
    description:
      "北区の連携協定、成果発表会（自治体標準オープンデータセット「イベント一覧」形式）、区内企業の一覧をCSVで公開しています。CC BY 4.0。",
  },
  notFound: "ページが見つかりません",
  imageAlt: "{{city}}：{{title}}",
};
export default seo;
