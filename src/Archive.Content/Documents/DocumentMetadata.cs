using System.Text;
using System.Text.Json;
using Archive.Content.Text;

namespace Archive.Content.Documents;

/// <summary>A Kamerstukdossier reference: 36180 (toevoeging "XII" for 36200 XII), volgnummer 196.</summary>
public sealed record DossierReference(string Number, string? Addition, int? SequenceNumber, string? Title);

/// <summary>
/// What the source says about a document, apart from its own version and update time
/// (those identify a revision; this is what the revision says).
/// </summary>
public sealed record DocumentMetadata(
    string Number,
    string? Kind,
    string? Title,
    string? Subject,
    DateOnly? Date,
    DossierReference? Dossier,
    IReadOnlyList<string> CaseNumbers)
{
    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    /// <summary>The same facts written the same way: trimmed NFC strings without control characters, sorted case numbers.</summary>
    public DocumentMetadata Normalised() => this with
    {
        Kind = Clean(Kind),
        Title = Clean(Title),
        Subject = Clean(Subject),
        Dossier = Dossier is null ? null : Dossier with { Addition = Clean(Dossier.Addition), Title = Clean(Dossier.Title) },
        CaseNumbers = CaseNumbers.Select(c => c.Trim()).Distinct().Order(StringComparer.Ordinal).ToArray(),
    };

    /// <summary>SHA-256 of the canonical JSON of the normalised metadata.</summary>
    public string Hash() => NormalisedText.Sha256(JsonSerializer.Serialize(Normalised(), Canonical));

    /// <summary>Names of the fields whose values differ, in a fixed order.</summary>
    public IReadOnlyList<string> ChangedFields(DocumentMetadata other)
    {
        var (a, b) = (Normalised(), other.Normalised());
        var changed = new List<string>();
        if (a.Kind != b.Kind) changed.Add("kind");
        if (a.Title != b.Title) changed.Add("title");
        if (a.Subject != b.Subject) changed.Add("subject");
        if (a.Date != b.Date) changed.Add("date");
        if (a.Dossier != b.Dossier) changed.Add("dossier");
        if (!a.CaseNumbers.SequenceEqual(b.CaseNumbers)) changed.Add("cases");
        return changed;
    }

    static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Input.CleanText.Clean(value).Trim().Normalize(NormalizationForm.FormC) is { Length: > 0 } clean ? clean : null;
}
