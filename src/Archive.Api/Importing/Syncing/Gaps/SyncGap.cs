namespace Archive.Api.Importing.Syncing.Gaps;

/// <summary>Why something of the source could not be captured. Kebab-case in JSON and on the command line.</summary>
public static class GapReasons
{
    public const string FileMissing = "file-missing";
    public const string SizeMismatch = "size-mismatch";
    public const string TypeMismatch = "type-mismatch";
    public const string TooLarge = "too-large";
    public const string UnreadableType = "unreadable-type";
    public const string UnreadableFile = "unreadable-file";
    public const string FetchFailed = "fetch-failed";
    public const string NoNumber = "no-number";
    public const string InvalidValue = "invalid-value";
    public const string UnreadableEntry = "unreadable-entry";
    public const string OffHostLink = "off-host-link";

    public static readonly string[] All = [FileMissing, SizeMismatch, TypeMismatch, TooLarge, UnreadableType, UnreadableFile, FetchFailed, NoNumber, InvalidValue, UnreadableEntry, OffHostLink];
}

/// <summary>
/// One entry of the gap ledger: something of the portal the Archive could not capture (the text
/// of a document's file, or an entry it could not read), why, and each attempt. Keyed by what is
/// missing: "{entity id}" for a document's text, "{category}/{entity id or page#entry}" for an
/// entry. Open gaps of texts are retried with back-off by later syncs; a gap closes when a later
/// attempt captures what was missing, or the source announces something that can be captured.
/// </summary>
public sealed class SyncGap
{
    public string Id { get; set; } = "";
    public string Category { get; set; } = "";
    public Guid? EntityId { get; set; }
    public string? DocumentNumber { get; set; }

    /// <summary>"text" (the document was recorded, its text was not), "revision" (no revision could be made) or "entity".</summary>
    public string Missing { get; set; } = "";
    public string Reason { get; set; } = "";
    public string Detail { get; set; } = "";
    public string? Location { get; set; }
    public FileAnnouncement? Announced { get; set; }
    public string? ServedType { get; set; }
    public long? ServedBytes { get; set; }

    public DateTimeOffset FirstAttemptAt { get; set; }
    public DateTimeOffset LastAttemptAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>Recorded time of the closing; the revision that captured the text carries the source time.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public int? ClosedByRevision { get; set; }
    public DateTimeOffset? ClosedSourceAt { get; set; }

    /// <summary>"captured" (a later attempt got it) or "withdrawn" (the source deleted the document: nothing left to capture).</summary>
    public string? ClosedHow { get; set; }
    public bool Open { get; set; } = true;

    public void Close(string how, DateTimeOffset now, int? revision = null, DateTimeOffset? sourceAt = null) =>
        (Open, ClosedHow, ClosedAt, ClosedByRevision, ClosedSourceAt, NextAttemptAt) = (false, how, now, revision, sourceAt, null);

    public static string TextId(Guid entity) => entity.ToString();
}

/// <summary>What went wrong with one file or entry: the reason code and a sentence naming it.</summary>
public sealed record GapProblem(string Reason, string Detail, string? Location = null, string? ServedType = null, long? ServedBytes = null);

/// <summary>When to try a gap again: doubling from the configured first interval, at most a day apart.</summary>
public static class GapBackoff
{
    public static DateTimeOffset Next(int attempts, DateTimeOffset now, TimeSpan first)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, TimeSpan.FromDays(1).Ticks));
        return now + wait;
    }

    /// <summary>Records one more failed attempt on a gap (a new one when <paramref name="gap"/> is null).</summary>
    public static SyncGap Record(SyncGap? gap, string id, string category, GapProblem problem, DateTimeOffset now, TimeSpan first)
    {
        gap ??= new SyncGap { Id = id, Category = category, FirstAttemptAt = now };
        if (!gap.Open) (gap.Open, gap.ClosedHow, gap.ClosedAt, gap.ClosedByRevision, gap.ClosedSourceAt, gap.FirstAttemptAt, gap.Attempts) = (true, null, null, null, null, now, 0);
        gap.Reason = problem.Reason;
        gap.Detail = problem.Detail;
        gap.Location = problem.Location ?? gap.Location;
        (gap.ServedType, gap.ServedBytes) = (problem.ServedType, problem.ServedBytes);
        gap.Attempts++;
        gap.LastAttemptAt = now;
        gap.NextAttemptAt = Next(gap.Attempts, now, first);
        return gap;
    }
}
