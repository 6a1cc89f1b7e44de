using Archive.Api.Documents.GettingDetails;
using Archive.Api.Documents.GettingHistory;
using Archive.Api.Originals;
using Archive.Content.Text;
using Marten;

namespace Archive.Api.Documents.Verifying;

/// <param name="Version">The stream position of the event concerned, where there is one.</param>
public sealed record VerificationProblem(long? Version, int? Revision, string What);

public sealed record VerificationReport(string Number, bool Intact, int Events, string? HeadHash, IReadOnlyList<VerificationProblem> Problems)
{
    /// <summary>How many revisions' originals were read through and found to have the SHA-256 their event names.</summary>
    public int OriginalsChecked { get; init; }

    /// <summary>The revisions that have no original, and why: not a failure (none was captured, or it was captured before originals were kept).</summary>
    public IReadOnlyList<RevisionWithoutOriginal> WithoutOriginal { get; init; } = [];
}

public sealed record RevisionWithoutOriginal(int Revision, string Why);

/// <summary>
/// Recomputes a document's hash chain from its events and every text's hash from its text, and
/// compares each event with the hash the read models recorded when it was appended: a changed
/// event, a changed text and a missing event each show up as a named mismatch.
/// </summary>
public static class ChainVerifier
{
    public static async Task<VerificationReport?> VerifyAsync(IQuerySession session, OriginalStores originals, string number, CancellationToken ct)
    {
        var details = await session.LoadAsync<DocumentDetails>(number, ct);
        var history = await DocumentHistory.LoadAsync(session, number, ct);
        var problems = new List<VerificationProblem>();
        IReadOnlyList<JasperFx.Events.IEvent> events;
        try
        {
            events = await session.Events.FetchStreamAsync(number, token: ct);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            return new VerificationReport(number, false, 0, null, [new VerificationProblem(null, null, $"the events cannot be read any more: {e.Message}")]);
        }
        if (events.Count == 0 && details is null) return null;

        var (expectedVersion, revisions, previous) = (1L, 0, (string?)null);
        foreach (var e in events)
        {
            if (e.Version != expectedVersion)
                problems.Add(new VerificationProblem(expectedVersion, null, $"events {expectedVersion} to {e.Version - 1} are missing from the stream"));
            expectedVersion = e.Version + 1;
            var hash = RevisionChain.Hash(e.Data);
            if (RevisionChain.PreviousHash(e.Data) != previous)
                problems.Add(new VerificationProblem(e.Version, null,
                    $"event {e.Version} links to {RevisionChain.PreviousHash(e.Data) ?? "nothing"}, but the event before it hashes to {previous ?? "nothing"}"));
            if (e.Data is RevisionImported r)
                problems.AddRange(CheckRevision(e.Version, r, hash, ++revisions, history));
            previous = hash;
        }
        if (history is not null && history.Revisions.Count > revisions)
            problems.Add(new VerificationProblem(null, null, $"the history recorded {history.Revisions.Count} revisions, but the stream holds {revisions}"));
        if (details is not null && details.LastEventHash != previous)
            problems.Add(new VerificationProblem(events.LastOrDefault()?.Version, null,
                $"the head of the chain recorded when the last event was appended is {details.LastEventHash}, but the events now end in {previous ?? "nothing"}"));
        var imported = events.Select(e => e.Data).OfType<RevisionImported>().ToList();
        problems.AddRange(await CheckTexts(session, imported.Select(r => (r.ContentHash, r.Revision))
            .Concat(events.Select(e => e.Data).OfType<TextReread>().Select(t => (t.TextHash, t.Revision))).ToList(), ct));
        var (intact, without) = await CheckOriginals(session, originals, imported, problems, ct);
        return new VerificationReport(number, problems.Count == 0, events.Count, previous, problems) { OriginalsChecked = intact, WithoutOriginal = without };
    }

    static IEnumerable<VerificationProblem> CheckRevision(long version, RevisionImported r, string hash, int expectedRevision, DocumentHistory? history)
    {
        if (r.Revision != expectedRevision)
            yield return new VerificationProblem(version, r.Revision, $"event {version} is revision {r.Revision}, but it is revision {expectedRevision} in the stream");
        var recorded = history?.Revisions.FirstOrDefault(x => x.Revision == r.Revision)?.EventHash;
        if (recorded is not null && recorded != hash)
            yield return new VerificationProblem(version, r.Revision,
                $"event {version} (revision {r.Revision}) has been changed since it was recorded: it hashed to {recorded}, it now hashes to {hash}");
    }

    /// <summary>Each kept original read through against the SHA-256 its revision names; a revision without one is listed, not failed.</summary>
    static async Task<(int Intact, List<RevisionWithoutOriginal> Without)> CheckOriginals(IQuerySession session, OriginalStores originals,
        List<RevisionImported> revisions, List<VerificationProblem> problems, CancellationToken ct)
    {
        var kept = await OriginalFiles.FindManyAsync(session, revisions.Select(r => r.Provenance.SourceSha256).OfType<string>().Distinct().ToArray(), ct);
        var (intact, without, checkedHashes) = (0, new List<RevisionWithoutOriginal>(), new Dictionary<string, bool>());
        foreach (var r in revisions)
        {
            if (r.Provenance.SourceSha256 is not { } sha || !kept.TryGetValue(sha, out var original))
            {
                without.Add(new RevisionWithoutOriginal(r.Revision, RevisionOriginal.WhyMissing(r.Provenance, r.TextNotCaptured, r.RecordedAt)));
                continue;
            }
            if (!checkedHashes.TryGetValue(sha, out var good)) checkedHashes[sha] = good = await OriginalFiles.IntactAsync(originals, original, ct);
            if (good) intact++;
            else problems.Add(new VerificationProblem(null, r.Revision, $"the original of revision {r.Revision} has been changed: its bytes no longer hash to {sha}, the SHA-256 its event names"));
        }
        return (intact, without);
    }

    /// <summary>Every text an event names (each revision's first reading and every reading after it) against its hash.</summary>
    static async Task<IEnumerable<VerificationProblem>> CheckTexts(IQuerySession session, List<(string Hash, int Revision)> readings, CancellationToken ct)
    {
        var hashes = readings.Select(r => r.Hash).Distinct().ToArray();
        var texts = await DocumentText.LoadManyAsync(session, hashes, ct);
        var problems = new List<VerificationProblem>();
        foreach (var group in readings.GroupBy(r => r.Hash))
        {
            var which = string.Join(", ", group.Select(r => r.Revision).Distinct());
            if (!texts.TryGetValue(group.Key, out var text))
                problems.Add(new VerificationProblem(null, group.First().Revision, $"the text {group.Key} of revision {which} is missing"));
            else if (NormalisedText.Sha256(text) is var actual && actual != group.Key)
                problems.Add(new VerificationProblem(null, group.First().Revision,
                    $"the text of revision {which} has been changed: it should hash to {group.Key}, it now hashes to {actual}"));
        }
        return problems;
    }
}
