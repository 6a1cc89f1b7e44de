using Archive.Api.Documents.TimeTravel;
using Archive.Api.Originals;
using Archive.Content.OpenData;
using Archive.Content.OpenTk;
using Archive.Content.Text;
using Marten;

namespace Archive.Api.Documents.Rereading;

/// <summary>A reading of a revision's original: the text and the reader (with its version) that made it, or why there is none.</summary>
public sealed record ReadingResult(string? Text, string? Reader, string? Problem = null);

/// <summary>What a reread did, by revision.</summary>
public sealed record RereadTally(int Revisions, int Reread, int Unchanged, int WithoutOriginal, int OtherReader, int Failed);

/// <param name="Readers">Only revisions that these readers read ("pdf", "docx" …); all when empty.</param>
/// <param name="Documents">Only these documents; all when empty.</param>
public sealed record RereadScope(IReadOnlySet<string> Readers, IReadOnlySet<string> Documents);

/// <summary>
/// Reads the kept originals again (DESIGN decision 14) and, where a revision's text comes out other
/// than the reading it has, appends a <see cref="TextReread"/> to its document: a document at a time,
/// each in its own transaction, so a run that is killed loses at most the document it was at, and a
/// run started again finds the readings already made and goes on. No event is rewritten.
/// </summary>
public static class Rereader
{
    const int DocumentsPerBatch = 200;

    /// <summary>Today's readers: an OpenTK page by the page parser, a file by the reader of its type.</summary>
    public static ReadingResult Current(RevisionRecord revision, byte[] original)
    {
        try
        {
            if (revision.Provenance.SourceKind == "opentk-page")
                return Utf8Text.TryDecode(original, out var page, out var error) && OpenTkPageParser.Parse(page) is { Value: { } parsed }
                    ? new ReadingResult(parsed.Body, OpenTkPageParser.ReaderId)
                    : new ReadingResult(null, OpenTkPageParser.ReaderId, error ?? "the page no longer parses");
            if (DocumentFileText.ReaderFor(original, revision.Provenance.ContentType) is not { } reader) return new ReadingResult(null, null, "no reader reads it");
            var read = reader.Read(original);
            return new ReadingResult(read.Value, reader.Id, read.Error);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ReadingResult(null, null, $"the reader failed ({e.GetType().Name}: {e.Message})");
        }
    }

    public static async Task<RereadTally> RunAsync(IDocumentStore store, OriginalStores originals, Func<RevisionRecord, byte[], ReadingResult> read,
        RereadScope scope, TimeProvider clock, Action<int, int>? progress, CancellationToken ct)
    {
        var numbers = await NumbersAsync(store, scope, ct);
        var tally = new RereadTally(0, 0, 0, 0, 0, 0);
        var done = 0;
        foreach (var batch in numbers.Chunk(DocumentsPerBatch))
        {
            IReadOnlyList<RevisionRecord> records;
            Dictionary<string, KeptOriginal> kept;
            await using (var query = store.QuerySession())
            {
                records = await query.Query<RevisionRecord>().Where(r => r.DocumentNumber.IsOneOf(batch)).OrderBy(r => r.DocumentNumber).ThenBy(r => r.Revision).ToListAsync(ct);
                kept = await OriginalFiles.FindManyAsync(query, records.Select(r => r.Provenance.SourceSha256).OfType<string>().Distinct().ToArray(), ct);
            }
            var bytes = new Dictionary<string, byte[]?>();
            foreach (var document in records.GroupBy(r => r.DocumentNumber))
            {
                var readings = new List<(RevisionRecord Record, ReadingResult Reading)>();
                foreach (var record in document)
                {
                    var (reading, outcome) = await ReadAsync(record, kept, bytes, originals, read, scope, ct);
                    tally = Count(tally, outcome);
                    if (reading is not null) readings.Add((record, reading));
                }
                if (readings.Count > 0 && !await AppendAsync(store, document.Key, readings, clock.GetUtcNow(), ct))
                    tally = tally with { Reread = tally.Reread - readings.Count, Failed = tally.Failed + readings.Count };
                progress?.Invoke(++done, numbers.Count);
            }
        }
        return tally;
    }

    enum Outcome { Reread, Unchanged, WithoutOriginal, OtherReader, Failed, NoText }

    static RereadTally Count(RereadTally t, Outcome o) => (o switch
    {
        Outcome.Reread => t with { Reread = t.Reread + 1 },
        Outcome.Unchanged => t with { Unchanged = t.Unchanged + 1 },
        Outcome.WithoutOriginal or Outcome.NoText => t with { WithoutOriginal = t.WithoutOriginal + 1 },
        Outcome.OtherReader => t with { OtherReader = t.OtherReader + 1 },
        _ => t with { Failed = t.Failed + 1 },
    }) with { Revisions = t.Revisions + 1 };

    /// <summary>The revision's new reading, where it differs from the one it has.</summary>
    static async Task<(ReadingResult?, Outcome)> ReadAsync(RevisionRecord record, Dictionary<string, KeptOriginal> kept, Dictionary<string, byte[]?> bytes,
        OriginalStores originals, Func<RevisionRecord, byte[], ReadingResult> read, RereadScope scope, CancellationToken ct)
    {
        // A revision whose file could not be read has no reading to replace: the bytes kept may not even be that version's file.
        if (record.TextNotCaptured is not null) return (null, Outcome.NoText);
        if (record.Provenance.SourceSha256 is not { } sha || !kept.TryGetValue(sha, out var original)) return (null, Outcome.WithoutOriginal);
        if (!bytes.TryGetValue(sha, out var file)) bytes[sha] = file = await OriginalFiles.ReadIntactAsync(originals, original, ct);
        if (file is null) return (null, Outcome.Failed);
        var reading = read(record, file);
        if (scope.Readers.Count > 0 && !scope.Readers.Contains(reading.Reader?.Split('/')[0] ?? "")) return (null, Outcome.OtherReader);
        if (reading.Text is null || reading.Reader is null) return (null, Outcome.Failed);
        return NormalisedText.Sha256(reading.Text) == record.ContentHash ? (null, Outcome.Unchanged) : (reading, Outcome.Reread);
    }

    /// <summary>The document's new readings in one transaction, each linked into its chain; false when another writer got there first (a later run does it).</summary>
    static async Task<bool> AppendAsync(IDocumentStore store, string number, List<(RevisionRecord Record, ReadingResult Reading)> readings, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Document>(number, ct);
        var state = stream.Aggregate?.Copy() ?? new Document();
        foreach (var (record, reading) in readings)
        {
            var hash = NormalisedText.Sha256(reading.Text!);
            var reread = new TextReread(number, record.Revision, reading.Reader!, hash, record.Reader, record.ContentHash, state.LastEventHash,
                record.SourceUpdatedAt, now);
            stream.AppendOne(reread);
            state.Apply(reread);
            if (!await DocumentText.IsKeptAsync(session, hash, ct)) DocumentText.Store(session, hash, reading.Text!);
        }
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (JasperFx.ConcurrencyException)
        {
            return false;
        }
    }

    static async Task<IReadOnlyList<string>> NumbersAsync(IDocumentStore store, RereadScope scope, CancellationToken ct)
    {
        if (scope.Documents.Count > 0) return scope.Documents.Order(StringComparer.Ordinal).ToList();
        await using var query = store.QuerySession();
        return await query.Query<GettingDetails.DocumentDetails>().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
    }
}
