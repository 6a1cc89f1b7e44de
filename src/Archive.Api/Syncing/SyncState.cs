namespace Archive.Api.Syncing;

/// <summary>Where the sync of one category resumes: written in the same transaction as what that page produced.</summary>
public sealed class SyncCheckpoint
{
    public string Id { get; set; } = "";
    public string Source { get; set; } = "";
    public string Location { get; set; } = "";
    public long Entries { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A deleted document the Archive has not seen (yet): remembered by its GUID, so that a backfill of its history ends withdrawn.</summary>
public sealed class RememberedTombstone
{
    public Guid Id { get; set; }
    public DateTimeOffset DeletedAt { get; set; }
    public string DeletedAtRaw { get; set; } = "";
}
