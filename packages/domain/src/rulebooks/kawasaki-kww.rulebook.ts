// 川崎市 福祉総合情報システム運用管理要綱 (24川健企第297号, 平成25年1月1日), as in force from 令和4年4月1日.
// The table (別表: business → information asset → information owners) is demo data and not part of this file;
// neither are the supplementary provisions (附則).
import type { RulebookSource } from './rulebook-source.ts';

export const kwwRulebook = {
  id: 'KWW',
  municipality: 'kawasaki',
  title: '福祉総合情報システム運用管理要綱',
  titleEn: 'Kawasaki City Welfare Information System Management Rules',
  reference: '平成25年1月1日 24川健企第297号',
  effectiveOn: '2022-04-01',
  scope: { kind: 'systems', systemKeys: ['kww.welfare'] },
  articles: [
    {
      ruleId: 'KWW-1',
      number: '第1条',
      caption: '趣旨',
      captionEn: 'Purpose',
      paragraphs: [
        { ruleId: 'KWW-1-1', text: 'この要綱は、福祉総合情報システム（以下「本システム」という。）の運用管理について、必要な事項を定めるものとする。' },
      ],
    },
    {
      ruleId: 'KWW-2',
      number: '第2条',
      caption: '用語の定義',
      captionEn: 'Definitions',
      paragraphs: [
        {
          ruleId: 'KWW-2-1',
          text: 'この要綱において、次の各号に掲げる用語の意義は、それぞれ当該各号に定めるところによる。\n(1) 本システム 川崎市において別表に定める事業に関する福祉サービスの実施を支援するシステムをいう。\n(2) 利用課 利用者が所属する課（課を置かない部、課を置かない部に相当する室並びに課に相当する室及びセンターにあっては、当該部、室又はセンター）をいう。\n(3) 利用者 本システム利用の権限を付与された者をいう。\n(4) 情報資産 本システムで取り扱う情報をいう。',
          items: [
            { ruleId: 'KWW-2-1-1', text: '本システム 川崎市において別表に定める事業に関する福祉サービスの実施を支援するシステムをいう。' },
            { ruleId: 'KWW-2-1-2', text: '利用課 利用者が所属する課（課を置かない部、課を置かない部に相当する室並びに課に相当する室及びセンターにあっては、当該部、室又はセンター）をいう。' },
            { ruleId: 'KWW-2-1-3', text: '利用者 本システム利用の権限を付与された者をいう。' },
            { ruleId: 'KWW-2-1-4', text: '情報資産 本システムで取り扱う情報をいう。' },
          ],
        },
      ],
    },
    {
      ruleId: 'KWW-3',
      number: '第3条',
      caption: '福祉総合情報システム総括者',
      captionEn: 'System supervisor',
      paragraphs: [
        { ruleId: 'KWW-3-1', text: '本システムの運用管理を行うため、福祉総合情報システム総括者（以下「システム総括者」という。）を置き、健康福祉局及び共通部分に関する業務は健康福祉局総務部長を、こども未来局に関する業務はこども未来局総務部長をもって充てる。' },
        {
          ruleId: 'KWW-3-2',
          text: 'システム総括者は、次の業務を指揮監督する。\n(1) 本システムの運用管理に関すること。\n(2) 本システムの保守に関すること。\n(3) 本システムのセキュリティに関すること。\n(4) 本システムの障害発生時における対応に関すること。',
          items: [
            { ruleId: 'KWW-3-2-1', text: '本システムの運用管理に関すること。' },
            { ruleId: 'KWW-3-2-2', text: '本システムの保守に関すること。' },
            { ruleId: 'KWW-3-2-3', text: '本システムのセキュリティに関すること。' },
            { ruleId: 'KWW-3-2-4', text: '本システムの障害発生時における対応に関すること。' },
          ],
        },
        { ruleId: 'KWW-3-3', text: 'システム総括者は前項の業務を実施するに当たり、福祉総合情報システム情報管理責任者（以下「情報管理責任者」という。）及び福祉総合情報システム利用責任者（以下「利用責任者」という。）を指揮監督する。' },
      ],
    },
    {
      ruleId: 'KWW-4',
      number: '第4条',
      caption: '福祉総合情報システム管理者',
      captionEn: 'System administrator',
      paragraphs: [
        { ruleId: 'KWW-4-1', text: '福祉総合情報システム管理者（以下「システム管理者」という。）は、システム総括者を代理するほか、前条第2項各号に定める業務を行う。' },
        { ruleId: 'KWW-4-2', text: 'システム管理者は、健康福祉局総務部保健福祉システム課長をもって充てる。' },
        { ruleId: 'KWW-4-3', text: 'システム管理者は、その業務の実施を補佐するため、健康福祉局総務部保健福祉システム課及びこども未来局総務部企画課職員から福祉総合情報システム運用担当者（以下「システム運用担当者」という。）を選任することができる。' },
      ],
    },
    {
      ruleId: 'KWW-5',
      number: '第5条',
      caption: '情報管理責任者',
      captionEn: 'Information owners',
      paragraphs: [
        { ruleId: 'KWW-5-1', text: '情報資産の管理に関する責任者として、別表に定める情報管理責任者を設置する。' },
        { ruleId: 'KWW-5-2', text: '情報管理責任者は、情報資産に関する情報セキュリティの維持及び利用者の情報利用の可否判断を行う。' },
        { ruleId: 'KWW-5-3', text: '情報管理責任者は、前項の業務を実施するに当たっては、第10条第1項の規定によるほか、システム総括者が定める事項に従うこととする。' },
        { ruleId: 'KWW-5-4', text: '情報管理責任者は、その業務の実施を補佐するため、自らが所属する利用課のうち、福祉総合情報システム情報管理担当者（以下「情報管理担当者」という。）を選任することができる。' },
      ],
    },
    {
      ruleId: 'KWW-6',
      number: '第6条',
      caption: 'システム改修',
      captionEn: 'System modification',
      paragraphs: [
        {
          ruleId: 'KWW-6-1',
          text: '本システムの改修は、次の各号に定めるところにより決定を行う。\n(1) 情報管理責任者は、システム総括者の同意を得て、自らが管理する情報資産を取り扱う本システムの改修内容の決定を行う。\n(2) 本システムの共通部分に関するシステム改修内容の決定は、関係する情報管理責任者との調整を行ったうえで、システム総括者が行う。\n(3) システム総括者は、前各号に基づき決定した内容を総合的に勘案し、本システムの改修の決定を行う。',
          items: [
            { ruleId: 'KWW-6-1-1', text: '情報管理責任者は、システム総括者の同意を得て、自らが管理する情報資産を取り扱う本システムの改修内容の決定を行う。' },
            { ruleId: 'KWW-6-1-2', text: '本システムの共通部分に関するシステム改修内容の決定は、関係する情報管理責任者との調整を行ったうえで、システム総括者が行う。' },
            { ruleId: 'KWW-6-1-3', text: 'システム総括者は、前各号に基づき決定した内容を総合的に勘案し、本システムの改修の決定を行う。' },
          ],
        },
        { ruleId: 'KWW-6-2', text: '情報管理責任者は、前項第1号の決定を行うに当たっては、別表に規定する自らが取り扱う情報資産を除く情報資産を取り扱う本システムに改修を行う必要が生じた場合は、当該情報資産を取り扱う情報管理責任者にあらかじめ承認を得るものとする。' },
        { ruleId: 'KWW-6-3', text: 'システム総括者及び情報管理責任者は、第1項第3号に基づき本システムの改修を行う場合は、情報システムの導入等に係る事務手続要綱（平成19年3月30日18川総シ企第1351号。以下「システム導入等事務手続要綱」という。）及びシステム総括者が別途定める事項に基づき、行わなければならない。' },
      ],
    },
    {
      ruleId: 'KWW-7',
      number: '第7条',
      caption: 'システムの廃止',
      captionEn: 'System retirement',
      paragraphs: [
        {
          ruleId: 'KWW-7-1',
          text: '別表に規定する情報資産を本システムで利用する必要がなくなったときは、本システムの廃止に向け、次の各号に定めるところにより決定等を行う。\n(1) 情報管理責任者は、システム総括者の同意を得て、自らが管理する情報資産を取り扱う本システムの利用停止に関する決定及びそれに向けた必要な措置を講じなければならない。この場合において、情報管理責任者は、事前にシステム総括者に通知しなければならない。\n(2) システム総括者は、前号に基づく通知の内容を総合的に勘案し、本システムの利用停止に関する必要な措置を講ずるものとする。',
          items: [
            { ruleId: 'KWW-7-1-1', text: '情報管理責任者は、システム総括者の同意を得て、自らが管理する情報資産を取り扱う本システムの利用停止に関する決定及びそれに向けた必要な措置を講じなければならない。この場合において、情報管理責任者は、事前にシステム総括者に通知しなければならない。' },
            { ruleId: 'KWW-7-1-2', text: 'システム総括者は、前号に基づく通知の内容を総合的に勘案し、本システムの利用停止に関する必要な措置を講ずるものとする。' },
          ],
        },
        { ruleId: 'KWW-7-2', text: '情報管理責任者は、前項第1号の決定等を行うに当たっては、別表に規定する自らが取り扱う情報資産を除く情報資産を取り扱う本システムに影響が生じる場合は、当該情報資産を取り扱う情報管理責任者にあらかじめ承認を得るものとする。' },
        { ruleId: 'KWW-7-3', text: 'システム総括者及び情報管理責任者は、第1項各号に基づき必要な措置を講ずる場合は、システム導入等事務手続要綱及びシステム総括者が別に定める事項に従うこととする。' },
      ],
    },
    {
      ruleId: 'KWW-8',
      number: '第8条',
      caption: '利用責任者',
      captionEn: 'Usage managers',
      paragraphs: [
        { ruleId: 'KWW-8-1', text: '本システムの利用課には、本システムの利用に関する責任者として利用責任者を置く。' },
        { ruleId: 'KWW-8-2', text: '利用責任者は、原則として利用課の長をもって充てる。' },
        { ruleId: 'KWW-8-3', text: '利用責任者は、自らが所属する利用課のうち、本システムの利用者を指揮監督する。' },
      ],
    },
    {
      ruleId: 'KWW-9',
      number: '第9条',
      caption: '障害発生時の体制について',
      captionEn: 'Structure for incident response',
      paragraphs: [
        { ruleId: 'KWW-9-1', text: '情報管理責任者は、システム総括者が第3条第2項第4号に関する業務を実施するにあたり、即時に必要な情報が収集できるよう緊急連絡体制を整備しなければならない。' },
        { ruleId: 'KWW-9-2', text: '前項の規定による緊急連絡体制は、必要な情報の提供及び判断が行える職員を網羅するものでなければならない。' },
      ],
    },
    {
      ruleId: 'KWW-10',
      number: '第10条',
      caption: 'セキュリティ管理',
      captionEn: 'Security management',
      paragraphs: [
        { ruleId: 'KWW-10-1', text: '情報管理責任者及び利用責任者は情報資産の取り扱いに関し、川崎市情報セキュリティ基本方針に関する規程（平成19年川崎市訓令第1号）、川崎市情報セキュリティ基準及び情報セキュリティ対策マニュアルに基づき適正に管理しなければならない。' },
        { ruleId: 'KWW-10-2', text: 'システム総括者は、システムの利用に当たって情報セキュリティ上問題があると判断したときは、情報管理責任者及び利用責任者に対しその改善を求めることができる。' },
      ],
    },
    {
      ruleId: 'KWW-11',
      number: '第11条',
      caption: '福祉総合情報システム運用保守の実施支援',
      captionEn: 'Support for operation and maintenance',
      paragraphs: [
        {
          ruleId: 'KWW-11-1',
          text: '総務企画局情報管理部システム管理課長は、本システムに関する次の業務を支援する。\n(1) 本システムのサーバの監視及びバックアップ運用に関すること。\n(2) 本システムの保守実施に関すること。\n(3) 本システムの障害対応調整及び実施に関すること。\n(4) 本システムのバッチ処理の実行管理（オペレーション）に関すること。',
          items: [
            { ruleId: 'KWW-11-1-1', text: '本システムのサーバの監視及びバックアップ運用に関すること。' },
            { ruleId: 'KWW-11-1-2', text: '本システムの保守実施に関すること。' },
            { ruleId: 'KWW-11-1-3', text: '本システムの障害対応調整及び実施に関すること。' },
            { ruleId: 'KWW-11-1-4', text: '本システムのバッチ処理の実行管理（オペレーション）に関すること。' },
          ],
        },
      ],
    },
    {
      ruleId: 'KWW-12',
      number: '第12条',
      caption: '運用管理会議',
      captionEn: 'Operations management meeting',
      paragraphs: [
        { ruleId: 'KWW-12-1', text: 'システム総括者は運用管理上調整及び報告案件等が生じたときは、必要に応じて情報管理責任者を招集し福祉総合情報システム運用管理会議を開催する。' },
        { ruleId: 'KWW-12-2', text: '緊急を要する場合等は、持回りによって会議開催に代えることができる。' },
        { ruleId: 'KWW-12-3', text: '福祉総合情報システム運用管理会議に、これを補佐するため福祉総合情報システム運用管理担当者会議（以下、「運用管理担当者会議」という。）を置く。' },
        { ruleId: 'KWW-12-4', text: '前項の運用管理担当者会議は、情報管理担当者、システム運用担当者その他システム管理者が必要と認める者によって構成し、必要に応じてシステム管理者が招集する。' },
      ],
    },
    {
      ruleId: 'KWW-13',
      number: '第13条',
      caption: 'その他必要な事項',
      captionEn: 'Other necessary matters',
      paragraphs: [
        { ruleId: 'KWW-13-1', text: 'この要綱に定めるもののほか、本システムの運用管理について必要な事項はシステム総括者が別に定める。' },
      ],
    },
  ],
  roles: [
    {
      key: 'system_supervisor',
      name: 'システム総括者',
      nameEn: 'system supervisor',
      ruleIds: ['KWW-3-1', 'KWW-3-2', 'KWW-3-3', 'KWW-6-1-2', 'KWW-6-1-3'],
      description: '本システムの運用管理、保守、セキュリティ及び障害対応を指揮監督し、情報管理責任者及び利用責任者を指揮監督する。',
      holders: [{ position: '健康福祉局総務部長', scope: '健康福祉局及び共通部分に関する業務' }, { position: 'こども未来局総務部長', scope: 'こども未来局に関する業務' }],
    },
    {
      key: 'system_administrator',
      name: 'システム管理者',
      nameEn: 'system administrator',
      ruleIds: ['KWW-4-1', 'KWW-4-2', 'KWW-4-3', 'KWW-12-4'],
      description: '健康福祉局総務部保健福祉システム課長をもって充て、システム総括者を代理するほか、第3条第2項各号の業務を行う。',
      holders: [{ position: '健康福祉局総務部保健福祉システム課長' }],
      deputyFor: 'system_supervisor',
    },
    {
      key: 'system_operator',
      name: 'システム運用担当者',
      nameEn: 'system operator',
      ruleIds: ['KWW-4-3', 'KWW-12-4'],
      description: '健康福祉局総務部保健福祉システム課及びこども未来局総務部企画課の職員からシステム管理者が選任し、その業務を補佐する。',
    },
    {
      key: 'information_owner',
      name: '情報管理責任者',
      nameEn: 'information owner',
      ruleIds: ['KWW-5-1', 'KWW-5-2', 'KWW-5-3', 'KWW-6-1-1', 'KWW-6-2', 'KWW-7-1-1'],
      description: '別表に定める情報資産の管理に関する責任者で、情報セキュリティの維持及び利用者の情報利用の可否判断を行い、自らの情報資産に係る改修を決定する。',
    },
    {
      key: 'information_owner_assistant',
      name: '情報管理担当者',
      nameEn: 'information owner assistant',
      ruleIds: ['KWW-5-4', 'KWW-12-4'],
      description: '情報管理責任者が自らの所属する利用課から選任し、その業務を補佐する。',
    },
    {
      key: 'usage_manager',
      name: '利用責任者',
      nameEn: 'usage manager',
      ruleIds: ['KWW-8-1', 'KWW-8-2', 'KWW-8-3', 'KWW-10-1'],
      description: '原則として利用課の長をもって充て、自らが所属する利用課の利用者を指揮監督する。',
    },
    {
      key: 'operations_support_chief',
      name: '総務企画局情報管理部システム管理課長',
      nameEn: 'operations support section chief',
      ruleIds: ['KWW-11-1'],
      description: 'サーバの監視及びバックアップ運用、保守実施、障害対応調整、バッチ処理の実行管理を支援する。',
      holders: [{ position: '総務企画局情報管理部システム管理課長' }],
    },
    {
      key: 'user',
      name: '利用者',
      nameEn: 'user',
      ruleIds: ['KWW-2-1-3', 'KWW-8-3'],
      description: '本システム利用の権限を付与された者。',
    },
  ],
} as const satisfies RulebookSource<'KWW'>;
