using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Archive.Content.Text;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Archive.Api.Originals;
using Archive.Api.Transparency;
using Archive.Content.Transparency;
using Microsoft.Extensions.Options;

namespace Archive.Api.Documents.Evidence;

/// <summary>
/// GET /api/documents/{nr}/history.zip: every event as the canonical JSON that its hash is taken
/// of, every revision's text and metadata, the chain as a table, and SHA256SUMS, so that the
/// whole history can be checked offline with sha256sum alone.
/// </summary>
public static class EvidenceBundle
{
    static readonly JsonSerializerOptions Readable = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [WolverineGet("/api/documents/{nr}/history.zip", OperationId = "EvidenceBundle")]
    [Tags("Audit"), EndpointSummary("The document's whole history as a zip: events, texts, originals (unless ?originals=false), metadata, hash chain and SHA256SUMS")]
    [ProducesResponseType(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string nr, bool? originals, IQuerySession session, OriginalStores stores, LogStore log, IOptions<ArchiveOptions> options, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(nr, token: ct);
        if (events.Count == 0) return Problems.UnknownDocument(nr);
        var revisions = events.Select(e => e.Data).OfType<RevisionImported>().ToList();
        var readings = events.Select(e => e.Data).OfType<TextReread>().Select(t => t.TextHash);
        var texts = await DocumentText.LoadManyAsync(session, revisions.Select(r => r.ContentHash).Concat(readings).Distinct().ToArray(), ct);
        var files = Files(nr, events, texts);
        if (originals ?? true) files.AddRange(await OriginalFilesAsync(session, stores, revisions, ct));
        if (options.Value.Log.Enabled) files.AddRange(await LogFilesAsync(nr, log, ct));
        return Results.File(Zip(nr, files), "application/zip", $"{nr}-history.zip");
    }

    /// <summary>
    /// Each kept original once, as originals/&lt;its SHA-256&gt;: the name is the hash its revisions'
    /// events name, so sha256sum checks it. One whose bytes no longer have that hash is left out (verify names it).
    /// </summary>
    static async Task<List<(string Name, byte[] Bytes)>> OriginalFilesAsync(IQuerySession session, OriginalStores stores, List<RevisionImported> revisions, CancellationToken ct)
    {
        var kept = await OriginalFiles.FindManyAsync(session, revisions.Select(r => r.Provenance.SourceSha256).OfType<string>().Distinct().ToArray(), ct);
        var files = new List<(string Name, byte[] Bytes)>();
        foreach (var original in kept.Values.OrderBy(k => k.Sha256, StringComparer.Ordinal))
            if (await OriginalFiles.ReadIntactAsync(stores, original, ct) is { } bytes) files.Add(($"originals/{original.Sha256}", bytes));
        return files;
    }

    /// <summary>
    /// The log's part: the latest checkpoint, and for each event in it the leaf's record and its
    /// inclusion proof in that checkpoint's tree (all proofs computed from one read of stored hashes).
    /// </summary>
    static async Task<List<(string Name, byte[] Bytes)>> LogFilesAsync(string nr, LogStore log, CancellationToken ct)
    {
        var files = new List<(string Name, byte[] Bytes)>();
        if (await log.CheckpointAsync(null, ct) is not { } checkpoint) return files;
        var leaves = (await log.LeavesOfAsync(nr, ct)).Where(l => l.Index < checkpoint.Size).ToList();
        var proofs = await log.ComputeAsync(read => leaves.Select(l => MerkleTree.InclusionProof(l.Index, checkpoint.Size, read)).ToList(), ct);
        files.Add(("log/checkpoint", Encoding.UTF8.GetBytes(checkpoint.Note)));
        foreach (var (leaf, proof) in leaves.Zip(proofs))
        {
            files.Add(($"log/{leaf.Version:D4}.record", leaf.Data));
            files.Add(($"log/{leaf.Version:D4}.proof", Encoding.UTF8.GetBytes($"{leaf.Index}\n{string.Concat(proof.Select(h => Convert.ToBase64String(h) + "\n"))}")));
        }
        return files;
    }

    static List<(string Name, byte[] Bytes)> Files(string nr, IReadOnlyList<IEvent> events, Dictionary<string, string> texts)
    {
        var files = new List<(string Name, byte[] Bytes)>();
        var chain = new StringBuilder("version\tevent\tevent_sha256\tprevious_event_sha256\ttext_sha256\n");
        foreach (var e in events)
        {
            var name = $"events/{e.Version:D4}-{e.Data.GetType().Name}.json";
            files.Add((name, RevisionChain.CanonicalJson(e.Data)));
            var text = e.Data switch { RevisionImported r => r.ContentHash, TextReread t => t.TextHash, _ => "" };
            chain.Append($"{e.Version}\t{name}\t{RevisionChain.Hash(e.Data)}\t{RevisionChain.PreviousHash(e.Data) ?? ""}\t{text}\n");
            if (e.Data is TextReread reread)
                files.Add(($"readings/{e.Version:D4}.txt", Encoding.UTF8.GetBytes(texts.GetValueOrDefault(reread.TextHash, ""))));
            if (e.Data is not RevisionImported revision) continue;
            var folder = $"revisions/{revision.Revision:D4}";
            files.Add(($"{folder}/text.txt", Encoding.UTF8.GetBytes(texts.GetValueOrDefault(revision.ContentHash, ""))));
            files.Add(($"{folder}/metadata.json", JsonSerializer.SerializeToUtf8Bytes(revision, Readable)));
        }
        files.Add(("chain.tsv", Encoding.UTF8.GetBytes(chain.ToString())));
        files.Add(("README.txt", Encoding.UTF8.GetBytes(Readme(nr))));
        return files;
    }

    static byte[] Zip(string nr, List<(string Name, byte[] Bytes)> files)
    {
        files.Add(("SHA256SUMS", Encoding.UTF8.GetBytes(string.Concat(files.Select(f => $"{NormalisedText.Sha256(f.Bytes)}  {f.Name}\n")))));
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in files)
            {
                using var entry = zip.CreateEntry($"{nr}/{name}", CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        return buffer.ToArray();
    }

    static string Readme(string nr) => $"""
        The history of document {nr} as the Archive holds it.

        events/NNNN-*.json       every event of the document's stream, in order, written exactly as its hash is taken:
                                 the SHA-256 of each file is that event's hash.
        revisions/NNNN/text.txt  the normalised text of revision NNNN: its SHA-256 is the contentHash in the revision's event.
        revisions/NNNN/metadata.json  the revision event again, indented for reading.
        readings/NNNN.txt        the text that event NNNN (a TextReread: the revision's original read again by a newer
                                 reader) gives its revision from then on: its SHA-256 is that event's textHash. The
                                 revision's earlier reading stays in revisions/NNNN/text.txt.
        chain.tsv                the chain: each event's hash, the hash of the event before it that it names, its text's hash.
        originals/<sha256>       each file the revisions were read from, byte for byte, named by its SHA-256: the
                                 provenance.sourceSha256 of the revisions read from it (left out with ?originals=false).

        To check it offline:
          sha256sum -c SHA256SUMS        every file is as the Archive wrote it;
          then for each line of chain.tsv, previous_event_sha256 must equal event_sha256 of the line above
          (empty on the first), and text_sha256 must equal the SHA-256 of revisions/NNNN/text.txt;
          and each originals/<sha256> must hash to its own name.
        The last event_sha256 is the head of the chain: compare it with one published or kept elsewhere.

        log/checkpoint           the Archive's transparency log as of the download: a signed checkpoint (C2SP tlog-checkpoint)
                                 of a Merkle tree (RFC 6962) over every event the Archive holds, of every document.
        log/NNNN.record          the log's record of event NNNN: its stream, version, type, clocks, and the SHA-256 of
                                 events/NNNN-*.json and of the text it names.
        log/NNNN.proof           the record's leaf index, then its inclusion proof in the checkpoint's tree (base64 hashes).
        An event recorded after the checkpoint has no record yet: download again a minute later.

        To check all of it offline, with the log's verifier key (GET /log/key, or one you kept):
          archive verify --bundle {nr}-history.zip --key <verifier key>

        """;
}
