using Archive.Content.Documents;

namespace Archive.Api.Documents;

/// <summary>What a revision changed against the revision recorded just before it: the one rule, for the history and for the event.</summary>
public static class RevisionChanges
{
    /// <summary>"versie", "bijgewerkt", then the metadata fields that differ ("title", "dossier" …).</summary>
    public static IReadOnlyList<string> ChangedFields(int previousVersion, DateTimeOffset previousUpdatedAt, DocumentMetadata previousMetadata,
        int version, DateTimeOffset updatedAt, DocumentMetadata metadata)
    {
        var source = new List<string>();
        if (previousVersion != version) source.Add("versie");
        if (previousUpdatedAt != updatedAt) source.Add("bijgewerkt");
        return [.. source, .. previousMetadata.ChangedFields(metadata)];
    }
}
