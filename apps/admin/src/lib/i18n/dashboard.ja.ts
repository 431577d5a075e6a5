// The dashboard: its frame, the durations it shows and the meetings to come (Japanese, the primary language).
export const dashboardJa = {
  'nav.dashboard': 'ダッシュボード',

  'duration.minutes': '{m}分',
  'duration.hours': '{h}時間{m}分',
  'duration.days': '{d}日{h}時間',

  'dashboard.title': 'ダッシュボード',
  'dashboard.lead': '期限を過ぎた・期限の近い運用事務、発生中の障害、保守による停止、ライセンスの使用状況と今後の会議をまとめて示します。',
  'dashboard.meetings.title': '今後の会議',
  'dashboard.meetings.none': '予定されている会議はありません。',
  'dashboard.meetings.all': '会議一覧',
} as const;
