using Archive.Api.Documents.GettingHistory;
using Archive.Content.Diffing;
using Archive.Content.Structure;
using Marten;

namespace Archive.Api.Documents.ComparingVersions;

/// <summary>Two revisions of a document side by side: their metadata, their texts and the diff between them.</summary>
public sealed record DocumentComparison(string Number, RevisionEntry From, RevisionEntry To, RevisionFacts FromFacts, RevisionFacts ToFacts, TextDiff Diff)
{
    /// <summary>Bumped when the diff's output changes, so that cached diffs are not served for the new engine.</summary>
    public const string EngineVersion = "diff/1";

    public IReadOnlyList<FieldChange> MetadataChanges => Content.Diffing.MetadataChanges.Between(FromFacts, ToFacts);

    public IReadOnlyList<StructuralChange> StructuralChanges => _structuralChanges ??= StructuralSummary.Of(Diff);
    IReadOnlyList<StructuralChange>? _structuralChanges;

    public string UnifiedPatch(int context) =>
        Content.Diffing.UnifiedPatch.Write(Diff, $"a/{Number}@{From.Revision}", $"b/{Number}@{To.Revision}", context);


    public static async Task<DocumentComparison> LoadAsync(IQuerySession session, string number, RevisionEntry from, RevisionEntry to,
        DiffOptions options, CancellationToken ct)
    {
        var texts = await DocumentText.LoadManyAsync(session, [from.ContentHash, to.ContentHash], ct);
        var records = await session.LoadManyAsync<TimeTravel.RevisionRecord>(ct, TimeTravel.RevisionRecord.IdOf(number, from.Revision), TimeTravel.RevisionRecord.IdOf(number, to.Revision));
        string Text(string hash) => texts.GetValueOrDefault(hash, "");
        RevisionFacts Facts(RevisionEntry r) => new(r.SourceVersion, r.SourceUpdatedRaw, records.First(x => x.Revision == r.Revision).Metadata);
        return new DocumentComparison(number, from, to, Facts(from), Facts(to), TextDiffer.Compare(Text(from.ContentHash), Text(to.ContentHash), options));
    }
}
