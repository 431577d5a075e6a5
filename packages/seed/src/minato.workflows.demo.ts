// 港区 — demo workflows (MNT): a work request just filed (MNT-12), a modification in progress at the
// contractor's estimate (MNT-13-3), an access-rights change approved, a licence increase rejected (MNT-18),
// and the next 定例報告会 (MNT-9) with its agenda proposed. Its incidents are demo data of their own.
import type { DemoWorkflowsSeed } from './seed.types.ts';

const COORDINATOR = 'mnt.hoken.fukushi.kanri.coordinator'; // システム総括担当者

export const minatoWorkflows: DemoWorkflowsSeed = {
  requests: [
    {
      key: 'mnt.demo.request.work',
      kindKey: 'work_request',
      systemKey: 'mnt.welfare',
      requesterPositionKey: 'mnt.shiba.kumin.chief',
      content: (r) => ({
        workDescription: '高齢者の見守り対象者一覧（町会別）の臨時抽出',
        desiredCompletionDate: r.daysAfterFiling(14),
        changeManagementApprovalNeeded: false,
      }),
      filedDaysAgo: 1,
      decisions: [],
      stage: 'submitted',
    },
    {
      key: 'mnt.demo.request.modification',
      kindKey: 'system_modification',
      systemKey: 'mnt.welfare',
      requesterPositionKey: 'mnt.azabu.kumin.chief',
      content: () => ({
        lawChangeSummary: '介護保険法施行規則の改正に伴う、負担限度額認定証の様式の変更',
        referenceMaterials: '厚生労働省老健局 事務連絡（改正の概要）',
        costly: true,
        changeManagementApprovalNeeded: false,
      }),
      filedDaysAgo: 10,
      decisions: [{ step: 'need', decision: 'approved', comment: '法改正への対応のため改修が必要です。', afterDays: 2 }],
      stage: 'in_review',
    },
    {
      key: 'mnt.demo.request.modification-done',
      kindKey: 'system_modification',
      systemKey: 'mnt.welfare',
      requesterPositionKey: 'mnt.shiba.kumin.chief',
      content: () => ({
        lawChangeSummary: '児童手当法の改正に伴う、支給対象年齢の引上げへの対応',
        referenceMaterials: 'こども家庭庁 事務連絡（制度改正の概要）',
        costly: false,
        changeManagementApprovalNeeded: false,
      }),
      filedDaysAgo: 25,
      // The contractor's work is recorded by the システム総括担当者 for the 保健福祉課長 (MNT-6-4); the chief confirms it.
      decisions: [
        { step: 'need', decision: 'approved', comment: '法改正への対応のため改修が必要です。', afterDays: 1 },
        { step: 'estimate', decision: 'performed', comment: '受託者の見積（経費なし・工期5日）を受領しました。', afterDays: 3, byPositionKey: COORDINATOR },
        { step: 'modify', decision: 'performed', comment: '受託者が改修を完了しました。', afterDays: 9, byPositionKey: COORDINATOR },
        { step: 'confirm', decision: 'confirmed', comment: '改修結果を確認しました。', afterDays: 11 },
      ],
      stage: 'in_review',
    },
    {
      key: 'mnt.demo.request.rights',
      kindKey: 'access_rights_update',
      systemKey: 'mnt.welfare',
      requesterPositionKey: 'mnt.shiba.kumin.chief',
      content: (r) => ({
        staffId: r.holder('mnt.shiba.kumin.hoken.staff1'),
        newAuthorityProfile: '照会・更新',
        reason: '担当業務の変更（介護保険の資格異動）',
      }),
      filedDaysAgo: 21,
      decisions: [
        { step: 'judge', decision: 'approved', comment: '担当業務の変更に伴う変更として妥当です。', afterDays: 1 },
        { step: 'update', decision: 'performed', comment: '操作権限を変更しました。', afterDays: 2 },
      ],
      stage: 'approved',
    },
    {
      key: 'mnt.demo.request.licences',
      kindKey: 'licence_count_change',
      systemKey: 'mnt.welfare',
      requesterPositionKey: 'mnt.akasaka.kumin.chief',
      content: (r) => ({ section: r.id('mnt.akasaka.kumin'), newCount: 24, reason: '窓口の増設に伴う端末の増加' }),
      filedDaysAgo: 16,
      decisions: [
        {
          step: 'judge',
          decision: 'rejected',
          comment: '窓口の増設は来年度の予定のため、今年度の増加は認められません。来年度に改めて申請してください。',
          afterDays: 2,
        },
      ],
      stage: 'rejected',
    },
  ],
  meetings: [
    {
      key: 'mnt.demo.meeting.monthly-report',
      committeeKey: 'mnt.committee.monthly-report',
      calledByPositionKey: 'mnt.hoken.fukushi.kanri.chief',
      inDays: 7,
      startTime: '15:00',
      endTime: '16:00',
      place: '港区役所 保健福祉課 会議室',
    },
  ],
  incidents: [],
};
