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

    public IReadOnlyList<StructuralChange> StructuralChanges =>
        _structuralChanges ??= Parts is null ? StructuralSummary.Of(Diff) : StructuralSummary.Of(Diff, Parts);
    IReadOnlyList<StructuralChange>? _structuralChanges;

    /// <summary>The part of the document each line of either text is in, when found already.</summary>
    public StructuralSummary.LineParts? Parts { get; init; }

    public string UnifiedPatch(int context) =>
        Content.Diffing.UnifiedPatch.Write(Diff, $"a/{Number}@{From.Revision}", $"b/{Number}@{To.Revision}", context);


    public static async Task<DocumentComparison> LoadAsync(IQuerySession session, string number, RevisionEntry from, RevisionEntry to,
        DiffOptions options, CancellationToken ct)
    {
        // The two texts are read side by side, each on a connection of its own: for large texts,
        // PostgreSQL's decompression and the decoding here are most of the reading.
        var older = DocumentText.LoadAsync(session, from.ContentHash, ct);
        var newer = to.ContentHash == from.ContentHash ? older : DocumentText.LoadAsync(session, to.ContentHash, ct);
        var records = await session.LoadManyAsync<TimeTravel.RevisionRecord>(ct, TimeTravel.RevisionRecord.IdOf(number, from.Revision), TimeTravel.RevisionRecord.IdOf(number, to.Revision));
        RevisionFacts Facts(RevisionEntry r) => new(r.SourceVersion, r.SourceUpdatedRaw, records.First(x => x.Revision == r.Revision).Metadata);
        var (oldLines, newLines) = TextDiffer.Lines(await older ?? "", await newer ?? "");
        // The document's parts are found on another core while the diff aligns the lines, which it does on one.
        var parts = Task.Run(() => StructuralSummary.PartsOf(oldLines, newLines), ct);
        var diff = TextDiffer.Compare(oldLines, newLines, options);
        return new DocumentComparison(number, from, to, Facts(from), Facts(to), diff) { Parts = await parts };
    }
}
