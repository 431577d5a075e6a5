// 川崎市 — demo workflows: a modification of the 福祉総合情報システム touching assets of several 情報管理責任者
// in review (KWW-6-2), one of the common part just filed (KWW-6), designations of handlers of the
// 区役所事務サービスシステム approved and rejected (KWO-6-1), the 運用会議 (KWW-12) with its agenda proposed,
// and incidents (KWW-3-2-4).
import type { DemoWorkflowsSeed } from './seed.types.ts';

export const kawasakiWorkflows: DemoWorkflowsSeed = {
  requests: [
    {
      key: 'kaw.demo.request.care-modification',
      kindKey: 'system_modification',
      systemKey: 'kww.welfare',
      requesterPositionKey: 'kaw.kenko.choju.kaigo.chief',
      content: (r) => ({
        summary: '介護保険の負担限度額の判定に、預貯金等の自己申告額を登録する項目を追加する。',
        touchedAssets: [r.id('kaw.asset.long-term-care')],
      }),
      filedDaysAgo: 8,
      decisions: [{ step: 'other_owner_approval', decision: 'approved', comment: '地域包括ケアの業務に支障はありません。', afterDays: 2 }],
      stage: 'in_review',
    },
    {
      key: 'kaw.demo.request.common-part',
      kindKey: 'system_modification',
      systemKey: 'kww.welfare',
      requesterPositionKey: 'kaw.kenko.somu.system.chief',
      content: () => ({ summary: '共通宛名画面の検索条件に、カナ氏名の部分一致を追加する。', commonPart: true }),
      filedDaysAgo: 2,
      decisions: [],
      stage: 'submitted',
    },
    {
      key: 'kaw.demo.request.designation',
      kindKey: 'user_addition',
      systemKey: 'kwo.ward-office',
      requesterPositionKey: 'kaw.ward.kawasaki.kumin.chief',
      content: (r) => ({
        staffId: r.withoutAccount('kwo.ward-office', 'kaw.kenko.choju.kaigo'),
        authorityProfile: '住民票照会',
        validFrom: r.daysAfterFiling(7),
        outsideSupervision: true,
        reason: '繁忙期（3月・4月）の区民課窓口での介護保険の資格確認の応援',
      }),
      filedDaysAgo: 14,
      decisions: [
        { step: 'prior_permission', decision: 'approved', comment: '応援期間中に限り許可します。', afterDays: 2 },
        { step: 'designate', decision: 'performed', comment: '取り扱う者として指定しました。', afterDays: 3 },
      ],
      stage: 'approved',
    },
    {
      key: 'kaw.demo.request.designation-refused',
      kindKey: 'user_addition',
      systemKey: 'kwo.ward-office',
      requesterPositionKey: 'kaw.ward.kawasaki.kumin.chief',
      content: (r) => ({
        staffId: r.withoutAccount('kwo.ward-office', 'kaw.kenko.shogai.fukushi'),
        authorityProfile: '住民票照会・交付',
        validFrom: r.daysAfterFiling(7),
        outsideSupervision: true,
        reason: '区民課窓口での障害福祉の手続の案内の応援',
      }),
      filedDaysAgo: 11,
      decisions: [{ step: 'prior_permission', decision: 'rejected', comment: '応援の期間と業務の範囲を明らかにして申請し直してください。', afterDays: 1 }],
      stage: 'rejected',
    },
  ],
  meetings: [
    {
      key: 'kaw.demo.meeting.operations',
      committeeKey: 'kaw.committee.operations',
      calledByPositionKey: 'kaw.kenko.somu.system.chief',
      inDays: 14,
      startTime: '14:00',
      endTime: '15:00',
      place: '健康福祉局 会議室',
    },
  ],
  incidents: [
    {
      key: 'kaw.demo.incident.batch',
      systemKey: 'kww.welfare',
      reportedByPositionKey: 'kaw.kenko.somu.system.chief',
      title: '福祉総合情報システム 帳票出力の遅延',
      description: '障害福祉サービスの支給決定通知書の一括出力が終了せず、発送が遅れるおそれがある。',
      severity: 'major',
      residentsAffected: false,
      degradedOperation: '区役所ごとに分割して出力',
      occurredHoursAgo: 15 * 24,
      reportedHoursAgo: 15 * 24 - 1,
      resolved: {
        afterHours: 5,
        cause: '帳票サーバのメモリ不足',
        analysis: '対象者数の増加により一括出力時のメモリが不足した。',
        preventiveMeasures: '帳票サーバのメモリを増設し、一括出力を区役所単位で実行する運用とした。',
        analysedAfterHours: 30,
      },
    },
    {
      key: 'kaw.demo.incident.login',
      systemKey: 'kww.welfare',
      reportedByPositionKey: 'kaw.kenko.somu.system.chief',
      title: '一部端末でログインできない',
      description: '幸区役所の一部端末で福祉総合情報システムにログインできない。',
      severity: 'minor',
      residentsAffected: false,
      degradedOperation: '他の端末を共用して対応',
      occurredHoursAgo: 4,
      reportedHoursAgo: 3,
      recovering: { afterHours: 1, note: '端末の証明書の更新状況を確認中', cause: null, etaHours: 5 },
    },
  ],
};
