using System.Text.Json;
using Archive.Api.Documents;
using Archive.Api.Documents.GettingDetails;
using Archive.Api.Documents.TimeTravel;
using Archive.Content.Documents;
using Marten;

namespace Archive.Api.Exporting;

/// <summary>One line of an export: a document as it stood at T, with its text.</summary>
public sealed record ExportedDocument(
    string Number, int Revision, int SourceVersion, DateTimeOffset SourceUpdatedAt, string SourceUpdatedRaw, DateTimeOffset RecordedAt,
    DocumentMetadata Metadata, string ContentHash, string Text);

/// <summary>
/// The whole archive as of T, one JSON line per document, written as it is read: documents are
/// taken a page at a time by number, so memory stays the same however large the archive is.
/// </summary>
public static class ArchiveExport
{
    const int Page = 100;

    public static async Task<int> WriteAsync(IQuerySession session, Stream output, DateTimeOffset at, Axis axis, string? dossier, string? kind,
        JsonSerializerOptions json, CancellationToken ct)
    {
        var (written, after) = (0, "");
        while (true)
        {
            var numbers = await session.Query<DocumentDetails>().Where(d => string.Compare(d.Id, after) > 0).OrderBy(d => d.Id).Select(d => d.Id).Take(Page).ToListAsync(ct);
            if (numbers.Count == 0) return written;
            foreach (var document in await AtAsync(session, numbers, at, axis, ct))
            {
                if (dossier is not null && document.Metadata.Dossier?.Number != dossier) continue;
                if (kind is not null && !string.Equals(document.Metadata.Kind, kind, StringComparison.OrdinalIgnoreCase)) continue;
                await JsonSerializer.SerializeAsync(output, document, json, ct);
                output.WriteByte((byte)'\n');
                written++;
            }
            await output.FlushAsync(ct);
            after = numbers[^1];
        }
    }

    /// <summary>For a page of documents: each one's revision at T, skipping those not yet there or withdrawn at T.</summary>
    static async Task<List<ExportedDocument>> AtAsync(IQuerySession session, IReadOnlyCollection<string> numbers, DateTimeOffset at, Axis axis, CancellationToken ct)
    {
        var chosen = await DocumentTimeTravel.ManyAtAsync(session, numbers, at, axis, ct);
        var texts = await DocumentText.LoadManyAsync(session, chosen.Select(r => r.ContentHash).ToArray(), ct);
        return chosen.Select(r => new ExportedDocument(r.DocumentNumber, r.Revision, r.SourceVersion, r.SourceUpdatedAt, r.SourceUpdatedRaw,
            r.RecordedAt, r.Metadata, r.ContentHash, texts.GetValueOrDefault(r.ContentHash, ""))).ToList();
    }
}
