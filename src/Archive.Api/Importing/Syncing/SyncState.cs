using Archive.Content.OpenData;

namespace Archive.Api.Importing.Syncing;

/// <summary>Where the sync of one category resumes: written in the same transaction as what that page produced.</summary>
public sealed class SyncCheckpoint
{
    public string Id { get; set; } = "";
    public string Source { get; set; } = "";
    public string Location { get; set; } = "";
    public long Entries { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The newest Atom &lt;updated&gt; of the entries imported so far: how far the category has come in the portal's own time.</summary>
    public DateTimeOffset? LastEntryAt { get; set; }

    /// <summary>Why the category stopped on its last run (a page that could not be fetched or parsed at all); null when it did not.</summary>
    public string? Problem { get; set; }
    public DateTimeOffset? ProblemAt { get; set; }
}

/// <summary>A deleted document the Archive has not seen (yet): remembered by its GUID, so that a backfill of its history ends withdrawn.</summary>
public sealed class RememberedTombstone
{
    public Guid Id { get; set; }
    public DateTimeOffset DeletedAt { get; set; }
    public string DeletedAtRaw { get; set; } = "";
}

/// <summary>
/// The file of a Document entity as the Archive last captured it: what the entity announced for it
/// then, and the text it gave. While the entity announces the same file (version, type, size), a
/// join that needs the text takes it from here instead of downloading the file again.
/// </summary>
public sealed class CapturedFile
{
    public Guid Id { get; set; }
    public FileAnnouncement Announced { get; set; } = null!;
    public string ContentHash { get; set; } = "";
    public string Location { get; set; } = "";
    public string? ServedType { get; set; }
    public long Bytes { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset CapturedAt { get; set; }

    /// <summary>The reader that made the text ("pdf/1"); null on files captured before the Archive said which.</summary>
    public string? Reader { get; set; }
}

/// <summary>What a Document entity says of its file. When it names neither a version nor a size, its bijgewerkt stands in for both.</summary>
public sealed record FileAnnouncement(Guid? Version, string? ContentType, long? ContentLength, DateTimeOffset? EntityUpdatedAt)
{
    public static FileAnnouncement Of(TkDocument d) =>
        new(d.CurrentVersion, d.ContentType, d.ContentLength, d.CurrentVersion is null && d.ContentLength is null ? d.Updated.Instant : null);
}
