using Archive.Api.Documents.GettingDetails;
using Archive.Api.Documents.GettingHistory;
using Archive.Content.Text;
using Marten;

namespace Archive.Api.Documents.Verifying;

/// <param name="Version">The stream position of the event concerned, where there is one.</param>
public sealed record VerificationProblem(long? Version, int? Revision, string What);

public sealed record VerificationReport(string Number, bool Intact, int Events, string? HeadHash, IReadOnlyList<VerificationProblem> Problems);

/// <summary>
/// Recomputes a document's hash chain from its events and every text's hash from its text, and
/// compares each event with the hash the read models recorded when it was appended: a changed
/// event, a changed text and a missing event each show up as a named mismatch.
/// </summary>
public static class ChainVerifier
{
    public static async Task<VerificationReport?> VerifyAsync(IQuerySession session, string number, CancellationToken ct)
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
        problems.AddRange(await CheckTexts(session, events.Select(e => e.Data).OfType<RevisionImported>().ToList(), ct));
        return new VerificationReport(number, problems.Count == 0, events.Count, previous, problems);
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

    static async Task<IEnumerable<VerificationProblem>> CheckTexts(IQuerySession session, List<RevisionImported> revisions, CancellationToken ct)
    {
        var hashes = revisions.Select(r => r.ContentHash).Distinct().ToArray();
        var texts = await DocumentText.LoadManyAsync(session, hashes, ct);
        var problems = new List<VerificationProblem>();
        foreach (var group in revisions.GroupBy(r => r.ContentHash))
        {
            var which = string.Join(", ", group.Select(r => r.Revision));
            if (!texts.TryGetValue(group.Key, out var text))
                problems.Add(new VerificationProblem(null, group.First().Revision, $"the text {group.Key} of revision {which} is missing"));
            else if (NormalisedText.Sha256(text) is var actual && actual != group.Key)
                problems.Add(new VerificationProblem(null, group.First().Revision,
                    $"the text of revision {which} has been changed: it should hash to {group.Key}, it now hashes to {actual}"));
        }
        return problems;
    }
}
