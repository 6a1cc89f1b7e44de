namespace Archive.Api.Pages;

/// <summary>What went wrong, for a page: its HTTP status, a title and what the reader can do next.</summary>
public sealed record ProblemView(int Status, string Title, string Detail, IReadOnlyList<(string Text, string Href)> Links)
{
    public ProblemView(int status, string title, string detail) : this(status, title, detail, []) { }
}
