using Archive.Content.Documents;

namespace Archive.Content.OpenTk;

/// <summary>One document page as OpenTK (tkconv) renders it as text.</summary>
public sealed record OpenTkPage(
    DocumentMetadata Metadata,
    int SourceVersion,
    DateTimeOffset SourceUpdatedAt,
    string SourceUpdatedRaw,
    string Body,
    IReadOnlyList<Footnote> Footnotes)
{
    public string Number => Metadata.Number;
}

public sealed record Footnote(int Number, string Text);

/// <summary>Either a value or the one-line reason there is none.</summary>
public sealed record ParseResult<T>(T? Value, string? Error) where T : class
{
    public bool Succeeded => Value is not null;
    public static ParseResult<T> Ok(T value) => new(value, null);
    public static ParseResult<T> Fail(string error) => new(null, error);
}
