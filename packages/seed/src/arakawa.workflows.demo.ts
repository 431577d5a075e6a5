// 荒川区 — demo workflows (ARK): an application for a new system waiting for the 電子情報システム運営委員会
// (ARK-12-4) on the agenda of its next meeting, a modification of the 税務システム just filed with the 情報統括責任者, data-use
// consultations (ARK-14) approved, rejected and in review, and incidents of the 税務システム (ARK-28-1).
import type { DemoWorkflowsSeed } from './seed.types.ts';

const CIO = 'ark.kanri.director'; // 情報統括責任者 (ARK-3-1)

export const arakawaWorkflows: DemoWorkflowsSeed = {
  requests: [
    {
      key: 'ark.demo.request.ai-minutes',
      kindKey: 'new_system_introduction',
      requesterPositionKey: 'ark.kanri.digital.chief',
      content: (r) => ({
        systemName: 'AI会議録作成支援システム',
        summary: '会議の音声から会議録の素案を作成するシステムを導入し、会議録作成の事務を効率化する。',
        managementType: 'digital_section',
        welfare: true,
        efficiency: true,
        privacy: true,
        targetFiscalYear: r.fiscalYear + 2,
        necessity: '各課の会議録作成に要する時間が年間約3,000時間に及ぶため。',
        cost: '初期費用 約400万円、運用費用 年額 約120万円（見積）',
        effect: '会議録作成時間の約5割削減',
        alternatives: '外部委託による反訳（費用が割高）',
      }),
      filedDaysAgo: 12,
      decisions: [
        {
          step: 'collect_materials',
          decision: 'performed',
          comment: '必要性・費用・効果・代替手段に関する資料を徴しました。',
          afterDays: 5,
          byPositionKey: CIO,
        },
      ],
      stage: 'at_committee',
    },
    {
      key: 'ark.demo.request.tax-modification',
      kindKey: 'system_modification',
      requesterPositionKey: 'ark.kumin.director', // the using department's head applies for a system デジタル推進課 manages (ARK-12-1)
      systemKey: 'ark.sys.tax',
      content: (r) => ({
        summary: '住民税の税額通知書を電子で交付する機能を追加する。',
        welfare: true,
        efficiency: true,
        privacy: true,
        targetFiscalYear: r.fiscalYear + 2,
        necessity: '地方税法の改正により、特別徴収税額通知の電子化への対応が必要となるため。',
        cost: '改修費用 約800万円（見積）',
        effect: '通知書の印刷・郵送費用の削減',
        alternatives: '紙による送付の継続（法改正への対応が不十分）',
      }),
      filedDaysAgo: 2,
      decisions: [],
      stage: 'submitted',
    },
    {
      key: 'ark.demo.request.tax-uses-resident-number',
      kindKey: 'data_use_consultation',
      requesterPositionKey: 'ark.kumin.zeimu.chief',
      content: (r) => ({
        purpose: '課税資料と住民記録との突合のため、個人番号を利用する。',
        dataItems: [r.dataItem('ark.asset.resident-record', '個人番号')],
      }),
      filedDaysAgo: 30,
      decisions: [
        { step: 'data_owner_approval', decision: 'approved', comment: '利用目的の範囲内での利用を承認します。', afterDays: 3 },
        { step: 'privacy_procedure', decision: 'performed', comment: '個人情報ファイル簿への記載を行いました。', afterDays: 7 },
      ],
      stage: 'approved',
    },
    {
      key: 'ark.demo.request.tourism-uses-city-plan',
      kindKey: 'data_use_consultation',
      requesterPositionKey: 'ark.sangyo.kanko.chief',
      content: (r) => ({
        purpose: '観光ガイドシステムの背景地図として、都市計画図のデータを利用する。',
        dataItems: [r.dataItem('ark.asset.map', '都市計画図')],
      }),
      filedDaysAgo: 20,
      decisions: [
        {
          step: 'data_owner_approval',
          decision: 'rejected',
          comment: '都市計画図は観光案内の背景地図には適しません。統合型GISシステムの道路・建物の地図データの利用を検討してください。',
          afterDays: 4,
        },
      ],
      stage: 'rejected',
    },
    {
      key: 'ark.demo.request.care-uses-resident-and-tax',
      kindKey: 'data_use_consultation',
      requesterPositionKey: 'ark.fukushi.kaigo.chief',
      content: (r) => ({
        purpose: '介護保険料の所得段階の判定のため、住民票コード及び所得情報を利用する。',
        dataItems: [r.dataItem('ark.asset.resident-record', '住民票コード'), r.dataItem('ark.asset.tax', '所得情報')],
      }),
      filedDaysAgo: 6,
      decisions: [{ step: 'data_owner_approval', decision: 'approved', comment: '承認します。', afterDays: 2, byPositionKey: 'ark.kumin.koseki.chief' }],
      stage: 'in_review',
    },
  ],
  meetings: [
    {
      key: 'ark.demo.meeting.steering',
      committeeKey: 'ark.committee.steering',
      calledByPositionKey: 'ark.kanri.digital.kikaku.chief', // 庶務 (ARK-19-3)
      inDays: 14,
      startTime: '14:00',
      endTime: '15:30',
      place: '本庁舎 第一委員会室',
    },
  ],
  incidents: [
    {
      key: 'ark.demo.incident.tax-batch',
      systemKey: 'ark.sys.tax',
      reportedByPositionKey: 'ark.kanri.digital.chief',
      title: '税務システム 夜間バッチの異常終了',
      description: '住民税の月次異動処理（夜間バッチ）が異常終了し、翌朝の照会画面に前日分の異動が反映されていない。',
      severity: 'major',
      residentsAffected: false,
      degradedOperation: '前日分の異動は紙の異動連絡票で確認して窓口対応',
      occurredHoursAgo: 26 * 24,
      reportedHoursAgo: 26 * 24 - 1,
      resolved: {
        afterHours: 6,
        cause: 'バッチサーバの一時領域の容量不足',
        analysis: '異動件数の多い月に一時領域が不足し、バッチが異常終了した。保守業務受託者の調査報告による。',
        preventiveMeasures: '一時領域を拡張し、容量の監視と事前通知を設定した。',
        analysedAfterHours: 48,
      },
    },
    {
      key: 'ark.demo.incident.e-application',
      systemKey: 'ark.sys.e-application',
      reportedByPositionKey: 'ark.kanri.digital.chief',
      title: '電子申請システムへの接続障害',
      description: '区民から電子申請の画面が表示されないとの問合せが相次いでいる。',
      severity: 'major',
      residentsAffected: true,
      degradedOperation: '窓口及び郵送による申請を案内',
      occurredHoursAgo: 3,
      reportedHoursAgo: 2,
      recovering: { afterHours: 1, note: '受託者がネットワーク機器を調査中', cause: null, etaHours: 4 },
    },
  ],
};
