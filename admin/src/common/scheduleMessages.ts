/** A cron expression in words (scheduleInWords.ts), merged into the messages as `app.schedule`. */
export const scheduleEnglish = {
  daily: 'every day at %{time}',
  weekly: 'every %{days} at %{time}',
  hourly: 'every hour at minute %{minute}',
  minutes: 'every minute |||| every %{smart_count} minutes',
  cron: 'on the schedule “%{cron}”',
};

export const scheduleItalian: typeof scheduleEnglish = {
  daily: 'ogni giorno alle %{time}',
  weekly: 'ogni %{days} alle %{time}',
  hourly: 'ogni ora al minuto %{minute}',
  minutes: 'ogni minuto |||| ogni %{smart_count} minuti',
  cron: 'secondo la pianificazione «%{cron}»',
};
