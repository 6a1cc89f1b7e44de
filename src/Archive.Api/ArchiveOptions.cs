namespace Archive.Api;

/// <summary>The "Archive" configuration section.</summary>
public sealed class ArchiveOptions
{
    /// <summary>The key that writes need as <c>Authorization: Bearer …</c>. Generated at start when not set.</summary>
    public string? ApiKey { get; set; }

    public ImportOptions Imports { get; set; } = new();

    public DiffSettings Diff { get; set; } = new();

    public SyncSettings Sync { get; set; } = new();

    public WebhookSettings Webhooks { get; set; } = new();

    public ChangeFeedSettings ChangeFeed { get; set; } = new();

    public SearchSettings Search { get; set; } = new();

    public LogSettings Log { get; set; } = new();

    public MailSettings Mail { get; set; } = new();

    public FollowSettings Follows { get; set; } = new();

    public Originals.OriginalsSettings Originals { get; set; } = new();

    /// <summary>
    /// The Archive's address as its readers reach it (https://archief.example), for the absolute links
    /// it writes (Memento Link headers, the TimeGate's Location, Atom feeds). Unset, links are
    /// root-relative. Never taken from the request's Host header, which anyone can set.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The public base without its final slash, or "" for root-relative links.</summary>
    public string PublicBase => string.IsNullOrWhiteSpace(PublicBaseUrl) ? "" : PublicBaseUrl.Trim().TrimEnd('/');

    /// <summary>Why the configured public base URL cannot be used, or null.</summary>
    public string? PublicBaseUrlProblem() =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? null
        : !Uri.TryCreate(PublicBaseUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            ? $"Archive:PublicBaseUrl '{PublicBaseUrl}' is not an absolute http(s) URL without user, query or fragment (such as https://archief.example)"
            : null;

    /// <summary>Where the private PostgreSQL keeps its data when no connection string is given.</summary>
    public string PrivatePostgresDirectory { get; set; } = ".archive/pg";
}

public sealed class ImportOptions
{
    public long MaxBodyBytes { get; set; } = 20 * 1024 * 1024;
}

public sealed class DiffSettings
{
    /// <summary>How long one diff may take before it answers coarser (DESIGN: never unbounded).</summary>
    public int BudgetMilliseconds { get; set; } = 2000;
}

public sealed class SyncSettings
{
    /// <summary>The Open Data Portal's SyncFeed.</summary>
    public string BaseUrl { get; set; } = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0";

    /// <summary>Minutes between scheduled syncs inside the app; 0 (the default) schedules none.</summary>
    public int IntervalMinutes { get; set; }

    /// <summary>Seconds after start before the first scheduled sync.</summary>
    public double FirstRunSeconds { get; set; } = 10;

    /// <summary>A document file larger than this is refused.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>A SyncFeed page larger than this is refused (read as a stream, never further than this).</summary>
    public long MaxPageBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Hosts besides the base URL's whose links (next pages, files) the sync follows, such as a mirror
    /// of the portal's files: "host" (on the default port of http or https) or "host:port", as an
    /// array or comma-separated. Links to any other host are not followed.
    /// </summary>
    public HostList AllowedHosts { get; set; } = [];

    public IReadOnlyList<string> AllowedHostList =>
        AllowedHosts.SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();

    /// <summary>Minutes before a gap (a file that could not be had or read) is tried again; each further attempt waits twice as long, at most a day.</summary>
    public double GapRetryMinutes { get; set; } = 30;
}

/// <summary>Host names, configured as an array or as one comma-separated value (the binder gives a plain array nothing for the latter).</summary>
[System.ComponentModel.TypeConverter(typeof(Converter))]
public sealed class HostList : List<string>
{
    sealed class Converter : System.ComponentModel.TypeConverter
    {
        public override bool CanConvertFrom(System.ComponentModel.ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

        public override object ConvertFrom(System.ComponentModel.ITypeDescriptorContext? context, System.Globalization.CultureInfo? culture, object value) =>
            new HostList { (string)value };
    }
}

public sealed class WebhookSettings
{
    /// <summary>Allow subscriptions to loopback addresses (tests, local use); private and link-local ranges stay refused.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Seconds to wait before each retry after a failed delivery; past the last one the subscription is dead-lettered.
    /// Unset, it follows the Standard Webhooks recommendation (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), with jitter.
    /// (No default value here: the configuration binder would add configured values to it rather than replace it.)</summary>
    public int[]? RetrySeconds { get; set; }

    public int[] RetrySchedule => RetrySeconds is { Length: > 0 } configured ? configured : [5, 300, 1800, 7200, 18000, 36000, 36000];
}

public sealed class ChangeFeedSettings
{
    /// <summary>Server-Sent Event streams open at once on this node; one more is answered 429.</summary>
    public int MaxStreams { get; set; } = 1000;

    /// <summary>Streams open at once from one remote address (behind a proxy that is the proxy's); one more is answered 429.</summary>
    public int MaxStreamsPerClient { get; set; } = 20;

    /// <summary>Seconds of quiet after which a stream sends a heartbeat (a comment naming the log's latest checkpoint).</summary>
    public int HeartbeatSeconds { get; set; } = 15;
}

public sealed class SearchSettings
{
    /// <summary>Matches are counted exactly and ranked up to this many; above it the total is "more than" it and the newest come first.</summary>
    public int CountCap { get; set; } = 1000;

    /// <summary>Matches are ranked only when there are at most this many: ranking reads every match's index entry (about 0.1 ms each); more are shown newest first.</summary>
    public int RankCap { get; set; } = 200;
}

/// <summary>The transparency log (Transparency/): a Merkle tree over every event, and signed checkpoints of it.</summary>
public sealed class LogSettings
{
    /// <summary>Off, no tree is kept and the /log endpoints answer 404 (for measuring what the log costs; an archive keeps it on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The log's name, the first line of every checkpoint and the name of its key (such as archief.example/log).
    /// Used once, when the key is made; unset, it is the public base URL's host and path followed by "/log".
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>
    /// The signer key (PRIVATE+KEY+…) from a secret store. Unset, the key is made on first start and kept
    /// in the database with the data. Never logged.
    /// </summary>
    public string? SignerKey { get; set; }

    /// <summary>At most one checkpoint per this many seconds while events arrive (and one on demand: POST /log/checkpoint).</summary>
    public int CheckpointSeconds { get; set; } = 10;
}

/// <summary>The SMTP server follows' mails go through. Without a host the Archive sends no mail, and a follow cannot be given an address.</summary>
public sealed class MailSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>auto (STARTTLS when the server offers it; TLS on port 465), starttls, tls, or none.</summary>
    public string Security { get; set; } = "auto";
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Archief van Kamerstukken <archief@localhost>";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

public sealed class FollowSettings
{
    /// <summary>
    /// Immediate mails wait for this many seconds of quiet before they go, so that a burst (fifty
    /// documents of one sync) makes one mail; never longer than <see cref="MaxWaitMinutes"/> in all.
    /// </summary>
    public double GroupSeconds { get; set; } = 120;

    public double MaxWaitMinutes { get; set; } = 30;

    /// <summary>When daily digests go, as HH:mm in <see cref="TimeZone"/>.</summary>
    public string DailyAt { get; set; } = "07:00";

    public string TimeZone { get; set; } = "Europe/Amsterdam";
}
