namespace Archive.Api.Documents;

/// <summary>The write model: only what import decisions need.</summary>
public sealed class Document
{
    public string Id { get; set; } = "";
    public int Revisions { get; set; }
    public string? LastEventHash { get; set; }
    public DateTimeOffset CurrentSourceUpdatedAt { get; set; }
    public int CurrentSourceVersion { get; set; }
    /// <summary>Snapshots written before <see cref="KnownKeys"/> listed every revision here in full; the next revision moves them over.</summary>
    public List<KnownRevision> Known { get; set; } = [];

    /// <summary>
    /// Every revision's key as a 12-character digest, revision n at n − 1: what tells a revision the
    /// Archive has from a new one. The snapshot grows by 15 bytes a revision, not by a whole key.
    /// </summary>
    public List<string> KnownKeys { get; set; } = [];

    /// <summary>The key of the revision recorded last: what the next one's changes are measured against.</summary>
    public RevisionKey? LastKey { get; set; }
    public string? DossierNumber { get; set; }
    public bool Withdrawn { get; set; }
    public DateTimeOffset StatusSourceAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>The metadata of the revision recorded last: what the next one's changed fields are measured against (null in snapshots written before it was kept).</summary>
    public Archive.Content.Documents.DocumentMetadata? LastRecordedMetadata { get; set; }

    /// <summary>
    /// The texts that rereads gave revisions (each with the text the revision was imported with), so that
    /// an import read by today's reader is recognised as the revision it is, not taken for a new one.
    /// </summary>
    public List<Reading> Readings { get; set; } = [];

    public void Apply(RevisionImported e)
    {
        Id = e.DocumentNumber;
        Revisions = e.Revision;
        LastEventHash = RevisionChain.Hash(e);
        if (Known.Count > 0)
        {
            (KnownKeys, LastKey) = (Known.Select(k => k.Key.Digest()).ToList(), Known[^1].Key);
            Known.Clear();
        }
        LastKey = RevisionKey.Of(e);
        KnownKeys.Add(LastKey.Digest());
        LastRecordedMetadata = e.Metadata;
        if (Revisions == 1 || RevisionKey.Supersedes(e.SourceUpdatedAt, e.SourceVersion, CurrentSourceUpdatedAt, CurrentSourceVersion))
            (CurrentSourceUpdatedAt, CurrentSourceVersion, DossierNumber) = (e.SourceUpdatedAt, e.SourceVersion, e.Metadata.Dossier?.Number);
    }

    /// <summary>
    /// A copy to decide further on within one transaction: Marten may apply the events appended
    /// to the aggregate it handed out when it saves, so that one must stay as it was fetched.
    /// </summary>
    public Document Copy() => System.Text.Json.JsonSerializer.Deserialize<Document>(System.Text.Json.JsonSerializer.Serialize(this))!;

    /// <summary>Any event of the stream (not named Apply, so that Marten's conventions leave it alone).</summary>
    public void Replay(object e)
    {
        switch (e)
        {
            case RevisionImported r: Apply(r); break;
            case DocumentWithdrawn w: Apply(w); break;
            case DocumentRestored r: Apply(r); break;
            case TextReread t: Apply(t); break;
        }
    }

    public void Apply(TextReread e)
    {
        LastEventHash = RevisionChain.Hash(e);
        var imported = Readings.FirstOrDefault(r => r.Revision == e.Revision)?.ImportedTextHash ?? e.PreviousTextHash;
        Readings.Add(new Reading(e.Revision, e.TextHash, imported));
        if (e.Revision == Revisions && LastKey is { } last) LastKey = last with { ContentHash = e.TextHash };
    }

    /// <summary>The number of the revision with this key, or null when the Archive has none.</summary>
    public int? RevisionWith(RevisionKey key)
    {
        if (Known.FirstOrDefault(k => k.Key == key) is { } known) return known.Revision;
        var at = KnownKeys.IndexOf(key.Digest());
        if (at >= 0) return at + 1;
        foreach (var reading in Readings.Where(r => r.TextHash == key.ContentHash && r.Revision <= KnownKeys.Count))
            if (KnownKeys[reading.Revision - 1] == (key with { ContentHash = reading.ImportedTextHash }).Digest()) return reading.Revision;
        return null;
    }

    /// <summary>The key of the revision recorded last, in a snapshot of either form.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public RevisionKey? LastRecordedKey => LastKey ?? (Known.Count > 0 ? Known[^1].Key : null);

    public void Apply(DocumentWithdrawn e) => Status(e, withdrawn: true, e.SourceUpdatedAt);

    public void Apply(DocumentRestored e) => Status(e, withdrawn: false, e.SourceUpdatedAt);

    /// <summary>Whether it is withdrawn now follows the status change with the latest source time, as the current revision does.</summary>
    void Status(object e, bool withdrawn, DateTimeOffset at)
    {
        LastEventHash = RevisionChain.Hash(e);
        if (at >= StatusSourceAt) (Withdrawn, StatusSourceAt) = (withdrawn, at);
    }
}

/// <summary>What identifies a revision (DESIGN decision 2): source version, source time, and both hashes.</summary>
public sealed record RevisionKey(int SourceVersion, DateTimeOffset SourceUpdatedAt, string MetadataHash, string ContentHash)
{
    public static RevisionKey Of(RevisionImported e) => new(e.SourceVersion, e.SourceUpdatedAt, e.MetadataHash, e.ContentHash);

    /// <summary>
    /// The current revision is the one with the latest source time; the source version breaks a tie,
    /// and on a tie of both the later arrival wins.
    /// </summary>
    public static bool Supersedes(DateTimeOffset at, int version, DateTimeOffset currentAt, int currentVersion) =>
        at > currentAt || (at == currentAt && version >= currentVersion);

    /// <summary>72 bits of the key's SHA-256, base64url: enough to tell the revisions of one document apart.</summary>
    public string Digest() =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{SourceVersion}|{SourceUpdatedAt.UtcTicks}|{MetadataHash}|{ContentHash}")), 0, 9).Replace('+', '-').Replace('/', '_');
}

public sealed record KnownRevision(int Revision, RevisionKey Key);

/// <summary>A text a reread gave a revision, and the text that revision was imported with (its key's).</summary>
public sealed record Reading(int Revision, string TextHash, string ImportedTextHash);
