// 荒川区 — 別表第1 of 荒川区電子情報システム管理運営規程 (電子情報システム / 業務内容 / 管理に係る所管),
// reconstructed from a flattened merged-cell layout: the managing section (管理に係る所管) is written
// once per group, after the first row of the group. The systems of arakawa.demo.ts are built from it.

// ---------------------------------------------------------------------------------------------
// 別表第1: 電子情報システム / 業務内容 / 管理に係る所管 — all 117 rows, in the order of the table.
// Merged cells: 中間サーバゲートウェイシステム shares 番号利用法に基づく情報連携事務 with the row above;
// 当日投票システム shares 選挙事務 with 期日前投票システム.
// [key suffix, 電子情報システム, 業務内容, managing org unit]
// ---------------------------------------------------------------------------------------------
export const ARAKAWA_TABLE_1: readonly (readonly [string, string, string, string])[] = [
  // デジタル推進課
  ['resident-record', '住民記録システム', '住民記録事務、印鑑・カード管理事務', 'ark.kanri.digital'],
  ['tax', '税務システム', '税務事務', 'ark.kanri.digital'],
  ['elderly-welfare', '高齢者福祉システム', '高齢者福祉事務', 'ark.kanri.digital'],
  ['national-pension', '国民年金システム', '国民年金事務', 'ark.kanri.digital'],
  ['allowance-medical-aid', '手当・医療助成システム', '手当事務、医療費助成事務', 'ark.kanri.digital'],
  ['loan', '貸付システム', '資金貸付事務', 'ark.kanri.digital'],
  ['childcare-management', '保育管理システム', '保育事務、子ども・子育て支援法関連事務', 'ark.kanri.digital'],
  ['private-kindergarten', '私立幼稚園システム', '私立幼稚園事務', 'ark.kanri.digital'],
  ['school-register', '学齢簿システム', '就学事務', 'ark.kanri.digital'],
  ['school-aid', '就学援助システム', '就学援助事務', 'ark.kanri.digital'],
  ['election', '選挙システム', '選挙事務', 'ark.kanri.digital'],
  ['integration-server', '統合連携サーバシステム', '住民記録情報等の電子情報システム間連携', 'ark.kanri.digital'],
  ['juki-net-gateway', '住民基本台帳ネットワークゲートウェイシステム', '住民記録、宛名システム及び住民基本台帳ネットワーク間の連携', 'ark.kanri.digital'],
  ['intermediate-server', '自治体中間サーバーシステム', '番号利用法に基づく情報連携事務', 'ark.kanri.digital'],
  ['intermediate-server-gateway', '中間サーバゲートウェイシステム', '番号利用法に基づく情報連携事務', 'ark.kanri.digital'],
  ['facility-reservation', '施設予約システム', '区施設の予約受付', 'ark.kanri.digital'],
  ['e-application', '電子申請システム', '電子申請サービスの提供', 'ark.kanri.digital'],
  ['e-procurement', '電子調達システム', '電子調達サービスの提供', 'ark.kanri.digital'],
  ['financial-accounting', '財務会計システム', '財務会計事務', 'ark.kanri.digital'],
  ['document-management', '文書管理システム', '文書管理事務', 'ark.kanri.digital'],
  ['groupware', '職員グループウェアシステム', 'Eメール、情報共有等', 'ark.kanri.digital'],
  ['convenience-store-issuance', 'コンビニ交付システム', 'コンビニエンスストアにおける証明書の交付', 'ark.kanri.digital'],
  ['antivirus-distribution', 'ウィルス対策ソフト配信サーバ', 'システム端末へのウィルス対策ソフトの配信', 'ark.kanri.digital'],
  ['finger-vein-auth', '指静脈認証システム', '業務系システム端末のログイン管理', 'ark.kanri.digital'],
  ['login-auth', 'ログイン認証システム', '情報系システム端末のログイン管理', 'ark.kanri.digital'],
  ['browser-virtualization', 'ブラウザ仮想化システム', '仮想ウェブブラウザの提供', 'ark.kanri.digital'],
  ['file-sanitization', 'ファイル無害化システム', 'ファイル無害化サービスの提供', 'ark.kanri.digital'],
  ['mail-sanitization', 'メール無害化システム', 'メール無害化サービスの提供', 'ark.kanri.digital'],
  ['anti-spam', '迷惑メール対策システム', '迷惑メール対策', 'ark.kanri.digital'],
  ['file-server', 'ファイルサーバ', 'システムのファイル管理', 'ark.kanri.digital'],
  ['integrated-gis', '統合型GISシステム', '地図情報関連業務', 'ark.kanri.digital'],
  ['pc-operation-log', 'パソコン操作ログ記録システム', 'システム端末の操作ログの取得', 'ark.kanri.digital'],
  ['down-recovery', 'ダウンリカバリシステム', '基幹業務システム障害時の代替サービスの提供', 'ark.kanri.digital'],
  [
    'multi-payment-network',
    'マルチペイメントネットワーク公金収納サービス',
    'マルチペイメントネットワーク等の利用による公金収納情報の取得及び提供',
    'ark.kanri.digital',
  ],
  ['rpa', 'RPAシステム', 'パソコン作業の自動化', 'ark.kanri.digital'],
  ['machine-room-access', 'マシン室入退室管理システム', 'マシン室の入退室管理', 'ark.kanri.digital'],
  // 総務企画課
  ['bylaw-search', '例規検索システム', '例規の検索', 'ark.somu.somu'],
  ['current-law-web', '現行法令Webシステム', '法令等の検索', 'ark.somu.somu'],
  ['law-revision-info', '法令改廃情報提供システム', '法令改廃情報の検索', 'ark.somu.somu'],
  ['administrative-evaluation', '行政評価システム', '行政評価事務', 'ark.somu.somu'],
  // 広報課
  ['cms', 'CMSシステム(区公式ホームページ)', 'コンテンツの作成及び管理', 'ark.kusei.koho'],
  ['sns-management', 'SNS運用管理システム', 'SNSの運用管理', 'ark.kusei.koho'],
  ['mail-magazine', 'メール配信システム', '荒川区メールマガジンの配信', 'ark.kusei.koho'],
  // 経理課
  ['building-access', '入退室管理システム', '本庁舎の入退室管理', 'ark.kanri.keiri'],
  // 職員課
  ['personnel-payroll', '人事給与システム', '人事給与事務', 'ark.kanri.shokuin'],
  ['personnel-evaluation-training', '人事考課・研修システム', '人事考課、研修等の管理', 'ark.kanri.shokuin'],
  ['general-affairs', '庶務事務システム', '時間外勤務、旅行命令、休暇申請等の事務処理', 'ark.kanri.shokuin'],
  // 営繕課
  ['drawing-management', '図面管理システム', '図面データ等の管理', 'ark.kanri.eizen'],
  // 戸籍住民課
  ['family-register', '戸籍システム', '戸籍事務', 'ark.kumin.koseki'],
  ['juki-net', '住民基本台帳ネットワークシステム', '住民基本台帳ネットワーク関連業務', 'ark.kumin.koseki'],
  // 税務課
  ['tax-delinquency', '税滞納整理支援システム', '税滞納整理事務', 'ark.kumin.zeimu'],
  ['eltax', '地方税ポータルシステム(eLTAX)', '電子申告の受付、国税連携等', 'ark.kumin.zeimu'],
  ['light-vehicle-inspection', '軽自動車検査情報市区町村提供システム', '軽自動車税の適正な課税業務', 'ark.kumin.zeimu'],
  ['public-payment-network', '公共収納ネットワークサービス', '指定金融機関からの公金収納情報の取得及び提供', 'ark.kumin.zeimu'],
  ['deposit-inquiry', '預貯金等照会電子化サービス', '預貯金照会事務', 'ark.kumin.zeimu'],
  ['asset-investigation', '財産調査ワンストップサービス', '預貯金照会事務支援', 'ark.kumin.zeimu'],
  ['delinquency-ebpm', '滞納整理EBPM支援サービス', '滞納整理事務の状況分析支援', 'ark.kumin.zeimu'],
  // 防災課
  ['disaster-prevention-info', '防災情報システム', '防災事務', 'ark.toshi.bosai'],
  ['elevated-camera', '高所カメラシステム', '災害現場の状況把握', 'ark.toshi.bosai'],
  ['weather-observation', '気象観測システム', '区内の気象情報把握', 'ark.toshi.bosai'],
  ['disaster-info', '災害情報システム', '災害情報の一元管理', 'ark.toshi.bosai'],
  ['mass-notification', '一斉情報配信システム', '災害情報の一斉配信', 'ark.toshi.bosai'],
  ['disaster-app', '防災アプリ', '防災情報の提供', 'ark.toshi.bosai'],
  // ゆいの森課
  ['library', '図書館システム', '図書館事務', 'ark.chiiki.yuinomori'],
  // 産業振興課
  ['company-visit', '企業訪問管理システム', '区内企業の登録、検索サービスの提供、訪問記録の管理等', 'ark.sangyo.shinko'],
  ['consumer-life-network', '全国消費生活ネットワーク・システム', '消費生活相談事務', 'ark.sangyo.shinko'],
  // 経営支援課
  ['sme-loan', '中小企業融資管理システム', '中小企業融資の管理', 'ark.sangyo.keiei'],
  // 観光振興課
  ['tourist-guide', '観光ガイドシステム', '官公署、駅、史跡、観光スポット等の地図上の表示', 'ark.sangyo.kanko'],
  // 環境課
  ['energy-saving', '省エネ管理システム', '温室効果ガス等排出量の集計及び管理', 'ark.kankyo.kankyo'],
  // 清掃リサイクル推進課
  ['waste-info-23wards', '東京23区廃棄物情報管理システム', '廃棄物情報の管理', 'ark.kankyo.seiso'],
  ['paid-garbage-ticket', '有料ごみ処理券管理システム', '有料ごみ処理券の管理', 'ark.kankyo.seiso'],
  ['bulky-waste', '粗大ごみ受付収集システム', '粗大ごみ収集の受付', 'ark.kankyo.seiso'],
  // 福祉推進課
  ['evacuation-support-roster', '避難行動要支援者名簿システム', '避難行動要支援者名簿の管理', 'ark.fukushi.suishin'],
  // 生活福祉課
  ['public-assistance', '生活保護システム', '生活保護事務', 'ark.fukushi.seikatsu'],
  ['china-returnee-support', '中国残留邦人等支援給付システム', '中国残留邦人等支援給付業務', 'ark.fukushi.seikatsu'],
  ['receipt-management', 'クラウド版レセプト管理システム', 'レセプト点検業務', 'ark.fukushi.seikatsu'],
  ['public-assistance-data', '生活保護業務データシステム', '生活保護統計業務', 'ark.fukushi.seikatsu'],
  ['self-reliance-statistics', '生活困窮者自立支援統計システム', '生活困窮者自立支援業務', 'ark.fukushi.seikatsu'],
  // 介護保険課
  ['long-term-care', '介護保険システム', '介護保険業務', 'ark.fukushi.kaigo'],
  ['care-provider-info', '介護保険事業者情報提供システム', '介護保険事業者の名称・所在地・空き情報の提供', 'ark.fukushi.kaigo'],
  ['care-disability-hub', '介護保険・障害者総合支援一拠点集約化システム', '認定情報の授受', 'ark.fukushi.kaigo'],
  // 障害者福祉課
  ['disability-welfare', '障がい者福祉システム', '障害者福祉業務', 'ark.fukushi.shogai'],
  // 国保年金課
  ['specific-health-checkup', '特定健診・特定保健指導システム', '特定健康診査、特定保健指導事務', 'ark.kenko.kokuho'],
  ['nhi-late-elderly', '国民健康保険及び後期高齢者医療システム', '国民健康保険及び後期高齢者医療支援に係る事務', 'ark.kenko.kokuho'],
  ['late-elderly-medical', '後期高齢者医療システム', '後期高齢者医療事務', 'ark.kenko.kokuho'],
  // 生活衛生課
  ['dog-registry', '畜犬管理システム', '飼い犬及び予防接種の管理', 'ark.kenko.eisei'],
  ['pollution-compensation', '公害補償システム', '公害補償事務', 'ark.kenko.eisei'],
  // 健康推進課
  ['vaccination', '予防接種システム', '予防接種情報の管理', 'ark.kenko.suishin'],
  ['maternal-child-health', '母子保健システム', '母子保健事務', 'ark.kenko.suishin'],
  // 保健予防課
  ['cancer-screening', 'がん検診システム', 'がん検診事務', 'ark.kenko.yobo'],
  ['health-checkup', '健診システム', '健診事務', 'ark.kenko.yobo'],
  // 子育て支援課
  ['childcare-info-app', '子育て情報提供アプリ', '子育て支援に関する情報の配信', 'ark.kodomo.kosodate'],
  // 子ども家庭総合センター
  ['child-family-consultation', '児童家庭相談システム', '児童家庭相談情報の管理', 'ark.kodomo.center'],
  // 児童青少年課
  ['after-school-club-fee', '学童クラブ保育料収納管理等システム', '学童クラブ事務', 'ark.kodomo.jido'],
  ['after-school-info', '放課後児童事業情報配信システム', '学童クラブ及び放課後子ども教室に関する情報の配信', 'ark.kodomo.jido'],
  // 保育課
  ['nutrition-management', '栄養管理システム', '献立作成', 'ark.kodomo.hoiku'],
  ['temporary-staff-payroll', '臨時職員給与システム', '臨時職員人事管理及び給与管理', 'ark.kodomo.hoiku'],
  ['certified-nursery-subsidy', '認証保育所等保育料等補助金システム', '保育料等の補助事務', 'ark.kodomo.hoiku'],
  ['nursery-ai', '保育AIシステム', '保育園の入園審査及び利用調整に関する業務', 'ark.kodomo.hoiku'],
  ['nursery-info', '保育園情報配信システム', '保育園の利用者の保護者等へのメール配信', 'ark.kodomo.hoiku'],
  // 住まい街づくり課
  ['disaster-victim-support', '被災者生活再建支援システム', '被災者生活支援事務', 'ark.toshi.sumai'],
  ['housing-management', '住宅管理支援システム', '住宅管理事務', 'ark.toshi.sumai'],
  // 土木管理課
  ['removed-bicycle', '撤去自転車管理システム', '撤去自転車の管理', 'ark.toshi.doboku'],
  ['road-management', '道路管理システム', '道路管理事務', 'ark.toshi.doboku'],
  ['street-light', '街路灯管理システム', '街路灯管理事務', 'ark.toshi.doboku'],
  // 基盤整備課
  ['civil-estimation', '土木積算システム', '工事価格の積算', 'ark.toshi.kiban'],
  // 教育総務課
  ['school-info', '学校情報配信システム', '緊急情報、連絡事項等の配信', 'ark.kyoiku.somu'],
  ['teacher-payroll', '教職員給与システム', '都教職員の給与及び手当の入力', 'ark.kyoiku.somu'],
  // 学務課
  ['education-network', '教育ネットワークシステム', '小・中学校間のネットワーク管理、教材配信、ホームページ公開等', 'ark.kyoiku.gakumu'],
  ['kindergarten-enrollment', '就園管理システム', '区立幼稚園及び子ども園管理業務', 'ark.kyoiku.gakumu'],
  ['scholarship', '奨学資金管理システム', '奨学金等の管理', 'ark.kyoiku.gakumu'],
  ['school-library', '学校図書館蔵書管理システム', '蔵書の管理(貸出、返却、予約、検索、蔵書登録等)', 'ark.kyoiku.gakumu'],
  ['school-affairs', '校務支援システム', '児童生徒の学籍成績処理、教職員の出退勤管理', 'ark.kyoiku.gakumu'],
  // 選挙管理委員会事務局
  ['early-voting', '期日前投票システム', '選挙事務', 'ark.senkyo'],
  ['election-day-voting', '当日投票システム', '選挙事務', 'ark.senkyo'],
  ['lay-judge-roster', '裁判員制度名簿調整支援システム', '裁判員名簿の作成業務', 'ark.senkyo'],
  // 区議会事務局
  ['minutes-search', '会議録検索システム', '会議録検索サービスの提供', 'ark.gikai'],
];
