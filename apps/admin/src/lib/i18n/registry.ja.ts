// Registry: the licence use of the systems, on the dashboard (Japanese, the primary language).
export const registryJa = {
  'dashboard.licences.title': 'ライセンスの使用状況',
  'dashboard.licences.none': 'ライセンスが登録されたシステムはありません。',
  'dashboard.licences.summary': '購入 {purchased}・課の保有 {allocated}（{sections}課）・空き {free}',
  'dashboard.licences.alt': '{system}: 購入{purchased}ライセンスのうち{sections}課が{allocated}を保有し、空きは{free}です。保有の多い課: {top}。',
  'dashboard.licences.free': '空き',
  'dashboard.licences.others': 'その他{count}課',
  'dashboard.licences.table': '課別の内訳を表で表示',
  'dashboard.licences.section': '課',
  'dashboard.licences.count': 'ライセンス数',
  'dashboard.licences.total': '購入数',
  'dashboard.licences.over': '課の保有数の合計が購入数を超えています。',
} as const;
