// The forms (様式) of Minato's 福祉総合システム運用要領 (MNT), as its articles name them, and the request kind
// or register each one is filled from. The regulation's form sheets themselves are not published with it
// (様式(省略)), so each form prints the items the article names and the product records.

import type { RuleId } from '@tsukasa/domain';

export interface MinatoFormDefinition {
  /** 1 for 第1号様式 … */
  number: number;
  formNumber: string;
  article: string;
  title: string;
  /** The request kind it is filled from, or 'incident' for the register of incidents. */
  source: string;
  /** To whom the article has it sent; null for a form the section keeps (第5号様式). */
  addressee: string | null;
  /** What the form calls who files it, after the article's verb: 申請者, 通知者, 依頼者, 作成者, 報告者. */
  applicantLabel: string;
  lead: string;
  /**
   * The route steps whose decisions fill the approval boxes; absent = every step that decides (not the
   * steps that only inform).
   */
  stepKeys?: readonly string[];
  /** The content fields printed, by key; absent = every field of the kind. */
  fieldKeys?: readonly string[];
  ruleIds: readonly RuleId[];
}

export const MINATO_FORMS: readonly MinatoFormDefinition[] = [
  {
    number: 1,
    formNumber: '第1号様式',
    article: '第10条関係',
    title: '福祉総合システム使用許可申請書',
    source: 'user_addition',
    addressee: '保健福祉課長',
    applicantLabel: '申請者',
    lead: '福祉総合システム運用要領第10条第1項の規定により、次のとおりシステムの使用を申請します。',
    ruleIds: ['MNT-10-1', 'MNT-10-2'],
  },
  {
    number: 2,
    formNumber: '第2号様式',
    article: '第11条関係',
    title: '福祉総合システム使用終了通知書',
    source: 'user_termination',
    addressee: '保健福祉課長',
    applicantLabel: '通知者',
    lead: '福祉総合システム運用要領第11条第1項の規定により、次のとおりシステムの使用の終了を通知します。',
    ruleIds: ['MNT-11-1', 'MNT-11-2'],
  },
  {
    number: 3,
    formNumber: '第3号様式',
    article: '第12条関係',
    title: '福祉総合システムユーザ更新申請書',
    source: 'bulk_user_update',
    addressee: '保健福祉課長',
    applicantLabel: '申請者',
    lead: '福祉総合システム運用要領第12条第1項の規定により、次のとおりユーザの更新を一括して申請します。',
    ruleIds: ['MNT-12-1', 'MNT-12-2'],
  },
  {
    // Article 14(1) prescribes 第4号様式 without naming it; paragraphs 3 and 6 call the list it is entered
    // in the 福祉総合システム作業依頼一覧, whose 確認欄 the contractor fills.
    number: 4,
    formNumber: '第4号様式',
    article: '第14条関係',
    title: '福祉総合システム作業依頼一覧',
    source: 'work_request',
    addressee: '保健福祉課長',
    applicantLabel: '依頼者',
    lead: '福祉総合システム運用要領第14条第1項の規定により、次のとおり作業を依頼し、報告します。',
    stepKeys: ['report', 'change_management', 'perform'],
    fieldKeys: ['workDescription', 'desiredCompletionDate', 'changeManagementApprovalNeeded', 'presence'],
    ruleIds: ['MNT-14-1', 'MNT-14-2', 'MNT-14-3'],
  },
  {
    number: 5,
    formNumber: '第5号様式',
    article: '第14条関係',
    title: '福祉総合システム作業確認票',
    source: 'work_request',
    addressee: null,
    applicantLabel: '作成者',
    lead: '福祉総合システム運用要領第14条第4項の規定により、保守業務受託者から作業完了の報告を受けた作業を次のとおり確認しました。',
    stepKeys: ['perform', 'confirm', 'cross_check'],
    fieldKeys: ['workDescription', 'desiredCompletionDate'],
    ruleIds: ['MNT-14-3', 'MNT-14-4', 'MNT-14-6'],
  },
  {
    number: 6,
    formNumber: '第6号様式',
    article: '第17条関係',
    title: '福祉総合システムアクセス権限更新申請書',
    source: 'access_rights_update',
    addressee: '保健福祉課長',
    applicantLabel: '申請者',
    lead: '福祉総合システム運用要領第17条第2項の規定により、次のとおりアクセス権限の更新を申請します。',
    ruleIds: ['MNT-17-2', 'MNT-17-3'],
  },
  {
    number: 7,
    formNumber: '第7号様式',
    article: '第18条関係',
    title: '福祉総合システムライセンス数更新申請書',
    source: 'licence_count_change',
    addressee: '保健福祉課長',
    applicantLabel: '申請者',
    lead: '福祉総合システム運用要領第18条第2項の規定により、次のとおりライセンス数の更新を申請します。',
    ruleIds: ['MNT-18-1', 'MNT-18-2'],
  },
  {
    number: 8,
    formNumber: '第8号様式',
    article: '第22条関係',
    title: '福祉総合システム障害等対応連絡票',
    source: 'incident',
    addressee: '保健福祉課長',
    applicantLabel: '報告者',
    lead: '福祉総合システム運用要領第22条第3項の規定により、次のとおり障害等の発生及び対応状況を報告します。',
    ruleIds: ['MNT-22-3', 'MNT-22-4'],
  },
];

/** The forms filled from a request kind (two for a work request: 第4号様式 and 第5号様式). */
export function minatoFormsOfKind(kindKey: string): MinatoFormDefinition[] {
  return MINATO_FORMS.filter((f) => f.source === kindKey);
}

export function minatoForm(number: number): MinatoFormDefinition | null {
  return MINATO_FORMS.find((f) => f.number === number) ?? null;
}
