using Archive.Content.Documents;

namespace Archive.Content.Input;

/// <summary>What a revision must be to be recorded, whoever brings it (a page, the sync, the API).</summary>
public static class RevisionInput
{
    /// <summary>The first reason the revision is refused, or null. Metadata is expected normalised (controls already removed).</summary>
    public static string? Problem(DocumentMetadata metadata, long sourceVersion, DateTimeOffset sourceUpdatedAt)
    {
        if (Identifiers.DocumentProblem(metadata.Number) is { } number) return number;
        if (!Limits.IsVersion(sourceVersion)) return $"versie {sourceVersion} is not a version (expected 0 to {Limits.MaxVersion:N0})";
        if (!Limits.InRange(sourceUpdatedAt)) return $"the update time {sourceUpdatedAt:O} is not {Limits.TimeRange}";
        if (metadata.Date is { } date && !Limits.InRange(date)) return $"datum {date:yyyy-MM-dd} is not {Limits.TimeRange}";
        var tooLong = TooLong("titel", metadata.Title, Limits.MaxHeadingLength) ?? TooLong("onderwerp", metadata.Subject, Limits.MaxHeadingLength)
            ?? TooLong("soort", metadata.Kind, Limits.MaxKindLength) ?? TooLong("dossier title", metadata.Dossier?.Title, Limits.MaxHeadingLength);
        if (tooLong is not null) return tooLong;
        if (metadata.Dossier is { } dossier)
        {
            if (Identifiers.DossierProblem(dossier.Number) is { } problem) return problem;
            if (dossier.Addition is { } addition && !Identifiers.IsDossierAddition(addition))
                return $"{Identifiers.Quoted(addition)} is not {Identifiers.AdditionShape}";
            if (dossier.SequenceNumber is < 0 or > 1_000_000) return $"volgnummer {dossier.SequenceNumber} is not a sequence number";
        }
        if (metadata.CaseNumbers.Count > Limits.MaxCases) return $"{metadata.CaseNumbers.Count:N0} zaken is more than {Limits.MaxCases:N0}";
        if (metadata.CaseNumbers.FirstOrDefault(c => !Identifiers.IsCaseNumber(c)) is { } bad)
            return $"{Identifiers.Quoted(bad)} is not {Identifiers.CaseShape}";
        return null;
    }

    static string? TooLong(string field, string? value, int max) =>
        value is { Length: var length } && length > max ? $"the {field} is {length:N0} characters long, more than the {max:N0} the Archive takes" : null;
}
