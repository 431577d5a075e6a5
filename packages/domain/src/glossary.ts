// Fixed English names of the Japanese domain terms the product uses. Code, API fields and English UI
// texts use these names; `code` is the identifier used in code where there is one (role keys, enum values).

export interface GlossaryEntry {
  ja: string;
  en: string;
  code?: string;
  note?: string;
}

export const glossary: readonly GlossaryEntry[] = [
  // Regulations and their structure
  { ja: '規程', en: 'regulation', note: 'ARK is a 規程 (訓令).' },
  { ja: '要綱', en: 'rules', note: 'KWW, KWO, KTM.' },
  { ja: '要領', en: 'operating rules', note: 'MNT.' },
  { ja: '訓令', en: 'internal directive' },
  { ja: '内規', en: 'internal rule', note: 'KTM is enacted as a 内規.' },
  { ja: '条', en: 'article' },
  { ja: '項', en: 'paragraph' },
  { ja: '号', en: 'item' },
  { ja: '見出し', en: 'caption' },
  { ja: '別表', en: 'table', note: 'ARK 別表第1–第3, the KWW table of information assets.' },
  { ja: '附則', en: 'supplementary provisions' },
  { ja: '根拠条文', en: 'legal basis', code: 'ruleIds' },
  { ja: '施行', en: 'entry into force' },

  // Roles (rulebook roles; `code` is the role key)
  { ja: '情報統括責任者', en: 'Chief Information Officer', code: 'information_controller', note: 'ARK-3: 管理部長.' },
  {
    ja: '情報管理責任者',
    en: 'information owner',
    code: 'information_owner',
    note: 'KWW-5: owner of information assets per the KWW table. In ARK-3の2 the same title names the CIO’s deputy (デジタル推進課長), role key information_manager.',
  },
  { ja: '情報管理担当者', en: 'information owner assistant', code: 'information_owner_assistant', note: 'KWW-5-4.' },
  { ja: 'システム総括者', en: 'system supervisor', code: 'system_supervisor', note: 'KWW-3: split by scope between two department heads.' },
  { ja: 'システム管理者', en: 'system administrator', code: 'system_administrator', note: 'KWW-4.' },
  { ja: 'システム運用担当者', en: 'system operator', code: 'system_operator', note: 'KWW-4-3.' },
  { ja: '利用責任者', en: 'usage manager', code: 'usage_manager', note: 'KWW-8.' },
  { ja: '利用者', en: 'user', code: 'user' },
  { ja: 'ユーザ', en: 'user', code: 'user', note: 'MNT-2-1-2.' },
  { ja: '利用課', en: 'using section', note: 'KWW-2-1-2.' },
  { ja: '保健福祉課長', en: 'health and welfare section chief', code: 'welfare_section_chief', note: 'MNT-4: administers the Minato welfare system.' },
  { ja: 'システム使用課', en: 'using section', note: 'MNT-3, KTM-2-1-4.' },
  { ja: 'システム使用課長', en: 'using section chief', code: 'using_section_chief', note: 'MNT-5.' },
  { ja: 'システム総括担当者', en: 'system coordinator', code: 'system_coordinator', note: 'MNT-6.' },
  { ja: 'システム使用課担当者', en: 'using section staff', code: 'using_section_staff', note: 'MNT-7.' },
  { ja: 'システム使用係担当者', en: 'using unit staff', code: 'using_unit_staff', note: 'MNT-8.' },
  { ja: '保守業務受託者', en: 'maintenance contractor', code: 'maintenance_contractor', note: 'MNT-9-3-3.' },
  { ja: '情報政策課長', en: 'information policy section chief', code: 'information_policy_chief', note: 'MNT-13-5.' },
  { ja: '受託事業者', en: 'contractor', code: 'contractor', note: 'ARK-2-1-17.' },
  { ja: '情報資産管理責任者', en: 'information asset manager', code: 'asset_manager', note: 'KWO-2-2.' },
  { ja: 'システム管理責任者', en: 'system manager', code: 'system_manager', note: 'KWO-2-3.' },
  { ja: 'システム利用責任者', en: 'system usage manager', code: 'system_usage_manager', note: 'KWO-2-4.' },
  { ja: '情報を取り扱うことができる者', en: 'designated handler', code: 'designated_handler', note: 'KWO-6.' },
  { ja: '統括管理者', en: 'general manager', code: 'general_manager', note: 'KTM-3.' },
  { ja: '副統括管理者', en: 'deputy general manager', code: 'deputy_general_manager', note: 'KTM-3-5.' },
  { ja: '管理者', en: 'manager', code: 'manager', note: 'KTM-4: head of the business section.' },
  { ja: '業務所管課', en: 'business section', code: 'business_section', note: 'KTM-2-1-2.' },
  { ja: 'システム使用者', en: 'system user', code: 'system_user', note: 'KTM-2-1-3.' },
  { ja: '所属長', en: 'section head', note: 'KTM-10-1: システム使用課の所属長.' },
  { ja: 'システム管理部長', en: 'system-managing department head', code: 'system_managing_director', note: 'ARK-2-1-13.' },
  { ja: 'システム管理課長', en: 'system-managing section chief', code: 'system_managing_chief', note: 'ARK-2-1-15.' },
  { ja: 'デジタル推進課', en: 'digital section', code: 'digital_section', note: 'ARK: 管理部デジタル推進課.' },
  { ja: 'デジタル推進課長', en: 'digital section chief', code: 'digital_section_chief', note: 'ARK-4-1.' },
  { ja: '運営委員長', en: 'steering committee chair', code: 'steering_committee_chair', note: 'ARK-17-1.' },
  { ja: 'セキュリティ委員長', en: 'security committee chair', code: 'security_committee_chair', note: 'ARK-22-1.' },
  { ja: '庶務', en: 'secretariat', code: 'committee_secretariat', note: 'ARK-19-3, ARK-24-3.' },
  { ja: '職員', en: 'staff member' },
  { ja: '職員等', en: 'staff and contractors', note: 'ARK-25.' },
  { ja: '会計年度任用職員', en: 'fiscal-year appointee' },
  { ja: '代理', en: 'acting on behalf', note: 'A deputy acts for a role holder; both are recorded.' },
  { ja: '補佐', en: 'assistance' },

  // Organisation
  { ja: '部', en: 'department', code: 'department' },
  { ja: '局', en: 'department', code: 'department', note: 'Kawasaki bureaus (健康福祉局 …) are departments in the model.' },
  { ja: '課', en: 'section', code: 'section' },
  { ja: '室', en: 'office', code: 'section', note: 'Section level.' },
  { ja: 'センター', en: 'center', code: 'section', note: 'Section level.' },
  { ja: '係', en: 'unit', code: 'unit' },
  { ja: '部長', en: 'department head' },
  { ja: '課長', en: 'section chief' },
  { ja: '担当課長', en: 'assigned section chief' },
  { ja: '係長', en: 'unit chief' },
  { ja: '係員', en: 'unit staff member' },
  { ja: '区役所', en: 'ward office' },
  { ja: '出張所', en: 'branch office' },
  { ja: '人事異動', en: 'personnel transfer' },

  // Systems and information
  { ja: '電子情報システム', en: 'system', note: 'ARK-2-1-1.' },
  { ja: '情報システム', en: 'system' },
  { ja: '情報資産', en: 'information asset' },
  { ja: 'データ', en: 'data' },
  { ja: 'マスタ', en: 'master data', note: 'MNT-2-1-4.' },
  { ja: 'ドキュメント', en: 'documentation', note: 'ARK-2-1-8.' },
  { ja: '端末', en: 'terminal' },
  { ja: '記録媒体', en: 'storage medium' },
  { ja: '個人情報', en: 'personal information' },
  { ja: '個人番号', en: 'individual number', note: 'My Number.' },
  { ja: '特定個人情報', en: 'specific personal information', note: 'Personal information containing an individual number.' },
  { ja: '住民基本台帳', en: 'basic resident register' },
  { ja: '機密性', en: 'confidentiality', code: 'confidentiality' },
  { ja: '完全性', en: 'integrity', code: 'integrity' },
  { ja: '可用性', en: 'availability', code: 'availability' },
  { ja: '情報セキュリティ', en: 'information security' },
  { ja: '情報セキュリティポリシー', en: 'information security policy' },
  { ja: '情報セキュリティ対策基準', en: 'information security standards' },
  { ja: 'アクセス権限', en: 'access rights' },
  { ja: '操作権限', en: 'operating authority', note: 'KTM-10: the authority profile of an account.' },
  { ja: 'ユーザーID', en: 'user ID' },
  { ja: 'パスワード', en: 'password' },
  { ja: 'ライセンス数', en: 'licence count' },
  { ja: '行政手続', en: 'administrative procedure' },
  { ja: '定義内容', en: 'procedure definition', code: 'ProcedureDefinition', note: 'KTM-7-2.' },
  { ja: '窓口', en: 'counter' },

  // Requests, documents and decisions
  { ja: '申請', en: 'request', code: 'Request' },
  { ja: '様式', en: 'form' },
  { ja: '帳票', en: 'printout' },
  { ja: '帳票等管理台帳', en: 'form ledger', code: 'FormLedgerEntry', note: 'KWO-5-2 第1号様式.' },
  { ja: '点検シート', en: 'check sheet', note: 'KWO-5-3: four times a year.' },
  { ja: '届出書等', en: 'notification forms', note: 'KTM-8.' },
  { ja: '導入', en: 'introduction' },
  { ja: '改修', en: 'modification' },
  { ja: '軽易な変更', en: 'minor change', note: 'ARK-13.' },
  { ja: '軽微な改修', en: 'minor modification', note: 'KTM-13-1-1.' },
  { ja: '重大な改修', en: 'major modification', note: 'KTM-13-1-2.' },
  { ja: '廃止', en: 'retirement', note: 'Of a system (KWW-7).' },
  { ja: '作業依頼', en: 'work order', code: 'WorkOrder', note: 'MNT-14 第4号様式.' },
  { ja: 'データ抽出', en: 'data extraction' },
  { ja: '承認', en: 'approval' },
  { ja: '同意', en: 'consent' },
  { ja: '可否', en: 'decision', note: 'Approval or refusal.' },
  { ja: '付議', en: 'referral', note: 'Of a matter to a committee (ARK-12-4).' },
  { ja: '協議', en: 'consultation' },
  { ja: '通知', en: 'notice' },
  { ja: '報告', en: 'report' },
  { ja: '指定', en: 'designation', code: 'Designation' },
  { ja: '許可', en: 'permission' },
  { ja: '使用停止', en: 'usage suspension', note: 'MNT-16.' },
  { ja: '委託', en: 'outsourcing' },
  { ja: '再委託', en: 'subcontracting' },
  { ja: '監査', en: 'audit' },
  { ja: '自己点検', en: 'self-inspection' },

  // Meetings
  { ja: '運営委員会', en: 'steering committee', note: 'ARK-15: 電子情報システム運営委員会.' },
  { ja: 'セキュリティ委員会', en: 'security committee', note: 'ARK-20: 情報セキュリティ委員会.' },
  { ja: '定例報告会', en: 'monthly report meeting', note: 'MNT-9.' },
  { ja: '運用管理会議', en: 'operations management meeting', note: 'KWW-12.' },
  { ja: '運用管理担当者会議', en: 'operations staff meeting', note: 'KWW-12-3.' },
  { ja: '運用会議', en: 'operations meeting', note: 'KTM-3-7: 北見市ワンストップサービス運用会議.' },
  { ja: '変更管理会議', en: 'change management board', note: 'MNT-13-5.' },
  { ja: '持回り', en: 'circulation', note: 'Decision by circulating the papers instead of meeting (KWW-12-2).' },
  { ja: '議題', en: 'agenda item', code: 'AgendaItem' },
  { ja: '定足数', en: 'quorum', note: 'ARK-19-1: more than half of the members.' },

  // Incidents, maintenance and registers
  { ja: '障害', en: 'incident', code: 'Incident' },
  { ja: '継送連絡', en: 'continuation notice', note: 'MNT-22-4; MNT-7-4 writes 継走連絡.' },
  { ja: '継走連絡', en: 'continuation notice', note: 'Spelling in MNT-7-4 of 継送連絡.' },
  { ja: '緊急連絡体制', en: 'emergency contact network', code: 'ContactNetwork', note: 'KWW-9, KTM-14.' },
  { ja: '緊急時連絡網', en: 'emergency contact network', code: 'ContactNetwork', note: 'KWO-10.' },
  { ja: '縮退運転', en: 'degraded operation', note: 'KWO-10-1-2.' },
  { ja: '運用時間', en: 'operating hours' },
  { ja: '保守', en: 'maintenance' },
  { ja: '保守点検作業', en: 'maintenance work', code: 'MaintenanceWindow', note: 'KTM-15-2.' },
  { ja: '処理計画等', en: 'processing plan', code: 'ProcessingPlan', note: 'ARK-8-2: the monthly processing schedule.' },
  { ja: '操作手引書', en: 'operating manual', note: 'ARK-11.' },
  { ja: '緊急時対応マニュアル', en: 'emergency response manual', note: 'ARK-28.' },

  // Dates
  { ja: '和暦', en: 'Japanese era calendar' },
  { ja: '元号', en: 'era name' },
  { ja: '元年', en: 'first year of an era' },
  { ja: '年度', en: 'fiscal year', note: 'April to March.' },
];

const byJa = new Map(glossary.map((e) => [e.ja, e]));

/** The glossary entry of a Japanese term, or undefined. */
export function glossaryEntry(ja: string): GlossaryEntry | undefined {
  return byJa.get(ja.trim());
}

/**
 * Fixed English name of a Japanese term. Terms joined by ・ are looked up one by one (部・局 → department).
 * Returns undefined for a term that is not in the glossary.
 */
export function toEnglish(ja: string): string | undefined {
  const term = ja.trim();
  const hit = byJa.get(term);
  if (hit) return hit.en;
  if (!term.includes('・')) return undefined;
  const parts = term.split('・').map((p) => byJa.get(p)?.en);
  if (parts.some((p) => p === undefined)) return undefined;
  return [...new Set(parts)].join(' / ');
}
