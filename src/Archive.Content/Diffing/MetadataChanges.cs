using System.Globalization;
using Archive.Content.Documents;

namespace Archive.Content.Diffing;

/// <summary>A metadata field whose value differs between two revisions.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>What the source says about one revision, as compared field by field.</summary>
public sealed record RevisionFacts(int SourceVersion, string SourceUpdatedRaw, DocumentMetadata Metadata);

public static class MetadataChanges
{
    public static IReadOnlyList<FieldChange> Between(RevisionFacts older, RevisionFacts newer) =>
        Fields(older).Zip(Fields(newer), (a, b) => new FieldChange(a.Field, a.Value, b.Value))
            .Where(c => c.Old != c.New)
            .ToList();

    static IEnumerable<(string Field, string? Value)> Fields(RevisionFacts facts)
    {
        var m = facts.Metadata.Normalised();
        yield return ("versie", facts.SourceVersion.ToString(CultureInfo.InvariantCulture));
        yield return ("bijgewerkt", facts.SourceUpdatedRaw);
        yield return ("kind", m.Kind);
        yield return ("title", m.Title);
        yield return ("subject", m.Subject);
        yield return ("date", m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("dossier", Dossier(m.Dossier));
        yield return ("cases", m.CaseNumbers.Count == 0 ? null : string.Join(", ", m.CaseNumbers));
    }

    /// <summary>"36180-196 Titel", "36200-XII-62 …": number, toevoeging and volgnummer as Kamerstukken cite them.</summary>
    static string? Dossier(DossierReference? d) => d is null ? null
        : string.Join("-", new[] { d.Number, d.Addition, d.SequenceNumber?.ToString(CultureInfo.InvariantCulture) }.Where(p => p is not null))
          + (d.Title is null ? "" : " " + d.Title);
}
