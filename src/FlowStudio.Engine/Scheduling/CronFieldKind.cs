namespace FlowStudio.Engine.Scheduling;

/// <summary>The five fields of a cron expression, in order.</summary>
internal enum CronFieldKind
{
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
}
