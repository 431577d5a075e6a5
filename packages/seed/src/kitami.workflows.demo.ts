// 北見市 — demo workflows (KTM): a major modification of the 窓口支援システム waiting for the 運用会議
// (KTM-13-1-2, KTM-3-7) on the agenda of its next meeting, minor ones awaiting and refused the 統括管理者's
// decision (KTM-13-1-1), an access-rights change done and a password reset asked for (KTM-10), and
// incidents (KTM-14).
import type { DemoWorkflowsSeed } from './seed.types.ts';

export const kitamiWorkflows: DemoWorkflowsSeed = {
  requests: [
    {
      key: 'ktm.demo.request.major-modification',
      kindKey: 'system_modification',
      systemKey: 'ktm.counter',
      requesterPositionKey: 'ktm.fukushi.kaigo.chief',
      content: () => ({
        summary: '介護保険の各種申請をワンストップ窓口で受け付けるため、受付票と案内画面に介護保険の手続を追加する。',
        major: true,
        businessChange: false,
      }),
      filedDaysAgo: 9,
      decisions: [],
      stage: 'at_committee',
    },
    {
      key: 'ktm.demo.request.minor-modification',
      kindKey: 'system_modification',
      systemKey: 'ktm.counter',
      requesterPositionKey: 'ktm.shimin.hoken.chief',
      content: () => ({ summary: '受付票に国民健康保険の手続の持ち物の案内を印字する。', major: false }),
      filedDaysAgo: 3,
      decisions: [],
      stage: 'submitted',
    },
    {
      key: 'ktm.demo.request.minor-modification-refused',
      kindKey: 'system_modification',
      systemKey: 'ktm.counter',
      requesterPositionKey: 'ktm.fukushi.shogai.chief',
      content: () => ({ summary: '案内画面の文字の大きさを利用者が切り替えられるようにする。', major: false }),
      filedDaysAgo: 12,
      decisions: [
        {
          step: 'decide',
          decision: 'rejected',
          comment: '画面の構成全体に関わるため軽微な改修には当たりません。重大な改修として運用会議に諮ってください。',
          afterDays: 3,
        },
      ],
      stage: 'rejected',
    },
    {
      key: 'ktm.demo.request.rights-update',
      kindKey: 'access_rights_update',
      systemKey: 'ktm.counter',
      requesterPositionKey: 'ktm.shimin.madoguchi.chief',
      content: (r) => ({ staffId: r.holder('ktm.shimin.madoguchi.uketsuke.staff2'), newAuthorityProfile: '受付・交付', reason: '証明書交付業務の担当に変更' }),
      filedDaysAgo: 15,
      decisions: [{ step: 'register', decision: 'performed', comment: '操作権限を変更しました。', afterDays: 1 }],
      stage: 'approved',
    },
    {
      key: 'ktm.demo.request.password-reset',
      kindKey: 'password_reset',
      systemKey: 'ktm.counter',
      requesterPositionKey: 'ktm.shimin.madoguchi.uketsuke.staff1',
      content: (r) => ({ staffId: r.holder('ktm.shimin.madoguchi.uketsuke.staff1') }),
      filedDaysAgo: 1,
      decisions: [],
      stage: 'submitted',
    },
  ],
  meetings: [
    {
      key: 'ktm.demo.meeting.operations',
      committeeKey: 'ktm.committee.one-stop',
      calledByPositionKey: 'ktm.shimin.madoguchi.chief',
      inDays: 10,
      startTime: '10:00',
      endTime: '11:00',
      place: '市役所本庁舎 第2会議室',
    },
  ],
  incidents: [
    {
      key: 'ktm.demo.incident.printer',
      systemKey: 'ktm.counter',
      reportedByPositionKey: 'ktm.shimin.madoguchi.chief',
      title: '受付票プリンタの印字不良',
      description: '1階総合窓口の受付票プリンタで印字がかすれ、受付番号が読み取れない。',
      severity: 'minor',
      residentsAffected: false,
      degradedOperation: '2階窓口のプリンタで受付票を発行',
      occurredHoursAgo: 20 * 24,
      reportedHoursAgo: 20 * 24 - 1,
      resolved: {
        afterHours: 3,
        cause: 'プリンタのヘッドの劣化',
        analysis: 'ヘッドの交換時期を過ぎて使用していた。',
        preventiveMeasures: '消耗部品の交換時期を保守点検の項目に加えた。',
        analysedAfterHours: 26,
      },
    },
    {
      key: 'ktm.demo.incident.slow',
      systemKey: 'ktm.counter',
      reportedByPositionKey: 'ktm.shimin.madoguchi.chief',
      title: '窓口支援システムの応答遅延',
      description: '住民情報の照会に時間がかかり、窓口の待ち時間が長くなっている。',
      severity: 'minor',
      residentsAffected: true,
      degradedOperation: '照会は基幹系端末で行い、窓口支援システムは受付のみに使用',
      occurredHoursAgo: 2,
      reportedHoursAgo: 1,
      recovering: { afterHours: 0.5, note: '保守業者がサーバの負荷を調査中', cause: null, etaHours: 3 },
    },
  ],
};
